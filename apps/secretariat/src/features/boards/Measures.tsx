import type { PeriodMeasures } from '@musyawarah/core/boards/rules';
import { DataTable, ErrorNotice, Loading, formattingLocale } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { BarChart } from './Chart';

type Period = 'month' | 'quarter';

/**
 * C2.1.1's four measures of progress over time: representation, participation rate, stakeholder engagement, and
 * satisfaction and trust. Each is a bar chart with a table of the same numbers under it.
 */
export function Measures({ boardId }: { boardId: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [period, setPeriod] = useState<Period>('quarter');
  const measures = useQuery(trpc.boards.measures.queryOptions({ boardId, period }));
  const periodLabel = (m: PeriodMeasures | { period: string; start: string | Date }) => {
    const start = new Date(m.start);
    if (period === 'quarter')
      return t('boards.measures.quarter', { quarter: m.period.slice(-1), year: start.getUTCFullYear() });
    return new Intl.DateTimeFormat(formattingLocale(i18n.language), {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(start);
  };
  return (
    <>
      <p className="prose">{t('boards.measures.intro')}</p>
      <div className="board-filters">
        <div className="form-group">
          <label className="label" htmlFor="measures-period">
            {t('boards.measures.period')}
          </label>
          <select
            id="measures-period"
            className="select"
            value={period}
            onChange={(e) => setPeriod(e.target.value as Period)}
          >
            <option value="quarter">{t('boards.measures.byQuarter')}</option>
            <option value="month">{t('boards.measures.byMonth')}</option>
          </select>
        </div>
      </div>
      {measures.isPending ? (
        <Loading />
      ) : measures.isError ? (
        <ErrorNotice error={measures.error} onRetry={() => void measures.refetch()} />
      ) : (
        (() => {
          const rows = measures.data.measures;
          const none = '—';
          return (
            <>
              <h3 className="heading-m">{t('boards.measures.representation')}</h3>
              <p className="hint">{t('boards.measures.representationHint')}</p>
              <BarChart
                caption={t('boards.measures.representationCaption')}
                labelHeader={t('boards.measures.periodColumn')}
                valueHeader={t('boards.measures.marginalisedShare')}
                max={100}
                rows={rows.map((m) => ({
                  key: m.period,
                  label: periodLabel(m),
                  value: m.representation.marginalisedPercent,
                  display:
                    m.representation.marginalisedPercent === null
                      ? none
                      : t('boards.monitor.percent', { value: m.representation.marginalisedPercent }),
                }))}
                extraColumns={[
                  {
                    key: 'targets',
                    header: t('boards.measures.targetsMet'),
                    cell: (r) => {
                      const m = rows.find((x) => x.period === r.key)!;
                      return t('boards.measures.ofTotal', {
                        value: m.representation.targetsMet,
                        total: m.representation.targetsTotal,
                      });
                    },
                  },
                  {
                    key: 'seats',
                    header: t('boards.measures.countedSeats'),
                    cell: (r) => rows.find((x) => x.period === r.key)!.representation.countedSeats,
                  },
                ]}
              />

              <h3 className="heading-m">{t('boards.measures.participation')}</h3>
              <p className="hint">{t('boards.measures.participationHint')}</p>
              <BarChart
                caption={t('boards.measures.participationCaption')}
                labelHeader={t('boards.measures.periodColumn')}
                valueHeader={t('boards.measures.rate')}
                max={100}
                rows={rows.map((m) => ({
                  key: m.period,
                  label: periodLabel(m),
                  value: m.participation.rate,
                  display:
                    m.participation.rate === null
                      ? none
                      : t('boards.monitor.percent', { value: m.participation.rate }),
                }))}
                extraColumns={[
                  {
                    key: 'sessions',
                    header: t('boards.measures.sessions'),
                    cell: (r) => rows.find((x) => x.period === r.key)!.participation.sessions,
                  },
                  {
                    key: 'present',
                    header: t('boards.measures.presentOfInvited'),
                    cell: (r) => {
                      const p = rows.find((x) => x.period === r.key)!.participation;
                      return t('boards.measures.ofTotal', { value: p.present, total: p.invited });
                    },
                  },
                ]}
              />

              <MemberParticipation boardId={boardId} />

              <h3 className="heading-m">{t('boards.measures.engagement')}</h3>
              <p className="hint">{t('boards.measures.engagementHint')}</p>
              <BarChart
                caption={t('boards.measures.engagementCaption')}
                labelHeader={t('boards.measures.periodColumn')}
                valueHeader={t('boards.measures.engagementTotal')}
                max={Math.max(1, ...rows.map((m) => m.engagement.total))}
                rows={rows.map((m) => ({
                  key: m.period,
                  label: periodLabel(m),
                  value: m.engagement.total,
                  display: String(m.engagement.total),
                }))}
                extraColumns={[
                  {
                    key: 'inputs',
                    header: t('boards.measures.inputs'),
                    cell: (r) => rows.find((x) => x.period === r.key)!.engagement.inputs,
                  },
                  {
                    key: 'nominations',
                    header: t('boards.measures.nominations'),
                    cell: (r) => rows.find((x) => x.period === r.key)!.engagement.nominations,
                  },
                ]}
              />

              <h3 className="heading-m">{t('boards.measures.satisfaction')}</h3>
              <p className="hint">{t('boards.measures.satisfactionHint')}</p>
              <BarChart
                caption={t('boards.measures.satisfactionCaption')}
                labelHeader={t('boards.measures.periodColumn')}
                valueHeader={t('boards.measures.satisfactionMean')}
                max={5}
                rows={rows.map((m) => ({
                  key: m.period,
                  label: periodLabel(m),
                  value: m.satisfaction.satisfactionMean,
                  display:
                    m.satisfaction.satisfactionMean === null ? none : String(m.satisfaction.satisfactionMean),
                }))}
                extraColumns={[
                  {
                    key: 'trust',
                    header: t('boards.measures.trustMean'),
                    cell: (r) => rows.find((x) => x.period === r.key)!.satisfaction.trustMean ?? none,
                  },
                  {
                    key: 'responses',
                    header: t('boards.measures.responses'),
                    cell: (r) => rows.find((x) => x.period === r.key)!.satisfaction.responses,
                  },
                ]}
              />
            </>
          );
        })()
      )}
    </>
  );
}

/** Participation per member over time: sessions held that each was invited to, how many they attended, their rate. */
function MemberParticipation({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const participation = useQuery(trpc.boards.participation.queryOptions({ boardId }));
  if (participation.isPending) return <Loading />;
  if (participation.isError)
    return <ErrorNotice error={participation.error} onRetry={() => void participation.refetch()} />;
  const members = participation.data.members;
  return (
    <>
      <h4 className="heading-s">{t('boards.measures.byMember')}</h4>
      {members.length === 0 ? (
        <p>{t('boards.measures.noMembers')}</p>
      ) : (
        <DataTable
          caption={t('boards.measures.byMember')}
          captionHidden
          rows={members}
          rowKey={(m) => m.userId}
          columns={[
            {
              key: 'name',
              header: t('boards.seats.columns.member'),
              rowHeader: true,
              cell: (m) => m.name ?? t('boards.inputs.formerMember'),
            },
            {
              key: 'invited',
              header: t('boards.measures.invitedTo'),
              className: 'numeric',
              cell: (m) => m.invited,
            },
            {
              key: 'present',
              header: t('boards.measures.attended'),
              className: 'numeric',
              cell: (m) => m.present,
            },
            {
              key: 'rate',
              header: t('boards.measures.rate'),
              className: 'numeric',
              cell: (m) => (m.rate === null ? '—' : t('boards.monitor.percent', { value: m.rate })),
            },
          ]}
        />
      )}
    </>
  );
}
