import { isAssessmentCriterionId } from '@musyawarah/core';
import type { Catalogue } from '@musyawarah/core/catalogue/types';
import { RESOLUTION_KINDS } from '@musyawarah/core/review/vocabulary';
import {
  Button,
  errorKey,
  Form,
  noticeOnArrival,
  RadioGroupField,
  TextAreaField,
  useServerMessage,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../../trpc';
import type { Cycle } from '../CyclePage';
import type { EditRow } from '../EditsPage';
import { ConflictReload } from '../ConflictReload';
import { remapFieldErrors } from '../editForm';
import { FinalWording } from './FinalWording';
import { finalPayload, resolutionFormSchema, type CheckedResolution } from './resolution';

export function ResolutionForm({
  cycle,
  edit,
  catalogue,
}: {
  cycle: Cycle;
  edit: EditRow['edit'];
  catalogue: Catalogue;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const proposal = edit.payload;
  const p = proposal as Record<string, unknown>;
  const existingFinal = (edit.resolution?.finalPayload ?? null) as Record<string, unknown> | null;
  const source = existingFinal ?? p;
  const form = useZodForm(resolutionFormSchema, {
    defaultValues: {
      kind: edit.resolution?.kind ?? '',
      answer: edit.resolution?.answer ?? '',
      final: {
        title: asText(
          source.title ??
            (source.subAction as { title?: string } | undefined)?.title ??
            (source.actionArea as { title?: string } | undefined)?.title,
        ),
        name: asText(source.name),
        text: asText(source.text),
        criteria: Array.isArray(source.criteria) ? source.criteria.filter(isAssessmentCriterionId) : [],
      },
    },
  });
  const resolve = useMutation(trpc.review.resolveEdit.mutationOptions());
  const hasWords = 'title' in p || 'text' in p || 'criteria' in p || !!p.subAction || !!p.actionArea;

  const onSubmit = async (values: CheckedResolution) => {
    try {
      await resolve.mutateAsync({
        editId: edit.id,
        expectedVersion: edit.version,
        kind: values.kind,
        answer: values.answer,
        finalPayload:
          values.kind === 'accepted_with_changes' ? finalPayload(proposal, values.final) : undefined,
      });
      await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
      void navigate(`/review/cycles/${cycle.id}/edits`, {
        state: noticeOnArrival.success({ key: 'reviews.edits.notice.resolved' }),
      });
    } catch (error) {
      // A conflict, like any refusal, goes to the form's error summary, which offers the reload beside it.
      if (errorKey(error) === 'review.editConflict') throw error;
      const data = (error as { data?: { fieldErrors?: Record<string, string[]> } }).data;
      if (data?.fieldErrors) {
        // The final wording's fields are under `final` in this form.
        data.fieldErrors = Object.fromEntries(
          Object.entries(data.fieldErrors).map(([path, keys]) => [
            path
              .replace(/^finalPayload\.(title|name|text|criteria).*$/, 'final.$1')
              .replace(/^finalPayload\.(subAction|actionArea)\.title$/, 'final.title'),
            keys,
          ]),
        );
      }
      throw remapFieldErrors(error);
    }
  };

  return (
    <div className="two-thirds">
      {/* The page keys this form by the edit's version: the reloaded edit starts a fresh form, without the refusal. */}
      <Form
        form={form}
        id="resolution"
        onSubmit={onSubmit}
        serverMessage={serverMessage}
        renderMessageExtra={(key) =>
          key === 'review.editConflict' ? (
            <ConflictReload
              onReload={() => void queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() })}
            />
          ) : null
        }
      >
        <RadioGroupField
          name="kind"
          legend={t('reviews.resolve.kind')}
          options={RESOLUTION_KINDS.filter((k) => k !== 'accepted_with_changes' || hasWords).map((k) => ({
            value: k,
            label: t(`reviews.resolution.${k}`),
            hint: t(`reviews.resolutionHint.${k}`),
          }))}
        />
        <FinalWording proposal={proposal} catalogue={catalogue} />
        <TextAreaField
          name="answer"
          label={t('reviews.resolve.answerAll')}
          hint={t('reviews.resolve.answerAllHint')}
          rows={5}
        />
        <Button type="submit" isBusy={form.formState.isSubmitting}>
          {t('reviews.resolve.save')}
        </Button>
      </Form>
    </div>
  );
}

/** A stored text field: a string (or, in old rows, a number); anything else reads as empty. */
function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
