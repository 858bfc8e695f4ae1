import { DEFAULT_CONSTITUENCIES } from '@musyawarah/core/boards/vocabulary';
import { Tag, formattingLocale, useServerMessage as useKitServerMessage } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { useLocalized } from '../consultations/data';

export { useLocalized, useZonedFormat } from '../consultations/data';

/** Board ids are UUIDs; anything else is "not found" without asking the API. */
export const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export function useConstituencies() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.boards.constituencies.queryOptions(), staleTime: 5 * 60_000 });
}

const DEFAULT_NAMES = new Map(DEFAULT_CONSTITUENCIES.map((c) => [c.key, c.label]));

/**
 * A constituency's name in the reader's language. The platform's own constituencies (core's DEFAULT_CONSTITUENCIES)
 * are named by the interface's translations (`boards.constituency.<key>`) while the Secretariat keeps the English name
 * they came with; one it added or renamed reads as it wrote it (English when it wrote no other language).
 */
function useConstituencyName() {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  return useCallback(
    (key: string, label: unknown) => {
      const own = pick(label);
      const english = label && typeof label === 'object' ? (label as { en?: unknown }).en : undefined;
      const translation = `boards.constituency.${key}`;
      // No name written in the reader's language (or the reader reads English), and the platform's name unchanged.
      if (own.language === 'en' && DEFAULT_NAMES.get(key) === english && i18n.exists(translation))
        return t(translation);
      return own.text;
    },
    [t, i18n, pick],
  );
}

/** Constituency key → its name in the reader's language (see useConstituencyName); an unknown key shows as itself. */
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

export function useConstituencyOptions() {
  const constituencies = useConstituencies();
  const name = useConstituencyName();
  return (constituencies.data ?? []).map((c) => ({ value: c.key, label: name(c.key, c.label) }));
}

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

/** Translates what a boards procedure threw, with this namespace's wording for keys the shared locale may lack. */
// An API key this app's locale has before the shared one does reads from `boards.server.<key with underscores>`.
const localKey = (key: string) => `boards.server.${key}`;
export const useServerMessage = () => useKitServerMessage({ localKey });

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
