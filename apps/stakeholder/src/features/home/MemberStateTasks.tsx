import { ErrorNotice, Loading, useFormat } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { dayInstant, Localized, Task, TaskSection } from './shared';

/** A representative's home: their state's open tasks, each linking to where it is done. */
export function MemberStateTasks() {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const home = useQuery(trpc.home.memberState.queryOptions());
  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorNotice error={home.error} onRetry={() => void home.refetch()} />;
  const { memberState, positionsAwaited, assessments, readiness, answers } = home.data;
  const state = t(`common.memberStates.${memberState}`);
  const self = readiness.assessment;
  return (
    <div className="task-grid">
      {positionsAwaited.length > 0 && (
        <TaskSection id="work-positions" title={t('worksurface.memberState.positions.title', { state })}>
          {positionsAwaited.map((p) => (
            <Task key={p.cycleId} to={`/review/${p.cycleId}`} title={<Localized value={p.title} />}>
              <p>{t('worksurface.memberState.positions.edits', { count: p.edits, state })}</p>
              {p.deadline && (
                <p>{t('worksurface.memberState.deadline', { date: format.date(dayInstant(p.deadline)) })}</p>
              )}
            </Task>
          ))}
        </TaskSection>
      )}
      {assessments.length > 0 && (
        <TaskSection id="work-assessments" title={t('worksurface.memberState.assessments.title')}>
          {assessments.map((a) => (
            <Task
              key={a.cycleId}
              to={`/review/${a.cycleId}/assessment`}
              title={<Localized value={a.title} />}
            >
              <p>{t(`worksurface.memberState.assessments.status.${a.status ?? 'none'}`)}</p>
              {a.deadline && (
                <p>{t('worksurface.memberState.deadline', { date: format.date(dayInstant(a.deadline)) })}</p>
              )}
            </Task>
          ))}
        </TaskSection>
      )}
      <TaskSection
        id="work-readiness"
        title={t('worksurface.memberState.readiness.title', { year: readiness.year })}
      >
        <Task
          to={
            !self
              ? '/assessment'
              : self.status === 'draft'
                ? `/assessment/${self.id}/edit`
                : `/assessment/${self.id}`
          }
          title={
            !self
              ? t('worksurface.memberState.readiness.start', { year: readiness.year })
              : self.status === 'draft'
                ? t('worksurface.memberState.readiness.continue')
                : t('worksurface.memberState.readiness.view')
          }
        >
          <p>
            {!self
              ? t('worksurface.memberState.readiness.none')
              : self.status === 'draft'
                ? t('worksurface.memberState.readiness.draft', { count: self.answered, total: 40 })
                : t('worksurface.memberState.readiness.submitted')}
          </p>
        </Task>
      </TaskSection>
      {answers.length > 0 && (
        <TaskSection id="work-answers" title={t('worksurface.memberState.answers.title')}>
          {answers.map((a, i) => (
            <Task key={`${a.cycleId}-${i}`} to={`/review/${a.cycleId}`} title={<Localized value={a.title} />}>
              <p>
                {t(`worksurface.memberState.answers.${a.kind}`, {
                  date: a.answeredAt ? format.date(a.answeredAt) : '',
                })}
              </p>
            </Task>
          ))}
        </TaskSection>
      )}
    </div>
  );
}
