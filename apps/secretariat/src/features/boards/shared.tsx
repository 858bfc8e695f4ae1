import { boardDay } from '@musyawarah/core/boards/rules';
import { DEFAULT_CONSTITUENCIES } from '@musyawarah/core/boards/vocabulary';
import { Tag, type Option, formattingLocale, useServerMessage as useKitServerMessage } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';

const STATUS_TONE = { forming: 'yellow', active: 'green', dissolved: 'grey' } as const;

export function BoardStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag tone={STATUS_TONE[status as keyof typeof STATUS_TONE] ?? 'grey'}>{t(`boards.status.${status}`)}</Tag>
  );
}

const NOMINATION_TONE = { submitted: 'blue', accepted: 'green', declined: 'red', withdrawn: 'grey' } as const;

export function NominationStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag tone={NOMINATION_TONE[status as keyof typeof NOMINATION_TONE] ?? 'grey'}>
      {t(`boards.nominationStatus.${status}`)}
    </Tag>
  );
}

/** The English text of a per-language field (the secretariat works in English, ASEAN's working language). */
export function english(value: unknown): string {
  if (value && typeof value === 'object' && 'en' in value) return englishOf(value);
  return typeof value === 'string' ? value : '';
}

/** The managed list of constituencies, labels in English, for checkboxes and selects. */
export function useConstituencies() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.boards.constituencies.queryOptions(), staleTime: 60_000 });
}

const DEFAULT_NAMES = new Map(DEFAULT_CONSTITUENCIES.map((c) => [c.key, c.label]));

/**
 * A constituency's name: the platform's own constituencies (core's DEFAULT_CONSTITUENCIES) in the interface's language
 * (`boards.constituency.<key>`) while their English name is the one they came with; one the secretariat added or
 * renamed, in the English it wrote.
 */
export function useConstituencyName() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (key: string, label: unknown) => {
      const written = english(label);
      const translation = `boards.constituency.${key}`;
      return DEFAULT_NAMES.get(key) === written && i18n.exists(translation) ? t(translation) : written;
    },
    [t, i18n],
  );
}

export function useConstituencyOptions(): Option[] {
  const constituencies = useConstituencies();
  const name = useConstituencyName();
  return (constituencies.data ?? []).map((c) => ({ value: c.key, label: name(c.key, c.label) }));
}

/** `key → name` for showing stored constituency keys; an unknown key shows as itself. */
export function useConstituencyLabel() {
  const constituencies = useConstituencies();
  const name = useConstituencyName();
  return useCallback(
    (key: string) => {
      const found = constituencies.data?.find((c) => c.key === key);
      return found ? name(found.key, found.label) : key;
    },
    [constituencies.data, name],
  );
}

/** Translates what a boards procedure threw: the shared locales translate its `board.*` keys. */
export const useServerMessage = () => useKitServerMessage();

/** Today at the Secretariat, `YYYY-MM-DD`: board lives and seat terms are calendar days in Jakarta (core's boardDay). */
export function today(): string {
  return boardDay(new Date());
}

/** A calendar date (`YYYY-MM-DD`) in words, without shifting it through a time zone. */
export function useDateText() {
  const { i18n } = useTranslation();
  return useCallback(
    (day: string | null | undefined) => {
      if (!day) return '';
      const [y, m, d] = day.slice(0, 10).split('-').map(Number);
      if (!y || !m || !d) return day;
      return new Intl.DateTimeFormat(formattingLocale(i18n.language), {
        dateStyle: 'long',
        timeZone: 'UTC',
      }).format(new Date(Date.UTC(y, m - 1, d)));
    },
    [i18n.language],
  );
}

/** The English text if there is one; a stored text is a string or absent. */
function englishOf(value: { en?: unknown }): string {
  return typeof value.en === 'string' ? value.en : '';
}
