import { Button, ButtonGroup, DataTable, LinkButton, ModalDialog, useNotice } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { useServerMessage } from '../shared';
import type { SessionDetail, Invitation } from './types';

export function Invitations({ session }: { session: SessionDetail }) {
  const notice = useNotice();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [withdrawing, setWithdrawing] = useState<Invitation | null>(null);
  const withdraw = useMutation(
    trpc.boards.withdrawInvitation.mutationOptions({
      onSuccess: async () => {
        const name = withdrawing?.name ?? '';
        setWithdrawing(null);
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        notice.success(t('boards.session.withdrawn', { name }));
      },
      onError: (error) => {
        setWithdrawing(null);
        notice.error(serverMessage(error));
      },
    }),
  );
  const invite = useMutation(
    trpc.boards.invite.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        notice.success(t('boards.session.invited', { count: result.invited }));
      },
      onError: (error) => notice.error(serverMessage(error)),
    }),
  );
  return (
    <section aria-labelledby="invitations-heading">
      <h2 className="heading-l" id="invitations-heading">
        {t('boards.session.invitationsHeading')}
      </h2>
      <p>{t('boards.session.invitationsHint')}</p>
      <Button
        variant="secondary"
        isBusy={invite.isPending}
        onClick={() => invite.mutate({ sessionId: session.id, userIds: [] })}
      >
        {t('boards.session.inviteAll')}
      </Button>
      {session.invitations.length === 0 ? (
        <p>{t('boards.session.noInvitations')}</p>
      ) : (
        <DataTable<Invitation>
          caption={t('boards.session.invitationsCaption')}
          captionHidden
          rows={session.invitations}
          rowKey={(i) => i.userId}
          columns={[
            {
              key: 'name',
              header: t('boards.seats.columns.member'),
              rowHeader: true,
              cell: (i) => (
                <>
                  {i.name}
                  {!i.seated && (
                    <>
                      <br />
                      <span className="text-secondary">{t('boards.session.leftBoard')}</span>
                    </>
                  )}
                </>
              ),
            },
            {
              key: 'rsvp',
              header: t('boards.session.rsvp'),
              cell: (i) => (i.rsvp ? t(`boards.rsvp.${i.rsvp}`) : t('boards.rsvp.none')),
            },
            {
              key: 'needs',
              header: t('boards.session.needs'),
              cell: (i) =>
                [...i.accommodationsNeeded.map((a) => t(`consultations.accommodation.${a}`)), i.otherNeeds]
                  .filter(Boolean)
                  .join(', ') || t('boards.session.noNeeds'),
            },
            {
              key: 'withdraw',
              header: t('boards.session.actions'),
              cell: (i) =>
                i.attendance === 'present' ? null : (
                  <LinkButton onClick={() => setWithdrawing(i)}>
                    {t('boards.session.withdraw')}
                    <span className="visually-hidden">
                      {' '}
                      {t('boards.session.withdrawOf', { name: i.name })}
                    </span>
                  </LinkButton>
                ),
            },
          ]}
        />
      )}
      <ModalDialog
        isOpen={withdrawing !== null}
        onOpenChange={(open) => !open && setWithdrawing(null)}
        title={t('boards.session.withdrawTitle', { name: withdrawing?.name ?? '' })}
      >
        <p>{t('boards.session.withdrawBody')}</p>
        <ButtonGroup>
          <Button
            variant="warning"
            isBusy={withdraw.isPending}
            onClick={() =>
              withdrawing && withdraw.mutate({ sessionId: session.id, userId: withdrawing.userId })
            }
          >
            {t('boards.session.withdrawConfirm')}
          </Button>
          <LinkButton onClick={() => setWithdrawing(null)}>{t('boards.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </section>
  );
}
