import { ErrorNotice, Loading, Tag, useFormat } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import './home.css';

type Overview = Outputs['home']['secretariat'];

/** English is the Secretariat's working language; titles are stored per language with English required. */
const english = (value: unknown) =>
  value && typeof value === 'object' && 'en' in value && typeof value.en === 'string' ? value.en : '';

function Task({ to, title, children }: { to: string; title: string; children?: ReactNode }) {
  return (
    <li className="task">
      <Link to={to} className="task__link">
        {title}
      </Link>
      {children && <div className="task__body">{children}</div>}
    </li>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="task-section">
      <h3 className="heading-m" id={id}>
        {title}
      </h3>
      <ul className="list-plain task-list">{children}</ul>
    </section>
  );
}

/** What needs the Secretariat now; every figure links to the screen that lists the same things. */
export function AttentionNow() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const overview = useQuery(trpc.home.secretariat.queryOptions());
  return (
    <section aria-labelledby="attention" className="attention">
      <h2 className="heading-l" id="attention">
        {t('worksurface.overview.attention')}
      </h2>
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <Tasks data={overview.data} />
      )}
    </section>
  );
}

function Tasks({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const empty =
    data.moderation.length === 0 &&
    data.roundsThisWeek.length === 0 &&
    data.boards.length === 0 &&
    data.callsClosing.length === 0 &&
    data.reviewCycles.length === 0 &&
    data.failedMail === 0;
  if (empty) return <p>{t('worksurface.overview.nothing')}</p>;
  const stateNames = (codes: readonly string[]) => codes.map((c) => t(`common.memberStates.${c}`)).join(', ');
  return (
    <div className="task-grid">
      {data.moderation.length > 0 && (
        <Section id="work-moderation" title={t('worksurface.overview.moderation.title')}>
          {data.moderation.map((m) => (
            <li className="task" key={m.roundId}>
              <span className="task__title">{english(m.title)}</span>
              <ul className="list-plain task__figures">
                {m.reported > 0 && (
                  <li>
                    <Link to={`/consultations/${m.roundId}?tab=moderation&show=reported`}>
                      {t('worksurface.overview.moderation.reported', { count: m.reported })}
                    </Link>
                  </li>
                )}
                {m.unanswered > 0 && (
                  <li>
                    <Link to={`/consultations/${m.roundId}?tab=moderation&show=unanswered`}>
                      {t('worksurface.overview.moderation.unanswered', { count: m.unanswered })}
                    </Link>
                  </li>
                )}
              </ul>
            </li>
          ))}
        </Section>
      )}
      {data.roundsThisWeek.length > 0 && (
        <Section id="work-rounds" title={t('worksurface.overview.rounds.title')}>
          {data.roundsThisWeek.map((r) => (
            <Task key={r.id} to={`/consultations/${r.id}?tab=participation`} title={english(r.title)}>
              <p>
                <Tag tone={r.event === 'opens' ? 'blue' : 'yellow'}>
                  {t(`worksurface.overview.rounds.${r.event}`, { date: format.dateTime(r.at) })}
                </Tag>
              </p>
              <p>
                {t('worksurface.overview.rounds.contributions', { count: r.contributions })}
                {' · '}
                {r.targets === 0
                  ? t('worksurface.overview.rounds.noTargets')
                  : r.targetsUnmet === 0
                    ? t('worksurface.overview.rounds.targetsMet', { count: r.targets })
                    : t('worksurface.overview.rounds.targetsUnmet', {
                        count: r.targetsUnmet,
                        total: r.targets,
                      })}
              </p>
            </Task>
          ))}
        </Section>
      )}
      {(data.boards.length > 0 || data.callsClosing.length > 0) && (
        <Section id="work-boards" title={t('worksurface.overview.boards.title')}>
          {data.boards.map((b) => (
            <Task key={b.id} to={`/boards/${b.id}?tab=representation`} title={english(b.name)}>
              <p>{t('worksurface.overview.boards.unmet', { count: b.unmetTargets })}</p>
            </Task>
          ))}
          {data.callsClosing.map((c) => (
            <Task key={c.id} to={`/boards/${c.boardId}?tab=nominations`} title={english(c.boardName)}>
              <p>{t('worksurface.overview.boards.callCloses', { date: format.dateTime(c.closesAt) })}</p>
            </Task>
          ))}
        </Section>
      )}
      {data.reviewCycles.length > 0 && (
        <Section id="work-review" title={t('worksurface.overview.review.title')}>
          {data.reviewCycles.map((c) => (
            <Task
              key={c.id}
              to={
                c.waitingFor?.kind === 'assessment'
                  ? `/review/cycles/${c.id}/assessments`
                  : c.waitingFor?.kind === 'positions'
                    ? `/review/cycles/${c.id}/positions`
                    : `/review/cycles/${c.id}`
              }
              title={c.title.en}
            >
              <p>
                {c.plannedEnd
                  ? t('worksurface.overview.review.phase', {
                      stage: t(`reviews.stage.${c.stage}`),
                      date: format.date(`${c.plannedEnd}T00:00:00Z`),
                    })
                  : t(`reviews.stage.${c.stage}`)}
              </p>
              {c.waitingFor && (
                <p>
                  {c.waitingFor.states.length === 0
                    ? t('worksurface.overview.review.allResponded')
                    : t(`worksurface.overview.review.${c.waitingFor.kind}`, {
                        count: c.waitingFor.states.length,
                        states: stateNames(c.waitingFor.states),
                      })}
                </p>
              )}
            </Task>
          ))}
        </Section>
      )}
      {data.failedMail > 0 && (
        <Section id="work-mail" title={t('worksurface.overview.mail.title')}>
          <Task
            to="/mail?show=failed"
            title={t('worksurface.overview.mail.failed', { count: data.failedMail })}
          />
        </Section>
      )}
    </div>
  );
}
