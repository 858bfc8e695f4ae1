import type { BoardTarget, TargetEvaluation } from '@musyawarah/core/boards/targets';
import { DataTable, ErrorNotice, Loading, NotificationBanner, Tag, useMessage } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../trpc';
import { useConstituencyLabel } from './shared';

/** A target in words: "At least 40 % of seats: Women, Youth". */
export function useTargetText() {
  const { t } = useTranslation();
  const label = useConstituencyLabel();
  return useCallback(
    (target: BoardTarget) => {
      switch (target.kind) {
        case 'min_share':
          return t('boards.target.min_share', {
            percent: target.minPercent,
            constituencies: target.constituencies.map(label).join(', '),
          });
        case 'min_count':
          return t('boards.target.min_count', {
            count: target.minCount,
            constituency: label(target.constituency),
          });
        case 'max_per_member_state':
          return t('boards.target.max_per_member_state', { count: target.maxSeats });
        case 'max_gender_share':
          return t('boards.target.max_gender_share', { percent: target.maxPercent });
      }
    },
    [t, label],
  );
}

/** Shares are in %, the other targets in seats. */
function useAmount() {
  const { t } = useTranslation();
  return (evaluation: TargetEvaluation, value: number) =>
    evaluation.kind === 'min_share' || evaluation.kind === 'max_gender_share'
      ? t('boards.monitor.percent', { value })
      : t('boards.monitor.seats', { count: value });
}

export function useMonitor(boardId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.boards.monitor.queryOptions({ boardId }));
}

/** Shown above the tabs while any target is unmet, so nobody misses it on another tab. */
export function UnmetBanner({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const monitor = useMonitor(boardId);
  const unmet = monitor.data?.evaluations.filter((e) => !e.met).length ?? 0;
  if (unmet === 0) return null;
  return (
    <NotificationBanner heading={t('boards.monitor.unmetTitle', { count: unmet })}>
      <p>
        <Link to="?tab=representation">{t('boards.monitor.see')}</Link>
      </p>
    </NotificationBanner>
  );
}

/**
 * The representation monitor: every target with what it requires and what the current seats give, unmet ones listed
 * first in a banner. It reads the same query the seat and nomination actions invalidate, so it changes as they happen.
 */
export function Monitor({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const monitor = useMonitor(boardId);
  const text = useTargetText();
  const amount = useAmount();
  if (monitor.isPending) return <Loading />;
  if (monitor.isError) return <ErrorNotice error={monitor.error} onRetry={() => void monitor.refetch()} />;
  const { evaluations, countedSeats, composition } = monitor.data;
  const unmet = evaluations.filter((e) => !e.met);
  return (
    <>
      <p>{t('boards.monitor.counted', { count: countedSeats })}</p>
      {evaluations.length === 0 ? (
        <p>
          {t('boards.monitor.noTargets')}{' '}
          <Link to={`/boards/${boardId}/edit`}>{t('boards.monitor.addTargets')}</Link>
        </p>
      ) : (
        <>
          <div aria-live="polite">
            {unmet.length > 0 ? (
              <div className="error-summary" aria-labelledby="unmet-title">
                <h3 className="error-summary__title" id="unmet-title">
                  {t('boards.monitor.unmetTitle', { count: unmet.length })}
                </h3>
                <ul className="error-summary__list board-monitor-unmet">
                  {unmet.map((e) => (
                    <li key={e.index}>
                      <strong>{text(e.target)}</strong>: {tm({ key: e.reason.key, params: e.reason.values })}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <NotificationBanner tone="success" title={t('boards.monitor.allMetTitle')}>
                <p>{t('boards.monitor.allMet')}</p>
              </NotificationBanner>
            )}
          </div>
          <DataTable<TargetEvaluation>
            caption={t('boards.monitor.caption')}
            rows={evaluations}
            rowKey={(e) => String(e.index)}
            columns={[
              {
                key: 'target',
                header: t('boards.monitor.columns.target'),
                rowHeader: true,
                cell: (e) => text(e.target),
              },
              {
                key: 'required',
                header: t('boards.monitor.columns.required'),
                className: 'numeric',
                cell: (e) => amount(e, e.required),
              },
              {
                key: 'actual',
                header: t('boards.monitor.columns.actual'),
                className: 'numeric',
                cell: (e) => amount(e, e.actual),
              },
              {
                key: 'status',
                header: t('boards.monitor.columns.status'),
                cell: (e) =>
                  e.met ? (
                    <Tag tone="green">{t('boards.monitor.met')}</Tag>
                  ) : (
                    <Tag tone="red">{t('boards.monitor.unmet')}</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
      <Composition composition={composition} />
    </>
  );
}

/** Who holds the counted seats today, by constituency, Member State and declared gender (roles include observers). */
function Composition({
  composition,
}: {
  composition: Record<'byConstituency' | 'byMemberState' | 'byGender' | 'byRole', Record<string, number>>;
}) {
  const { t } = useTranslation();
  const label = useConstituencyLabel();
  const groups = [
    { key: 'byConstituency', name: (k: string) => label(k) },
    {
      key: 'byMemberState',
      name: (k: string) => (k === 'undeclared' ? t('boards.seats.noState') : t(`common.memberStates.${k}`)),
    },
    {
      key: 'byGender',
      name: (k: string) => (k === 'undeclared' ? t('boards.seats.genderNotSaid') : t(`boards.gender.${k}`)),
    },
    { key: 'byRole', name: (k: string) => t(`boards.role.${k}`) },
  ] as const;
  return (
    <>
      <h3 className="heading-m">{t('boards.monitor.compositionHeading')}</h3>
      {groups.map((g) => {
        const rows = Object.entries(composition[g.key]).sort(
          (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
        );
        return (
          <DataTable
            key={g.key}
            caption={t(`boards.monitor.composition.${g.key}`)}
            rows={rows}
            rowKey={([k]) => k}
            columns={[
              {
                key: 'value',
                header: t(`boards.monitor.composition.${g.key}`),
                rowHeader: true,
                cell: ([k]) => g.name(k),
              },
              {
                key: 'seats',
                header: t('boards.monitor.columns.seats'),
                className: 'numeric',
                cell: ([, n]) => n,
              },
            ]}
          />
        );
      })}
    </>
  );
}
