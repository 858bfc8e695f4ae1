import { STAKEHOLDER_GROUPS } from '@musyawarah/core/domain';
import { DataTable, ErrorNotice, Loading, languageLabel, useFormat } from '@musyawarah/ui';
import {
  BarChart,
  ChartFigure,
  TileMap,
  TimeChart,
  categoryFacts,
  categoryRows,
  dailyFacts,
  dailyRows,
  targetsOf,
  tileRows,
  type CategoryRow,
} from '@musyawarah/ui/charts';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';

const shortDay = (day: string, language: string) =>
  new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** "Met" or "n short" for a row with a target; "No target" otherwise. */
function againstTarget(t: TFunction, row: { value: number; target?: number }) {
  if (row.target === undefined) return t('charts.page.noTarget');
  return row.value >= row.target
    ? t('charts.page.met')
    : t('charts.page.short', { count: row.target - row.value });
}

/** The summary sentence of a by-category chart, with the targets sentence when there are targets. */
function categorySummary(t: TFunction, rows: readonly CategoryRow[], key: 'groups' | 'languages') {
  const facts = categoryFacts(rows);
  if (!facts.first) return '';
  const parts = [
    facts.last === null
      ? t('charts.page.groups.onlyOne', { count: facts.total, first: facts.first.label })
      : t(`charts.page.${key}.summary`, {
          count: facts.categories,
          first: facts.first.label,
          firstCount: facts.first.value,
          firstShare: facts.first.share,
          last: facts.last.label,
          lastCount: facts.last.value,
        }),
  ];
  if (facts.targetsTotal > 0) {
    parts.push(t('charts.page.groups.targets', { met: facts.targetsMet, total: facts.targetsTotal }));
    for (const s of facts.short)
      parts.push(t('charts.page.groups.short', { label: s.row.label, count: s.shortfall }));
  }
  return parts.join(' ');
}

function CategoryTable({ caption, header, rows }: { caption: string; header: string; rows: CategoryRow[] }) {
  const { t } = useTranslation();
  const withTargets = rows.some((r) => r.target !== undefined);
  return (
    <DataTable<CategoryRow>
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { key: 'label', header, rowHeader: true, cell: (r) => r.label },
        {
          key: 'value',
          header: t('charts.page.columns.contributions'),
          className: 'numeric',
          cell: (r) => r.value,
        },
        {
          key: 'share',
          header: t('charts.page.columns.share'),
          className: 'numeric',
          cell: (r) => t('charts.page.percent', { value: r.share }),
        },
        ...(withTargets
          ? [
              {
                key: 'target',
                header: t('charts.page.columns.target'),
                className: 'numeric',
                cell: (r: CategoryRow) => r.target ?? '–',
              },
              {
                key: 'status',
                header: t('charts.page.columns.status'),
                cell: (r: CategoryRow) => againstTarget(t, r),
              },
            ]
          : []),
      ]}
    />
  );
}

const asBars = (t: TFunction, rows: readonly CategoryRow[]) =>
  rows.map((r) => ({
    ...r,
    display:
      r.target === undefined
        ? t('charts.page.valueShare', { value: r.value, share: r.share })
        : t('charts.page.valueTarget', { value: r.value, target: r.target }),
  }));

/** A round's participation as charts: over time, by Member State (tile map), by group against targets, by language and type. */
export function RoundCharts({ roundId }: { roundId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const participation = useQuery(trpc.rounds.participation.queryOptions({ roundId }));
  if (participation.isPending) return <Loading />;
  if (participation.isError)
    return <ErrorNotice error={participation.error} onRetry={() => void participation.refetch()} />;
  const data = participation.data;
  if (data.tally.total === 0) return <p>{t('charts.page.round.noContributions')}</p>;

  const days = dailyRows(data.byDay);
  const dayFacts = dailyFacts(days);
  const tiles = tileRows(
    data.tally.byMemberState,
    (code) => t(`common.memberStates.${code}`),
    targetsOf(data.targets, 'member_state'),
  );
  const named = tiles.filter((tile) => tile.value > 0).sort((a, b) => b.value - a.value);
  const below = tiles.filter((tile) => tile.target !== undefined && tile.value < tile.target);
  const groups = categoryRows(data.tally.byStakeholderGroup, (g) => t(`common.stakeholderGroups.${g}`), {
    order: STAKEHOLDER_GROUPS,
    targets: targetsOf(data.targets, 'stakeholder_group'),
  });
  const languages = categoryRows(data.tally.byLanguage, (l) => languageLabel(l, i18n.language), {
    targets: targetsOf(data.targets, 'language'),
  });
  const types = categoryRows(data.byType, (k) => t(`consultations.feedbackType.${k}`));
  const typeFacts = categoryFacts(types);

  return (
    <div className="chart-grid">
      <ChartFigure
        title={t('charts.page.overTime.title')}
        summary={
          dayFacts.busiest
            ? t('charts.page.overTime.summary', {
                total: dayFacts.total,
                days: dayFacts.days,
                day: format.date(`${dayFacts.busiest.day}T12:00:00Z`),
                count: dayFacts.busiest.count,
              })
            : t('charts.page.overTime.empty')
        }
        table={
          <DataTable
            caption={t('charts.page.overTime.title')}
            captionHidden
            rows={days}
            rowKey={(d) => d.day}
            columns={[
              {
                key: 'day',
                header: t('charts.page.columns.day'),
                rowHeader: true,
                cell: (d) => format.date(`${d.day}T12:00:00Z`),
              },
              {
                key: 'count',
                header: t('charts.page.columns.contributions'),
                className: 'numeric',
                cell: (d) => d.count,
              },
              {
                key: 'cumulative',
                header: t('charts.page.columns.runningTotal'),
                className: 'numeric',
                cell: (d) => d.cumulative,
              },
            ]}
          />
        }
      >
        <TimeChart
          labels={days.map((d) => shortDay(d.day, i18n.language))}
          series={[
            {
              label: t('charts.page.columns.contributions'),
              series: 0,
              kind: 'column',
              values: days.map((d) => d.count),
            },
          ]}
        />
      </ChartFigure>

      <ChartFigure
        title={t('charts.page.states.title')}
        summary={[
          named[0]
            ? t('charts.page.states.summary', {
                count: named.length,
                first: named[0].label,
                firstCount: named[0].value,
              })
            : t('charts.page.states.empty'),
          data.tally.unspecifiedMemberState > 0
            ? t('charts.page.states.unspecified', { count: data.tally.unspecifiedMemberState })
            : '',
          below.length > 0
            ? t('charts.page.states.below', { list: below.map((b) => b.label).join(', ') })
            : '',
        ]
          .filter(Boolean)
          .join(' ')}
        table={
          <CategoryTable
            caption={t('charts.page.states.title')}
            header={t('charts.page.columns.memberState')}
            rows={tiles.map((tile, i) => ({ ...tile, key: tile.code, series: i }))}
          />
        }
      >
        <TileMap tiles={tiles} />
      </ChartFigure>

      <ChartFigure
        title={t('charts.page.groups.title')}
        summary={categorySummary(t, groups, 'groups')}
        table={
          <CategoryTable
            caption={t('charts.page.groups.title')}
            header={t('charts.page.columns.group')}
            rows={groups}
          />
        }
      >
        <BarChart bars={asBars(t, groups)} />
      </ChartFigure>

      <ChartFigure
        title={t('charts.page.languages.title')}
        summary={categorySummary(t, languages, 'languages')}
        table={
          <CategoryTable
            caption={t('charts.page.languages.title')}
            header={t('charts.page.columns.language')}
            rows={languages}
          />
        }
      >
        <BarChart bars={asBars(t, languages)} />
      </ChartFigure>

      <ChartFigure
        title={t('charts.page.types.title')}
        summary={
          typeFacts.first
            ? t('charts.page.types.summary', {
                total: typeFacts.total,
                first: typeFacts.first.label,
                firstCount: typeFacts.first.value,
              })
            : t('charts.page.types.empty')
        }
        table={
          <DataTable<CategoryRow>
            caption={t('charts.page.types.title')}
            captionHidden
            rows={types}
            rowKey={(r) => r.key}
            columns={[
              { key: 'label', header: t('charts.page.columns.type'), rowHeader: true, cell: (r) => r.label },
              {
                key: 'value',
                header: t('charts.page.columns.items'),
                className: 'numeric',
                cell: (r) => r.value,
              },
              {
                key: 'share',
                header: t('charts.page.columns.share'),
                className: 'numeric',
                cell: (r) => t('charts.page.percent', { value: r.share }),
              },
            ]}
          />
        }
      >
        <BarChart bars={asBars(t, types)} />
      </ChartFigure>
    </div>
  );
}
