import { ButtonLink, ErrorNotice, InsetText, Loading, Page, SummaryList, errorStatus } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../session';
import { useTRPC, type Outputs } from '../../trpc';
import './boards.css';
import {
  BoardStatusTag,
  isUuid,
  useConstituencyLabel,
  useDateText,
  useLocalized,
  useZonedFormat,
} from './data';
import { Follow } from '../notifications/Follow';

type PublicBoard = Outputs['boards']['getPublic'];

/** `/boards/:boardId`: mandate, the members who agreed to be listed, published minutes and the open call. */
export function BoardPage() {
  const { boardId = '' } = useParams();
  if (!isUuid(boardId)) return <BoardNotFound />;
  return <BoardLoader boardId={boardId} />;
}

export function BoardNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('boards.notFound.title')}>
      <p>{t('boards.notFound.body')}</p>
      <p>
        <Link to="/boards">{t('boards.notFound.all')}</Link>
      </p>
    </Page>
  );
}

function BoardLoader({ boardId }: { boardId: string }) {
  const trpc = useTRPC();
  const board = useQuery({ ...trpc.boards.getPublic.queryOptions({ boardId }), retry: false });
  if (board.isPending) return <Loading />;
  if (board.isError) {
    if (errorStatus(board.error) === 404) return <BoardNotFound />;
    return <ErrorNotice error={board.error} onRetry={() => void board.refetch()} />;
  }
  return <BoardView board={board.data} />;
}

function BoardView({ board }: { board: PublicBoard }) {
  const { t } = useTranslation();
  const me = useMe();
  const pick = useLocalized();
  const format = useZonedFormat();
  const dateText = useDateText();
  const label = useConstituencyLabel();
  const name = pick(board.name);
  const mandate = pick(board.mandate);
  const call = board.openCalls[0];
  const applyHref = call ? `/boards/${board.id}/apply?call=${call.id}` : `/boards/${board.id}`;
  return (
    <Page
      title={name.text}
      caption={t('boards.board.caption')}
      width="full"
      backLink={{ to: '/boards', label: t('boards.list.title') }}
    >
      <div className="two-thirds">
        <Follow subjectType="board" subjectId={board.id} name={name.text} />
        <p className="boards-meta">
          <BoardStatusTag status={board.status} />
        </p>
        <h2 className="heading-l">{t('boards.board.mandate')}</h2>
        <p className="boards-pre" lang={mandate.language}>
          {mandate.text}
        </p>
        <SummaryList
          rows={[
            {
              key: 'scope',
              label: t('boards.board.scope'),
              value:
                board.scope === 'member_state' && board.memberState
                  ? t(`common.memberStates.${board.memberState}`)
                  : t('boards.scope.regional'),
            },
            {
              key: 'life',
              label: t('boards.board.life'),
              value: board.lifeEndsOn
                ? t('boards.board.lifeFromTo', {
                    from: dateText(board.lifeStartsOn),
                    to: dateText(board.lifeEndsOn),
                  })
                : t('boards.board.lifeFrom', { from: dateText(board.lifeStartsOn) }),
            },
            {
              key: 'actions',
              label: t('boards.board.actions'),
              value: board.actionIds.length ? (
                <ul className="list-plain">
                  {board.actionIds.map((a) => (
                    <li key={a}>
                      <Link
                        to={`/actions/${a.split('.').slice(0, 2).join('.')}${a.split('.').length > 2 ? `#${a}` : ''}`}
                      >
                        {a}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                t('boards.board.noActions')
              ),
            },
          ]}
        />

        <section className="boards-section" aria-labelledby="call-heading">
          <h2 className="heading-l" id="call-heading">
            {t('boards.call.heading')}
          </h2>
          {call ? (
            <>
              <p className="boards-pre">{pick(call.description).text}</p>
              <p>{t('boards.call.closes', { date: format(call.closesAt) })}</p>
              {me.data ? (
                <ButtonLink to={applyHref}>{t('boards.call.apply')}</ButtonLink>
              ) : (
                <InsetText>
                  <p>{t('boards.call.signInFirst')}</p>
                  <p>
                    <Link to={`/sign-in?next=${encodeURIComponent(applyHref)}`}>
                      {t('boards.call.signIn')}
                    </Link>{' '}
                    {t('boards.call.or')} <Link to="/register">{t('boards.call.register')}</Link>
                  </p>
                </InsetText>
              )}
            </>
          ) : (
            <p>{t('boards.call.none')}</p>
          )}
        </section>
      </div>

      <section className="boards-section" aria-labelledby="members-heading">
        <h2 className="heading-l" id="members-heading">
          {t('boards.board.members')}
        </h2>
        <p className="two-thirds">{t('boards.board.membersHint')}</p>
        {board.members.length === 0 ? (
          <p>{t('boards.board.noMembersListed')}</p>
        ) : (
          <ul className="boards-members">
            {board.members.map((m, index) => (
              <li key={`${m.name}-${index}`}>
                <strong>{m.name}</strong>
                <br />
                {t(`boards.role.${m.role}`)}
                {m.organisation ? ` · ${m.organisation}` : ''}
                {m.memberState ? ` · ${t(`common.memberStates.${m.memberState}`)}` : ''}
                <br />
                <span className="text-secondary">{m.constituencies.map(label).join(', ')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="boards-section two-thirds" aria-labelledby="minutes-heading">
        <h2 className="heading-l" id="minutes-heading">
          {t('boards.board.minutes')}
        </h2>
        {board.sessions.length === 0 ? (
          <p>{t('boards.board.noMinutes')}</p>
        ) : (
          board.sessions.map((s) => (
            <article key={s.id} aria-labelledby={`minutes-${s.id}`}>
              <h3 className="heading-m" id={`minutes-${s.id}`}>
                {pick(s.title).text}
              </h3>
              <p className="text-secondary">{format(s.startsAt)}</p>
              <MinutesText minutes={s.minutes} />
            </article>
          ))
        )}
      </section>
    </Page>
  );
}

/** Published minutes and outcomes of a session (the same on the public page and for members). */
export function MinutesText({
  minutes,
}: {
  minutes: { minutes: string | null; outcomes: string | null } | null;
}) {
  const { t } = useTranslation();
  if (!minutes) return null;
  return (
    <>
      <h4 className="heading-s">{t('boards.board.minutesOf')}</h4>
      <p className="boards-pre">{minutes.minutes}</p>
      {minutes.outcomes && (
        <>
          <h4 className="heading-s">{t('boards.board.outcomes')}</h4>
          <p className="boards-pre">{minutes.outcomes}</p>
        </>
      )}
    </>
  );
}
