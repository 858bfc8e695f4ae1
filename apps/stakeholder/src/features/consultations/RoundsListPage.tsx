import { LANGUAGES, MEMBER_STATE_CODES } from '@musyawarah/core/domain';
import { ROUND_FORMATS } from '@musyawarah/core/consultation/vocabulary';
import { ErrorNotice, Loading, Page, languageAutonym } from '@musyawarah/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC } from '../../trpc';
import { useCatalogueIds } from '../catalogue/data';
import './consultations.css';
import { useLocalized, type RoundSummary } from './data';
import { RoundCard } from './RoundCard';

const FILTER_KEYS = ['action', 'state', 'language', 'format'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Filters = Partial<Record<FilterKey, string>>;

function filtersFrom(params: URLSearchParams): Filters {
  const out: Filters = {};
  const action = params.get('action')?.trim().toUpperCase();
  if (action && /^[A-Z]\d+(\.\d+){1,2}$/.test(action)) out.action = action;
  const state = params.get('state')?.toUpperCase();
  if (state && (MEMBER_STATE_CODES as readonly string[]).includes(state)) out.state = state;
  const language = params.get('language');
  if (language && (LANGUAGES as readonly string[]).includes(language)) out.language = language;
  const format = params.get('format');
  if (format && (ROUND_FORMATS as readonly string[]).includes(format)) out.format = format;
  return out;
}

function toParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]);
  return params;
}

/** `/consultations`: open and upcoming rounds (filters in the URL), then closed rounds with "What we heard". */
export function RoundsListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const input = {
    actionId: filters.action,
    memberState: filters.state,
    language: filters.language,
    format: filters.format,
  };
  const list = useQuery({ ...trpc.rounds.listPublic.queryOptions(input), placeholderData: keepPreviousData });
  const set = (key: FilterKey, value: string) =>
    setParams(toParams({ ...filters, [key]: value || undefined }), { replace: true });
  const filtered = Object.keys(filters).length > 0;

  const rounds = list.data ?? [];
  const current = rounds
    .filter((r) => r.phase === 'open' || r.phase === 'upcoming')
    .sort((a, b) =>
      a.phase === b.phase ? a.closesAt.localeCompare(b.closesAt) : a.phase === 'open' ? -1 : 1,
    );
  const past = rounds.filter((r) => r.phase === 'closed' || r.phase === 'summary_published');

  return (
    <Page title={t('consultations.list.title')} width="full">
      <div className="two-thirds">
        <p className="lead">{t('consultations.list.lead')}</p>
      </div>
      <FilterBar filters={filters} onChange={set} />
      <p role="status" className="consultations-count">
        {list.data ? t('consultations.list.count', { count: rounds.length }) : ''}
      </p>
      {filtered && (
        <p>
          <Link to="/consultations">{t('consultations.list.clear')}</Link>
        </p>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <div aria-busy={list.isFetching ? true : undefined}>
          <section aria-labelledby="current-rounds">
            <h2 className="heading-l" id="current-rounds">
              {t('consultations.list.current')}
            </h2>
            {current.length === 0 ? (
              <div className="inset-text">
                <p>
                  <strong>
                    {filtered ? t('consultations.list.noneFiltered') : t('consultations.list.none')}
                  </strong>
                </p>
                <p>{t('consultations.list.noneHint')}</p>
              </div>
            ) : (
              <ul className="round-list">
                {current.map((round) => (
                  <RoundCard key={round.id} round={round} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="past-rounds">
            <h2 className="heading-l" id="past-rounds">
              {t('consultations.list.past')}
            </h2>
            {past.length === 0 ? (
              <p>{t('consultations.list.nonePast')}</p>
            ) : (
              <ul className="round-list">
                {past.map((round) => (
                  <PastRound key={round.id} round={round} />
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </Page>
  );
}

function PastRound({ round }: { round: RoundSummary }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const summary = round.summary ? pick(round.summary) : null;
  return (
    <RoundCard round={round}>
      {summary && (
        <div className="round-card__summary">
          <h4 className="heading-s">{t('consultations.summary.title')}</h4>
          <p className="round-card__description" lang={summary.language}>
            {summary.text.length > 400 ? `${summary.text.slice(0, 400).trimEnd()}…` : summary.text}
          </p>
          <p>
            <Link to={`/consultations/${round.id}#what-we-heard`}>
              {t('consultations.summary.readAll')}
              <span className="visually-hidden"> — {pick(round.title).text}</span>
            </Link>
          </p>
        </div>
      )}
    </RoundCard>
  );
}

function FilterBar({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (key: FilterKey, value: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ids = useCatalogueIds();
  return (
    <form
      className="filter"
      aria-label={t('consultations.filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="form-group">
        <label className="label" htmlFor={`${id}-action`}>
          {t('consultations.filters.action')}
        </label>
        <select
          id={`${id}-action`}
          className="select"
          value={filters.action ?? ''}
          onChange={(e) => onChange('action', e.target.value)}
        >
          <option value="">{t('consultations.filters.allActions')}</option>
          {(ids.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.id} — {a.title}
            </option>
          ))}
          {filters.action && !ids.data?.some((a) => a.id === filters.action) && (
            <option value={filters.action}>{filters.action}</option>
          )}
        </select>
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-state`}>
          {t('consultations.filters.state')}
        </label>
        <select
          id={`${id}-state`}
          className="select"
          value={filters.state ?? ''}
          onChange={(e) => onChange('state', e.target.value)}
        >
          <option value="">{t('consultations.filters.allStates')}</option>
          {MEMBER_STATE_CODES.map((code) => (
            <option key={code} value={code}>
              {t(`common.memberStates.${code}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-language`}>
          {t('consultations.filters.language')}
        </label>
        <select
          id={`${id}-language`}
          className="select"
          value={filters.language ?? ''}
          onChange={(e) => onChange('language', e.target.value)}
        >
          <option value="">{t('consultations.filters.allLanguages')}</option>
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {languageAutonym(code)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-format`}>
          {t('consultations.filters.format')}
        </label>
        <select
          id={`${id}-format`}
          className="select"
          value={filters.format ?? ''}
          onChange={(e) => onChange('format', e.target.value)}
        >
          <option value="">{t('consultations.filters.allFormats')}</option>
          {ROUND_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`consultations.format.${f}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
