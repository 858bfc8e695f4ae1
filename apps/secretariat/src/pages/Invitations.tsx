import {
  Button,
  ButtonGroup,
  ButtonLink,
  DataTable,
  ErrorNotice,
  LinkButton,
  Loading,
  mapServerError,
  ModalDialog,
  NoticeRegion,
  Page,
  Tag,
  useFormat,
  useNotice,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../trpc';

type Invitation = Outputs['users']['invitations'][number];
type Status = 'accepted' | 'revoked' | 'expired' | 'pending';

export function invitationStatus(i: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expired'>): Status {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  if (i.expired) return 'expired';
  return 'pending';
}

const STATUS_TONE = { accepted: 'green', revoked: 'grey', expired: 'yellow', pending: 'blue' } as const;

export function InvitationsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const notice = useNotice();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.users.invitations.queryOptions());
  const [confirming, setConfirming] = useState<Invitation | null>(null);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.mail.pathKey() });
  };
  const onError = (error: unknown) =>
    notice.error(mapServerError(error).message ?? { key: 'errors.internal' });
  const resend = useMutation(
    trpc.users.resendInvitation.mutationOptions({
      onSuccess: async (_d, { invitationId }) => {
        const i = invitations.data?.find((x) => x.id === invitationId);
        notice.success(t('invitations.resent', { email: i?.email ?? '' }), {
          to: '/mail',
          text: t('invitations.toOutbox'),
        });
        await refresh();
      },
      onError,
    }),
  );
  const revoke = useMutation(
    trpc.users.revokeInvitation.mutationOptions({
      onSuccess: async (_d, { invitationId }) => {
        const i = invitations.data?.find((x) => x.id === invitationId);
        setConfirming(null);
        notice.success(t('invitations.revoked', { email: i?.email ?? '' }));
        await refresh();
      },
      onError: (error) => {
        setConfirming(null);
        onError(error);
      },
    }),
  );

  return (
    <Page title={t('invitations.title')} width="full">
      <p className="prose">{t('invitations.intro')}</p>
      <ButtonLink to="/users/invite">{t('users.inviteButton')}</ButtonLink>
      {/* Sending again and revoking are said beside the table of invitations they act on. */}
      <NoticeRegion />
      {invitations.isPending ? (
        <Loading />
      ) : invitations.isError ? (
        <ErrorNotice error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : invitations.data.length === 0 ? (
        <p>{t('invitations.none')}</p>
      ) : (
        <DataTable
          caption={t('invitations.caption')}
          captionHidden
          rows={invitations.data}
          rowKey={(i) => i.id}
          columns={[
            {
              key: 'person',
              header: t('invitations.columns.person'),
              rowHeader: true,
              cell: (i) => (
                <>
                  {i.name}
                  <br />
                  <span className="text-secondary">{i.email}</span>
                </>
              ),
            },
            {
              key: 'role',
              header: t('invitations.columns.role'),
              cell: (i) =>
                i.memberState
                  ? t('invitations.roleFor', {
                      role: t(`common.roles.${i.role}`),
                      state: t(`common.memberStates.${i.memberState}`),
                    })
                  : t(`common.roles.${i.role}`),
            },
            { key: 'by', header: t('invitations.columns.invitedBy'), cell: (i) => i.invitedByName ?? '' },
            {
              key: 'sent',
              header: t('invitations.columns.sent'),
              cell: (i) => <time dateTime={format.isoString(i.createdAt)}>{format.date(i.createdAt)}</time>,
            },
            {
              key: 'status',
              header: t('invitations.columns.status'),
              cell: (i) => {
                const status = invitationStatus(i);
                return <Tag tone={STATUS_TONE[status]}>{t(`invitations.status.${status}`)}</Tag>;
              },
            },
            {
              key: 'actions',
              header: t('invitations.columns.actions'),
              className: 'actions',
              cell: (i) => {
                const status = invitationStatus(i);
                if (status === 'accepted' || status === 'revoked') return null;
                const who = (
                  <span className="visually-hidden"> {t('invitations.forPerson', { name: i.name })}</span>
                );
                return (
                  <>
                    <LinkButton
                      onClick={() => resend.mutate({ invitationId: i.id })}
                      aria-disabled={resend.isPending ? true : undefined}
                    >
                      {t('invitations.resend')}
                      {who}
                    </LinkButton>
                    <LinkButton tone="warning" onClick={() => setConfirming(i)}>
                      {t('invitations.revoke')}
                      {who}
                    </LinkButton>
                  </>
                );
              },
            },
          ]}
        />
      )}
      <ModalDialog
        isOpen={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={t('invitations.confirmTitle')}
        tone="warning"
      >
        <p>
          {t('invitations.confirmBody', { name: confirming?.name ?? '', email: confirming?.email ?? '' })}
        </p>
        <ButtonGroup>
          <Button
            variant="warning"
            isBusy={revoke.isPending}
            onClick={() => confirming && revoke.mutate({ invitationId: confirming.id })}
          >
            {t('invitations.confirmRevoke')}
          </Button>
          <LinkButton onClick={() => setConfirming(null)}>{t('invitations.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </Page>
  );
}
