import { errorKey, mapServerError, Tag, useMessage } from '@musyawarah/ui';
import { useCallback } from 'react';
import type { FieldValues, Resolver } from 'react-hook-form';
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
  if (value && typeof value === 'object' && 'en' in value) return String((value as { en: unknown }).en ?? '');
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

/**
 * Wraps a form resolver so that `validation.*` keys the shared locales lack yet are shown with this namespace's wording
 * (`consultations.validation.*`) in the fields and the error summary instead of a generic "Check this answer".
 */
export function withLocalMessages<TIn extends FieldValues, TOut>(
  resolver: Resolver<TIn, unknown, TOut>,
  exists: (key: string) => boolean,
): Resolver<TIn, unknown, TOut> {
  const rewrite = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.message === 'string' && record.message.startsWith('validation.') && !exists(record.message)) {
      const local = `consultations.${record.message}`;
      if (exists(local)) record.message = local;
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'ref') rewrite(value);
  };
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    rewrite(result.errors);
    return result;
  };
}

/** Same as `withLocalMessages` for the field errors of a server answer, before the shared form applies them. */
export function localizeFieldErrors(error: unknown, exists: (key: string) => boolean): unknown {
  const data = (error as { data?: { fieldErrors?: Record<string, unknown> } } | null)?.data;
  const fieldErrors = data?.fieldErrors;
  if (!fieldErrors || typeof fieldErrors !== 'object') return error;
  for (const [path, messages] of Object.entries(fieldErrors)) {
    if (!Array.isArray(messages)) continue;
    fieldErrors[path] = messages.map((m: unknown) =>
      typeof m === 'string' && m.startsWith('validation.') && !exists(m) && exists(`consultations.${m}`)
        ? `consultations.${m}`
        : m,
    );
  }
  return error;
}
