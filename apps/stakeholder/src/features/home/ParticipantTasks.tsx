import { ErrorNotice, Loading } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useZonedFormat } from '../consultations/data';
import { useTRPC } from '../../trpc';
import { Localized, Task, TaskSection } from './shared';

/** A participant's home: what they can answer now and what has been answered to them. */
export function ParticipantTasks() {
  const { t } = useTranslation();
  const format = useZonedFormat();
  const trpc = useTRPC();
  const home = useQuery(trpc.home.participant.queryOptions());
  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorNotice error={home.error} onRetry={() => void home.refetch()} />;
  const { openRounds, drafts, responses, sessions } = home.data;
  if (openRounds.length + drafts.length + responses.length + sessions.length === 0)
    return <p>{t('worksurface.participant.nothing')}</p>;
  return (
    <div className="task-grid">
      {drafts.length > 0 && (
        <TaskSection id="work-drafts" title={t('worksurface.participant.drafts.title')}>
          {drafts.map((d) => (
            <Task
              key={d.roundId}
              to={`/consultations/${d.roundId}/respond`}
              title={<Localized value={d.title} />}
            >
              <p>{t('worksurface.participant.drafts.closes', { date: format(d.closesAt) })}</p>
            </Task>
          ))}
        </TaskSection>
      )}
      {sessions.length > 0 && (
        <TaskSection id="work-sessions" title={t('worksurface.participant.sessions.title')}>
          {sessions.map((s) => (
            <Task
              key={`${s.kind}-${s.sessionId}`}
              to={`/boards/mine/sessions/${s.sessionId}`}
              title={<Localized value={s.title} />}
            >
              <p>
                {t(`worksurface.participant.sessions.${s.kind}`, { date: format(s.startsAt) })}
                {' · '}
                <Localized value={s.boardName} />
              </p>
            </Task>
          ))}
        </TaskSection>
      )}
      {openRounds.length > 0 && (
        <TaskSection id="work-rounds" title={t('worksurface.participant.rounds.title')}>
          {openRounds.map((r) => (
            <Task key={r.id} to={`/consultations/${r.id}`} title={<Localized value={r.title} />}>
              <p>{t('worksurface.participant.rounds.closes', { date: format(r.closesAt) })}</p>
            </Task>
          ))}
        </TaskSection>
      )}
      {responses.length > 0 && (
        <TaskSection id="work-responses" title={t('worksurface.participant.responses.title')}>
          {responses.map((r) => (
            <Task key={r.contributionId} to="/my-contributions" title={<Localized value={r.roundTitle} />}>
              <p>{t('worksurface.participant.responses.answered', { reference: r.reference ?? '' })}</p>
            </Task>
          ))}
        </TaskSection>
      )}
    </div>
  );
}
