/**
 * Review of the interface's translations (issue #13). The English source and the machine-drafted translations are the
 * locale files in the repository (read through src/translations-catalogue.ts); a reviewer's approved text is stored in
 * `translation_review` until `pnpm cli translations:export` writes it into the files.
 *
 * Procedures (Secretariat only):
 *   locales                              every language but English: code, autonym, keys, translated, reviewed,
 *                                        changed (approved or drafted against English that has changed since)
 *   list {locale, filter, search?, cursor, limit}
 *                                        rows { scope, key, english, translation, state, reviewedBy?, reviewedAt? };
 *                                        filter all | unreviewed | missing | changed; `nextCursor` for the next page
 *   approve {locale, scope, key, text}   stores the text as reviewed (audited); field errors: key
 *                                        `validation.unknownTranslationKey`, text `validation.translationRequired`,
 *                                        `validation.placeholdersDiffer` (the English's {{placeholders}}, <0> tags and
 *                                        $t() references must all be kept, none added)
 *   approveAsIs {locale, scope, key}     approves the current text unchanged (`validation.nothingToApprove` when
 *                                        there is none)
 */
import { router } from '../../trpc';
import { secretariatTranslationProcedures } from './secretariat';

export const translationsRouter = router({
  ...secretariatTranslationProcedures,
});

export type { PresentedTranslation } from './shared';
