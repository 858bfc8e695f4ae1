import type { Catalogue } from '@musyawarah/core/catalogue/types';
import { proposedEditSchema } from '@musyawarah/core/editions/edits';
import { previewEdit } from '@musyawarah/core/review/preview';
import { editFields } from '@musyawarah/core/review/schemas';
import {
  Button,
  ButtonGroup,
  CheckboxesField,
  errorKey,
  ErrorNotice,
  Form,
  InsetText,
  Loading,
  NotificationBanner,
  Page,
  SelectField,
  TextAreaField,
  TextField,
  useServerMessage,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { get, set, useForm, useFormContext, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { useTRPC } from '../../trpc';
import { useCycle, type Cycle } from './CyclePage';
import { DiffLegend, EditDiff } from '@musyawarah/ui';
import {
  EDIT_KINDS,
  ENTRY_FIELDS,
  TERMS,
  emptyEditForm,
  entriesOf,
  findArea,
  findSubAction,
  formPath,
  fromPayload,
  needs,
  remapFieldErrors,
  toPayload,
  type EditFormValues,
} from './editForm';
import { MotivationsField } from './Motivations';
import { useBaseCatalogue } from './baseCatalogue';
import { useEditRows, type EditRow } from './EditsPage';
import '@musyawarah/ui/review.css';
import { CycleSections } from './shared';

export type Edit = EditRow['edit'];

type EditValues = z.output<typeof editFields>;

const FORM_ID = 'edit';
const EMPTY: Catalogue = { actionAreas: [] };

/** `/review/cycles/:cycleId/edits/new` */
export function NewEditPage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const base = useBaseCatalogue(cycle.data?.baseEditionNumber, []);
  return (
    <Page
      title={t('reviews.editor.pageTitle')}
      caption={cycle.data?.title.en}
      width="full"
      backLink={{ to: `/review/cycles/${cycleId}/edits`, label: t('reviews.edits.title') }}
    >
      <CycleSections cycleId={cycleId} />
      {cycle.isPending || base.isPending ? (
        <Loading />
      ) : cycle.isError ? (
        <ErrorNotice error={cycle.error} onRetry={() => void cycle.refetch()} />
      ) : !base.catalogue ? (
        <ErrorNotice error={base.error} />
      ) : (
        <EditForm cycle={cycle.data} />
      )}
    </Page>
  );
}

/** `/review/cycles/:cycleId/edits/:editId/edit` */
export function EditEditPage() {
  const { t } = useTranslation();
  const { cycleId = '', editId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const rows = useEditRows(cycleId);
  const edit = rows.data?.rows.find((r) => r.edit.id === editId)?.edit;
  const base = useBaseCatalogue(cycle.data?.baseEditionNumber, []);
  const [reloaded, setReloaded] = useState(false);
  return (
    <Page
      title={t('reviews.editor.editTitle')}
      caption={cycle.data?.title.en}
      width="full"
      backLink={{ to: `/review/cycles/${cycleId}/edits`, label: t('reviews.edits.title') }}
    >
      <CycleSections cycleId={cycleId} />
      {reloaded && (
        <NotificationBanner tone="success" focusOnMount>
          <p>{t('reviews.conflict.reloaded')}</p>
        </NotificationBanner>
      )}
      {cycle.isPending || rows.isPending || base.isPending ? (
        <Loading />
      ) : cycle.isError || rows.isError || !base.catalogue ? (
        <ErrorNotice
          error={cycle.error ?? rows.error ?? base.error}
          onRetry={() => void Promise.all([cycle.refetch(), rows.refetch()])}
        />
      ) : !edit ? (
        <ErrorNotice error={{ message: 'review.editNotFound', data: { httpStatus: 404 } }} />
      ) : (
        <EditForm key={edit.version} cycle={cycle.data} edit={edit} onReloaded={() => setReloaded(true)} />
      )}
    </Page>
  );
}

function EditForm({ cycle, edit, onReloaded }: { cycle: Cycle; edit?: Edit; onReloaded?: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [conflict, setConflict] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      z.preprocess((values) => {
        const v = values as EditFormValues;
        return {
          payload: toPayload(v),
          rationale: v.rationale,
          // The label (receipt reference, round) is kept as the motivation's note: it names the source on every screen.
          motivations: v.motivations.map((m) => ({
            kind: m.kind,
            targetId: m.targetId,
            note: m.label.slice(0, 1000),
          })),
        };
      }, editFields) as unknown as z.ZodType<EditValues, EditFormValues>,
    [],
  );
  // The payload nests a list; the form's fields are flat: each problem is shown on the field it is about.
  const resolver: Resolver<EditFormValues, unknown, EditValues> = async (values) => {
    const result = schema.safeParse(values);
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
    setConflict(null);
    try {
      if (edit) await update.mutateAsync({ ...values, editId: edit.id, expectedVersion: edit.version });
      else await create.mutateAsync({ ...values, cycleId: cycle.id });
      await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
      void navigate(`/review/cycles/${cycle.id}/edits`, { state: { notice: edit ? 'saved' : 'created' } });
    } catch (error) {
      if (errorKey(error) === 'review.editConflict') {
        setConflict(serverMessage(error));
        return;
      }
      throw remapFieldErrors(error);
    }
  };

  const reload = async () => {
    if (!edit) return;
    await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
    setConflict(null);
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
      {conflict && (
        <NotificationBanner tone="error" focusOnMount>
          <p>{conflict}</p>
          <p>{t('reviews.conflict.explain')}</p>
          <Button variant="secondary" onClick={() => void reload()}>
            {t('reviews.conflict.reload')}
          </Button>
        </NotificationBanner>
      )}
      <Form form={form} id={FORM_ID} onSubmit={onSubmit}>
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

const excerpt = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The fields the chosen kind needs, with the base edition's current text beside them. */
function KindFields({ catalogue }: { catalogue: Catalogue }) {
  const { t } = useTranslation();
  const { setValue } = useFormContext<EditFormValues>();
  const values = useWatch<EditFormValues>() as EditFormValues;
  const need = needs(values.kind);
  const area = findArea(catalogue, values.actionAreaId);
  const subActionNeeded = need.subAction || (need.entryList && values.field !== 'objectives');
  const sub = findSubAction(catalogue, values.subActionId);
  const entries = need.entryList ? entriesOf(catalogue, values) : [];
  const chosenEntry = need.entryIndex && values.index !== '' ? entries[Number(values.index)] : undefined;
  const milestones = need.move && sub ? (sub.milestones[values.from as 'short'] ?? []) : [];
  const current =
    values.kind === 'changeActionAreaTitle'
      ? area?.title
      : values.kind === 'changeSubActionTitle'
        ? sub?.title
        : chosenEntry;
  const termOptions = TERMS.map((term) => ({ value: term, label: t(`reviews.term.${term}`) }));

  return (
    <>
      {need.actionArea && (
        <SelectField
          keepBlank
          name="actionAreaId"
          label={t('reviews.editor.actionArea')}
          placeholder={t('common.selectPlaceholder')}
          options={catalogue.actionAreas.map((a) => ({
            value: a.id,
            label: `${a.id} — ${excerpt(a.title, 70)}`,
          }))}
        />
      )}
      {need.entryList && (
        <SelectField
          name="field"
          label={t('reviews.editor.field')}
          options={ENTRY_FIELDS.map((f) => ({ value: f, label: t(`reviews.field.${f}`) }))}
        />
      )}
      {subActionNeeded && area && (
        <SelectField
          keepBlank
          name="subActionId"
          label={t('reviews.editor.subAction')}
          placeholder={t('common.selectPlaceholder')}
          options={area.subActions.map((s) => ({ value: s.id, label: `${s.id} — ${excerpt(s.title, 70)}` }))}
        />
      )}
      {need.entryList && values.field === 'milestones' && (
        <SelectField name="term" label={t('reviews.editor.term')} options={termOptions} />
      )}
      {need.entryIndex && (
        <SelectField
          keepBlank
          name="index"
          label={t('reviews.editor.entry')}
          placeholder={entries.length ? t('common.selectPlaceholder') : t('reviews.editor.noEntries')}
          options={entries.map((text, i) => ({
            value: String(i),
            label: t('reviews.editor.entryOption', { n: i + 1, text: excerpt(text) }),
          }))}
        />
      )}
      {need.before && (
        <SelectField
          keepBlank
          name="before"
          label={t('reviews.editor.position')}
          placeholder={t('reviews.editor.atEnd')}
          options={entries.map((text, i) => ({
            value: String(i),
            label: t('reviews.editor.beforeOption', { n: i + 1, text: excerpt(text) }),
          }))}
          optional
        />
      )}
      {need.move && (
        <>
          <SelectField name="from" label={t('reviews.editor.fromTerm')} options={termOptions} />
          <SelectField
            keepBlank
            name="index"
            label={t('reviews.editor.milestone')}
            placeholder={milestones.length ? t('common.selectPlaceholder') : t('reviews.editor.noEntries')}
            options={milestones.map((text, i) => ({
              value: String(i),
              label: t('reviews.editor.entryOption', { n: i + 1, text: excerpt(text) }),
            }))}
          />
          <SelectField name="to" label={t('reviews.editor.toTerm')} options={termOptions} />
        </>
      )}
      {current && (
        <div className="inset-text">
          <p className="heading-s">{t('reviews.editor.currentText')}</p>
          <p className="review-pre">{current}</p>
          {(need.text || need.title) && (
            <Button
              variant="secondary"
              size="small"
              onClick={() => {
                if (need.title) setValue('payload.title', current);
                else {
                  const raw =
                    values.field === 'objectives' ? area?.objectives[Number(values.index)] : undefined;
                  const named =
                    raw ??
                    (values.field === 'targetAreas' || values.field === 'measures'
                      ? sub?.[values.field][Number(values.index)]
                      : undefined);
                  setValue('payload.name', named?.name ?? '');
                  setValue('payload.text', named ? named.text : current);
                }
              }}
            >
              {t('reviews.editor.copyCurrent')}
            </Button>
          )}
        </div>
      )}
      {(need.newSubAction || need.newActionArea) && (
        <TextField
          name="newId"
          label={need.newSubAction ? t('reviews.editor.newSubActionId') : t('reviews.editor.newActionAreaId')}
          hint={
            need.newSubAction
              ? t('reviews.editor.newSubActionIdHint', { area: values.actionAreaId || 'C2.1' })
              : t('reviews.editor.newActionAreaIdHint')
          }
          width="20"
        />
      )}
      {(need.title || need.newSubAction || need.newActionArea) && (
        <TextAreaField name="payload.title" label={t('reviews.editor.newTitle')} rows={2} />
      )}
      {need.text &&
        (values.field === 'objectives' || values.field === 'targetAreas' || values.field === 'measures') && (
          <TextField
            name="payload.name"
            label={t('reviews.editor.newName')}
            hint={t('reviews.editor.newNameHint')}
            width="full"
            optional
          />
        )}
      {need.text && <TextAreaField name="payload.text" label={t('reviews.editor.newText')} rows={6} />}
      {need.criteria && (
        <CheckboxesField
          name="criteria"
          legend={t('reviews.editor.criteria')}
          hint={t('reviews.editor.criteriaHint', {
            current: sub?.linkedCriteria.join(', ') || t('common.none'),
          })}
          options={Array.from({ length: 40 }, (_, i) => ({ value: `Q${i + 1}`, label: `Q${i + 1}` }))}
          columns
        />
      )}
    </>
  );
}

/** The word-level diff of the edit as it stands in the form, against the base edition. */
function Preview({ catalogue }: { catalogue: Catalogue }) {
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
