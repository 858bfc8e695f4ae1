import {
  ButtonLink,
  ErrorNotice,
  languageAutonym,
  Loading,
  NoticeRegion,
  Page,
  SummaryList,
  useFormat,
  userTimeZone,
} from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useTRPC } from '../../trpc';
import '../consultations/consultations.css';
import './boards.css';
import { english } from './shared';
import type { SessionDetail } from './session/types';
import { Invitations } from './session/Invitations';
import { Attendance } from './session/Attendance';
import { Minutes } from './session/Minutes';
import { Inputs } from './session/Inputs';
import { Survey } from './session/Survey';

export function SessionPage() {
  const { t } = useTranslation();
  const { boardId = '', sessionId = '' } = useParams();
  const trpc = useTRPC();
  const session = useQuery(trpc.boards.session.queryOptions({ sessionId }));
  return (
    <Page
      title={session.data ? english(session.data.title) : t('boards.session.loading')}
      caption={t('boards.session.caption')}
      width="full"
      backLink={{ to: `/boards/${boardId}?tab=sessions`, label: t('boards.board.back') }}
    >
      {session.isPending ? (
        <Loading />
      ) : session.isError ? (
        <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />
      ) : (
        <SessionBody session={session.data} boardId={boardId} />
      )}
    </Page>
  );
}

function SessionBody({ session, boardId }: { session: SessionDetail; boardId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <div className="two-thirds">
        <SummaryList
          rows={[
            {
              key: 'kind',
              label: t('boards.sessionEditor.kind'),
              value: t(`boards.sessionKind.${session.kind}`),
            },
            {
              key: 'method',
              label: t('boards.sessionEditor.method'),
              value: t(`boards.sessionMethod.${session.method}`),
            },
            {
              key: 'when',
              label: t('boards.session.when'),
              value: (
                <>
                  {t('boards.session.fromTo', {
                    from: format.dateTime(session.startsAt),
                    to: format.dateTime(session.endsAt),
                  })}{' '}
                  <span className="text-secondary">
                    {t('boards.session.inZone', { zone: userTimeZone() })}
                  </span>
                </>
              ),
            },
            {
              key: 'mode',
              label: t('boards.sessionEditor.mode'),
              value: t(`boards.sessionMode.${session.mode}`),
            },
            ...(session.venue
              ? [{ key: 'venue', label: t('boards.sessionEditor.venue'), value: session.venue }]
              : []),
            ...(session.link
              ? [
                  {
                    key: 'link',
                    label: t('boards.sessionEditor.link'),
                    value: <a href={session.link}>{session.link}</a>,
                  },
                ]
              : []),
            {
              key: 'languages',
              label: t('boards.sessionEditor.languages'),
              value: session.languages.map(languageAutonym).join(', '),
            },
            {
              key: 'accommodations',
              label: t('boards.sessionEditor.accommodations'),
              value: session.accommodations.length
                ? session.accommodations.map((a) => t(`consultations.accommodation.${a}`)).join(', ')
                : t('boards.session.noAccommodations'),
            },
            {
              key: 'agenda',
              label: t('boards.sessionEditor.agendaHeading'),
              value: session.agenda.length ? (
                <ol className="list">
                  {session.agenda.map((a) => (
                    <li key={a.id}>
                      {a.title}
                      {a.actionId ? ` (${a.actionId})` : ''}
                    </li>
                  ))}
                </ol>
              ) : (
                t('boards.session.noAgenda')
              ),
            },
            {
              key: 'actions',
              label: t('boards.board.actions'),
              value: session.actionIds.length ? session.actionIds.join(', ') : t('boards.board.noActions'),
            },
          ]}
        />
        <ButtonLink variant="secondary" to={`/boards/${boardId}/sessions/${session.id}/edit`}>
          {t('boards.session.edit')}
        </ButtonLink>
      </div>
      {/* Each part says what its action did just above itself: on a phone the top of the page is out of sight. */}
      <NoticeRegion>
        <Invitations session={session} />
      </NoticeRegion>
      <NoticeRegion>
        <Attendance
          key={`attendance-${session.invitations.map((i) => `${i.userId}:${i.attendance ?? ''}`).join(',')}`}
          session={session}
        />
      </NoticeRegion>
      <NoticeRegion>
        <Minutes key={`minutes-${session.minutesPublishedAt ?? ''}`} session={session} />
      </NoticeRegion>
      <Inputs session={session} />
      <Survey session={session} />
    </>
  );
}
