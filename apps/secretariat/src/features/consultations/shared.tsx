import { errorKey, mapServerError, Tag, useMessage } from '@musyawarah/ui';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outputs } from '../../trpc';

export type RoundSummary = Outputs['rounds']['adminList'][number];
export type RoundDetail = Outputs['rounds']['adminGet'];
export type Phase = RoundSummary['phase'];

const PHASE_TONE = {
  draft: 'grey',
  upcoming: 'yellow',
  open: 'green',
  closed: 'red',
  summary_published: 'blue',
} as const;

export function PhaseTag({ phase }: { phase: string }) {
  const { t } = useTranslation();
  return <Tag tone={PHASE_TONE[phase as Phase] ?? 'grey'}>{t(`consultations.phase.${phase}`)}</Tag>;
}

/** The English text of a per-language field (the secretariat works in English, ASEAN's working language). */
export function english(value: unknown): string {
  if (value && typeof value === 'object' && 'en' in value) return englishOf(value);
  return '';
}

/**
 * Translates what a consultation procedure threw. The shared locales may not have every `round.*` / `contribution.*`
 * key yet; this namespace carries them as `consultations.server.<key with _>` so no raw key or vague message shows.
 */
export function useServerMessage() {
  const { t, i18n } = useTranslation();
  const tm = useMessage();
  return useCallback(
    (error: unknown): string => {
      const key = errorKey(error);
      if (key && !i18n.exists(key)) {
        const local = `consultations.server.${key.replace('.', '_')}`;
        if (i18n.exists(local)) return t(local);
      }
      return tm(mapServerError(error, (k) => i18n.exists(k)).message ?? { key: 'errors.internal' });
    },
    [t, i18n, tm],
  );
}

/** The English text if there is one; a stored text is a string or absent. */
function englishOf(value: { en?: unknown }): string {
  return typeof value.en === 'string' ? value.en : '';
}
