import { Button, DiffLegend, ErrorNotice, Loading, Page } from '@musyawarah/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC } from '../../trpc';
import { STATIC } from '../catalogue/data';
import { useEditions } from '../catalogue/EditionBar';
import { useHashFocus } from '../catalogue/hash';
import { EditionDiffView } from './EditionDiffView';
import './editions.css';

const positive = (raw: string | null): number | undefined => {
  if (raw === null || !/^\d{1,6}$/.test(raw)) return undefined;
  const number = Number(raw);
  return number >= 1 ? number : undefined;
};

/**
 * `/editions/compare?from=1&to=2`: what changed between two editions — action areas and sub-actions added, retired or
 * changed, and every changed text word by word. Without numbers it compares the current edition with the one before.
 */
export function ComparePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const editions = useEditions();
  const current = editions.data?.find((edition) => edition.status === 'current')?.number;
  const to = positive(params.get('to')) ?? current;
  const from = positive(params.get('from')) ?? (to !== undefined && to > 1 ? to - 1 : undefined);
  // With fewer than two editions there is nothing to compare: one message says so, and no comparison is asked for
  // (asking would answer "not found" for the missing edition, shown as a second, alarming message).
  const comparable = editions.data !== undefined && editions.data.length >= 2;
  const compared = useQuery({
    ...trpc.editions.compare.queryOptions({ from: from ?? 1, to: to ?? 1 }),
    ...STATIC,
    enabled: comparable && from !== undefined && to !== undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
  useHashFocus(compared.isSuccess && !compared.isPlaceholderData);

  return (
    <Page title={t('editions.compare.title')} width="full">
      <div className="two-thirds">
        <p className="lead">{t('editions.compare.lead')}</p>
        {editions.isError && <ErrorNotice error={editions.error} onRetry={() => void editions.refetch()} />}
        {editions.data && editions.data.length < 2 && <p>{t('editions.compare.onlyOne')}</p>}
        {editions.data && editions.data.length >= 2 && from !== undefined && to !== undefined && (
          <ChooseEditions
            key={`${from}-${to}`}
            editions={editions.data}
            from={from}
            to={to}
            onCompare={(next) => setParams({ from: String(next.from), to: String(next.to) })}
          />
        )}
        <p>
          <Link to="/editions">{t('editions.compare.allEditions')}</Link>
        </p>
      </div>
      {comparable && from !== undefined && to !== undefined && (
        <section aria-labelledby="changes-heading" aria-busy={compared.isFetching ? true : undefined}>
          <h2 className="heading-l" id="changes-heading">
            {t('editions.compare.heading', { from, to })}
          </h2>
          {compared.isPending ? (
            <Loading />
          ) : compared.isError ? (
            <ErrorNotice error={compared.error} onRetry={() => void compared.refetch()} />
          ) : (
            <>
              <Summary counts={compared.data.diff.counts} />
              {compared.data.diff.actionAreas.length > 0 && <DiffLegend />}
              <EditionDiffView
                diff={compared.data.diff}
                from={compared.data.from.number}
                to={compared.data.to.number}
              />
            </>
          )}
        </section>
      )}
    </Page>
  );
}

function ChooseEditions({
  editions,
  from: initialFrom,
  to: initialTo,
  onCompare,
}: {
  editions: { number: number; title: string; status: string }[];
  from: number;
  to: number;
  onCompare: (choice: { from: number; to: number }) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [from, setFrom] = useState(String(initialFrom));
  const [to, setTo] = useState(String(initialTo));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCompare({ from: Number(from), to: Number(to) });
  };
  const options = editions.map((edition) => (
    <option key={edition.number} value={edition.number}>
      {t(edition.status === 'current' ? 'editions.compare.optionCurrent' : 'editions.compare.option', {
        number: edition.number,
        title: edition.title,
      })}
    </option>
  ));
  return (
    <form className="compare-form" onSubmit={submit} aria-label={t('editions.compare.formLabel')}>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-from`}>
          {t('editions.compare.from')}
        </label>
        <select id={`${id}-from`} className="select" value={from} onChange={(e) => setFrom(e.target.value)}>
          {options}
        </select>
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-to`}>
          {t('editions.compare.to')}
        </label>
        <select id={`${id}-to`} className="select" value={to} onChange={(e) => setTo(e.target.value)}>
          {options}
        </select>
      </div>
      <Button type="submit">{t('editions.compare.submit')}</Button>
    </form>
  );
}

function Summary({
  counts,
}: {
  counts: {
    actionAreas: Record<'added' | 'retired' | 'changed', number>;
    subActions: Record<'added' | 'retired' | 'changed', number>;
  };
}) {
  const { t } = useTranslation();
  const none = Object.values(counts.actionAreas).every((count) => count === 0);
  if (none) return <p className="inset-text">{t('editions.compare.noChanges')}</p>;
  return (
    <dl className="compare-summary">
      {(['actionAreas', 'subActions'] as const).map((level) => (
        <div className="compare-summary__row" key={level}>
          <dt>{t(`editions.compare.summary.${level}`)}</dt>
          <dd>
            {t('editions.compare.summary.counts', {
              added: counts[level].added,
              changed: counts[level].changed,
              retired: counts[level].retired,
            })}
          </dd>
        </div>
      ))}
    </dl>
  );
}
