// Helpers of the translations router: a key's review state from the locale files and the stored reviews.
import { listTranslationReviews, type Executor, type TranslationReviewRow } from '@musyawarah/db';
import { FieldError } from '../../errors';
import { localeCatalogue, type CatalogueEntry } from '../../translations-catalogue';
import type { TranslationFilter, TranslationScopeName, TranslationState } from '../../translations-rules';

export interface PresentedTranslation {
  scope: TranslationScopeName;
  key: string;
  english: string;
  /** The stored review's text, else the locale file's; null when there is neither. */
  translation: string | null;
  state: TranslationState;
  reviewedBy?: string;
  reviewedAt?: string;
}

/**
 * The state of one key:
 * - reviewed  approved (in the database, or recorded in the status file) against the English text as it is now;
 * - changed   approved, or drafted, against an English text that has since changed: needs review again;
 * - draft     a machine-drafted translation nobody has approved;
 * - missing   no translation at all.
 */
/**
 * A key's state in a locale: a stored review wins over the locale file's own record. Separate from presenting it, so
 * the languages overview counts the states of every key in 12 locales without building a row for each.
 */
export function translationState(
  entry: CatalogueEntry,
  review: Pick<TranslationReviewRow, 'sourceHash'> | undefined,
): TranslationState {
  if (review) return review.sourceHash === entry.sourceHash ? 'reviewed' : 'changed';
  if (entry.translation === null) return 'missing';
  const recorded = entry.recorded;
  if (recorded && recorded.source !== entry.sourceHash) return 'changed';
  return recorded?.status === 'reviewed' ? 'reviewed' : 'draft';
}

export function presentTranslation(
  entry: CatalogueEntry,
  review: TranslationReviewRow | undefined,
): PresentedTranslation {
  const base = { scope: entry.scope, key: entry.key, english: entry.english };
  const state = translationState(entry, review);
  if (review) {
    return {
      ...base,
      translation: review.text,
      state,
      reviewedBy: review.reviewedByName ?? review.reviewedBy ?? undefined,
      reviewedAt: new Date(review.reviewedAt).toISOString(),
    };
  }
  if (entry.translation === null) return { ...base, translation: null, state };
  const recorded = entry.recorded;
  return {
    ...base,
    translation: entry.translation,
    state,
    ...(recorded?.status === 'reviewed' && recorded.reviewedBy ? { reviewedBy: recorded.reviewedBy } : {}),
    ...(recorded?.status === 'reviewed' && recorded.reviewedAt ? { reviewedAt: recorded.reviewedAt } : {}),
  };
}

/** Every key of a locale, presented, in catalogue order. */
export async function presentLocale(db: Executor, locale: string): Promise<PresentedTranslation[]> {
  const reviews = new Map((await listTranslationReviews(db, locale)).map((r) => [`${r.scope}:${r.key}`, r]));
  return localeCatalogue(locale).entries.map((entry) =>
    presentTranslation(entry, reviews.get(`${entry.scope}:${entry.key}`)),
  );
}

export function matchesFilter(row: PresentedTranslation, filter: TranslationFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unreviewed':
      return row.state !== 'reviewed';
    case 'missing':
      return row.state === 'missing';
    case 'changed':
      return row.state === 'changed';
  }
}

export function matchesSearch(row: PresentedTranslation, search: string | undefined): boolean {
  if (!search) return true;
  const needle = search.toLocaleLowerCase();
  return [`${row.scope}:${row.key}`, row.english, row.translation ?? ''].some((text) =>
    text.toLocaleLowerCase().includes(needle),
  );
}

/** The catalogue entry of a key, or a field error on `key` (the key is not one this locale needs). */
export function requireEntry(locale: string, scope: string, key: string): CatalogueEntry {
  const entry = localeCatalogue(locale).byId.get(`${scope}:${key}`);
  if (!entry) throw new FieldError('BAD_REQUEST', { key: ['validation.unknownTranslationKey'] });
  return entry;
}
