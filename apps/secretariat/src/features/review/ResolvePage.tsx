import { ASSESSMENT_CRITERION_IDS, isAssessmentCriterionId } from '@musyawarah/core';
import type { Catalogue } from '@musyawarah/core/catalogue/types';
import {
  proposedEditSchema,
  type ProposedEdit,
  type ProposedEditInput,
} from '@musyawarah/core/editions/edits';
import { resolutionInput } from '@musyawarah/core/review/schemas';
import { previewFinal } from '@musyawarah/core/review/preview';
import { RESOLUTION_KINDS } from '@musyawarah/core/review/vocabulary';
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
  RadioGroupField,
  TextAreaField,
  useFormat,
  useServerMessage,
  useZodForm,
} from '@musyawarah/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { useTRPC } from '../../trpc';
import { useCycle, type Cycle } from './CyclePage';
import { DiffLegend, EditDiff } from '@musyawarah/ui';
import { useBaseCatalogue } from './baseCatalogue';
import { EditCard, useEditRows, type EditRow } from './EditsPage';
import { editLocation, remapFieldErrors } from './editForm';
import '@musyawarah/ui/review.css';
import { CycleSections, PositionTag, ResolutionTag } from './shared';

type Comment = EditRow['comments'][number];

/** `/review/cycles/:cycleId/edits/:editId/resolve`: answer every position and comment, then settle the edit. */
export function ResolvePage() {
  const { t } = useTranslation();
  const { cycleId = '', editId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const rows = useEditRows(cycleId);
  const index = rows.data?.rows.findIndex((r) => r.edit.id === editId) ?? -1;
  return (
    <Page
      title={t('reviews.resolve.title')}
      caption={cycle.data?.title.en}
      width="full"
      backLink={{ to: `/review/cycles/${cycleId}/edits`, label: t('reviews.edits.title') }}
    >
      <CycleSections cycleId={cycleId} />
      {cycle.isPending || rows.isPending ? (
        <Loading />
      ) : cycle.isError || rows.isError ? (
        <ErrorNotice
          error={cycle.error ?? rows.error}
          onRetry={() => void Promise.all([cycle.refetch(), rows.refetch()])}
        />
      ) : index < 0 ? (
        <ErrorNotice error={{ message: 'review.editNotFound', data: { httpStatus: 404 } }} />
      ) : (
        <ResolveBody cycle={cycle.data} row={rows.data.rows[index]!} n={index + 1} />
      )}
    </Page>
  );
}

function ResolveBody({ cycle, row, n }: { cycle: Cycle; row: EditRow; n: number }) {
  const { t } = useTranslation();
  const edit = row.edit;
  const { catalogue } = useBaseCatalogue(cycle.baseEditionNumber, [editLocation(edit.payload).actionAreaId]);
  const positions = Object.values(row.positions).filter((p) => p !== null);
  const canAnswer = cycle.stage === 'comment_period' || cycle.stage === 'finalisation';
  return (
    <>
      <DiffLegend />
      <EditCard row={row} n={n} />

      <h2 className="heading-l">{t('reviews.resolve.positionsHeading')}</h2>
      {positions.length === 0 ? (
        <p>{t('reviews.resolve.noPositions')}</p>
      ) : (
        <ul className="review-list-plain">
          {positions.map((p) => (
            <li key={p.id} className="review-card">
              <h3 className="heading-s review-card__title">
                {t(`common.memberStates.${p.memberState}`)} <PositionTag kind={p.kind} />
              </h3>
              {p.text && <p className="review-pre">{p.text}</p>}
              {p.counterProposal && (
                <>
                  <p className="heading-s">{t('reviews.resolve.counterProposal')}</p>
                  <p className="review-pre inset-text">{p.counterProposal}</p>
                </>
              )}
              <AnswerBlock
                kind="position"
                id={p.id}
                answer={p.answer}
                canAnswer={canAnswer}
                label={t(`common.memberStates.${p.memberState}`)}
              />
            </li>
          ))}
        </ul>
      )}

      <h2 className="heading-l">{t('reviews.resolve.commentsHeading')}</h2>
      {row.comments.length === 0 ? (
        <p>{t('reviews.resolve.noComments')}</p>
      ) : (
        <CommentTree comments={row.comments} parentId={null} canAnswer={canAnswer} />
      )}

      <h2 className="heading-l">{t('reviews.resolve.resolutionHeading')}</h2>
      {edit.resolution && (
        <p>
          <ResolutionTag resolution={edit.resolution.kind} />{' '}
          <span className="review-pre">{edit.resolution.answer}</span>
        </p>
      )}
      {cycle.stage === 'finalisation' && catalogue ? (
        <ResolutionForm key={edit.version} cycle={cycle} edit={edit} catalogue={catalogue} />
      ) : (
        <InsetText>
          <p>{t('reviews.resolve.notFinalisation', { stage: t(`reviews.stage.${cycle.stage}`) })}</p>
        </InsetText>
      )}
    </>
  );
}

function CommentTree({
  comments,
  parentId,
  canAnswer,
}: {
  comments: Comment[];
  parentId: string | null;
  canAnswer: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const level = comments.filter((c) => (c.parentId ?? null) === parentId);
  const authorOf = (c: Comment) =>
    c.author
      ? c.author.memberState
        ? t('reviews.comments.authorFromState', {
            name: c.author.name,
            state: t(`common.memberStates.${c.author.memberState}`),
          })
        : c.author.name
      : t('reviews.comments.someone');
  if (level.length === 0) return null;
  return (
    <ul className="review-thread">
      {level.map((c) => (
        <li key={c.id} className="review-comment">
          <p className="review-comment__meta">
            {t('reviews.comments.meta', { author: authorOf(c), date: format.dateTime(c.createdAt) })}
            {c.confidential && <> · {t('reviews.comments.confidentialTag')}</>}
          </p>
          <p className="review-pre">{c.body}</p>
          <AnswerBlock kind="comment" id={c.id} answer={c.answer} canAnswer={canAnswer} label={authorOf(c)} />
          <CommentTree comments={comments} parentId={c.id} canAnswer={canAnswer} />
        </li>
      ))}
    </ul>
  );
}

/** The Secretariat's answer to one position or comment: shown when given, else a short form. */
function AnswerBlock({
  kind,
  id,
  answer,
  canAnswer,
  label,
}: {
  kind: 'position' | 'comment';
  id: string;
  answer: string | null;
  canAnswer: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverMessage = useServerMessage();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(answer ?? '');
  const [error, setError] = useState<string | null>(null);
  const options = {
    onSuccess: async () => {
      setEditing(false);
      setError(null);
      await queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
    },
    onError: (e: unknown) => setError(serverMessage(e)),
  };
  const answerPosition = useMutation(trpc.review.answerPosition.mutationOptions(options));
  const answerComment = useMutation(trpc.review.answerComment.mutationOptions(options));
  const pending = answerPosition.isPending || answerComment.isPending;
  const inputId = `answer-${id}`;
  if (!editing) {
    return (
      <div className="review-inline-form">
        {answer ? (
          <>
            <p className="heading-s">{t('reviews.resolve.answer')}</p>
            <p className="review-pre">{answer}</p>
          </>
        ) : (
          <p className="hint">{t('reviews.resolve.notAnswered')}</p>
        )}
        {canAnswer && (
          <Button variant="secondary" size="small" onClick={() => setEditing(true)}>
            {answer ? t('reviews.resolve.changeAnswer') : t('reviews.resolve.giveAnswer')}
            <span className="visually-hidden"> {label}</span>
          </Button>
        )}
      </div>
    );
  }
  const submit = () => {
    if (!text.trim()) {
      setError(t('reviews.resolve.answerRequired'));
      return;
    }
    if (kind === 'position') answerPosition.mutate({ id, answer: text });
    else answerComment.mutate({ id, answer: text });
  };
  return (
    <div
      className={error ? 'review-inline-form form-group form-group--error' : 'review-inline-form form-group'}
    >
      <label className="label" htmlFor={inputId}>
        {t('reviews.resolve.answerLabel', { to: label })}
      </label>
      {error && (
        <p className="field-error" id={`${inputId}-error`}>
          <span className="visually-hidden">{t('layout.errorPrefix')}</span> {error}
        </p>
      )}
      <textarea
        id={inputId}
        className={error ? 'textarea textarea--error' : 'textarea'}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
      />
      <ButtonGroup>
        <Button size="small" isBusy={pending} onClick={submit}>
          {t('reviews.resolve.saveAnswer')}
        </Button>
        <Button variant="secondary" size="small" onClick={() => setEditing(false)}>
          {t('reviews.common.cancel')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/** The resolution as the form holds it: a kind not yet chosen is '', refused with the API's own message. */
const resolutionFormSchema = z.object({
  kind: z.string().pipe(resolutionInput.shape.kind),
  answer: resolutionInput.shape.answer,
  final: z.object({
    title: z.string(),
    name: z.string(),
    text: z.string(),
    criteria: z.array(z.enum(ASSESSMENT_CRITERION_IDS)),
  }),
});
type ResolutionFormValues = z.input<typeof resolutionFormSchema>;
type CheckedResolution = z.output<typeof resolutionFormSchema>;

/** Objectives, target areas and measures have a name before their text; milestones and case studies do not. */
function isNamedList(payload: Record<string, unknown>): boolean {
  const field = (payload.list as { field?: string } | undefined)?.field;
  return field === 'objectives' || field === 'targetAreas' || field === 'measures';
}

/** The final wording of an edit accepted with changes: the proposal with its words (or criteria) replaced. */
function finalPayload(proposal: ProposedEdit, final: CheckedResolution['final']): ProposedEditInput {
  switch (proposal.kind) {
    case 'changeActionAreaTitle':
    case 'changeSubActionTitle':
      return { ...proposal, title: final.title };
    case 'changeEntry':
    case 'addEntry':
      return { ...proposal, text: final.text, ...(isNamedList(proposal) ? { name: final.name } : {}) };
    case 'setLinkedCriteria':
      return { ...proposal, criteria: final.criteria };
    case 'addSubAction':
      return { ...proposal, subAction: { ...proposal.subAction, title: final.title } };
    case 'addActionArea':
      return { ...proposal, actionArea: { ...proposal.actionArea, title: final.title } };
    default:
      return proposal;
  }
}

function ResolutionForm({
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
  const [conflict, setConflict] = useState<string | null>(null);
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
    setConflict(null);
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
      void navigate(`/review/cycles/${cycle.id}/edits`, { state: { notice: 'resolved' } });
    } catch (error) {
      if (errorKey(error) === 'review.editConflict') {
        setConflict(serverMessage(error));
        return;
      }
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
    <>
      {conflict && (
        <NotificationBanner tone="error" focusOnMount>
          <p>{conflict}</p>
          <Button
            variant="secondary"
            onClick={() =>
              void queryClient
                .invalidateQueries({ queryKey: trpc.review.pathKey() })
                .then(() => setConflict(null))
            }
          >
            {t('reviews.conflict.reload')}
          </Button>
        </NotificationBanner>
      )}
      <div className="two-thirds">
        <Form form={form} id="resolution" onSubmit={onSubmit}>
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
    </>
  );
}

function FinalWording({ proposal, catalogue }: { proposal: ProposedEdit; catalogue: Catalogue }) {
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

/** A stored text field: a string (or, in old rows, a number); anything else reads as empty. */
function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
