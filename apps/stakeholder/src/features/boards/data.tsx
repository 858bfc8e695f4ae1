import { errorKey, mapServerError, Tag, useMessage } from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { useLocalized } from '../consultations/data';

export { useLocalized, useZonedFormat } from '../consultations/data';

/** Board ids are UUIDs; anything else is "not found" without asking the API. */
export const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export function useConstituencies() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.boards.constituencies.queryOptions(), staleTime: 5 * 60_000 });
}

/** Constituency key → its name in the reader's language (English when not translated). */
export function useConstituencyLabel() {
  const constituencies = useConstituencies();
  const pick = useLocalized();
  return useCallback(
    (key: string) => {
      const found = constituencies.data?.find((c) => c.key === key);
      return found ? pick(found.label).text : key;
    },
    [constituencies.data, pick],
  );
}

export function useConstituencyOptions() {
  const constituencies = useConstituencies();
  const pick = useLocalized();
  return (constituencies.data ?? []).map((c) => ({ value: c.key, label: pick(c.label).text }));
}

const STATUS_TONE = { forming: 'yellow', active: 'green', dissolved: 'grey' } as const;

export function BoardStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag tone={STATUS_TONE[status as keyof typeof STATUS_TONE] ?? 'grey'}>{t(`boards.status.${status}`)}</Tag>;
}

const NOMINATION_TONE = { submitted: 'blue', accepted: 'green', declined: 'red', withdrawn: 'grey' } as const;

export function NominationStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag tone={NOMINATION_TONE[status as keyof typeof NOMINATION_TONE] ?? 'grey'}>{t(`boards.nominationStatus.${status}`)}</Tag>;
}

/** Translates what a boards procedure threw, with this namespace's wording for keys the shared locale may lack. */
export function useServerMessage() {
  const { t, i18n } = useTranslation();
  const tm = useMessage();
  return useCallback(
    (error: unknown): string => {
      const key = errorKey(error);
      if (key && !i18n.exists(key)) {
        const local = `boards.server.${key.replace(/\./g, '_')}`;
        if (i18n.exists(local)) return t(local);
      }
      return tm(mapServerError(error, (k) => i18n.exists(k)).message ?? { key: 'errors.internal' });
    },
    [t, i18n, tm],
  );
}

/** A calendar date (`YYYY-MM-DD`) in words, without shifting it through a time zone. */
export function useDateText() {
  const { i18n } = useTranslation();
  return useCallback(
    (day: string | null | undefined) => {
      if (!day) return '';
      const [y, m, d] = day.slice(0, 10).split('-').map(Number);
      if (!y || !m || !d) return day;
      return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(Date.UTC(y, m - 1, d)),
      );
    },
    [i18n.language],
  );
}
