import { MEMBER_STATE_CODES } from '@musyawarah/core/domain';
import { Button, ErrorNotice, Loading, Page, Tag, useFormat } from '@musyawarah/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import './readiness.css';
import { downloadFile, parseYear, yearOptions } from './year';

type Row = Outputs['assessments']['regional'][number];
type PillarScore = Row['pillars'][number];

const TIER_TONE = { advanced: 'green', promising: undefined, emerging: 'yellow' } as const;

export function TierTag({ tier }: { tier: string | null }) {
  const { t } = useTranslation();
  if (!tier) return <Tag tone="grey">{t('readiness.tier.provisional')}</Tag>;
  return <Tag tone={TIER_TONE[tier as keyof typeof TIER_TONE]}>{t(`readiness.tier.${tier}`)}</Tag>;
}

export function usePoints() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (n: number) => format.format(n);
}

/** The band rule shown next to every tier (the Annex's printed bands leave 10.5 and 20.5 between them). */
export function BandRule() {
  const { t } = useTranslation();
  return (
    <div className="inset-text readiness-rule">
      <p>{t('readiness.rule.bands')}</p>
      <p>{t('readiness.rule.noOverall')}</p>
    </div>
  );
}

/** `/readiness`: every Member State's submitted self-assessments, pillar by pillar, with CSV and JSON export. */
export function RegionalPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const points = usePoints();
  const [params, setParams] = useSearchParams();
  const year = parseYear(params.get('year'));
  const regional = useQuery(trpc.assessments.regional.queryOptions({ year }));
  const criteria = useQuery({ ...trpc.readiness.criteria.queryOptions(), staleTime: Infinity });
  const pillarName = (n: number) => criteria.data?.pillars.find((p) => p.number === n)?.name ?? '';

  const rows = [...(regional.data ?? [])].sort(
    (a, b) =>
      MEMBER_STATE_CODES.indexOf(a.memberState) - MEMBER_STATE_CODES.indexOf(b.memberState) ||
      b.year - a.year,
  );
  // Every Member State has a line, in the usual order, so a state that has not submitted shows as such (for the
  // chosen year, or for any year).
  const entries: { code: string; row?: Row }[] = MEMBER_STATE_CODES.flatMap((code) => {
    const own = rows.filter((r) => r.memberState === code);
    return own.length ? own.map((row) => ({ code, row })) : [{ code }];
  });
  const caption = year ? t('readiness.table.captionYear', { year }) : t('readiness.table.captionAll');
  const pillarCell = (p: PillarScore | undefined) =>
    p ? (
      <span className="readiness-cell">
        <span className="readiness-cell__score">
          {points(p.score)}
          <span className="visually-hidden"> {t('readiness.table.outOf', { max: p.max })}</span>
        </span>{' '}
        <TierTag tier={p.tier} />
      </span>
    ) : (
      ''
    );

  return (
    <Page title={t('readiness.title')} width="full">
      <div className="two-thirds">
        <p className="lead">{t('readiness.lead')}</p>
      </div>
      <BandRule />

      <form
        className="readiness-filter"
        aria-label={t('readiness.filter.label')}
        onSubmit={(e) => e.preventDefault()}
        role="search"
      >
        <div className="form-group">
          <label className="label" htmlFor="readiness-year">
            {t('readiness.filter.year')}
          </label>
          <select
            id="readiness-year"
            className="select"
            value={year ?? ''}
            onChange={(e) => setParams(e.target.value ? { year: e.target.value } : {})}
          >
            <option value="">{t('readiness.filter.allYears')}</option>
            {yearOptions().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </form>

      <ExportButtons year={year} />

      {regional.isPending ? (
        <Loading />
      ) : regional.isError ? (
        <ErrorNotice error={regional.error} onRetry={() => void regional.refetch()} />
      ) : (
        <>
          <p role="status" className="readiness-count">
            {t('readiness.table.count', { count: rows.length })}
          </p>
          {rows.length === 0 && !year && (
            <div className="inset-text">
              <p>{t('readiness.table.none')}</p>
            </div>
          )}
          <div className="table-wrap">
            <table className="table table--stack readiness-table">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('readiness.table.memberState')}</th>
                  <th scope="col">{t('readiness.table.year')}</th>
                  {[1, 2, 3, 4].map((n) => (
                    <th scope="col" key={n}>
                      {t('readiness.table.pillar', { number: n })}
                      {criteria.data && <span className="readiness-table__pillar-name">{pillarName(n)}</span>}
                    </th>
                  ))}
                  <th scope="col">{t('readiness.table.submitted')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) =>
                  entry.row ? (
                    <tr key={entry.row.id}>
                      <th scope="row" data-label={t('readiness.table.memberState')}>
                        <Link to={`/readiness/${entry.row.id}`}>
                          {t(`common.memberStates.${entry.row.memberState}`)}
                          <span className="visually-hidden">
                            {' '}
                            {t('readiness.table.viewSuffix', { year: entry.row.year })}
                          </span>
                        </Link>
                      </th>
                      <td data-label={t('readiness.table.year')}>{entry.row.year}</td>
                      {[1, 2, 3, 4].map((n) => (
                        <td key={n} data-label={t('readiness.table.pillar', { number: n })}>
                          {pillarCell(entry.row!.pillars.find((p) => p.pillar === n))}
                        </td>
                      ))}
                      <td data-label={t('readiness.table.submitted')}>
                        {format.date(entry.row.submittedAt)}
                      </td>
                    </tr>
                  ) : (
                    <tr key={entry.code} className="readiness-table__missing">
                      <th scope="row" data-label={t('readiness.table.memberState')}>
                        {t(`common.memberStates.${entry.code}`)}
                      </th>
                      <td data-label={t('readiness.table.year')}>{year ?? '—'}</td>
                      <td colSpan={5} data-label={t('readiness.table.status')}>
                        {year ? t('readiness.table.notSubmitted') : t('worksurface.readiness.noneYet')}
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}

function ExportButtons({ year }: { year: number | undefined }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<'csv' | 'json' | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);

  const download = async (fileFormat: 'csv' | 'json') => {
    setBusy(fileFormat);
    setError(null);
    setStatus('');
    try {
      const file = await queryClient.fetchQuery({
        ...trpc.assessments.exportRegional.queryOptions({ format: fileFormat, year }),
        staleTime: 0,
      });
      downloadFile(file);
      setStatus(t('readiness.export.done', { filename: file.filename }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="readiness-export" aria-labelledby="export-heading">
      <h2 className="heading-m" id="export-heading">
        {t('readiness.export.title')}
      </h2>
      <p className="hint">
        {year ? t('readiness.export.hintYear', { year }) : t('readiness.export.hintAll')}
      </p>
      <div className="button-group">
        <Button variant="secondary" isBusy={busy === 'csv'} onClick={() => void download('csv')}>
          {t('readiness.export.csv')}
        </Button>
        <Button variant="secondary" isBusy={busy === 'json'} onClick={() => void download('json')}>
          {t('readiness.export.json')}
        </Button>
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
