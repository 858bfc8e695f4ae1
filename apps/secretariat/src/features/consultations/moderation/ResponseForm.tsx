import { Button } from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { useServerMessage } from '../shared';
import type { CardPartProps } from './types';

/** The Secretariat's public response to a contribution: written, then published (or updated). */
export function ResponseForm({
  contributionId,
  published,
  reference,
  idPrefix,
  refresh,
  onDone,
}: CardPartProps & { published: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const serverMessage = useServerMessage();
  const [response, setResponse] = useState(published ?? '');
  const [responseError, setResponseError] = useState(false);
  const respond = useMutation(
    trpc.contributions.respond.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(t('consultations.moderation.responded', { reference }));
      },
      onError: (e) => onDone(serverMessage(e), 'error'),
    }),
  );
  const submitResponse = (event: FormEvent) => {
    event.preventDefault();
    if (!response.trim()) {
      setResponseError(true);
      return;
    }
    setResponseError(false);
    respond.mutate({ contributionId, text: response.trim() });
  };
  return (
    <form onSubmit={submitResponse} noValidate className="consult-response">
      <div className={responseError ? 'form-group form-group--error' : 'form-group'}>
        <label className="label" htmlFor={`${idPrefix}-response`}>
          {t('consultations.moderation.response')}
          <span className="visually-hidden"> {reference}</span>
        </label>
        <div className="hint" id={`${idPrefix}-response-hint`}>
          {t('consultations.moderation.responseHint')}
        </div>
        {responseError && (
          <p className="field-error" id={`${idPrefix}-response-error`}>
            <span className="visually-hidden">{t('layout.errorPrefix')}</span>{' '}
            {t('consultations.moderation.responseRequired')}
          </p>
        )}
        <textarea
          id={`${idPrefix}-response`}
          className={responseError ? 'textarea textarea--error' : 'textarea'}
          rows={3}
          value={response}
          onChange={(e) => setResponse(e.target.value)}
          aria-describedby={`${idPrefix}-response-hint${responseError ? ` ${idPrefix}-response-error` : ''}`}
          aria-invalid={responseError ? true : undefined}
        />
      </div>
      <Button type="submit" variant="secondary" size="small" isBusy={respond.isPending}>
        {published
          ? t('consultations.moderation.updateResponse')
          : t('consultations.moderation.publishResponse')}
        <span className="visually-hidden"> {reference}</span>
      </Button>
    </form>
  );
}
