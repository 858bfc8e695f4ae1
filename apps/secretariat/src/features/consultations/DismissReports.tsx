import { Button, Details } from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { useServerMessage } from './shared';

/**
 * A reported contribution that breaks no rule: its reports are dismissed with a note for the record, and it stays
 * shown. Offered beside "Hide", behind a disclosure, so hiding is not the only way to clear a report.
 */
export function DismissReports({
  contributionId,
  reference,
  onDone,
  refresh,
}: {
  contributionId: string;
  reference: string;
  onDone: (message: string, tone?: 'success' | 'error') => void;
  refresh: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const serverMessage = useServerMessage();
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState(false);
  const dismiss = useMutation(
    trpc.contributions.dismissReports.mutationOptions({
      onSuccess: async () => {
        setNote('');
        await refresh();
        onDone(t('worksurface.moderation.dismissed', { reference }));
      },
      onError: (e) => onDone(serverMessage(e), 'error'),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setError(true);
      document.getElementById(`${id}-note`)?.focus();
      return;
    }
    setError(false);
    dismiss.mutate({ contributionId, note: note.trim() });
  };
  return (
    <Details summary={t('worksurface.moderation.dismissSummary')}>
      <form onSubmit={submit} noValidate>
        <div className={error ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor={`${id}-note`}>
            {t('worksurface.moderation.dismissNote')}
            <span className="visually-hidden"> {reference}</span>
          </label>
          <div className="hint" id={`${id}-hint`}>
            {t('worksurface.moderation.dismissHint')}
          </div>
          {error && (
            <p className="field-error" id={`${id}-error`}>
              <span className="visually-hidden">{t('layout.errorPrefix')}</span>{' '}
              {t('worksurface.moderation.dismissNoteRequired')}
            </p>
          )}
          <textarea
            id={`${id}-note`}
            className={error ? 'textarea textarea--error' : 'textarea'}
            rows={3}
            value={note}
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <Button type="submit" variant="secondary" isBusy={dismiss.isPending}>
          {t('worksurface.moderation.dismiss')}
          <span className="visually-hidden"> {reference}</span>
        </Button>
      </form>
    </Details>
  );
}
