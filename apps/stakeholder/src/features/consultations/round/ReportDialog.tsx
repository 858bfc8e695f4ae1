import { MODERATION_REASONS, type ModerationReason } from '@musyawarah/core/consultation/vocabulary';
import { Button, ButtonGroup, LinkButton, ModalDialog, mapServerError } from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { useConsultationMessage, type PublicContribution } from '../data';

export function ReportDialog({
  contribution,
  onClose,
  onReported,
}: {
  contribution: PublicContribution | null;
  onClose: () => void;
  onReported: (id: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const tm = useConsultationMessage();
  const id = useId();
  const [reason, setReason] = useState<ModerationReason | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonRef = useRef<HTMLInputElement>(null);
  const report = useMutation(trpc.contributions.report.mutationOptions());
  const close = () => {
    setReason('');
    setNote('');
    setMissing(false);
    report.reset();
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!contribution) return;
    if (!reason) {
      setMissing(true);
      reasonRef.current?.focus();
      return;
    }
    try {
      await report.mutateAsync({
        contributionId: contribution.id,
        reason,
        note: note.trim() || undefined,
      });
      onReported(contribution.id);
      close();
    } catch {
      // Shown below from report.error.
    }
  };
  const error = report.error ? mapServerError(report.error) : null;
  return (
    <ModalDialog
      isOpen={contribution !== null}
      onOpenChange={(open) => !open && close()}
      title={t('consultations.report.title')}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('consultations.report.intro')}</p>
        {error && (
          <p className="field-error" role="alert">
            {tm(error.message ?? 'errors.internal')}
          </p>
        )}
        <div className={`form-group${missing ? ' form-group--error' : ''}`}>
          <fieldset className="fieldset" aria-describedby={missing ? `${id}-error` : undefined}>
            <legend className="legend">{t('consultations.report.reason')}</legend>
            {missing && (
              <p className="field-error" id={`${id}-error`}>
                <span className="visually-hidden">{t('layout.errorPrefix')}</span>{' '}
                {t('consultations.report.reasonMissing')}
              </p>
            )}
            <div className="choices">
              {MODERATION_REASONS.map((r, i) => (
                <div className="choice" key={r}>
                  <input
                    ref={i === 0 ? reasonRef : undefined}
                    className="choice__input"
                    type="radio"
                    name={`${id}-reason`}
                    id={`${id}-${r}`}
                    value={r}
                    checked={reason === r}
                    onChange={() => {
                      setReason(r);
                      setMissing(false);
                    }}
                  />
                  <label className="choice__label" htmlFor={`${id}-${r}`}>
                    {t(`consultations.report.reasons.${r}`)}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-note`}>
            {t('consultations.report.note')} <span className="optional">{t('layout.optional')}</span>
          </label>
          <textarea
            id={`${id}-note`}
            className="textarea"
            rows={3}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <ButtonGroup>
          <Button type="submit" isBusy={report.isPending}>
            {t('consultations.report.send')}
          </Button>
          <LinkButton onClick={close}>{t('consultations.report.cancel')}</LinkButton>
        </ButtonGroup>
      </form>
    </ModalDialog>
  );
}
