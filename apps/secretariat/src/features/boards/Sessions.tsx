import { ButtonLink, DataTable, ErrorNotice, Loading, Tag, useFormat } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC, type Outputs } from '../../trpc';
import type { BoardDetail } from './BoardPage';
import { english } from './shared';

type SessionRow = Outputs['boards']['sessions'][number];

/** The board's sessions, soonest upcoming first then the past ones, each with its participation rate once held. */
export function Sessions({ board }: { board: BoardDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const sessions = useQuery(trpc.boards.sessions.queryOptions({ boardId: board.id }));
  return (
    <>
      {board.status !== 'dissolved' && (
        <ButtonLink to={`/boards/${board.id}/sessions/new`}>{t('boards.sessions.schedule')}</ButtonLink>
      )}
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <ErrorNotice error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <p>{t('boards.sessions.none')}</p>
      ) : (
        <DataTable<SessionRow>
          caption={t('boards.sessions.caption')}
          captionHidden
          rows={sessions.data}
          rowKey={(s) => s.id}
          columns={[
            {
              key: 'title',
              header: t('boards.sessions.columns.session'),
              rowHeader: true,
              cell: (s) => (
                <>
                  <Link to={`/boards/${board.id}/sessions/${s.id}`}>{english(s.title)}</Link>
                  <br />
                  <span className="text-secondary">
                    {t(`boards.sessionKind.${s.kind}`)} · {t(`boards.sessionMethod.${s.method}`)} ·{' '}
                    {t(`boards.sessionMode.${s.mode}`)}
                  </span>
                </>
              ),
            },
            {
              key: 'when',
              header: t('boards.sessions.columns.when'),
              cell: (s) => <time dateTime={format.isoString(s.startsAt)}>{format.dateTime(s.startsAt)}</time>,
            },
            {
              key: 'invited',
              header: t('boards.sessions.columns.invited'),
              className: 'numeric',
              cell: (s) => s.participation.invited,
            },
            {
              key: 'participation',
              header: t('boards.sessions.columns.participation'),
              className: 'numeric',
              cell: (s) =>
                !s.participation.held ? (
                  <span className="text-secondary">{t('boards.sessions.notHeldYet')}</span>
                ) : s.participation.rate === null ? (
                  '—'
                ) : (
                  t('boards.monitor.percent', { value: s.participation.rate })
                ),
            },
            {
              key: 'minutes',
              header: t('boards.sessions.columns.minutes'),
              cell: (s) =>
                s.minutesPublishedAt ? (
                  <Tag tone="green">{t(`boards.minutes.published.${s.minutesVisibility}`)}</Tag>
                ) : (
                  <Tag tone="grey">{t('boards.minutes.notPublished')}</Tag>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
