import {
  commentInput,
  positionInput,
  type CommentInput,
  type PositionInput,
} from '@musyawarah/core/review/schemas';
import { editsOpenToParticipants, phaseAllows } from '@musyawarah/core/review/rules';
import { POSITION_KINDS } from '@musyawarah/core/review/vocabulary';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  ButtonGroup,
  CheckboxField,
  ErrorNotice,
  Form,
  InsetText,
  LinkButton,
  Loading,
  NotificationBanner,
  RadioGroupField,
  SummaryList,
  errorStatus,
  useDocumentTitle,
  useFormat,
} from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { useMe } from '../../session';
import { useTRPC, type Me, type Outputs } from '../../trpc';
import { Breadcrumbs } from '../catalogue/Breadcrumbs';
import { FieldsFor, TextArea } from './fields';
import { DiffLegend, EditDiff } from '@musyawarah/ui';
import './review.css';
import { ReviewReadIn, ReviewReadingLanguage, useCycleTexts } from './reading';
import { PositionTag, ResolutionTag, StageTag, useDay, useEditTitle, useServerMessage } from './shared';
import { Follow } from '../notifications/Follow';

type Cycle = Outputs['review']['cycle'];
type ParticipantEdit = Outputs['review']['edits']['edits'][number];
type RecordEdit = NonNullable<Cycle['record']>[number];
type Comment = Outputs['review']['comments'][number];

/** `/review/:cycleId`: a review cycle; from the comment period on, its proposed edits, positions and threads. */
export function CyclePage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const trpc = useTRPC();
  const cycle = useQuery({
    ...trpc.review.cycle.queryOptions({ cycleId }),
    retry: (n, e) => errorStatus(e) !== 404 && errorStatus(e) !== 400 && n < 2,
  });
  if (cycle.isPending)
    return (
      <>
        <CaptionTitle />
        <Loading />
      </>
    );
  if (cycle.isError) {
    const status = errorStatus(cycle.error);
    if (status === 404 || status === 400)
      return (
        <div className="two-thirds">
          <CaptionTitle />
          <h1 className="heading-xl">{t('reviews.cycle.notFound')}</h1>
          <p>
            <Link to="/review">{t('reviews.index.title')}</Link>
          </p>
        </div>
      );
    return (
      <>
        <CaptionTitle />
        <ErrorNotice error={cycle.error} onRetry={() => void cycle.refetch()} />
      </>
    );
  }
  return (
    <ReviewReadingLanguage texts={[cycle.data.title, cycle.data.description]}>
      <CycleView cycle={cycle.data} />
    </ReviewReadingLanguage>
  );
}

/** The document title until the cycle (and so its title in the reader's language) is known. */
function CaptionTitle() {
  const { t } = useTranslation();
  useDocumentTitle(t('reviews.cycle.caption'));
  return null;
}

function CycleView({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const day = useDay();
  const me = useMe();
  const { title, description, notice } = useCycleTexts(cycle);
  useDocumentTitle(title.text);
  const current = cycle.phases.find((p) => p.phase === cycle.stage);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: t('catalogue.crumbs.home') },
          { to: '/review', label: t('reviews.index.title') },
          { label: title.text },
        ]}
      />
      <div className="two-thirds">
        <h1 className="heading-xl" tabIndex={-1} data-page-heading="">
          <span className="caption">{t('reviews.cycle.caption')}</span>
          <span lang={title.language}>{title.text}</span>
        </h1>
        <Follow subjectType="review_cycle" subjectId={cycle.id} name={title.text} />
        {notice && <p className="hint">{notice}</p>}
        <ReviewReadIn />
        <p className="review-stage">
          <StageTag stage={cycle.stage} /> <span>{t(`reviews.stageHint.${cycle.stage}`)}</span>
        </p>
        {cycle.closure && (
          <div className="review-closure" role="note" aria-labelledby={`closure-${cycle.id}`}>
            <h2 className="heading-m" id={`closure-${cycle.id}`}>
              {t('reviews.closure.heading')}
            </h2>
            <p>{t('reviews.closure.on', { date: day(cycle.closure.closedAt.slice(0, 10)) })}</p>
            {cycle.closure.supersededBy !== null && (
              <p>
                <strong>{t('reviews.closure.superseded', { number: cycle.closure.supersededBy })}</strong>
              </p>
            )}
            {cycle.closure.reason && (
              <>
                <p>{t('reviews.closure.reason')}</p>
                <p className="prose review-pre">{cycle.closure.reason}</p>
              </>
            )}
          </div>
        )}
        {description && (
          <p className="prose review-pre" lang={description.language}>
            {description.text}
          </p>
        )}
        <SummaryList
          rows={[
            {
              key: 'edition',
              label: t('reviews.cycle.edition'),
              value: t('reviews.cycle.editionNumber', { number: cycle.baseEditionNumber }),
            },
            ...(current
              ? [
                  {
                    key: 'phase',
                    label: t('reviews.cycle.currentPhase'),
                    value: t('reviews.cycle.phaseDates', {
                      phase: t(`reviews.stage.${current.phase}`),
                      start: day(current.plannedStart),
                      end: day(current.plannedEnd),
                    }),
                  },
                ]
              : []),
            {
              key: 'audience',
              label: t('reviews.cycle.audience'),
              value: t(`reviews.audience.${cycle.audience}`),
            },
          ]}
        />
        {me.data?.role === 'member_state' &&
          me.data.memberState &&
          ['assessment', 'drafting', 'comment_period', 'finalisation', 'adoption'].includes(cycle.stage) && (
            <p>
              <Link to={`/review/${cycle.id}/assessment`}>
                {cycle.stage === 'assessment'
                  ? t('reviews.cycle.assessLink', {
                      state: t(`common.memberStates.${me.data.memberState}`),
                      number: cycle.baseEditionNumber,
                    })
                  : t('reviews.cycle.assessmentLink', {
                      state: t(`common.memberStates.${me.data.memberState}`),
                    })}
              </Link>
            </p>
          )}
        {cycle.adoptedEditionNumber !== null && (
          <ul>
            <li>
              <Link to={`/review/editions/${cycle.adoptedEditionNumber}`}>
                {t('reviews.index.youSaid', { number: cycle.adoptedEditionNumber })}
              </Link>
            </li>
            <li>
              <Link to={`/editions/compare?from=${cycle.baseEditionNumber}&to=${cycle.adoptedEditionNumber}`}>
                {t('reviews.index.compare', {
                  from: cycle.baseEditionNumber,
                  to: cycle.adoptedEditionNumber,
                })}
              </Link>
            </li>
          </ul>
        )}
      </div>
      {cycle.record ? (
        <PublishedRecord edits={cycle.record} />
      ) : cycle.stage === 'closed' ? null : !editsOpenToParticipants(cycle.stage) ? (
        <InsetText>
          <p>{t('reviews.cycle.editsLater')}</p>
        </InsetText>
      ) : me.isPending ? (
        <Loading />
      ) : !me.data ? (
        <InsetText>
          <p>
            {t('reviews.cycle.signInToRead')}{' '}
            <Link to={`/sign-in?next=${encodeURIComponent(`/review/${cycle.id}`)}`}>
              {t('reviews.cycle.signIn')}
            </Link>
          </p>
        </InsetText>
      ) : (
        <CommentPeriod cycle={cycle} me={me.data} />
      )}
    </>
  );
}

/** The edits as participants read them in the comment period, with their state's position and the threads. */
function CommentPeriod({ cycle, me }: { cycle: Cycle; me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const serverMessage = useServerMessage();
  const edits = useQuery({
    ...trpc.review.edits.queryOptions({ cycleId: cycle.id }),
    retry: (n, e) => errorStatus(e) !== 403 && n < 2,
  });
  const title = useEditTitle();
  const day = useDay();
  if (edits.isPending) return <Loading />;
  if (edits.isError) {
    if (errorStatus(edits.error) === 403)
      return (
        <InsetText>
          <p>{serverMessage(edits.error)}</p>
        </InsetText>
      );
    return <ErrorNotice error={edits.error} onRetry={() => void edits.refetch()} />;
  }
  const representative = me.role === 'member_state' && me.memberState ? me.memberState : null;
  // The server's rule for commenting and recording a position (both in the comment period only).
  const commenting = phaseAllows(cycle.stage, 'comment').ok;
  return (
    <section aria-labelledby="edits-heading">
      <h2 className="heading-l" id="edits-heading">
        {t('reviews.cycle.editsHeading', { count: edits.data.edits.length })}
      </h2>
      <div className="two-thirds">
        {representative && commenting && (
          <p>
            {t('reviews.cycle.representativeIntro', { state: t(`common.memberStates.${representative}`) })}
          </p>
        )}
        {commenting ? (
          <p>
            {t('reviews.cycle.commentIntro', {
              date: day(cycle.phases.find((p) => p.phase === 'comment_period')?.plannedEnd),
            })}
          </p>
        ) : (
          <InsetText>
            <p>{t('reviews.cycle.commentsClosed')}</p>
          </InsetText>
        )}
        <DiffLegend />
      </div>
      {edits.data.edits.length === 0 && <p>{t('reviews.cycle.noEdits')}</p>}
      <ol className="review-list-plain">
        {edits.data.edits.map((edit, index) => (
          <li key={edit.id}>
            <article className="review-card" aria-labelledby={`edit-${edit.id}`}>
              <h3 className="heading-m review-card__title" id={`edit-${edit.id}`}>
                {title(edit.payload, index + 1)}
              </h3>
              {edit.diff ? (
                <EditDiff diff={edit.diff} />
              ) : (
                <p className="hint">{t('reviews.edit.doesNotApply')}</p>
              )}
              <h4 className="heading-s">{t('reviews.edit.rationale')}</h4>
              <p className="review-pre">{edit.rationale}</p>
              {representative && (
                <StatePosition
                  edit={edit}
                  memberState={representative}
                  canRecord={commenting}
                  n={index + 1}
                />
              )}
              <Thread cycle={cycle} edit={edit} n={index + 1} canComment={commenting} />
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}

interface PositionFormValues {
  kind: string;
  text: string;
  counterProposal: string;
}

/** The representative's state's formal position on one edit: shown when recorded, and (in the comment period) a form. */
function StatePosition({
  edit,
  memberState,
  canRecord,
  n,
}: {
  edit: ParticipantEdit;
  memberState: string;
  canRecord: boolean;
  n: number;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const own = edit.myPosition;
  const formId = `position-${n}`;
  const schema = z.preprocess(
    (values) => ({
      ...(values as PositionFormValues),
      kind: (values as PositionFormValues).kind || undefined,
      editId: edit.id,
      memberState,
    }),
    positionInput,
  ) as unknown as z.ZodType<PositionInput, PositionFormValues>;
  const form = useForm<PositionFormValues, unknown, PositionInput>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: {
      kind: own?.kind ?? '',
      text: own?.text ?? '',
      counterProposal: own?.counterProposal ?? '',
    },
    resolver: zodResolver(schema),
  });
  const record = useMutation(trpc.review.recordPosition.mutationOptions());
  const kind = useWatch({ control: form.control, name: 'kind' });
  const state = t(`common.memberStates.${memberState}`);

  const onSubmit = async (values: PositionInput) => {
    await record.mutateAsync(values);
    await queryClient.invalidateQueries({ queryKey: trpc.review.edits.queryKey({ cycleId: edit.cycleId }) });
    setEditing(false);
    setSaved(true);
  };

  return (
    <section className="review-position-form" aria-labelledby={`${formId}-heading`}>
      <h4 className="heading-s" id={`${formId}-heading`}>
        {t('reviews.position.heading', { state })}
      </h4>
      {saved && !editing && (
        <NotificationBanner tone="success" focusOnMount>
          <p>{t('reviews.position.saved', { state })}</p>
        </NotificationBanner>
      )}
      {own && !editing ? (
        <>
          <p>
            <PositionTag kind={own.kind} />
          </p>
          {own.text && <p className="review-pre">{own.text}</p>}
          {own.counterProposal && (
            <>
              <p className="heading-s">{t('reviews.position.counterProposal')}</p>
              <p className="review-pre inset-text">{own.counterProposal}</p>
            </>
          )}
          {own.answer && (
            <>
              <p className="heading-s">{t('reviews.answer')}</p>
              <p className="review-pre">{own.answer}</p>
            </>
          )}
          {canRecord && (
            <Button
              variant="secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('reviews.position.change')}
              <span className="visually-hidden"> {t('reviews.edit.number', { n })}</span>
            </Button>
          )}
        </>
      ) : !canRecord ? (
        <p>{t('reviews.position.noneRecorded')}</p>
      ) : (
        <Form
          form={form}
          id={formId}
          onSubmit={onSubmit}
          aria-label={t('reviews.position.heading', { state })}
        >
          <FieldsFor formId={formId}>
            <RadioGroupField
              name="kind"
              legend={t('reviews.position.kindLegend', { state })}
              options={POSITION_KINDS.map((k) => ({
                value: k,
                label: t(`reviews.position.${k}`),
                hint: t(`reviews.positionHint.${k}`),
              }))}
            />
            <TextArea
              name="text"
              label={
                kind === 'object' || kind === 'support_with_amendment'
                  ? t('worksurface.position.textRequired')
                  : t('worksurface.position.textRule')
              }
              rows={4}
            />
            {kind === 'support_with_amendment' && (
              <TextArea
                name="counterProposal"
                label={t('reviews.position.counterProposal')}
                hint={t('reviews.position.counterProposalHint')}
                rows={4}
              />
            )}
            <ButtonGroup>
              <Button type="submit" isBusy={form.formState.isSubmitting}>
                {t('reviews.position.submit', { state })}
              </Button>
              {own && <LinkButton onClick={() => setEditing(false)}>{t('reviews.common.cancel')}</LinkButton>}
            </ButtonGroup>
          </FieldsFor>
        </Form>
      )}
    </section>
  );
}

/** The comments on one edit, as threads; anyone allowed in the cycle can write and reply in the comment period. */
function Thread({
  cycle,
  edit,
  n,
  canComment,
}: {
  cycle: Cycle;
  edit: ParticipantEdit;
  n: number;
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const comments = useQuery(trpc.review.comments.queryOptions({ editId: edit.id }));
  return (
    <section aria-labelledby={`thread-${edit.id}`}>
      <h4 className="heading-s" id={`thread-${edit.id}`}>
        {t('reviews.comments.heading', { count: comments.data?.length ?? edit.commentCount })}
      </h4>
      {comments.isPending ? (
        <Loading />
      ) : comments.isError ? (
        <ErrorNotice error={comments.error} onRetry={() => void comments.refetch()} />
      ) : comments.data.length === 0 ? (
        <p>{t('reviews.comments.none')}</p>
      ) : (
        <CommentTree
          cycle={cycle}
          editId={edit.id}
          comments={comments.data}
          parentId={null}
          canComment={canComment}
        />
      )}
      {canComment && (
        <CommentForm
          cycle={cycle}
          editId={edit.id}
          formId={`comment-${n}`}
          label={t('reviews.comments.add')}
        />
      )}
    </section>
  );
}

function CommentTree({
  cycle,
  editId,
  comments,
  parentId,
  canComment,
}: {
  cycle: Cycle;
  editId: string;
  comments: Comment[];
  parentId: string | null;
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const level = comments.filter((c) => (c.parentId ?? null) === parentId);
  if (level.length === 0) return null;
  const authorOf = (c: Comment) =>
    c.author
      ? c.author.memberState && c.author.role === 'member_state'
        ? t('reviews.comments.authorFromState', {
            name: c.author.name,
            state: t(`common.memberStates.${c.author.memberState}`),
          })
        : c.author.name
      : t('reviews.comments.someone');
  return (
    <ul className="review-thread">
      {level.map((c) => (
        <li key={c.id} className="review-comment">
          <p className="review-comment__meta">
            {t('reviews.comments.meta', { author: authorOf(c), date: format.dateTime(c.createdAt) })}
            {c.confidential && <> · {t('reviews.comments.confidentialTag')}</>}
          </p>
          <p className="review-pre">{c.body}</p>
          {c.answer && (
            <div className="review-inline-form">
              <p className="heading-s">{t('reviews.answer')}</p>
              <p className="review-pre">{c.answer}</p>
            </div>
          )}
          {canComment &&
            (replyingTo === c.id ? (
              <CommentForm
                cycle={cycle}
                editId={editId}
                parentId={c.id}
                formId={`reply-${c.id}`}
                label={t('reviews.comments.replyTo', { author: authorOf(c) })}
                onDone={() => setReplyingTo(null)}
              />
            ) : (
              <LinkButton onClick={() => setReplyingTo(c.id)}>
                {t('reviews.comments.reply')}
                <span className="visually-hidden">
                  {' '}
                  {t('reviews.comments.toAuthor', { author: authorOf(c) })}
                </span>
              </LinkButton>
            ))}
          <CommentTree
            cycle={cycle}
            editId={editId}
            comments={comments}
            parentId={c.id}
            canComment={canComment}
          />
        </li>
      ))}
    </ul>
  );
}

interface CommentFormValues {
  body: string;
  confidential: boolean;
}

function CommentForm({
  cycle,
  editId,
  parentId,
  formId,
  label,
  onDone,
}: {
  cycle: Cycle;
  editId: string;
  parentId?: string;
  formId: string;
  label: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const day = useDay();
  const headingId = useId();
  const [sent, setSent] = useState(0);
  const schema = z.preprocess(
    (values) => ({ ...(values as CommentFormValues), editId, parentId }),
    commentInput,
  ) as unknown as z.ZodType<CommentInput, CommentFormValues>;
  const form = useForm<CommentFormValues, unknown, CommentInput>({
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
    defaultValues: { body: '', confidential: false },
    resolver: zodResolver(schema),
  });
  const add = useMutation(trpc.review.addComment.mutationOptions());
  // One key per comment, kept until it is stored: sending again after a lost answer stores it once.
  const idempotencyKey = useRef(crypto.randomUUID());
  const onSubmit = async (values: CommentInput) => {
    await add.mutateAsync({ ...values, idempotencyKey: idempotencyKey.current });
    idempotencyKey.current = crypto.randomUUID();
    await queryClient.invalidateQueries({ queryKey: trpc.review.comments.queryKey({ editId }) });
    form.reset();
    setSent((n) => n + 1);
    onDone?.();
  };
  return (
    <div className="review-inline-form" role="group" aria-labelledby={headingId}>
      <p className="heading-s" id={headingId}>
        {label}
      </p>
      {sent > 0 && (
        <p role="status" className="hint">
          {t('reviews.comments.sent')}
        </p>
      )}
      <Form form={form} id={formId} onSubmit={onSubmit} aria-label={label}>
        <FieldsFor formId={formId}>
          <TextArea name="body" label={t('reviews.comments.body')} rows={4} />
          <CheckboxField
            name="confidential"
            label={t('reviews.comments.confidential')}
            hint={t('reviews.comments.confidentialHint', { date: day(cycle.publicationDate) })}
          />
          <Button type="submit" isBusy={form.formState.isSubmitting}>
            {parentId ? t('reviews.comments.sendReply') : t('reviews.comments.send')}
          </Button>
        </FieldsFor>
      </Form>
    </div>
  );
}

/** After adoption: every edit, how it was resolved and answered, the positions of the states and the public comments. */
function PublishedRecord({ edits }: { edits: RecordEdit[] }) {
  const { t } = useTranslation();
  const title = useEditTitle();
  const format = useFormat();
  return (
    <section aria-labelledby="record-heading">
      <h2 className="heading-l" id="record-heading">
        {t('reviews.record.heading')}
      </h2>
      <DiffLegend />
      <ol className="review-list-plain">
        {edits.map((edit, index) => (
          <li key={edit.id}>
            <article className="review-card" aria-labelledby={`record-${edit.id}`}>
              <h3 className="heading-m review-card__title" id={`record-${edit.id}`}>
                {title(edit.payload, index + 1)}
              </h3>
              <p className="review-card__tags">
                <ResolutionTag kind={edit.resolution?.kind} />
              </p>
              {edit.resolution?.finalDiff ? (
                <EditDiff diff={edit.resolution.finalDiff} />
              ) : (
                edit.diff && <EditDiff diff={edit.diff} />
              )}
              <h4 className="heading-s">{t('reviews.edit.rationale')}</h4>
              <p className="review-pre">{edit.rationale}</p>
              {edit.resolution && (
                <>
                  <h4 className="heading-s">{t('reviews.record.answer')}</h4>
                  <p className="review-pre">{edit.resolution.answer}</p>
                </>
              )}
              {edit.positions.length > 0 && (
                <>
                  <h4 className="heading-s">{t('reviews.record.positions')}</h4>
                  <ul>
                    {edit.positions.map((p) => (
                      <li key={p.id}>
                        {t(`common.memberStates.${p.memberState}`)}: <PositionTag kind={p.kind} />{' '}
                        {p.text && <span className="review-pre">{p.text}</span>}
                        {p.answer && (
                          <p className="hint">{t('reviews.record.answered', { answer: p.answer })}</p>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {edit.comments.length > 0 && (
                <>
                  <h4 className="heading-s">
                    {t('reviews.comments.heading', { count: edit.comments.length })}
                  </h4>
                  <ul>
                    {edit.comments.map((c) => (
                      <li key={c.id}>
                        <span className="review-comment__meta">
                          {t('reviews.comments.meta', {
                            author: c.author?.name ?? t('reviews.comments.someone'),
                            date: format.dateTime(c.createdAt),
                          })}
                        </span>
                        <p className="review-pre">{c.body}</p>
                        {c.answer && (
                          <p className="hint">{t('reviews.record.answered', { answer: c.answer })}</p>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
