// Secretariat translation review procedures: the locales with their counts, a locale's keys, and approving a text.
import { TRPCError } from '@trpc/server';
import {
  findTranslationReview,
  listAllTranslationReviews,
  upsertTranslationReview,
  writeAudit,
  type TranslationReviewRow,
} from '@musyawarah/db';
import type { Context } from '../../context';
import { FieldError } from '../../errors';
import { auditContext, secretariatProcedure } from '../../trpc';
import { localeAutonym, localeCatalogue, type CatalogueEntry } from '../../translations-catalogue';
import { placeholderDifference } from '../../translations-rules';
import {
  matchesFilter,
  matchesSearch,
  presentLocale,
  presentTranslation,
  requireEntry,
  translationState,
} from './shared';
import { TRANSLATED_LOCALES, approveInput, keyInput, listInput } from './translations.types';

type SignedIn = Context & { user: NonNullable<Context['user']> };

/** Stores `text` as the reviewed translation of the entry, by the signed-in person, audited in the same transaction. */
async function storeReview(
  ctx: SignedIn,
  locale: string,
  entry: CatalogueEntry,
  text: string,
  action: string,
) {
  if (placeholderDifference(entry.english, text, entry.key)) {
    throw new FieldError('BAD_REQUEST', { text: ['validation.placeholdersDiffer'] });
  }
  return ctx.db.transaction().execute(async (tx) => {
    const at = { locale, scope: entry.scope, key: entry.key };
    const before = await findTranslationReview(tx, at);
    const stored = await upsertTranslationReview(tx, {
      ...at,
      text,
      sourceHash: entry.sourceHash,
      userId: ctx.user.id,
      now: new Date(),
    });
    await writeAudit(tx, auditContext(ctx), {
      action,
      entityType: 'translation_review',
      entityId: stored.id,
      before: before ?? { ...at, text: entry.translation, status: entry.recorded?.status ?? null },
      after: stored,
    });
    const review: TranslationReviewRow = {
      ...at,
      text: stored.text,
      sourceHash: stored.source_hash,
      reviewedBy: ctx.user.id,
      reviewedByName: ctx.user.name,
      reviewedAt: stored.reviewed_at,
    };
    return presentTranslation(entry, review);
  });
}

export const secretariatTranslationProcedures = {
  /** Every translated language with its autonym and how many of its keys are translated, reviewed and changed. */
  locales: secretariatProcedure.query(async ({ ctx }) => {
    const reviews = new Map<string, Map<string, TranslationReviewRow>>();
    for (const review of await listAllTranslationReviews(ctx.db)) {
      let forLocale = reviews.get(review.locale);
      if (!forLocale) reviews.set(review.locale, (forLocale = new Map<string, TranslationReviewRow>()));
      forLocale.set(`${review.scope}:${review.key}`, review);
    }
    return TRANSLATED_LOCALES.map((code) => {
      const stored = reviews.get(code);
      const counts = { keys: 0, translated: 0, reviewed: 0, changed: 0 };
      for (const entry of localeCatalogue(code).entries) {
        const state = translationState(entry, stored?.get(`${entry.scope}:${entry.key}`));
        counts.keys++;
        if (state !== 'missing') counts.translated++;
        if (state === 'reviewed') counts.reviewed++;
        if (state === 'changed') counts.changed++;
      }
      return { code, autonym: localeAutonym(code), ...counts };
    });
  }),

  /** One page of a locale's keys, filtered and searched, in catalogue order. */
  list: secretariatProcedure.input(listInput).query(async ({ ctx, input }) => {
    const rows = (await presentLocale(ctx.db, input.locale)).filter(
      (row) => matchesFilter(row, input.filter) && matchesSearch(row, input.search),
    );
    const page = rows.slice(input.cursor, input.cursor + input.limit);
    const next = input.cursor + page.length;
    return { rows: page, total: rows.length, nextCursor: next < rows.length ? next : null };
  }),

  /** Approves a reviewer's text for a key: it keeps the English's placeholders, tags and references. */
  approve: secretariatProcedure.input(approveInput).mutation(async ({ ctx, input }) => {
    const entry = requireEntry(input.locale, input.scope, input.key);
    return storeReview(ctx, input.locale, entry, input.text, 'translation.approve');
  }),

  /** Approves the key's current text (the stored review's, else the locale file's) unchanged. */
  approveAsIs: secretariatProcedure.input(keyInput).mutation(async ({ ctx, input }) => {
    const entry = requireEntry(input.locale, input.scope, input.key);
    const stored = await findTranslationReview(ctx.db, input);
    const text = stored?.text ?? entry.translation;
    if (text === null) throw new TRPCError({ code: 'BAD_REQUEST', message: 'validation.nothingToApprove' });
    return storeReview(ctx, input.locale, entry, text, 'translation.approve_as_is');
  }),
};
