import { ErrorNotice, InsetText, Loading, Page, Tag } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../../session';
import { useTRPC, type Outputs } from '../../trpc';
import './boards.css';
import { BoardStatusTag, useDateText, useLocalized, useZonedFormat } from './data';
import { MyApplications } from './MyApplications';

type MyBoard = Outputs['boards']['myBoards'][number];

/** `/boards/mine`: the boards I sit on (upcoming sessions to reply to, surveys to answer) and my applications. */
export function MyBoardsPage() {
  return (
    <RequireSignIn>
      <MyBoards />
    </RequireSignIn>
  );
}

function MyBoards() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const boards = useQuery({ ...trpc.boards.myBoards.queryOptions(), staleTime: 0 });
  return (
    <Page title={t('boards.mine.title')} width="full">
      <div className="two-thirds">
        <p className="lead">{t('boards.mine.lead')}</p>
      </div>
      {boards.isPending ? (
        <Loading />
      ) : boards.isError ? (
        <ErrorNotice error={boards.error} onRetry={() => void boards.refetch()} />
      ) : boards.data.length === 0 ? (
        <div className="two-thirds">
          <InsetText>
            <p>{t('boards.mine.none')}</p>
            <p>
              <Link to="/boards">{t('boards.mine.findBoards')}</Link>
            </p>
          </InsetText>
        </div>
      ) : (
        <div className="two-thirds">
          {boards.data.map((b) => (
            <BoardEntry key={b.board.id} entry={b} />
          ))}
        </div>
      )}
      <div className="two-thirds">
        <MyApplications />
      </div>
    </Page>
  );
}

function BoardEntry({ entry }: { entry: MyBoard }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const format = useZonedFormat();
  const dateText = useDateText();
  const name = pick(entry.board.name);
  const headingId = `board-${entry.board.id}`;
  return (
    <section className="boards-section" aria-labelledby={headingId}>
      <h2 className="heading-l" id={headingId}>
        <span lang={name.language}>{name.text}</span>
      </h2>
      <p className="boards-meta">
        <BoardStatusTag status={entry.board.status} />
        <span>
          {t('boards.mine.seat', {
            role: t(`boards.role.${entry.seat.role}`),
            from: dateText(entry.seat.termStartsOn),
            to: dateText(entry.seat.termEndsOn),
          })}
        </span>
      </p>
      <p>
        <Link to={`/boards/mine/${entry.board.id}`}>{t('boards.mine.boardLink', { board: name.text })}</Link>
      </p>

      {entry.surveysToAnswer.length > 0 && (
        <>
          <h3 className="heading-m">{t('boards.mine.surveys')}</h3>
          <ul className="list-plain">
            {entry.surveysToAnswer.map((s) => (
              <li key={s.sessionId}>
                <Link to={`/boards/mine/sessions/${s.sessionId}#survey`}>
                  {t('boards.mine.answerSurvey', { session: pick(s.title).text })}
                </Link>{' '}
                <span className="text-secondary">({format(s.startsAt)})</span>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 className="heading-m">{t('boards.mine.upcoming')}</h3>
      {entry.upcomingSessions.length === 0 ? (
        <p>{t('boards.mine.noUpcoming')}</p>
      ) : (
        <ul className="boards-list">
          {entry.upcomingSessions.map((s) => (
            <li key={s.id}>
              <h4 className="heading-s">
                <Link to={`/boards/mine/sessions/${s.id}`}>{pick(s.title).text}</Link>
              </h4>
              <p>
                {format(s.startsAt)} · {t(`boards.sessionMode.${s.mode}`)}
              </p>
              <p>
                {!s.invited ? (
                  t('boards.mine.notInvited')
                ) : s.rsvp ? (
                  <Tag tone={s.rsvp === 'yes' ? 'green' : s.rsvp === 'no' ? 'grey' : 'yellow'}>
                    {t(`boards.rsvp.${s.rsvp}`)}
                  </Tag>
                ) : s.rsvpOpen ? (
                  <Tag tone="yellow">{t('boards.mine.replyNeeded')}</Tag>
                ) : (
                  t('boards.mine.repliesClosed')
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
