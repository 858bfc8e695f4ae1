import { ErrorNotice, Loading, NoticeRegion, useNotice } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../trpc';
import { type RoundDetail } from './shared';
import { AddTheme } from './moderation/AddTheme';
import { ContributionCard } from './moderation/ContributionCard';

const FILTERS = ['all', 'reported', 'unanswered', 'hidden'] as const;

type Filter = (typeof FILTERS)[number];

export function ModerationQueue({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  // Local state answers the click at once; the URL follows (a router navigation, which settles a moment later).
  const [filter, setFilter] = useState<Filter>(() =>
    (FILTERS as readonly string[]).includes(params.get('show') ?? '')
      ? (params.get('show') as Filter)
      : 'all',
  );
  const queue = useQuery(trpc.contributions.moderationQueue.queryOptions({ roundId: round.id }));
  const notice = useNotice();
  const say = (text: string, tone: 'success' | 'error' = 'success') => notice[tone](text);

  const rows =
    queue.data?.filter((c) =>
      filter === 'reported'
        ? c.openReports > 0
        : filter === 'unanswered'
          ? c.awaitingResponse
          : filter === 'hidden'
            ? c.hidden
            : true,
    ) ?? [];
  const counts = {
    all: queue.data?.length ?? 0,
    reported: queue.data?.filter((c) => c.openReports > 0).length ?? 0,
    unanswered: queue.data?.filter((c) => c.awaitingResponse).length ?? 0,
    hidden: queue.data?.filter((c) => c.hidden).length ?? 0,
  };

  return (
    <>
      <NoticeRegion />
      <AddTheme round={round} onDone={say} />
      <fieldset className="fieldset consult-filter">
        <legend className="legend">{t('consultations.moderation.show')}</legend>
        <div className="choices choices--inline">
          {FILTERS.map((f) => (
            <div className="choice" key={f}>
              <input
                id={`moderation-filter-${f}`}
                type="radio"
                name="moderation-filter"
                className="choice__input"
                checked={filter === f}
                onChange={() => {
                  setFilter(f);
                  setParams(
                    (prev) => {
                      const next = new URLSearchParams(prev);
                      if (f === 'all') next.delete('show');
                      else next.set('show', f);
                      return next;
                    },
                    { replace: true, preventScrollReset: true },
                  );
                }}
              />
              <label className="choice__label" htmlFor={`moderation-filter-${f}`}>
                {f === 'unanswered'
                  ? t('worksurface.moderation.unanswered', { count: counts[f] })
                  : t(`consultations.moderation.filter.${f}`, { count: counts[f] })}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} />
      ) : rows.length === 0 ? (
        <p>
          {filter === 'unanswered'
            ? t('worksurface.moderation.emptyUnanswered')
            : t(`consultations.moderation.empty.${filter}`)}
        </p>
      ) : (
        <ol className="consult-queue list-plain" aria-label={t('consultations.moderation.listLabel')}>
          {rows.map((c) => (
            <li key={c.id}>
              <ContributionCard round={round} contribution={c} onDone={say} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
