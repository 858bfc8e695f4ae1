import {
  Button,
  ButtonGroup,
  DataTable,
  ErrorNotice,
  LinkButton,
  Loading,
  Tag,
  useFormat,
  mapServerError,
  useNoticeBeside,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLeaveSignedOut } from '../../session';
import { useTRPC, type Outputs } from '../../trpc';
import { describeUserAgent } from '../../user-agent';

export type Session = Outputs['account']['sessions'][number];

export function SessionsSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const leaveSignedOut = useLeaveSignedOut();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.account.sessions.queryOptions());
  const notice = useNoticeBeside({ headingLevel: 3 });
  const onError = (error: unknown) =>
    notice.error(mapServerError(error).message ?? { key: 'errors.internal' });
  const revoke = useMutation(
    trpc.account.revokeSession.mutationOptions({
      onSuccess: async (_data, { sessionId }) => {
        const session = sessions.data?.find((s) => s.id === sessionId);
        if (session?.current) {
          leaveSignedOut({ notice: { key: 'signIn.notices.signedOut' } });
          return;
        }
        notice.success(t('account.sessions.revoked'));
        await queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
      },
      onError,
    }),
  );
  const everywhere = useMutation(
    trpc.auth.signOutEverywhere.mutationOptions({
      onSuccess: () => leaveSignedOut({ notice: { key: 'signIn.notices.signedOutEverywhere' } }),
      onError,
    }),
  );
  const device = (s: Session) => describeUserAgent(s.userAgent, t);

  return (
    <section aria-labelledby="sessions-heading">
      <h2 className="heading-l" id="sessions-heading">
        {t('account.sessions.title')}
      </h2>
      <p className="prose">{t('account.sessions.intro')}</p>
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <ErrorNotice error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <DataTable
          caption={t('account.sessions.caption')}
          captionHidden
          rows={sessions.data}
          rowKey={(s) => s.id}
          columns={[
            {
              key: 'device',
              header: t('account.sessions.device'),
              rowHeader: true,
              cell: (s) => (
                <>
                  {device(s)} {s.current && <Tag tone="green">{t('account.sessions.current')}</Tag>}
                </>
              ),
            },
            {
              key: 'ip',
              header: t('account.sessions.ip'),
              cell: (s) => <span className="mono">{s.ipAddress ?? '–'}</span>,
            },
            {
              key: 'created',
              header: t('account.sessions.signedIn'),
              cell: (s) => (
                <time dateTime={format.isoString(s.createdAt)}>{format.dateTime(s.createdAt)}</time>
              ),
            },
            {
              key: 'used',
              header: t('account.sessions.lastUsed'),
              cell: (s) => (
                <time dateTime={format.isoString(s.lastUsedAt)}>{format.dateTime(s.lastUsedAt)}</time>
              ),
            },
            {
              key: 'action',
              header: t('account.sessions.action'),
              className: 'actions',
              cell: (s) => (
                <LinkButton
                  onClick={() => {
                    notice.clear();
                    revoke.mutate({ sessionId: s.id });
                  }}
                  aria-disabled={revoke.isPending ? true : undefined}
                >
                  {t('account.sessions.signOut')}
                  <span className="visually-hidden">
                    {' '}
                    {t('account.sessions.signOutContext', {
                      device: device(s),
                      time: format.dateTime(s.lastUsedAt),
                    })}
                  </span>
                </LinkButton>
              ),
            },
          ]}
        />
      )}
      <ButtonGroup>
        <Button
          variant="secondary"
          isBusy={everywhere.isPending}
          onClick={() => {
            notice.clear();
            everywhere.mutate();
          }}
        >
          {t('account.sessions.everywhere')}
        </Button>
      </ButtonGroup>
      {/* Below the actions, so nothing moves under the pointer; a signed-out row goes and the rows above move up. */}
      {notice.region}
    </section>
  );
}
