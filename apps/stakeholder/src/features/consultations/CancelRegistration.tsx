import { Button, ButtonGroup, LinkButton, ModalDialog, mapServerError } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { useConsultationMessage } from './data';

/**
 * "Cancel my registration" for a round's event, after a confirmation: the place goes to the first person on the
 * waiting list. Used on the round page and under "My contributions".
 */
export function CancelRegistration({
  roundId,
  eventName,
  onCancelled,
}: {
  roundId: string;
  eventName: string;
  onCancelled: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tm = useConsultationMessage();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(
    trpc.contributions.cancelRegistration.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await Promise.all([
          queryClient.invalidateQueries({
            queryKey: trpc.contributions.myRegistration.queryKey({ roundId }),
          }),
          queryClient.invalidateQueries({ queryKey: trpc.contributions.myRegistrations.queryKey() }),
        ]);
        onCancelled();
      },
    }),
  );
  const error = cancel.error ? mapServerError(cancel.error) : null;
  return (
    <>
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        {t('consultations.event.cancel')}
        <span className="visually-hidden"> — {eventName}</span>
      </Button>
      <ModalDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('consultations.event.cancelTitle')}
        tone="warning"
      >
        {error && (
          <div className="error-summary" role="alert">
            <p>{tm(error.message ?? 'errors.internal')}</p>
          </div>
        )}
        <p>{t('consultations.event.cancelBody', { name: eventName })}</p>
        <ButtonGroup>
          <Button variant="warning" isBusy={cancel.isPending} onClick={() => cancel.mutate({ roundId })}>
            {t('consultations.event.cancelConfirm')}
          </Button>
          <LinkButton onClick={() => setConfirming(false)}>{t('consultations.event.cancelKeep')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}
