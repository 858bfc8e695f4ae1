import { Button } from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { useServerMessage, type RoundDetail } from '../shared';

export function AddTheme({
  round,
  onDone,
}: {
  round: RoundDetail;
  onDone: (text: string, tone?: 'success' | 'error') => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const id = useId();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(
    trpc.rounds.addTheme.mutationOptions({
      onSuccess: async (theme) => {
        setLabel('');
        setError(null);
        await queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() });
        onDone(t('consultations.moderation.themeAdded', { label: theme.label }));
      },
      onError: (e) => {
        const fieldErrors = (e as { data?: { fieldErrors?: Record<string, string[]> } }).data?.fieldErrors;
        setError(fieldErrors?.label ? t('consultations.moderation.themeExists') : serverMessage(e));
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) {
      setError(t('consultations.moderation.themeRequired'));
      return;
    }
    add.mutate({ roundId: round.id, label: label.trim() });
  };
  return (
    <form
      className="consult-inline-form"
      onSubmit={submit}
      noValidate
      aria-label={t('consultations.moderation.addTheme')}
    >
      <div className={error ? 'form-group form-group--error' : 'form-group'}>
        <label className="label" htmlFor={id}>
          {t('consultations.moderation.newTheme')}
        </label>
        <div className="hint" id={`${id}-hint`}>
          {round.themes.length
            ? t('consultations.moderation.existingThemes', {
                list: round.themes.map((th) => th.label).join(', '),
              })
            : t('consultations.moderation.noThemes')}
        </div>
        {error && (
          <p className="field-error" id={`${id}-error`}>
            <span className="visually-hidden">{t('layout.errorPrefix')}</span> {error}
          </p>
        )}
        <div className="consult-inline-form__row">
          <input
            id={id}
            className="input input--w20"
            value={label}
            maxLength={100}
            onChange={(e) => setLabel(e.target.value)}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            aria-invalid={error ? true : undefined}
          />
          <Button type="submit" variant="secondary" isBusy={add.isPending}>
            {t('consultations.moderation.addTheme')}
          </Button>
        </div>
      </div>
    </form>
  );
}
