import { Button } from '@musyawarah/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { useServerMessage, type RoundDetail } from '../shared';
import type { CardPartProps, Contribution } from './types';

/** The round's themes as checkboxes: which ones this contribution speaks to. */
export function ThemePicker({
  contribution,
  themes,
  reference,
  idPrefix,
  refresh,
  onDone,
}: Omit<CardPartProps, 'contributionId'> & { contribution: Contribution; themes: RoundDetail['themes'] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const serverMessage = useServerMessage();
  const [themeIds, setThemeIds] = useState<string[]>(contribution.themes.map((th) => th.id));
  const setThemes = useMutation(
    trpc.contributions.setThemes.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(t('consultations.moderation.themesSaved', { reference }));
      },
      onError: (e) => onDone(serverMessage(e), 'error'),
    }),
  );
  return (
    <fieldset className="fieldset consult-themes">
      <legend className="legend">
        {t('consultations.moderation.themes')}
        <span className="visually-hidden"> {reference}</span>
      </legend>
      <div className="choices choices--inline">
        {themes.map((theme) => (
          <div className="choice choice--small" key={theme.id}>
            <input
              id={`${idPrefix}-theme-${theme.id}`}
              type="checkbox"
              className="choice__input"
              checked={themeIds.includes(theme.id)}
              onChange={(e) =>
                setThemeIds((prev) =>
                  e.target.checked ? [...prev, theme.id] : prev.filter((x) => x !== theme.id),
                )
              }
            />
            <label className="choice__label" htmlFor={`${idPrefix}-theme-${theme.id}`}>
              {theme.label}
            </label>
          </div>
        ))}
      </div>
      <Button
        variant="secondary"
        size="small"
        isBusy={setThemes.isPending}
        onClick={() => setThemes.mutate({ contributionId: contribution.id, themeIds })}
      >
        {t('consultations.moderation.saveThemes')}
        <span className="visually-hidden"> {reference}</span>
      </Button>
    </fieldset>
  );
}
