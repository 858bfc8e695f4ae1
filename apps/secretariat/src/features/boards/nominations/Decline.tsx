import { Button, ButtonGroup, LinkButton, ModalDialog } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { useServerMessage } from '../shared';
import type { Nomination } from './types';
import { useServerMessageKey } from './useServerMessageKey';

export function Decline({
  nomination: n,
  onDone,
}: {
  nomination: Nomination;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const tm = useServerMessageKey();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decline = useMutation(
    trpc.boards.declineNomination.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.boards.pathKey() });
        onDone(t('boards.nominations.declined', { name: n.nomineeName }));
      },
      onError: (e) => {
        const key = (e as { data?: { fieldErrors?: Record<string, string[]> } }).data?.fieldErrors
          ?.reason?.[0];
        setError(key ? tm(key) : serverMessage(e));
      },
    }),
  );
  const submit = () => {
    if (!reason.trim()) {
      setError(tm('board.validation.reasonRequired'));
      return;
    }
    decline.mutate({ nominationId: n.id, reason });
  };
  return (
    <>
      <Button
        variant="warning"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {t('boards.nominations.decline')}
        <span className="visually-hidden"> {n.nomineeName}</span>
      </Button>
      <ModalDialog
        isOpen={open}
        onOpenChange={setOpen}
        title={t('boards.nominations.declineTitle', { name: n.nomineeName })}
        tone="warning"
      >
        <div className={error ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor={`${id}-reason`}>
            {t('boards.nominations.declineReason')}
          </label>
          <div className="hint" id={`${id}-hint`}>
            {t('boards.nominations.declineHint')}
          </div>
          {error && (
            <p className="field-error" id={`${id}-error`}>
              <span className="visually-hidden">{t('layout.errorPrefix')}</span> {error}
            </p>
          )}
          <textarea
            id={`${id}-reason`}
            className={error ? 'textarea textarea--error' : 'textarea'}
            rows={4}
            value={reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <ButtonGroup>
          <Button variant="warning" isBusy={decline.isPending} onClick={submit}>
            {t('boards.nominations.declineConfirm')}
          </Button>
          <LinkButton onClick={() => setOpen(false)}>{t('boards.cancel')}</LinkButton>
        </ButtonGroup>
      </ModalDialog>
    </>
  );
}
