import { z } from 'zod';
// Subpath imports must get translation keys too, not zod's English.
import '../schemas/messages';
import { LANGUAGES, type LanguageCode } from '../domain';
// Type only: the consultation schemas load the Roadmap catalogue (≈540 KB), which the review pages must not ship.
import type { Localized } from '../consultation/schemas';

/**
 * Per-language text of the review domain (cycle titles and descriptions, the framework's criteria and metrics): the
 * same `{ en, ms?, km?, … }` as the rounds' and boards' texts and the same rules as consultation's `localizedTextField`
 * (English required, any other platform language optional, blank translations dropped so readers fall back to English,
 * unknown language keys refused). Kept here rather than imported from the consultation schemas, which load the
 * catalogue. A plain string is read as the English text: cycles and framework versions saved before texts were
 * per-language, and API clients written then, keep working.
 */

export type ReviewText = Localized;

/** What a form or an API client may send: the per-language object, or a plain string meaning English. */
export type ReviewTextInput =
  string | ({ en?: string | null } & Partial<Record<Exclude<LanguageCode, 'en'>, string | null>>);

const translationField = (max: number) =>
  z
    .string({ error: 'validation.invalidType' })
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .nullish()
    .transform((v) => (v ? v : undefined));

const localizedObject = (max: number) => {
  const translation = translationField(max);
  const shape = Object.fromEntries(
    LANGUAGES.filter((code) => code !== 'en').map((code) => [code, translation]),
  ) as Record<Exclude<LanguageCode, 'en'>, typeof translation>;
  return z
    .strictObject({
      ...shape,
      en: z
        .string({ error: 'validation.englishRequired' })
        .trim()
        .min(1, { error: 'validation.englishRequired' })
        .max(max, { error: 'validation.tooLong' }),
    })
    .transform((value) => {
      const out: Record<string, string> = {};
      for (const [language, text] of Object.entries(value)) if (text) out[language] = text;
      return out as Localized;
    });
};

/** A plain string is the English text. */
const fromPlain = (value: unknown) => (typeof value === 'string' ? { en: value } : value);

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * `schema` run on what `prepare` makes of the value, typed as accepting `TInput` (zod's `preprocess` would type its
 * input as anything). Every issue keeps its path and message, so it lands where the schema put it.
 */
function acceptingInput<TInput, TSchema extends z.ZodType>(
  prepare: (value: TInput) => unknown,
  schema: TSchema,
) {
  return z.custom<TInput>().transform((value, ctx): z.output<TSchema> => {
    const result = schema.safeParse(prepare(value));
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, input: value });
    }
    return z.NEVER;
  });
}

/** Required per-language text: English must be there. */
export const reviewTextField = (max: number) =>
  acceptingInput((value: ReviewTextInput) => fromPlain(value), localizedObject(max));

/**
 * Optional per-language text: absent when nothing is filled in (null, '', or every language blank); once any language
 * is filled in, English is required too.
 */
export const optionalReviewTextField = (max: number) =>
  acceptingInput((value: ReviewTextInput | null) => {
    if (isBlank(value)) return undefined;
    if (typeof value === 'object' && value !== null && Object.values(value).every(isBlank)) return undefined;
    return fromPlain(value);
  }, localizedObject(max).optional()).optional();

/**
 * A stored text as the per-language object, whatever form it was saved in: objects as they are, a plain string (saved
 * before texts were per-language) as English. Reading never refuses: a missing text reads as empty English.
 */
export function readReviewText(value: unknown): Localized {
  if (typeof value === 'string') return { en: value };
  if (value && typeof value === 'object') {
    const out: Record<string, string> = {};
    for (const [language, text] of Object.entries(value as Record<string, unknown>))
      if (typeof text === 'string' && text.trim() !== '') out[language] = text;
    return { ...out, en: typeof out.en === 'string' ? out.en : '' };
  }
  return { en: '' };
}

/** The languages a text is filled in, English first: what a form shows as "filled" and a reader may choose among. */
export function filledLanguages(
  ...texts: readonly (Partial<Record<string, string>> | null | undefined)[]
): LanguageCode[] {
  return LANGUAGES.filter((code) =>
    texts.some((text) => typeof text?.[code] === 'string' && text[code].trim() !== ''),
  );
}
