import { DataTable, ErrorNotice, Loading } from '@musyawarah/ui';
import {
  ChartFigure,
  TimeChart,
  seriesFacts,
  type SeriesPoint,
  type TimeSeries,
} from '@musyawarah/ui/charts';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../trpc';

type Period = Outputs['boards']['measures']['measures'][number];

interface Measure {
  key: string;
  title: string;
  series: TimeSeries[];
  domain?: [number, number];
  unit: (value: number) => string;
  summary: string;
}

/** "From X in Q1 2026 to Y in Q3 2026", or "Nothing measured yet". */
function trend(t: TFunction, points: SeriesPoint[], unit: (v: number) => string) {
  const facts = seriesFacts(points);
  if (!facts.first || !facts.latest) return t('charts.page.measures.noData');
  return t('charts.page.measures.trend', {
    first: unit(facts.first.value!),
    firstPeriod: facts.first.label,
    latest: unit(facts.latest.value!),
    latestPeriod: facts.latest.label,
  });
}

/** The four C2.1 measures of a board, per quarter, as four small charts with their tables. */
export function BoardCharts({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const measures = useQuery(trpc.boards.measures.queryOptions({ boardId, period: 'quarter' }));
  if (measures.isPending) return <Loading />;
  if (measures.isError) return <ErrorNotice error={measures.error} onRetry={() => void measures.refetch()} />;
  const periods = measures.data.measures;
  const label = (p: Period) =>
    t('boards.measures.quarter', { quarter: p.period.slice(-1), year: new Date(p.start).getUTCFullYear() });
  const labels = periods.map(label);
  const points = (pick: (p: Period) => number | null): SeriesPoint[] =>
    periods.map((p) => ({ key: p.period, label: label(p), value: pick(p) }));
  const percent = (v: number) => t('charts.page.percent', { value: v });
  const plain = (v: number) => String(v);
  const line = (title: string, series: number, pick: (p: Period) => number | null): TimeSeries => ({
    label: title,
    series,
    kind: 'line',
    values: periods.map(pick),
  });

  const m = (key: string) => t(`charts.page.measures.${key}`);
  const engagementTotal = periods.reduce((sum, p) => sum + p.engagement.total, 0);
  const latest = periods[periods.length - 1];
  const list: Measure[] = [
    {
      key: 'representation',
      title: m('representation'),
      series: [line(m('representation'), 0, (p) => p.representation.marginalisedPercent)],
      domain: [0, 100],
      unit: percent,
      summary: trend(
        t,
        points((p) => p.representation.marginalisedPercent),
        percent,
      ),
    },
    {
      key: 'participation',
      title: m('participation'),
      series: [line(m('participation'), 1, (p) => p.participation.rate)],
      domain: [0, 100],
      unit: percent,
      summary: trend(
        t,
        points((p) => p.participation.rate),
        percent,
      ),
    },
    {
      key: 'engagement',
      title: m('engagement'),
      series: [
        { label: m('inputs'), series: 2, kind: 'column', values: periods.map((p) => p.engagement.inputs) },
        {
          label: m('nominations'),
          series: 1,
          kind: 'column',
          values: periods.map((p) => p.engagement.nominations),
        },
      ],
      unit: plain,
      summary: latest
        ? t('charts.page.measures.engagementSummary', {
            total: engagementTotal,
            latest: latest.engagement.total,
            latestPeriod: label(latest),
          })
        : m('noData'),
    },
    {
      key: 'satisfaction',
      title: m('satisfaction'),
      series: [
        line(m('satisfactionMean'), 0, (p) => p.satisfaction.satisfactionMean),
        line(m('trustMean'), 3, (p) => p.satisfaction.trustMean),
      ],
      domain: [1, 5],
      unit: plain,
      summary: [
        `${m('satisfactionMean')}: ${trend(
          t,
          points((p) => p.satisfaction.satisfactionMean),
          plain,
        )}`,
        `${m('trustMean')}: ${trend(
          t,
          points((p) => p.satisfaction.trustMean),
          plain,
        )}`,
      ].join(' '),
    },
  ];

  return (
    <div className="chart-grid">
      {list.map((measure) => (
        <ChartFigure
          key={measure.key}
          title={measure.title}
          summary={measure.summary}
          table={
            <DataTable<Period>
              caption={measure.title}
              captionHidden
              rows={periods}
              rowKey={(p) => p.period}
              columns={[
                { key: 'period', header: t('charts.page.columns.period'), rowHeader: true, cell: label },
                ...measure.series.map((s) => ({
                  key: s.label,
                  header: s.label,
                  className: 'numeric',
                  cell: (p: Period) => {
                    const v = s.values[periods.indexOf(p)];
                    return v === null || v === undefined ? t('charts.page.notMeasured') : measure.unit(v);
                  },
                })),
                ...(measure.key === 'representation'
                  ? [
                      {
                        key: 'targets',
                        header: m('targetsMet'),
                        className: 'numeric',
                        cell: (p: Period) =>
                          `${p.representation.targetsMet} / ${p.representation.targetsTotal}`,
                      },
                    ]
                  : []),
              ]}
            />
          }
        >
          <TimeChart labels={labels} series={measure.series} domain={measure.domain} formatTick={plain} />
        </ChartFigure>
      ))}
    </div>
  );
}
