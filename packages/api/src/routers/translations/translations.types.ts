// Zod inputs of the translations router.
import { z } from 'zod';
import { LANGUAGES } from '@musyawarah/core';
import { TRANSLATION_FILTERS, TRANSLATION_MAX_LENGTH, TRANSLATION_SCOPES } from '../../translations-rules';

/** The languages translated from English: every language of the platform but English. */
export const TRANSLATED_LOCALES = LANGUAGES.filter(
  (code): code is Exclude<(typeof LANGUAGES)[number], 'en'> => code !== 'en',
);

export const localeField = z.enum(TRANSLATED_LOCALES as [string, ...string[]], {
  error: 'validation.locale',
});
const scopeField = z.enum(TRANSLATION_SCOPES, { error: 'validation.invalidOption' });
const keyField = z.string().min(1).max(300);

export const listInput = z.object({
  locale: localeField,
  filter: z.enum(TRANSLATION_FILTERS, { error: 'validation.invalidOption' }).default('all'),
  /** Part of the key, the English or the translation (case-insensitive). */
  search: z.string().trim().max(200).optional(),
  /** How many rows to skip (the `nextCursor` of the previous page). */
  cursor: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(100).default(25),
});

export const keyInput = z.object({ locale: localeField, scope: scopeField, key: keyField });

export const approveInput = keyInput.extend({
  text: z
    .string()
    .max(TRANSLATION_MAX_LENGTH)
    .refine((text) => text.trim() !== '', { error: 'validation.translationRequired' }),
});
