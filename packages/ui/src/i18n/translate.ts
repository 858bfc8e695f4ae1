import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@musyawarah/core/schemas/limits';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../errors/server-error';

/** Values every validation message may interpolate (`{{min}}` in "at least {{min}} characters"). */
const VALIDATION_PARAMS = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

/**
 * Keys to try, most specific first. A field can have its own wording ("Enter your e-mail address" rather than
 * "Enter this information"): `validation.required_signIn_email` (form and field), then `validation.required_email`.
 */
export function candidateKeys(key: string, field?: { form: string; path: string }): string[] {
  if (!field || !key.startsWith('validation.')) return [key];
  const path = field.path.replace(/[^A-Za-z0-9]/g, '_');
  const form = field.form.replace(/[^A-Za-z0-9]/g, '_');
  return [`${key}_${form}_${path}`, `${key}_${path}`, key];
}

/**
 * Translates a message key that came from outside the component — a zod schema, the API, a server error — falling back
 * to a generic message when the key is unknown, so a missing translation never shows a raw key to the user.
 */
export function useMessage() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (message: Message | string | null | undefined, field?: { form: string; path: string }): string => {
      if (!message) return '';
      const { key, params } = typeof message === 'string' ? { key: message, params: undefined } : message;
      const values = { ...VALIDATION_PARAMS, ...params };
      for (const candidate of candidateKeys(key, field)) {
        if (i18n.exists(candidate, values)) return t(candidate, values);
      }
      return t(key.startsWith('validation.') ? 'validation.invalid' : 'errors.internal', values);
    },
    [t, i18n],
  );
}

/** Locale-aware date formatting in the interface language. */
/**
 * Plain `en` formats dates the US way (month first). ASEAN's working English writes day, month, year, as in the
 * Roadmap itself, so English dates use British conventions; other languages use their own.
 */
export function formattingLocale(language: string): string {
  if (language === 'en') return 'en-GB';
  // A browser without the language's date data (Chromium on Linux lacks Khmer, Lao, Burmese and Tetum) would print
  // "2026 M12 5": ASEAN English then reads better than a half-formatted date.
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0 ? language : 'en-GB';
  } catch {
    return 'en-GB';
  }
}

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language);
  return {
    dateTime(value: string | number | Date | null | undefined): string {
      if (value === null || value === undefined) return '';
      const date = value instanceof Date ? value : new Date(value);
      if (Number.isNaN(date.getTime())) return '';
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
    },
    date(value: string | number | Date | null | undefined): string {
      if (value === null || value === undefined) return '';
      const date = value instanceof Date ? value : new Date(value);
      if (Number.isNaN(date.getTime())) return '';
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
    },
    isoString(value: string | number | Date | null | undefined): string | undefined {
      if (value === null || value === undefined) return undefined;
      const date = value instanceof Date ? value : new Date(value);
      return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
    },
  };
}
