import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits';

/** Field-level messages are translation keys; the apps translate them next to the field. */
export const emailField = z
  .string({ error: 'validation.required' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'validation.required' })
  .max(254, { error: 'validation.tooLong' })
  .pipe(z.email({ error: 'validation.email' }));

/** Line breaks, tabs and every other control or invisible formatting character (Unicode Cc and Cf, e.g. U+202E). */
const CONTROL_CHARACTERS = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/**
 * A link or an address: a scheme (`://`), `www.`, an e-mail address. Mail templates also defuse bare domains. Written to
 * run in linear time: `[^\s@]+@` would retry from every character of a long run without an @ (quadratic on 1 MB).
 */
const LINK_LIKE = /:\/\/|\bwww\.|[^\s@]@[^\s@]*[^\s@.]\.[^\s@]/iu;

/**
 * What a person's or an organisation's name may be wherever it is entered: it is printed in e-mails sent to other
 * addresses ("Hello ⟨name⟩,"), in lists and in exports, so it is one line of text with no links. Refused rather than
 * cleaned, so the person sees why (field-level keys validation.nameSingleLine / validation.nameNoLinks).
 */
export function displayNameField(max = 200) {
  return z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong', abort: true })
    .refine((v) => !CONTROL_CHARACTERS.test(v), { error: 'validation.nameSingleLine', abort: true })
    .refine((v) => !LINK_LIKE.test(v), { error: 'validation.nameNoLinks' });
}

/** True when a name passes `displayNameField` (for callers that clean text they did not validate, e.g. old rows). */
export function isPlainDisplayName(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value) && !LINK_LIKE.test(value);
}

export const nameField = displayNameField(200);

/** An optional organisation (or nominee) name: empty means not given; otherwise the same rules as `nameField`. */
export function optionalDisplayNameField(max = 200) {
  return z
    .string({ error: 'validation.invalidType' })
    .trim()
    .max(max, { error: 'validation.tooLong', abort: true })
    .refine((v) => !CONTROL_CHARACTERS.test(v), { error: 'validation.nameSingleLine', abort: true })
    .refine((v) => !LINK_LIKE.test(v), { error: 'validation.nameNoLinks' })
    .nullish()
    .transform((v) => (v ? v : undefined));
}

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };
