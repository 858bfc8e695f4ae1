import { DataTable, ErrorNotice, Loading } from '@musyawarah/ui';
import { BarChart, ChartFigure } from '@musyawarah/ui/charts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';

const STATUS_SERIES: Record<string, number> = { on_time: 2, ongoing: 0, not_started: 4, late: 5 };

/** Days late per phase of every started review cycle, the furthest behind first; status by pattern as well as words. */
export function ReviewCharts() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const cycles = useQuery(trpc.review.adminCycles.queryOptions());
  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorNotice error={cycles.error} onRetry={() => void cycles.refetch()} />;
  const rows = cycles.data
    .filter((c) => c.phases.some((p) => p.actualStart !== null || p.status === 'late'))
    .flatMap((c) =>
      c.phases.map((p) => ({
        key: `${c.id}:${p.phase}`,
        cycle: (c.title as Record<string, string | undefined>)[i18n.language] ?? c.title.en,
        phase: t(`reviews.stage.${p.phase}`),
        status: p.status,
        daysLate: p.daysLate,
      })),
    );
  if (rows.length === 0) return <p>{t('charts.page.review.none')}</p>;
  const late = rows.filter((r) => r.status === 'late').sort((a, b) => b.daysLate - a.daysLate);
  const title = t('charts.page.timeliness.title');
  const statuses = [...new Set(rows.map((r) => r.status))];
  return (
    <ChartFigure
      title={title}
      summary={t('charts.page.timeliness.summary', {
        count: late.length,
        label: late[0] ? `${late[0].cycle}, ${late[0].phase}` : '',
        days: late[0]?.daysLate ?? 0,
      })}
      table={
        <DataTable
          caption={title}
          captionHidden
          rows={rows}
          rowKey={(r) => r.key}
          columns={[
            { key: 'cycle', header: t('charts.page.columns.cycle'), cell: (r) => r.cycle },
            { key: 'phase', header: t('charts.page.columns.phase'), rowHeader: true, cell: (r) => r.phase },
            {
              key: 'status',
              header: t('charts.page.columns.timeliness'),
              cell: (r) => t(`reviews.timeliness.status.${r.status}`),
            },
            {
              key: 'daysLate',
              header: t('charts.page.columns.daysLate'),
              className: 'numeric',
              cell: (r) => r.daysLate,
            },
          ]}
        />
      }
    >
      <BarChart
        legend={statuses.map((s) => ({
          label: t(`reviews.timeliness.status.${s}`),
          series: STATUS_SERIES[s] ?? 0,
        }))}
        bars={rows.map((r) => ({
          key: r.key,
          label: `${r.cycle} · ${r.phase}`,
          value: r.daysLate,
          display: `${r.daysLate} · ${t(`reviews.timeliness.status.${r.status}`)}`,
          series: STATUS_SERIES[r.status] ?? 0,
        }))}
      />
    </ChartFigure>
  );
}
