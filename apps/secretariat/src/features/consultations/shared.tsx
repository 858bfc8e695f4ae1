import { Tag, useServerMessage as useKitServerMessage } from '@musyawarah/ui';
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

/** Translates what a consultations procedure threw: the shared locales translate its `round.*` and `contribution.*` keys. */
export const useServerMessage = () => useKitServerMessage();

/** The English text if there is one; a stored text is a string or absent. */
function englishOf(value: { en?: unknown }): string {
  return typeof value.en === 'string' ? value.en : '';
}
