/**
 * Rules of a translation (issue #13), pure and shared by the API and the secretariat app's review form: the same
 * placeholder rule as tooling/scripts/i18n-check.mjs. A translation keeps every `{{placeholder}}`, every numbered tag
 * (`<0>`, `</0>`) and every `$t(…)` reference of its English source, and adds none; a plural form may leave out
 * `{{count}}` ("one item" written out).
 */

export const TRANSLATION_SCOPES = ['ui', 'stakeholder', 'secretariat', 'mail'] as const;
export type TranslationScopeName = (typeof TRANSLATION_SCOPES)[number];

export const TRANSLATION_STATES = ['missing', 'draft', 'changed', 'reviewed'] as const;
export type TranslationState = (typeof TRANSLATION_STATES)[number];

export const TRANSLATION_FILTERS = ['all', 'unreviewed', 'missing', 'changed'] as const;
export type TranslationFilter = (typeof TRANSLATION_FILTERS)[number];

/** The longest text a reviewer may store for one key (the longest English text is well under this). */
export const TRANSLATION_MAX_LENGTH = 10_000;

const TOKEN = /\{\{\s*([^}]+?)\s*\}\}|<\/?(\d+)>|\$t\(([^)]+)\)/g;

/** The placeholders, tags and references of a text, whitespace removed, sorted (a multiset). */
export function translationTokens(text: string): string[] {
  return [...String(text).matchAll(TOKEN)].map((m) => m[0].replace(/\s+/g, '')).sort();
}

/** `points_one` is a plural form of `points`. */
export function isPluralKey(key: string): boolean {
  return /_(zero|one|two|few|many|other)$/.test(key);
}

export interface PlaceholderDifference {
  /** Tokens of the English the translation lacks. */
  missing: string[];
  /** Tokens in the translation the English does not have. */
  unknown: string[];
}

/** What the translation lacks or adds compared with its English source; null when they match. */
export function placeholderDifference(
  english: string,
  translation: string,
  key = '',
): PlaceholderDifference | null {
  const want = translationTokens(english);
  const have = translationTokens(translation);
  const remaining = [...have];
  const missing: string[] = [];
  for (const token of want) {
    const at = remaining.indexOf(token);
    if (at >= 0) remaining.splice(at, 1);
    else if (!(token === '{{count}}' && isPluralKey(key))) missing.push(token);
  }
  return missing.length || remaining.length ? { missing, unknown: remaining } : null;
}
