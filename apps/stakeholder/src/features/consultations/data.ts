import { isInAudience, localized } from '@musyawarah/core/consultation/text';
import type { Accommodation } from '@musyawarah/core/consultation/vocabulary';
import {
  formattingLocale,
  useMessage,
  useServerMessage as useKitServerMessage,
  type Message,
} from '@musyawarah/ui';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../trpc';
import { ReadingLanguageContext } from './reading-language';

export type RoundSummary = Outputs['rounds']['listPublic'][number];
export type RoundDetail = Outputs['rounds']['get'];
export type Question = RoundDetail['questions'][number];
export type PublicContribution = Outputs['contributions']['listPublic'][number];
export type MyContribution = Outputs['contributions']['mine'][number];
export type Draft = NonNullable<Outputs['contributions']['myDraft']>;

export type LocalizedText = { en: string } & Partial<Record<string, string>>;

export interface RoundEvent {
  mode: 'online' | 'in_person' | 'hybrid';
  venue?: string;
  link?: string;
  capacity?: number;
  startsAt: string;
  endsAt: string;
  timezone: string;
  accommodationsOffered?: Accommodation[];
}

export function asEvent(value: unknown): RoundEvent | null {
  if (!value || typeof value !== 'object') return null;
  const e = value as Partial<RoundEvent>;
  if (!e.mode || !e.startsAt || !e.endsAt) return null;
  return e as RoundEvent;
}

export function asLocalized(value: unknown): LocalizedText {
  if (value && typeof value === 'object' && typeof (value as { en?: unknown }).en === 'string')
    return value as LocalizedText;
  return { en: typeof value === 'string' ? value : '' };
}

const baseLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

// The single implementation, from core's catalogue-free module (importing core's consultation rules would ship the
// whole Roadmap catalogue to every phone).
export { localized } from '@musyawarah/core/consultation/text';

/** The reader's languages: the interface language first, then the browser's. */
export function usePreferredLanguages(): string[] {
  const { i18n } = useTranslation();
  const browser = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? [])];
  return [i18n.language, ...browser];
}

/**
 * `pick(round.title)` → `{ text, language, fallback }`, in the language the reader chose for the round ("Read this round
 * in") inside a round's pages, else the interface language; `fallback` when that language had no translation.
 */
export function useLocalized() {
  const { i18n } = useTranslation();
  const preferred = useContext(ReadingLanguageContext)?.language ?? i18n.language;
  return useCallback(
    (value: unknown) => {
      const result = localized(asLocalized(value), [preferred]);
      return { ...result, fallback: baseLanguage(preferred) !== result.language };
    },
    [preferred],
  );
}

/** The reader's IANA time zone (e.g. Asia/Jakarta). */
export function readerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Dates with the zone named: "Mon 8 Dec 2025, 17:00 Western Indonesia Time". */
export function useZonedFormat() {
  const { i18n } = useTranslation();
  // English as ASEAN writes it (4 March 2026, not March 4), every other language as its own locale.
  const locale = formattingLocale(i18n.language);
  return useCallback(
    (
      value: string | Date | null | undefined,
      timeZone = readerTimeZone(),
      style: 'full' | 'time' = 'full',
    ) => {
      if (!value) return '';
      const date = value instanceof Date ? value : new Date(value);
      if (Number.isNaN(date.getTime())) return '';
      const options: Intl.DateTimeFormatOptions =
        style === 'time'
          ? { hour: '2-digit', minute: '2-digit', timeZone }
          : {
              weekday: 'short',
              day: 'numeric',
              month: 'long',
              year: 'numeric',
              hour: '2-digit',
              minute: '2-digit',
              timeZone,
              timeZoneName: 'long',
            };
      try {
        return new Intl.DateTimeFormat(locale, options).format(date);
      } catch {
        return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
      }
    },
    [locale],
  );
}

/** Time left until `closesAt`, in the largest sensible unit; null once passed. */
export function timeLeft(
  closesAt: string | Date,
  now = new Date(),
): { unit: 'day' | 'hour' | 'minute'; count: number } | null {
  const ms = new Date(closesAt).getTime() - now.getTime();
  if (!(ms > 0)) return null;
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return { unit: 'minute', count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hour', count: hours };
  return { unit: 'day', count: Math.floor(hours / 24) };
}

/**
 * Keys the consultation API sends that the shared namespaces may not translate yet (`round.*`, `contribution.*`, some
 * `validation.*`). Ours are used only while the shared translation is missing.
 */
const FALLBACKS: Record<string, string> = {
  'round.closed': 'consultations.apiErrors.roundClosed',
  'round.notOpenYet': 'consultations.apiErrors.roundNotOpenYet',
  'round.draft': 'consultations.apiErrors.roundNotFound',
  'round.notFound': 'consultations.apiErrors.roundNotFound',
  'round.notInvited': 'consultations.apiErrors.roundNotInvited',
  'contribution.notFound': 'consultations.apiErrors.contributionNotFound',
  'validation.rankingIncomplete': 'consultations.apiErrors.rankingIncomplete',
  'validation.emptyContribution': 'consultations.apiErrors.emptyContribution',
  'validation.unknownQuestion': 'consultations.apiErrors.unknownQuestion',
  'validation.unknownAction': 'consultations.apiErrors.unknownAction',
  'validation.duplicateOption': 'consultations.apiErrors.duplicateOption',
  'validation.idempotencyKeyReused': 'consultations.apiErrors.idempotencyKeyReused',
};

/** Whether we can translate this API key even while the shared namespaces lack it. */
export const hasFallback = (key: string) => key in FALLBACKS;

/** The key to translate: ours while the shared namespaces lack the API's key. */
export function resolveMessageKey(key: string, exists: (key: string) => boolean): string {
  const fallback = FALLBACKS[key];
  return fallback && !exists(key) ? fallback : key;
}

// The kit's server-message hook asks for a key's local translation by the key with its dots as underscores.
const FALLBACK_BY_UNDERSCORED = new Map(
  Object.entries(FALLBACKS).map(([key, ours]) => [key.replace(/\./g, '_'), ours]),
);
const localKey = (underscored: string) => FALLBACK_BY_UNDERSCORED.get(underscored) ?? underscored;

/** What a consultation procedure threw, in words: the kit's `useServerMessage` with our fallbacks (for a kit `Form`). */
export const useServerMessage = () => useKitServerMessage({ localKey });

export function useConsultationMessage() {
  const { i18n } = useTranslation();
  const tm = useMessage();
  return useCallback(
    (message: Message | string | null | undefined, field?: { form: string; path: string }) => {
      if (!message) return '';
      const key = typeof message === 'string' ? message : message.key;
      const fallback = FALLBACKS[key];
      if (fallback && !i18n.exists(key)) return tm(fallback);
      return tm(message, field);
    },
    [i18n, tm],
  );
}

export function useRound(roundId: string) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.rounds.get.queryOptions({ roundId }), retry: false });
}

/**
 * Whether the signed-in participant may contribute: the rule of core's `isInAudience` (public rounds take everyone,
 * invited-groups rounds the groups they name, board rounds only through the Secretariat until board membership
 * exists). The API enforces it; this only spares people a form they cannot send.
 */
export function inAudience(
  round: { audience: string; invitedGroups: readonly string[] },
  stakeholderGroup: string | null | undefined,
): boolean {
  return isInAudience({ ...round, boardId: null }, { stakeholderGroup: stakeholderGroup ?? null }).ok;
}

/** Round ids are UUIDs; anything else is a 404 without asking the API. */
export const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
