import { editFields } from '@musyawarah/core/review/schemas';
import {
  Button,
  ButtonGroup,
  errorKey,
  Form,
  formSchema,
  InsetText,
  noticeOnArrival,
  SelectField,
  TextAreaField,
  useServerMessage,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { get, set, useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { useTRPC } from '../../../trpc';
import type { Cycle } from '../CyclePage';
import {
  EDIT_KINDS,
  emptyEditForm,
  formPath,
  fromPayload,
  remapFieldErrors,
  toPayload,
  type EditFormValues,
} from '../editForm';
import { MotivationsField } from '../Motivations';
import { useBaseCatalogue } from '../baseCatalogue';
import { ConflictReload } from '../ConflictReload';
import { EMPTY, type Edit } from './types';
import { KindFields } from './KindFields';
import { Preview } from './Preview';

type EditValues = z.output<typeof editFields>;

const FORM_ID = 'edit';

export function EditForm({
  cycle,
  edit,
  onReloaded,
}: {
  cycle: Cycle;
  edit?: Edit;
  onReloaded?: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const schema = useMemo(
    () =>
      formSchema(
        (v: EditFormValues) => ({
          payload: toPayload(v),
          rationale: v.rationale,
          // The label (receipt reference, round) is kept as the motivation's note: it names the source on every screen.
          motivations: v.motivations.map((m) => ({
            kind: m.kind,
            targetId: m.targetId,
            note: m.label.slice(0, 1000),
          })),
        }),
        editFields,
      ),
    [],
  );
  // The payload nests a list; the form's fields are flat: each problem is shown on the field it is about.
  const resolver: Resolver<EditFormValues, unknown, EditValues> = async (values) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors = {};
    for (const issue of result.error.issues) {
      const path = formPath(issue.path.join('.'));
      if (!get(errors, path)) set(errors, path, { type: issue.code, message: issue.message });
    }
    return { values: {}, errors };
  };
  const form = useForm<EditFormValues, unknown, EditValues>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: edit
      ? {
          ...fromPayload(edit.payload),
          rationale: edit.rationale,
          motivations: edit.motivations.map((m) => ({
            kind: m.kind,
            targetId: m.targetId,
            label: m.note ?? m.targetId,
          })),
        }
      : emptyEditForm(),
    resolver,
  });
  // The pickers and the preview read the base edition's text of the area being edited.
  const areaId = useWatch({ control: form.control, name: 'actionAreaId' });
  const { catalogue = EMPTY } = useBaseCatalogue(cycle.baseEditionNumber, [areaId]);
  const create = useMutation(trpc.review.createEdit.mutationOptions());
  const update = useMutation(trpc.review.updateEdit.mutationOptions());

  const onSubmit = async (values: EditValues) => {
    try {
      if (edit) await update.mutateAsync({ ...values, editId: edit.id, expectedVersion: edit.version });
      else await create.mutateAsync({ ...values, cycleId: cycle.id });
      await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
      void navigate(`/review/cycles/${cycle.id}/edits`, {
        state: noticeOnArrival.success({
          key: edit ? 'reviews.edits.notice.saved' : 'reviews.edits.notice.created',
        }),
      });
    } catch (error) {
      // A conflict, like any refusal, goes to the form's error summary, which offers the reload beside it.
      if (errorKey(error) === 'review.editConflict') throw error;
      throw remapFieldErrors(error);
    }
  };

  const reload = async () => {
    if (!edit) return;
    // The page keys this form by the edit's version: the reloaded edit starts a fresh form, without the refusal.
    await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
    onReloaded?.();
  };

  if (cycle.stage !== 'drafting') {
    return (
      <InsetText>
        <p>{t('reviews.editor.notDrafting', { stage: t(`reviews.stage.${cycle.stage}`) })}</p>
      </InsetText>
    );
  }

  return (
    <div className="two-thirds">
      <Form
        form={form}
        id={FORM_ID}
        onSubmit={onSubmit}
        serverMessage={serverMessage}
        renderMessageExtra={(key) =>
          key === 'review.editConflict' && edit ? (
            <ConflictReload explain onReload={() => void reload()} />
          ) : null
        }
      >
        <h2 className="heading-l">{t('reviews.editor.whatHeading')}</h2>
        <SelectField
          name="kind"
          label={t('reviews.editor.kind')}
          options={EDIT_KINDS.map((k) => ({ value: k, label: t(`reviews.kind.${k}`) }))}
        />
        <KindFields catalogue={catalogue} />
        <Preview catalogue={catalogue} />
        <h2 className="heading-l">{t('reviews.editor.whyHeading')}</h2>
        <TextAreaField
          name="rationale"
          label={t('reviews.editor.rationale')}
          hint={t('reviews.editor.rationaleHint')}
          rows={5}
        />
        <MotivationsField cycleId={cycle.id} />
        <ButtonGroup>
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {edit ? t('reviews.editor.save') : t('reviews.editor.create')}
          </Button>
          <Link to={`/review/cycles/${cycle.id}/edits`}>{t('reviews.common.cancel')}</Link>
        </ButtonGroup>
      </Form>
    </div>
  );
}
