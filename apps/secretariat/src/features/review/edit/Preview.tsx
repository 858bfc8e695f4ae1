import type { Catalogue } from '@musyawarah/core/catalogue/types';
import { proposedEditSchema } from '@musyawarah/core/editions/edits';
import { previewEdit } from '@musyawarah/core/review/preview';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DiffLegend, EditDiff } from '@musyawarah/ui';
import { toPayload, type EditFormValues } from '../editForm';

/** The word-level diff of the edit as it stands in the form, against the base edition. */
export function Preview({ catalogue }: { catalogue: Catalogue }) {
  const { t } = useTranslation();
  const values = useWatch<EditFormValues>() as EditFormValues;
  const parsed = proposedEditSchema.safeParse(toPayload(values));
  const preview = parsed.success ? previewEdit(catalogue, parsed.data) : null;
  return (
    <section aria-labelledby="edit-preview" className="review-card" aria-live="polite">
      <h3 className="heading-s review-card__title" id="edit-preview">
        {t('reviews.editor.preview')}
      </h3>
      {!preview ? (
        <p className="hint">{t('reviews.editor.previewIncomplete')}</p>
      ) : !preview.ok ? (
        <p className="hint">{t('reviews.editor.previewDoesNotApply')}</p>
      ) : (
        <>
          <DiffLegend />
          <EditDiff diff={preview.diff} />
        </>
      )}
    </section>
  );
}
