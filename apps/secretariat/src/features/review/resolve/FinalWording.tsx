import type { Catalogue } from '@musyawarah/core/catalogue/types';
import { proposedEditSchema, type ProposedEdit } from '@musyawarah/core/editions/edits';
import { previewFinal } from '@musyawarah/core/review/preview';
import { CheckboxesField, TextAreaField } from '@musyawarah/ui';
import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EditDiff } from '@musyawarah/ui';
import { finalPayload, isNamedList, type ResolutionFormValues } from './resolution';

export function FinalWording({ proposal, catalogue }: { proposal: ProposedEdit; catalogue: Catalogue }) {
  const { t } = useTranslation();
  const kind = useWatch({ name: 'kind' }) as string;
  const final = useWatch({ name: 'final' }) as ResolutionFormValues['final'];
  if (kind !== 'accepted_with_changes') return null;
  const p = proposal as Record<string, unknown>;
  const candidate = proposedEditSchema.safeParse(finalPayload(proposal, final));
  const preview = candidate.success ? previewFinal(catalogue, proposal, candidate.data) : null;
  let body: ReactNode;
  if (!preview) body = <p className="hint">{t('reviews.editor.previewIncomplete')}</p>;
  else if (!preview.ok) body = <p className="hint">{t('reviews.editor.previewDoesNotApply')}</p>;
  else
    body = (
      <>
        <h4 className="heading-s">{t('reviews.resolve.finalAgainstBase')}</h4>
        <EditDiff diff={preview.diff} />
        {preview.fromProposal && (
          <>
            <h4 className="heading-s">{t('reviews.resolve.finalAgainstProposal')}</h4>
            <EditDiff diff={preview.fromProposal} />
          </>
        )}
      </>
    );
  return (
    <fieldset className="fieldset review-repeat">
      <legend className="legend">{t('reviews.resolve.finalHeading')}</legend>
      {('title' in p || !!p.subAction || !!p.actionArea) && (
        <TextAreaField name="final.title" label={t('reviews.editor.newTitle')} rows={2} />
      )}
      {'text' in p && isNamedList(p) && (
        <TextAreaField name="final.name" label={t('reviews.editor.newName')} rows={1} optional />
      )}
      {'text' in p && <TextAreaField name="final.text" label={t('reviews.editor.newText')} rows={6} />}
      {'criteria' in p && (
        <CheckboxesField
          name="final.criteria"
          legend={t('reviews.editor.criteria')}
          options={Array.from({ length: 40 }, (_, i) => ({ value: `Q${i + 1}`, label: `Q${i + 1}` }))}
          columns
        />
      )}
      <section className="review-card" aria-live="polite">
        {body}
      </section>
    </fieldset>
  );
}
