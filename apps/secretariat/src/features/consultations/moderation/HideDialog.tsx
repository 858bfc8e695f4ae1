import { MODERATION_REASONS } from '@musyawarah/core/consultation/vocabulary';
import { Button, ButtonGroup, LinkButton, ModalDialog } from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { useServerMessage } from '../shared';
import type { CardPartProps } from './types';

/** Hiding a contribution from the public record: a reason is required, a note is optional. */
export function HideDialog({
  contributionId,
  reference,
  idPrefix,
  isOpen,
  onOpenChange,
  refresh,
  onDone,
}: CardPartProps & { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const serverMessage = useServerMessage();
  const [reason, setReason] = useState<(typeof MODERATION_REASONS)[number] | ''>('');
  const [note, setNote] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const hide = useMutation(
    trpc.contributions.hide.mutationOptions({
      onSuccess: async () => {
        onOpenChange(false);
        await refresh();
        onDone(t('consultations.moderation.hidden', { reference }));
      },
      onError: (e) => {
        onOpenChange(false);
        onDone(serverMessage(e), 'error');
      },
    }),
  );
  const confirmHide = () => {
    if (!reason) {
      setReasonError(true);
      document.getElementById(`${idPrefix}-reason-${MODERATION_REASONS[0]}`)?.focus();
      return;
    }
    hide.mutate({ contributionId, reason, note: note || undefined });
  };
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={t('consultations.moderation.hideTitle', { reference })}
      tone="warning"
    >
      <p>{t('consultations.moderation.hideBody')}</p>
      <div className={reasonError ? 'form-group form-group--error' : 'form-group'}>
        <fieldset className="fieldset">
          <legend className="legend">{t('consultations.moderation.reason')}</legend>
          {reasonError && (
            <p className="field-error">
              <span className="visually-hidden">{t('layout.errorPrefix')}</span>{' '}
              {t('consultations.moderation.reasonRequired')}
            </p>
          )}
          <div className="choices">
            {MODERATION_REASONS.map((r) => (
              <div className="choice" key={r}>
                <input
                  id={`${idPrefix}-reason-${r}`}
                  type="radio"
                  name={`${idPrefix}-reason`}
                  className="choice__input"
                  value={r}
                  checked={reason === r}
                  onChange={() => setReason(r)}
                />
                <label className="choice__label" htmlFor={`${idPrefix}-reason-${r}`}>
                  {t(`consultations.reason.${r}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${idPrefix}-note`}>
          {t('consultations.moderation.note')} <span className="optional">{t('layout.optional')}</span>
        </label>
        <div className="hint" id={`${idPrefix}-note-hint`}>
          {t('consultations.moderation.noteHint')}
        </div>
        <textarea
          id={`${idPrefix}-note`}
          className="textarea"
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={`${idPrefix}-note-hint`}
        />
      </div>
      <ButtonGroup>
        <Button variant="warning" isBusy={hide.isPending} onClick={confirmHide}>
          {t('consultations.moderation.confirmHide')}
        </Button>
        <LinkButton onClick={() => onOpenChange(false)}>{t('consultations.actions.cancel')}</LinkButton>
      </ButtonGroup>
    </ModalDialog>
  );
}
