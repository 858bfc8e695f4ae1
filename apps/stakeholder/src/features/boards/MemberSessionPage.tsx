import {
  ErrorNotice,
  Loading,
  NoticeRegion,
  Page,
  SummaryList,
  errorStatus,
  languageLabel,
  useNotice,
} from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireSignIn } from '../../session';
import { useTRPC } from '../../trpc';
import { MinutesText } from './BoardPage';
import './boards.css';
import { isUuid, useLocalized, useZonedFormat } from './data';
import { type MemberSession } from './member-session/types';
import { Rsvp } from './member-session/Rsvp';
import { Input } from './member-session/SessionInput';
import { Survey } from './member-session/Survey';

/** `/boards/sessions/:sessionId`: a session of my board: reply, send input for the agenda, answer the survey after it. */
export function MemberSessionPage() {
  const { sessionId = '' } = useParams();
  return (
    <RequireSignIn>
      {isUuid(sessionId) ? <SessionLoader sessionId={sessionId} /> : <SessionNotFound />}
    </RequireSignIn>
  );
}

function SessionNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('boards.memberSession.notFoundTitle')}>
      <p>{t('boards.memberSession.notFoundBody')}</p>
      <p>
        <Link to="/boards/mine">{t('boards.mine.title')}</Link>
      </p>
    </Page>
  );
}

function SessionLoader({ sessionId }: { sessionId: string }) {
  const trpc = useTRPC();
  const session = useQuery({
    ...trpc.boards.memberSession.queryOptions({ sessionId }),
    retry: false,
    staleTime: 0,
  });
  if (session.isPending) return <Loading />;
  if (session.isError) {
    if (errorStatus(session.error) === 404) return <SessionNotFound />;
    return <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />;
  }
  return <SessionView session={session.data} />;
}

function SessionView({ session }: { session: MemberSession }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const format = useZonedFormat();
  const title = pick(session.title);
  const say = useNotice().success;
  return (
    <Page
      title={title.text}
      caption={t(`boards.sessionKind.${session.kind}`)}
      backLink={{ to: '/boards/mine', label: t('boards.mine.title') }}
    >
      <NoticeRegion />
      <SummaryList
        rows={[
          { key: 'starts', label: t('boards.memberSession.starts'), value: format(session.startsAt) },
          { key: 'ends', label: t('boards.memberSession.ends'), value: format(session.endsAt) },
          {
            key: 'method',
            label: t('boards.memberSession.method'),
            value: t(`boards.sessionMethod.${session.method}`),
          },
          {
            key: 'mode',
            label: t('boards.memberSession.mode'),
            value: t(`boards.sessionMode.${session.mode}`),
          },
          ...(session.venue
            ? [{ key: 'venue', label: t('boards.memberSession.venue'), value: session.venue }]
            : []),
          ...(session.link
            ? [
                {
                  key: 'link',
                  label: t('boards.memberSession.link'),
                  value: <a href={session.link}>{session.link}</a>,
                },
              ]
            : []),
          {
            key: 'languages',
            label: t('boards.memberSession.languages'),
            value: session.languages.map((code) => languageLabel(code)).join(', '),
          },
          {
            key: 'accommodations',
            label: t('boards.memberSession.accommodations'),
            value: session.accommodations.length
              ? session.accommodations.map((a) => t(`consultations.accommodations.${a}`)).join(', ')
              : t('boards.memberSession.noAccommodations'),
          },
          {
            key: 'agenda',
            label: t('boards.memberSession.agenda'),
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
              t('boards.memberSession.noAgenda')
            ),
          },
        ]}
      />
      <Rsvp session={session} onDone={say} />
      <Input session={session} onDone={say} />
      <Survey session={session} onDone={say} />
      {session.minutes && (
        <section className="boards-section" aria-labelledby="minutes-heading">
          <h2 className="heading-l" id="minutes-heading">
            {t('boards.board.minutes')}
          </h2>
          <MinutesText minutes={session.minutes} />
        </section>
      )}
    </Page>
  );
}
