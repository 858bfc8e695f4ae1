// Repository functions of translation review (issue #13), executor first. A reviewer's approved text is kept per
// (locale, scope, key) until `translations:export` writes it into the locale files. Writes are audited by the caller in
// the same transaction.
import type { Executor } from '../client';
import type { TranslationScope } from '../schema';

export interface TranslationReviewKey {
  locale: string;
  scope: TranslationScope;
  key: string;
}

/** A stored review with the reviewer's name (null when the account is gone). */
export interface TranslationReviewRow {
  locale: string;
  scope: TranslationScope;
  key: string;
  text: string;
  sourceHash: string;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: Date;
}

function reviewsWithReviewer(db: Executor) {
  return db
    .selectFrom('translation_review as r')
    .leftJoin('user_account as u', 'u.id', 'r.reviewed_by')
    .select([
      'r.locale',
      'r.scope',
      'r.key',
      'r.text',
      'r.source_hash as sourceHash',
      'r.reviewed_by as reviewedBy',
      'u.name as reviewedByName',
      'r.reviewed_at as reviewedAt',
    ]);
}

export async function findTranslationReview(db: Executor, at: TranslationReviewKey) {
  return db
    .selectFrom('translation_review')
    .selectAll()
    .where('locale', '=', at.locale)
    .where('scope', '=', at.scope)
    .where('key', '=', at.key)
    .executeTakeFirst();
}

/**
 * Stores the approved text of one key (a second approval replaces the first) with the hash of the English text it was
 * approved against, the reviewer and the time.
 */
export async function upsertTranslationReview(
  db: Executor,
  values: TranslationReviewKey & { text: string; sourceHash: string; userId: string; now: Date },
) {
  return db
    .insertInto('translation_review')
    .values({
      locale: values.locale,
      scope: values.scope,
      key: values.key,
      text: values.text,
      source_hash: values.sourceHash,
      reviewed_by: values.userId,
      reviewed_at: values.now,
    })
    .onConflict((oc) =>
      oc.columns(['locale', 'scope', 'key']).doUpdateSet((eb) => ({
        text: eb.ref('excluded.text'),
        source_hash: eb.ref('excluded.source_hash'),
        reviewed_by: eb.ref('excluded.reviewed_by'),
        reviewed_at: eb.ref('excluded.reviewed_at'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every review of one locale, in key order. */
export async function listTranslationReviews(db: Executor, locale: string): Promise<TranslationReviewRow[]> {
  return reviewsWithReviewer(db).where('r.locale', '=', locale).orderBy('r.scope').orderBy('r.key').execute();
}

/** Every review of every locale (for the export into the locale files), ordered by locale, scope and key. */
export async function listAllTranslationReviews(db: Executor): Promise<TranslationReviewRow[]> {
  return reviewsWithReviewer(db).orderBy('r.locale').orderBy('r.scope').orderBy('r.key').execute();
}
