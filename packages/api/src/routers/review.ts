/**
 * Review cycles of the Roadmap (Roadmap action C3.3): the Regional Review Framework, cycles with planned and actual
 * phases, member-state assessments, proposed edits with their diffs, member-state positions, comment threads,
 * resolutions, adoption of the new edition and the public record with its traceability.
 *
 * Procedures (role · phase in which the write is allowed; reads any time unless said):
 *   Public
 *     framework                      latest framework version (null before the first save)
 *     frameworkVersion {version}     one version of the framework
 *     cycles                         every started cycle with its stage and timeliness
 *     cycle {cycleId}                one started cycle; `record` (edits, resolutions, positions, answers, public
 *                                    comments) once adopted and published
 *     youSaidWeDid {edition}         adopted changes of an edition with the contributions and positions behind them
 *     outcomeOfContribution {contributionId}
 *                                    edits citing a contribution (from the comment period on) and what became of them
 *   Signed in (participants allowed in the cycle: Secretariat, Member States, others when audience = all_participants)
 *     edits {cycleId}                edits with diffs from the comment period on (Secretariat: always); a
 *                                    representative also gets their own state's position on each
 *     comments {editId}              the thread; confidential comments only to Secretariat/Member States/author
 *                                    until the cycle's publication date
 *     addComment                     · comment_period
 *   Member-state representative (own state only)
 *     myAssessment {cycleId}         scope (action areas × criteria) and the state's assessment
 *     saveAssessment                 · assessment (draft; expectedVersion, null for the first save)
 *     submitAssessment               · assessment (every area × criterion rated)
 *     recordPosition                 · comment_period (upsert; `memberState` must be the representative's own)
 *   Secretariat
 *     frameworkVersions, saveFramework {document, expectedVersion}
 *     adminCycles, adminCycle {cycleId}                             adminCycle: readiness (adoptionReadiness), unanswered positions/comments
 *     createCycle, updateCycle {cycleId, expectedVersion, cycle}   (planned dates; not once adopted)
 *     advancePhase {cycleId, expectedStage}                        records actual end/start dates
 *     assessmentResults {cycleId}                                  by action, by state, non-respondents
 *     createEdit · drafting, updateEdit {expectedVersion} · drafting, deleteEdit {expectedVersion} · drafting
 *     positionsMatrix {cycleId}                                    edits × 11 states, non-respondents per edit
 *     resolveEdit {expectedVersion} · finalisation
 *     answerPosition, answerComment · comment_period, finalisation
 *     advancePhase into adoption and adopt are refused while adoption would fail (adoptionReadiness: unresolved
 *     edits, nothing accepted, base edition no longer current, accepted edits that collide — each named)
 *     returnToFinalisation {cycleId, expectedStage} · adoption      steps back so resolutions can change
 *     adopt {cycleId, title, notes} · adoption
 *     closeCycle {cycleId, expectedVersion, superseded, reason}   any stage before adopted: closes without adopting
 *                                    (the way forward for a cycle whose base edition was superseded); the reason is
 *                                    public; a closed cycle accepts no writes (core phaseAllows → review.cycleClosed)
 *     timelinessReport {format: json | csv, cycleId?}
 *
 * Refusals are translation keys in `review.*` (packages/ui/src/locales/en/review.json). An edit saved from a stale
 * version is refused with CONFLICT `review.editConflict`, never silently overwritten.
 */
import { TRPCError } from '@trpc/server';
import Papa from 'papaparse';
import { z } from 'zod';
import {
  adoptionReadiness,
  advanceDecision,
  answerInput,
  assessmentInput,
  canSeeComment,
  checkRatings,
  closeCycleInput,
  closeDecision,
  commentInput,
  createEditInput,
  cycleInput,
  cycleStage,
  CYCLE_PHASES,
  cycleContentAccess,
  frameworkDocumentSchema,
  MEMBER_STATE_CODES,
  nonRespondents,
  phaseAllows,
  positionInput,
  previewEdit,
  previewFinal,
  resolutionInput,
  saveFrameworkInput,
  summariseAssessments,
  timeliness,
  unratedCells,
  updateEditInput,
  type AdoptionProblem,
  type Catalogue,
  type CycleStage,
  type FrameworkDocument,
  type MemberStateCode,
  type ReviewActivity,
  type Role,
} from '@musyawarah/core';
import type { ProposedEdit } from '@musyawarah/core/editions';
import {
  adoptReviewedEdition,
  answerReviewComment,
  answerReviewPosition,
  bumpReviewCycleVersion,
  bumpReviewEditVersion,
  deleteReviewEdit,
  findContributionStatus,
  findPublishedCycleByEdition,
  findReviewComment,
  findReviewCommentRef,
  findReviewCycleClosure,
  findReviewPosition,
  findStatePosition,
  insertCyclePhases,
  insertReviewAssessment,
  insertReviewComment,
  insertReviewCycle,
  insertReviewEdit,
  listAssessmentStates,
  listCycleAssessmentIds,
  listSubmittedContributionIds,
  markReviewCycleAdopted,
  markReviewCycleClosed,
  setCyclePhaseActuals,
  updateCyclePhasePlan,
  updateReviewAssessment,
  updateReviewCycle,
  updateReviewEdit,
  upsertReviewResolution,
  upsertStatePosition,
  currentEditionNumber,
  findEditionCatalogue,
  findFramework,
  findLatestFramework,
  findReviewAssessment,
  findReviewCycle,
  findReviewEdit,
  insertFrameworkVersion,
  listCitedContributions,
  listCyclePhases,
  listEditComments,
  listEditMotivations,
  listEditsCitingContribution,
  listFrameworkVersions,
  listPositions,
  listResolutions,
  listReviewAssessments,
  listReviewCycles,
  listReviewEdits,
  lockEditionsForAdoption,
  lockReviewCycle,
  nextEditPosition,
  replaceEditMotivations,
  shareLockReviewCycle,
  writeAudit,
  type Executor,
  type ReviewCycle,
  type ReviewCyclePhase,
  type ReviewEdit,
} from '@musyawarah/db';
import type { Context } from '../context';
import { FieldError, notFound } from '../errors';
import { auditContext, authedProcedure, memberStateProcedure, publicProcedure, router, secretariatProcedure } from '../trpc';

/**
 * A refusal that names what it is about: the message is the reason (`review.unresolvedEdits`), the field errors name
 * the edits (`edits.<id>`), so the adoption screen can link to each one still open.
 */
class ReviewRefusal extends FieldError {
  constructor(reason: string, fieldErrors: Record<string, string[]>) {
    super('CONFLICT', fieldErrors);
    this.message = reason;
  }
}

const uuid = z.uuid({ error: 'validation.invalid' });
const cycleIdInput = z.object({ cycleId: uuid });
const editIdInput = z.object({ editId: uuid });
const versionField = z.number({ error: 'validation.invalidType' }).int({ error: 'validation.invalidType' }).min(1).max(2_147_483_647);

// ---------------------------------------------------------------------------------------------------------------------
// Presenting

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function phaseDates(rows: readonly ReviewCyclePhase[]) {
  return rows.map((p) => ({
    phase: p.phase as (typeof CYCLE_PHASES)[number],
    plannedStart: p.planned_start,
    plannedEnd: p.planned_end,
    actualStart: p.actual_start ? new Date(p.actual_start) : null,
    actualEnd: p.actual_end ? new Date(p.actual_end) : null,
  }));
}

function presentCycle(cycle: ReviewCycle, phases: readonly ReviewCyclePhase[], now = new Date()) {
  const dates = phaseDates(phases.filter((p) => p.cycle_id === cycle.id));
  const report = timeliness(dates, now);
  return {
    id: cycle.id,
    title: cycle.title,
    description: cycle.description,
    frameworkVersion: cycle.framework_version,
    baseEditionNumber: cycle.base_edition_number,
    audience: cycle.audience,
    publicationDate: cycle.publication_date,
    adoptedEditionNumber: cycle.adopted_edition_number,
    publishedAt: iso(cycle.published_at),
    /** Closed without adopting: when and why (public), and the edition that superseded the base when that is why. */
    closure: cycle.closed_at
      ? { closedAt: iso(cycle.closed_at) as string, reason: cycle.closed_reason, supersededBy: cycle.closed_superseded_by }
      : null,
    version: cycle.version,
    stage: cycleStage(dates, cycle.closed_at),
    phases: report.phases,
    timeliness: report.overall,
  };
}
export type PresentedCycle = ReturnType<typeof presentCycle>;

/** Where the cycle is: `closed` once closed without adopting, otherwise from its phase dates. */
async function stageOf(db: Executor, cycleId: string): Promise<CycleStage> {
  const [phases, closure] = await Promise.all([
    listCyclePhases(db, [cycleId]),
    findReviewCycleClosure(db, cycleId),
  ]);
  return cycleStage(phaseDates(phases), closure?.closed_at ?? null);
}

/** The phase a cycle reached, ignoring a closing: who may read a closed cycle's content is decided by it. */
async function reachedStageOf(db: Executor, cycleId: string): Promise<CycleStage> {
  return cycleStage(phaseDates(await listCyclePhases(db, [cycleId])));
}

/**
 * The stage for a write that depends on it: the cycle row is share-locked first, so a concurrent phase change either
 * waits for this write or this write waits for it and sees the new phase (never a write in a phase that has ended).
 */
async function stageForWrite(tx: Executor, cycleId: string): Promise<CycleStage> {
  await shareLockReviewCycle(tx, cycleId);
  return stageOf(tx, cycleId);
}

function refuseUnlessPhase(stage: CycleStage, activity: ReviewActivity) {
  const check = phaseAllows(stage, activity);
  if (!check.ok) throw new TRPCError({ code: 'CONFLICT', message: check.reason });
}

async function requireCycle(db: Executor, cycleId: string, options: { lock?: boolean } = {}) {
  const cycle = options.lock ? await lockReviewCycle(db, cycleId) : await findReviewCycle(db, cycleId);
  if (!cycle) throw notFound('review.cycleNotFound');
  return cycle;
}

async function requireEdit(db: Executor, editId: string) {
  const edit = await findReviewEdit(db, editId);
  if (!edit) throw notFound('review.editNotFound');
  return edit;
}

async function baseCatalogue(db: Executor, cycle: ReviewCycle): Promise<Catalogue> {
  const found = await findEditionCatalogue(db, cycle.base_edition_number);
  if (!found) throw notFound('review.editionNotFound');
  return found;
}

async function frameworkOf(db: Executor, version: number): Promise<FrameworkDocument> {
  const framework = await findFramework(db, version);
  if (!framework) throw notFound('review.frameworkNotFound');
  return framework.document as FrameworkDocument;
}

function presentPosition(p: Awaited<ReturnType<typeof listPositions>>[number]) {
  return {
    id: p.id,
    editId: p.edit_id,
    memberState: p.member_state_code,
    kind: p.kind,
    text: p.text,
    counterProposal: p.counter_proposal,
    answer: p.answer,
    answeredAt: iso(p.answered_at),
    updatedAt: iso(p.updated_at),
  };
}
export type PresentedPosition = ReturnType<typeof presentPosition>;

function presentMotivation(m: Awaited<ReturnType<typeof listEditMotivations>>[number]) {
  return { kind: m.kind, targetId: (m.contribution_id ?? m.assessment_id ?? m.board_session_id) as string, note: m.note };
}

type Viewer = { id: string; role: Role } | null;

function presentComment(c: Awaited<ReturnType<typeof listEditComments>>[number]) {
  return {
    id: c.id,
    editId: c.edit_id,
    parentId: c.parent_id,
    body: c.body,
    confidential: c.confidential,
    author: c.author_status === 'deleted' || !c.author_name ? null : { name: c.author_name, role: c.author_role, memberState: c.author_member_state },
    answer: c.answer,
    answeredAt: iso(c.answered_at),
    createdAt: iso(c.created_at) as string,
  };
}
export type PresentedComment = ReturnType<typeof presentComment>;

function visibleComments(rows: Awaited<ReturnType<typeof listEditComments>>, cycle: ReviewCycle, viewer: Viewer, now = new Date()) {
  return rows
    .filter((c) => canSeeComment({ confidential: c.confidential, authorUserId: c.author_user_id }, viewer, cycle.publication_date, now))
    .map(presentComment);
}

/** The edits of a cycle with their diffs against the base edition, motivations and resolutions. */
async function presentEdits(db: Executor, cycle: ReviewCycle, edits: readonly ReviewEdit[]) {
  const ids = edits.map((e) => e.id);
  const [base, motivations, resolutions] = await Promise.all([baseCatalogue(db, cycle), listEditMotivations(db, ids), listResolutions(db, ids)]);
  return edits.map((edit) => {
    const payload = edit.payload as ProposedEdit;
    const preview = previewEdit(base, payload);
    const resolution = resolutions.find((r) => r.edit_id === edit.id);
    const final = resolution?.final_payload ? previewFinal(base, payload, resolution.final_payload as ProposedEdit) : null;
    return {
      id: edit.id,
      cycleId: edit.cycle_id,
      position: edit.position,
      payload,
      rationale: edit.rationale,
      version: edit.version,
      updatedAt: iso(edit.updated_at) as string,
      diff: preview.ok ? preview.diff : null,
      applyErrors: preview.ok ? [] : preview.errors,
      motivations: motivations.filter((m) => m.edit_id === edit.id).map(presentMotivation),
      resolution: resolution
        ? {
            kind: resolution.kind,
            finalPayload: (resolution.final_payload as ProposedEdit | null) ?? null,
            finalDiff: final?.ok ? final.diff : null,
            finalFromProposal: final?.ok ? final.fromProposal : null,
            answer: resolution.answer,
            resolvedAt: iso(resolution.resolved_at) as string,
          }
        : null,
    };
  });
}
export type PresentedEdit = Awaited<ReturnType<typeof presentEdits>>[number];

/**
 * Whether `viewer` may read the cycle's content (edits, diffs, resolutions, positions, comments): core's one rule.
 * `reached` is the stage from the phase dates alone, so a closed cycle stays readable as it was when it was closed.
 */
function mayReadContent(cycle: ReviewCycle, reached: CycleStage, viewer: { role: Role } | null) {
  return cycleContentAccess({ audience: cycle.audience, published: cycle.published_at !== null }, reached, viewer);
}

/** Every procedure that returns a cycle's content refuses with the same rule (`cycleContentAccess`). */
async function requireContentAccess(db: Executor, cycle: ReviewCycle, viewer: { role: Role } | null) {
  const access = mayReadContent(cycle, await reachedStageOf(db, cycle.id), viewer);
  if (!access.ok) throw new TRPCError({ code: 'FORBIDDEN', message: access.reason });
}

/** The public record of an adopted cycle: what the edition changed, why, and who said what. */
async function publicRecord(db: Executor, cycle: ReviewCycle) {
  const edits = await listReviewEdits(db, cycle.id);
  const ids = edits.map((e) => e.id);
  const [presented, positions, comments] = await Promise.all([presentEdits(db, cycle, edits), listPositions(db, ids), listEditComments(db, ids)]);
  const shown = visibleComments(comments, cycle, null);
  return presented.map((edit) => ({
    ...edit,
    positions: positions.filter((p) => p.edit_id === edit.id).map(presentPosition),
    comments: shown.filter((c) => c.editId === edit.id),
  }));
}

async function contributionSummaries(db: Executor, ids: readonly string[]) {
  const rows = await listCitedContributions(db, ids);
  return rows
    .filter((r) => r.status === 'submitted')
    .map((r) => ({
      id: r.id,
      roundId: r.round_id,
      roundTitle: r.round_title,
      receiptReference: r.receipt_reference,
      stakeholderGroup: r.stakeholder_group,
      memberState: r.member_state_code,
      name: r.named_publicly ? (r.participant_name ?? r.author_name) : null,
      organisation: r.named_publicly ? r.organisation_name : null,
      // A moderated contribution is still counted as a source, but its words are not republished.
      hidden: r.hidden_at !== null,
      items: r.hidden_at ? [] : r.items.map((i) => ({ type: i.type, text: i.text, actionId: i.action_id })),
    }));
}

async function checkMotivations(
  db: Executor,
  cycle: ReviewCycle,
  motivations: readonly { kind: string; targetId: string }[],
) {
  const errors: Record<string, string[]> = {};
  const contributionIds = motivations.filter((m) => m.kind === 'contribution').map((m) => m.targetId);
  const assessmentIds = motivations.filter((m) => m.kind === 'assessment').map((m) => m.targetId);
  const [contributions, assessments] = await Promise.all([
    listSubmittedContributionIds(db, contributionIds),
    listCycleAssessmentIds(db, cycle.id, assessmentIds),
  ]);
  const known = new Set([...contributions, ...assessments].map((r) => r.id));
  motivations.forEach((m, index) => {
    if (m.kind !== 'board_session' && !known.has(m.targetId)) errors[`motivations.${index}.targetId`] = ['validation.motivationTarget'];
  });
  if (Object.keys(errors).length) throw new FieldError('BAD_REQUEST', errors);
}

function checkApplies(base: Catalogue, payload: ProposedEdit, field: string) {
  const preview = previewEdit(base, payload);
  if (!preview.ok) throw new FieldError('BAD_REQUEST', { [field]: [...new Set(preview.errors.map((e) => e.key))] });
}

/** The cycle's edits with their resolutions, in drafting order, as core's adoption rules take them. */
async function editsWithResolutions(db: Executor, cycleId: string) {
  const edits = await listReviewEdits(db, cycleId);
  const resolutions = await listResolutions(db, edits.map((e) => e.id));
  return edits.map((e) => {
    const r = resolutions.find((x) => x.edit_id === e.id);
    return {
      id: e.id,
      payload: e.payload as ProposedEdit,
      resolution: r ? { kind: r.kind, finalPayload: (r.final_payload as ProposedEdit | null) ?? null } : null,
    };
  });
}

/**
 * Would adopting the cycle succeed now? One dry run used to let the cycle into adoption, by `adopt` itself and by the
 * adoption screen. `currentEditionNumber` is passed in so that `adopt` can give the number it read under the lock.
 */
async function readinessOf(db: Executor, cycle: ReviewCycle, currentEdition: number | null) {
  const [base, edits] = await Promise.all([baseCatalogue(db, cycle), editsWithResolutions(db, cycle.id)]);
  return adoptionReadiness({ base, baseEditionNumber: cycle.base_edition_number, currentEditionNumber: currentEdition, edits });
}

/** The refusal for a cycle not ready to adopt: the first reason as the message, every problem on the edits it names. */
function notReadyRefusal(problems: readonly AdoptionProblem[]) {
  const fieldErrors: Record<string, string[]> = {};
  for (const problem of problems) {
    for (const field of problem.edits.length ? problem.edits.map((id) => `edits.${id}`) : ['edits']) (fieldErrors[field] ??= []).push(problem.reason);
  }
  return new ReviewRefusal(problems[0]?.reason ?? 'review.editsDoNotApply', fieldErrors);
}

async function assessmentScope(db: Executor, cycle: ReviewCycle) {
  const [base, framework] = await Promise.all([baseCatalogue(db, cycle), frameworkOf(db, cycle.framework_version)]);
  return {
    actionAreas: base.actionAreas.map((a) => ({ id: a.id, title: a.title })),
    criteria: framework.criteria,
    actionAreaIds: base.actionAreas.map((a) => a.id),
    criterionKeys: framework.criteria.map((c) => c.key),
  };
}

function presentAssessment(a: NonNullable<Awaited<ReturnType<typeof findReviewAssessment>>>) {
  return {
    id: a.id,
    cycleId: a.cycle_id,
    memberState: a.member_state_code,
    status: a.status,
    ratings: a.ratings,
    version: a.version,
    submittedAt: iso(a.submitted_at),
    updatedAt: iso(a.updated_at) as string,
  };
}

async function saveStateAssessment(
  ctx: Context & { user: NonNullable<Context['user']>; memberState: MemberStateCode },
  input: z.output<typeof assessmentInput> & { expectedVersion: number | null },
  mode: 'draft' | 'submit',
) {
  return ctx.db.transaction().execute(async (tx) => {
    const cycle = await requireCycle(tx, input.cycleId);
    refuseUnlessPhase(await stageForWrite(tx, cycle.id), 'assess');
    const scope = await assessmentScope(tx, cycle);
    const errors = checkRatings(input.ratings, scope, mode);
    if (Object.keys(errors).length) throw new FieldError('BAD_REQUEST', errors);
    const before = await findReviewAssessment(tx, cycle.id, ctx.memberState);
    if (before?.status === 'submitted') throw new TRPCError({ code: 'CONFLICT', message: 'review.assessmentSubmitted' });
    if ((before ? before.version : null) !== input.expectedVersion) throw new TRPCError({ code: 'CONFLICT', message: 'review.assessmentConflict' });
    const now = new Date();
    const values = {
      ratings: input.ratings,
      status: mode === 'submit' ? ('submitted' as const) : ('draft' as const),
      updated_by: ctx.user.id,
      updated_at: now,
      submitted_by: mode === 'submit' ? ctx.user.id : null,
      submitted_at: mode === 'submit' ? now : null,
    };
    const after = before
      ? await updateReviewAssessment(tx, before.id, before.version, values)
      : await insertReviewAssessment(tx, cycle.id, ctx.memberState, values);
    if (!after) throw new TRPCError({ code: 'CONFLICT', message: 'review.assessmentConflict' });
    await writeAudit(tx, auditContext(ctx), {
      action: mode === 'submit' ? 'review.assessment_submit' : 'review.assessment_save',
      entityType: 'review_assessment',
      entityId: after.id,
      before: before ?? null,
      after,
    });
    return presentAssessment(after);
  });
}

function timelinessRows(cycles: readonly PresentedCycle[]) {
  return cycles.flatMap((c) => [
    ...c.phases.map((p) => ({
      cycle_id: c.id,
      cycle_title: c.title,
      phase: p.phase,
      planned_start: p.plannedStart,
      planned_end: p.plannedEnd,
      actual_start: p.actualStart ?? '',
      actual_end: p.actualEnd ?? '',
      status: p.status,
      days_late: p.daysLate,
      start_days_late: p.startDaysLate,
    })),
    {
      cycle_id: c.id,
      cycle_title: c.title,
      phase: 'overall',
      planned_start: c.timeliness.plannedStart ?? '',
      planned_end: c.timeliness.plannedEnd ?? '',
      actual_start: c.timeliness.actualStart ?? '',
      actual_end: c.timeliness.actualEnd ?? '',
      status: c.timeliness.status,
      days_late: c.timeliness.daysLate,
      start_days_late: '',
    },
  ]);
}

// ---------------------------------------------------------------------------------------------------------------------
// Router

export const reviewRouter = router({
  // ----- public ------------------------------------------------------------------------------------------------------

  /** The latest version of the Regional Review Framework, or null before the first one is saved. */
  framework: publicProcedure.query(async ({ ctx }) => {
    const latest = await findLatestFramework(ctx.db);
    return latest ? { version: latest.version, document: latest.document as FrameworkDocument, createdAt: iso(latest.created_at) as string } : null;
  }),

  /** One earlier (or the latest) version of the framework: cycles keep the version they were run under. */
  frameworkVersion: publicProcedure.input(z.object({ version: versionField })).query(async ({ ctx, input }) => {
    const framework = await findFramework(ctx.db, input.version);
    if (!framework) throw notFound('review.frameworkNotFound');
    return { version: framework.version, document: framework.document as FrameworkDocument, createdAt: iso(framework.created_at) as string };
  }),

  /** Cycles that have started (drafts stay with the Secretariat), newest first. */
  cycles: publicProcedure.query(async ({ ctx }) => {
    const cycles = await listReviewCycles(ctx.db);
    const phases = await listCyclePhases(ctx.db, cycles.map((c) => c.id));
    // A cycle closed before it started was never public.
    return cycles.map((c) => presentCycle(c, phases)).filter((c) => c.stage !== 'not_started' && !(c.stage === 'closed' && c.phases.every((p) => p.actualStart === null)));
  }),

  cycle: publicProcedure.input(cycleIdInput).query(async ({ ctx, input }) => {
    const cycle = await requireCycle(ctx.db, input.cycleId);
    const phases = await listCyclePhases(ctx.db, [cycle.id]);
    const presented = presentCycle(cycle, phases);
    const reached = cycleStage(phaseDates(phases));
    if (reached === 'not_started' && ctx.user?.role !== 'secretariat') throw notFound('review.cycleNotFound');
    // An adopted cycle's record once published; a closed cycle's record to whoever could read its content when it closed.
    const readable = (cycle.published_at !== null || cycle.closed_at !== null) && mayReadContent(cycle, reached, ctx.user).ok;
    return { ...presented, record: readable ? await publicRecord(ctx.db, cycle) : null };
  }),

  /** "You said, we did": the changes an edition adopted, with the contributions, assessments and positions behind them. */
  youSaidWeDid: publicProcedure.input(z.object({ edition: versionField })).query(async ({ ctx, input }) => {
    const cycle = await findPublishedCycleByEdition(ctx.db, input.edition);
    if (!cycle) throw notFound('review.editionNotFound');
    await requireContentAccess(ctx.db, cycle, ctx.user);
    const record = await publicRecord(ctx.db, cycle);
    const adopted = record.filter((e) => e.resolution && e.resolution.kind !== 'rejected');
    const contributions = await contributionSummaries(
      ctx.db,
      adopted.flatMap((e) => e.motivations.filter((m) => m.kind === 'contribution').map((m) => m.targetId)),
    );
    const assessmentIds = adopted.flatMap((e) => e.motivations.filter((m) => m.kind === 'assessment').map((m) => m.targetId));
    const assessments = await listAssessmentStates(ctx.db, assessmentIds);
    return {
      edition: input.edition,
      baseEditionNumber: cycle.base_edition_number,
      cycle: { id: cycle.id, title: cycle.title, publishedAt: iso(cycle.published_at) as string },
      changes: adopted.map((edit) => ({
        editId: edit.id,
        payload: edit.resolution?.finalPayload ?? edit.payload,
        diff: edit.resolution?.finalDiff ?? edit.diff,
        rationale: edit.rationale,
        resolution: edit.resolution,
        contributions: contributions.filter((c) => edit.motivations.some((m) => m.kind === 'contribution' && m.targetId === c.id)),
        assessmentIds: edit.motivations.filter((m) => m.kind === 'assessment').map((m) => m.targetId),
        assessments: assessments
          .filter((a) => edit.motivations.some((m) => m.kind === 'assessment' && m.targetId === a.id))
          .map((a) => ({ id: a.id, memberState: a.member_state_code })),
        boardSessionIds: edit.motivations.filter((m) => m.kind === 'board_session').map((m) => m.targetId),
        positions: edit.positions,
      })),
      rejected: record.filter((e) => e.resolution?.kind === 'rejected').map((e) => ({ editId: e.id, payload: e.payload, answer: e.resolution?.answer ?? '' })),
    };
  }),

  /** What became of a contribution: the edits that cite it (once participants may see them) and, when published, their resolution. */
  outcomeOfContribution: publicProcedure.input(z.object({ contributionId: uuid })).query(async ({ ctx, input }) => {
    const contribution = await findContributionStatus(ctx.db, input.contributionId);
    if (!contribution || contribution.status !== 'submitted') throw notFound('review.contributionNotFound');
    const citing = await listEditsCitingContribution(ctx.db, contribution.id);
    const phases = await listCyclePhases(ctx.db, [...new Set(citing.map((c) => c.cycle_id))]);
    // The same rule as the edit list: a members-only cycle's edits stay with its audience until the record is published.
    const visible = citing.filter(
      (c) =>
        cycleContentAccess(
          { audience: c.audience, published: c.published_at !== null },
          cycleStage(phaseDates(phases.filter((p) => p.cycle_id === c.cycle_id))),
          ctx.user,
        ).ok,
    );
    const resolutions = await listResolutions(ctx.db, visible.filter((c) => c.published_at).map((c) => c.edit_id));
    return {
      contributionId: contribution.id,
      edits: visible.map((c) => {
        const resolution = resolutions.find((r) => r.edit_id === c.edit_id);
        return {
          editId: c.edit_id,
          cycleId: c.cycle_id,
          cycleTitle: c.cycle_title,
          stage: cycleStage(phaseDates(phases.filter((p) => p.cycle_id === c.cycle_id)), c.closed_at),
          payload: c.payload as ProposedEdit,
          rationale: c.rationale,
          resolution: resolution ? { kind: resolution.kind, answer: resolution.answer } : null,
          adoptedEditionNumber: c.published_at ? c.adopted_edition_number : null,
        };
      }),
    };
  }),

  // ----- participants ------------------------------------------------------------------------------------------------

  /** A cycle's edits with their diffs. Representatives also get their own state's position on each edit. */
  edits: authedProcedure.input(cycleIdInput).query(async ({ ctx, input }) => {
    const cycle = await requireCycle(ctx.db, input.cycleId);
    await requireContentAccess(ctx.db, cycle, ctx.user);
    const edits = await listReviewEdits(ctx.db, cycle.id);
    const ids = edits.map((e) => e.id);
    const memberState = ctx.user.role === 'member_state' ? (ctx.user.member_state_code ?? undefined) : undefined;
    const [presented, positions, comments] = await Promise.all([
      presentEdits(ctx.db, cycle, edits),
      memberState ? listPositions(ctx.db, ids, memberState) : Promise.resolve([]),
      listEditComments(ctx.db, ids),
    ]);
    const shown = visibleComments(comments, cycle, { id: ctx.user.id, role: ctx.user.role });
    return {
      cycle: presentCycle(cycle, await listCyclePhases(ctx.db, [cycle.id])),
      edits: presented.map((edit) => ({
        ...edit,
        myPosition: (() => {
          const own = positions.find((p) => p.edit_id === edit.id);
          return own ? presentPosition(own) : null;
        })(),
        commentCount: shown.filter((c) => c.editId === edit.id).length,
      })),
    };
  }),

  comments: authedProcedure.input(editIdInput).query(async ({ ctx, input }) => {
    const edit = await requireEdit(ctx.db, input.editId);
    const cycle = await requireCycle(ctx.db, edit.cycle_id);
    await requireContentAccess(ctx.db, cycle, ctx.user);
    return visibleComments(await listEditComments(ctx.db, [edit.id]), cycle, { id: ctx.user.id, role: ctx.user.role });
  }),

  addComment: authedProcedure.input(commentInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const edit = await requireEdit(tx, input.editId);
      const cycle = await requireCycle(tx, edit.cycle_id);
      await requireContentAccess(tx, cycle, ctx.user);
      refuseUnlessPhase(await stageForWrite(tx, cycle.id), 'comment');
      if (input.parentId) {
        const parent = await findReviewCommentRef(tx, input.parentId);
        if (!parent || parent.edit_id !== edit.id) throw new FieldError('BAD_REQUEST', { parentId: ['review.parentNotInThread'] });
      }
      const created = await insertReviewComment(tx, {
        editId: edit.id,
        parentId: input.parentId ?? null,
        authorUserId: ctx.user.id,
        body: input.body,
        confidential: input.confidential,
      });
      await writeAudit(tx, auditContext(ctx), { action: 'review.comment', entityType: 'review_comment', entityId: created.id, after: created });
      const [row] = await listEditComments(tx, [edit.id]).then((rows) => rows.filter((r) => r.id === created.id));
      return presentComment(row as NonNullable<typeof row>);
    });
  }),

  // ----- member-state representatives --------------------------------------------------------------------------------

  myAssessment: memberStateProcedure.input(cycleIdInput).query(async ({ ctx, input }) => {
    const cycle = await requireCycle(ctx.db, input.cycleId);
    const [scope, assessment, stage] = await Promise.all([
      assessmentScope(ctx.db, cycle),
      findReviewAssessment(ctx.db, cycle.id, ctx.memberState),
      stageOf(ctx.db, cycle.id),
    ]);
    return {
      cycleId: cycle.id,
      stage,
      memberState: ctx.memberState,
      actionAreas: scope.actionAreas,
      criteria: scope.criteria,
      assessment: assessment ? presentAssessment(assessment) : null,
      unrated: unratedCells(assessment?.ratings ?? [], scope).length,
    };
  }),

  saveAssessment: memberStateProcedure
    .input(assessmentInput.extend({ expectedVersion: versionField.nullable() }))
    .mutation(({ ctx, input }) => saveStateAssessment(ctx, input, 'draft')),

  submitAssessment: memberStateProcedure
    .input(assessmentInput.extend({ expectedVersion: versionField.nullable() }))
    .mutation(({ ctx, input }) => saveStateAssessment(ctx, input, 'submit')),

  /** The representative's own state's formal position on one edit; recording it again replaces it. */
  recordPosition: memberStateProcedure.input(positionInput).mutation(async ({ ctx, input }) => {
    if (input.memberState !== ctx.memberState) throw new TRPCError({ code: 'FORBIDDEN', message: 'review.notYourState' });
    return ctx.db.transaction().execute(async (tx) => {
      const edit = await requireEdit(tx, input.editId);
      refuseUnlessPhase(await stageForWrite(tx, edit.cycle_id), 'record_position');
      const before = await findStatePosition(tx, edit.id, ctx.memberState);
      const now = new Date();
      const after = await upsertStatePosition(tx, edit.id, ctx.memberState, {
        kind: input.kind,
        text: input.text ?? null,
        counterProposal: input.counterProposal ?? null,
        recordedBy: ctx.user.id,
        now,
      });
      await writeAudit(tx, auditContext(ctx), { action: 'review.position', entityType: 'review_position', entityId: after.id, before: before ?? null, after });
      return presentPosition(after);
    });
  }),

  // ----- secretariat: framework and cycles ---------------------------------------------------------------------------

  frameworkVersions: secretariatProcedure.query(async ({ ctx }) => {
    const rows = await listFrameworkVersions(ctx.db);
    return rows.map((r) => ({ version: r.version, createdAt: iso(r.created_at) as string, createdBy: r.created_by_name }));
  }),

  /** Saves the framework as a new version. Two editors saving from the same version: the second is told, not overwritten. */
  saveFramework: secretariatProcedure.input(saveFrameworkInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const latest = await findLatestFramework(tx);
      if ((latest?.version ?? null) !== input.expectedVersion) throw new TRPCError({ code: 'CONFLICT', message: 'review.frameworkConflict' });
      const created = await insertFrameworkVersion(tx, { version: (latest?.version ?? 0) + 1, document: input.document, createdBy: ctx.user.id });
      if (!created) throw new TRPCError({ code: 'CONFLICT', message: 'review.frameworkConflict' });
      await writeAudit(tx, auditContext(ctx), { action: 'review.framework_save', entityType: 'review_framework', entityId: null, before: latest ?? null, after: created });
      return { version: created.version, document: created.document as FrameworkDocument, createdAt: iso(created.created_at) as string };
    });
  }),

  adminCycles: secretariatProcedure.query(async ({ ctx }) => {
    const cycles = await listReviewCycles(ctx.db);
    const phases = await listCyclePhases(ctx.db, cycles.map((c) => c.id));
    return cycles.map((c) => presentCycle(c, phases));
  }),

  adminCycle: secretariatProcedure.input(cycleIdInput).query(async ({ ctx, input }) => {
    const cycle = await requireCycle(ctx.db, input.cycleId);
    const [phases, edits, framework] = await Promise.all([
      listCyclePhases(ctx.db, [cycle.id]),
      listReviewEdits(ctx.db, cycle.id),
      findFramework(ctx.db, cycle.framework_version),
    ]);
    const ids = edits.map((e) => e.id);
    const [resolutions, positions, comments, current] = await Promise.all([
      listResolutions(ctx.db, ids),
      listPositions(ctx.db, ids),
      listEditComments(ctx.db, ids),
      currentEditionNumber(ctx.db),
    ]);
    const readiness = await readinessOf(ctx.db, cycle, current);
    const presented = presentCycle(cycle, phases);
    return {
      ...presented,
      /** Whether closeCycle would be accepted now (the screen offers it only then). */
      canClose: closeDecision(presented.stage).ok,
      framework: framework ? { version: framework.version, document: framework.document as FrameworkDocument } : null,
      editCount: edits.length,
      resolvedCount: resolutions.length,
      /** Whether adopting would succeed now, and every reason it would not: what the adoption screen shows. */
      readiness: { ok: readiness.ok, problems: readiness.problems } as { ok: boolean; problems: AdoptionProblem[] },
      currentEditionNumber: current,
      /** Finalisation answers every position and comment; these are still waiting (adoption does not depend on them). */
      unanswered: { positions: positions.filter((p) => p.answer === null).length, comments: comments.filter((c) => c.answer === null).length },
    };
  }),

  createCycle: secretariatProcedure.input(cycleInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      if (!(await findFramework(tx, input.frameworkVersion))) throw new FieldError('BAD_REQUEST', { frameworkVersion: ['review.frameworkNotFound'] });
      // The current edition is read under the editions' adoption lock: a cycle created while an adoption commits waits
      // for it and starts on the new edition, never on one superseded a moment later.
      const current = await lockEditionsForAdoption(tx);
      const baseEditionNumber = input.baseEditionNumber ?? current;
      if (baseEditionNumber === null || !(await findEditionCatalogue(tx, baseEditionNumber))) throw new FieldError('BAD_REQUEST', { baseEditionNumber: ['review.editionNotFound'] });
      const created = await insertReviewCycle(tx, {
        title: input.title,
        description: input.description ?? null,
        framework_version: input.frameworkVersion,
        base_edition_number: baseEditionNumber,
        audience: input.audience,
        publication_date: input.publicationDate,
        created_by: ctx.user.id,
        updated_at: new Date(),
      });
      const phases = await insertCyclePhases(tx, created.id, input.phases);
      await writeAudit(tx, auditContext(ctx), { action: 'review.cycle_create', entityType: 'review_cycle', entityId: created.id, after: { ...created, phases } });
      return presentCycle(created, phases);
    });
  }),

  /** Planned dates, title, audience, publication date. Actual dates are only ever recorded by advancing. */
  updateCycle: secretariatProcedure
    .input(z.object({ cycleId: uuid, expectedVersion: versionField, cycle: cycleInput }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const before = await requireCycle(tx, input.cycleId, { lock: true });
        const beforePhases = await listCyclePhases(tx, [before.id]);
        const stage = cycleStage(phaseDates(beforePhases), before.closed_at);
        if (stage === 'adopted') throw new TRPCError({ code: 'CONFLICT', message: 'review.cycleAdopted' });
        if (stage === 'closed') throw new TRPCError({ code: 'CONFLICT', message: 'review.cycleClosed' });
        const c = input.cycle;
        // What the cycle is reviewing cannot change under assessments and edits already made against it.
        if (stage !== 'not_started' && (c.frameworkVersion !== before.framework_version || (c.baseEditionNumber ?? before.base_edition_number) !== before.base_edition_number))
          throw new FieldError('BAD_REQUEST', { frameworkVersion: ['review.frameworkChangedSinceCycle'] });
        if (!(await findFramework(tx, c.frameworkVersion))) throw new FieldError('BAD_REQUEST', { frameworkVersion: ['review.frameworkNotFound'] });
        const baseEditionNumber = c.baseEditionNumber ?? before.base_edition_number;
        if (!(await findEditionCatalogue(tx, baseEditionNumber))) throw new FieldError('BAD_REQUEST', { baseEditionNumber: ['review.editionNotFound'] });
        const after = await updateReviewCycle(tx, before.id, input.expectedVersion, {
          title: c.title,
          description: c.description ?? null,
          framework_version: c.frameworkVersion,
          base_edition_number: baseEditionNumber,
          audience: c.audience,
          publication_date: c.publicationDate,
          updated_at: new Date(),
        });
        if (!after) throw new TRPCError({ code: 'CONFLICT', message: 'review.cycleConflict' });
        for (const p of c.phases) {
          await updateCyclePhasePlan(tx, after.id, p.phase, p);
        }
        const phases = await listCyclePhases(tx, [after.id]);
        await writeAudit(tx, auditContext(ctx), { action: 'review.cycle_update', entityType: 'review_cycle', entityId: after.id, before: { ...before, phases: beforePhases }, after: { ...after, phases } });
        return presentCycle(after, phases);
      });
    }),

  /**
   * Ends the current phase and starts the next, both now. `expectedStage` is the stage the screen showed, so a double
   * click (or two people) cannot skip a phase.
   */
  advancePhase: secretariatProcedure
    .input(z.object({ cycleId: uuid, expectedStage: z.enum(['not_started', ...CYCLE_PHASES], { error: 'validation.invalidOption' }) }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const cycle = await requireCycle(tx, input.cycleId, { lock: true });
        const before = await listCyclePhases(tx, [cycle.id]);
        const stage = cycleStage(phaseDates(before), cycle.closed_at);
        if (stage !== input.expectedStage) throw new TRPCError({ code: 'CONFLICT', message: 'review.phaseChanged' });
        const decision = advanceDecision(stage);
        if (!decision.ok) throw new TRPCError({ code: 'CONFLICT', message: decision.reason });
        // Every state must have a way forward: a cycle enters adoption only if adopting would succeed now, otherwise it
        // stays in finalisation where resolutions can still change (the refusal names the edits in the way).
        if (decision.starts === 'adoption') {
          const readiness = await readinessOf(tx, cycle, await currentEditionNumber(tx));
          if (!readiness.ok) throw notReadyRefusal(readiness.problems);
        }
        const now = new Date();
        if (decision.ends) await setCyclePhaseActuals(tx, cycle.id, decision.ends, { actual_end: now });
        await setCyclePhaseActuals(tx, cycle.id, decision.starts, { actual_start: now, actual_end: null });
        const after = await bumpReviewCycleVersion(tx, cycle.id, now);
        const phases = await listCyclePhases(tx, [cycle.id]);
        await writeAudit(tx, auditContext(ctx), { action: 'review.cycle_advance', entityType: 'review_cycle', entityId: cycle.id, before: { stage, phases: before }, after: { stage: decision.starts, phases } });
        return presentCycle(after, phases);
      });
    }),

  /**
   * Steps back from adoption to finalisation (reopens finalisation, clears adoption's start) so that resolutions can be
   * changed — the way out when adoption is blocked or the Secretariat changes its mind. `expectedStage` guards against a
   * double click or a colleague who adopted meanwhile.
   */
  returnToFinalisation: secretariatProcedure
    .input(z.object({ cycleId: uuid, expectedStage: z.literal('adoption', { error: 'validation.invalidOption' }) }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const cycle = await requireCycle(tx, input.cycleId, { lock: true });
        const before = await listCyclePhases(tx, [cycle.id]);
        const stage = cycleStage(phaseDates(before), cycle.closed_at);
        if (stage !== input.expectedStage) throw new TRPCError({ code: 'CONFLICT', message: 'review.phaseChanged' });
        const now = new Date();
        await setCyclePhaseActuals(tx, cycle.id, 'adoption', { actual_start: null, actual_end: null });
        await setCyclePhaseActuals(tx, cycle.id, 'finalisation', { actual_end: null });
        const after = await bumpReviewCycleVersion(tx, cycle.id, now);
        const phases = await listCyclePhases(tx, [cycle.id]);
        await writeAudit(tx, auditContext(ctx), { action: 'review.cycle_return', entityType: 'review_cycle', entityId: cycle.id, before: { stage, phases: before }, after: { stage: 'finalisation', phases } });
        return presentCycle(after, phases);
      });
    }),

  /** Submitted assessments by action area and by state, with the states that have not submitted. */
  assessmentResults: secretariatProcedure.input(cycleIdInput).query(async ({ ctx, input }) => {
    const cycle = await requireCycle(ctx.db, input.cycleId);
    const [scope, all] = await Promise.all([assessmentScope(ctx.db, cycle), listReviewAssessments(ctx.db, cycle.id, { submittedOnly: false })]);
    const submitted = all.filter((a) => a.status === 'submitted');
    const summary = summariseAssessments(submitted.map((a) => ({ memberState: a.member_state_code, ratings: a.ratings })), scope);
    return {
      cycleId: cycle.id,
      actionAreas: scope.actionAreas,
      criteria: scope.criteria,
      ...summary,
      /** Comments per area × criterion, by state, for reading next to the numbers. */
      comments: submitted.flatMap((a) =>
        a.ratings.filter((r) => r.comment).map((r) => ({ memberState: a.member_state_code, actionAreaId: r.actionAreaId, criterionKey: r.criterionKey, comment: r.comment as string })),
      ),
      assessments: submitted.map((a) => ({ id: a.id, memberState: a.member_state_code, submittedAt: iso(a.submitted_at) })),
      drafts: all.filter((a) => a.status === 'draft').map((a) => a.member_state_code),
    };
  }),

  // ----- secretariat: edits ------------------------------------------------------------------------------------------

  createEdit: secretariatProcedure.input(createEditInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const cycle = await requireCycle(tx, input.cycleId, { lock: true });
      refuseUnlessPhase(await stageForWrite(tx, cycle.id), 'draft_edit');
      checkApplies(await baseCatalogue(tx, cycle), input.payload, 'payload');
      await checkMotivations(tx, cycle, input.motivations);
      const created = await insertReviewEdit(tx, {
        cycleId: cycle.id,
        position: await nextEditPosition(tx, cycle.id),
        payload: input.payload,
        rationale: input.rationale,
        userId: ctx.user.id,
        now: new Date(),
      });
      await replaceEditMotivations(tx, created.id, input.motivations, { isNew: true });
      await writeAudit(tx, auditContext(ctx), { action: 'review.edit_create', entityType: 'review_edit', entityId: created.id, after: { ...created, motivations: input.motivations } });
      const [presented] = await presentEdits(tx, cycle, [created]);
      return presented as PresentedEdit;
    });
  }),

  updateEdit: secretariatProcedure.input(updateEditInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await requireEdit(tx, input.editId);
      const cycle = await requireCycle(tx, before.cycle_id);
      refuseUnlessPhase(await stageForWrite(tx, cycle.id), 'draft_edit');
      checkApplies(await baseCatalogue(tx, cycle), input.payload, 'payload');
      await checkMotivations(tx, cycle, input.motivations);
      const after = await updateReviewEdit(tx, before.id, input.expectedVersion, {
        payload: input.payload,
        rationale: input.rationale,
        userId: ctx.user.id,
        now: new Date(),
      });
      if (!after) throw new TRPCError({ code: 'CONFLICT', message: 'review.editConflict' });
      const beforeMotivations = await listEditMotivations(tx, [before.id]);
      await replaceEditMotivations(tx, after.id, input.motivations);
      await writeAudit(tx, auditContext(ctx), {
        action: 'review.edit_update',
        entityType: 'review_edit',
        entityId: after.id,
        before: { ...before, motivations: beforeMotivations.map(presentMotivation) },
        after: { ...after, motivations: input.motivations },
      });
      const [presented] = await presentEdits(tx, cycle, [after]);
      return presented as PresentedEdit;
    });
  }),

  deleteEdit: secretariatProcedure.input(z.object({ editId: uuid, expectedVersion: versionField })).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await requireEdit(tx, input.editId);
      refuseUnlessPhase(await stageForWrite(tx, before.cycle_id), 'draft_edit');
      const deleted = await deleteReviewEdit(tx, before.id, input.expectedVersion);
      if (!deleted) throw new TRPCError({ code: 'CONFLICT', message: 'review.editConflict' });
      await writeAudit(tx, auditContext(ctx), { action: 'review.edit_delete', entityType: 'review_edit', entityId: before.id, before });
      return { ok: true as const };
    });
  }),

  /** Every edit × the 11 Member States: each state's position (or none) and, per edit, who has not responded. */
  positionsMatrix: secretariatProcedure.input(cycleIdInput).query(async ({ ctx, input }) => {
    const cycle = await requireCycle(ctx.db, input.cycleId);
    const edits = await listReviewEdits(ctx.db, cycle.id);
    const ids = edits.map((e) => e.id);
    const [presented, positions, comments] = await Promise.all([presentEdits(ctx.db, cycle, edits), listPositions(ctx.db, ids), listEditComments(ctx.db, ids)]);
    return {
      memberStates: [...MEMBER_STATE_CODES],
      rows: presented.map((edit) => {
        const own = positions.filter((p) => p.edit_id === edit.id);
        return {
          edit,
          positions: Object.fromEntries(
            MEMBER_STATE_CODES.map((code) => {
              const position = own.find((p) => p.member_state_code === code);
              return [code, position ? presentPosition(position) : null];
            }),
          ) as Record<(typeof MEMBER_STATE_CODES)[number], PresentedPosition | null>,
          nonRespondents: nonRespondents(own.map((p) => p.member_state_code)),
          comments: comments.filter((c) => c.edit_id === edit.id).map(presentComment),
        };
      }),
      /** States that have recorded no position on any edit. */
      silentStates: nonRespondents(positions.map((p) => p.member_state_code)),
    };
  }),

  // ----- secretariat: finalisation and adoption ----------------------------------------------------------------------

  /** Accept, accept with changes (the final text replaces the proposal) or reject; resolving again replaces the resolution. */
  resolveEdit: secretariatProcedure.input(resolutionInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const edit = await requireEdit(tx, input.editId);
      const cycle = await requireCycle(tx, edit.cycle_id);
      refuseUnlessPhase(await stageForWrite(tx, cycle.id), 'resolve');
      if (input.finalPayload) checkApplies(await baseCatalogue(tx, cycle), input.finalPayload, 'finalPayload');
      // The resolution is of the version the Secretariat looked at; bumping it makes a concurrent resolution conflict.
      const bumped = await bumpReviewEditVersion(tx, edit.id, input.expectedVersion, { userId: ctx.user.id, now: new Date() });
      if (!bumped) throw new TRPCError({ code: 'CONFLICT', message: 'review.editConflict' });
      const [before] = await listResolutions(tx, [edit.id]);
      const after = await upsertReviewResolution(tx, edit.id, {
        kind: input.kind,
        finalPayload: input.finalPayload,
        answer: input.answer,
        resolvedBy: ctx.user.id,
        resolvedAt: new Date(),
      });
      await writeAudit(tx, auditContext(ctx), { action: 'review.edit_resolve', entityType: 'review_edit', entityId: edit.id, before: before ?? null, after });
      const [presented] = await presentEdits(tx, cycle, [bumped]);
      return presented as PresentedEdit;
    });
  }),

  answerPosition: secretariatProcedure.input(answerInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await findReviewPosition(tx, input.id);
      if (!before) throw notFound('review.positionNotFound');
      const edit = await requireEdit(tx, before.edit_id);
      refuseUnlessPhase(await stageForWrite(tx, edit.cycle_id), 'answer');
      const after = await answerReviewPosition(tx, before.id, { answer: input.answer, answeredBy: ctx.user.id, answeredAt: new Date() });
      await writeAudit(tx, auditContext(ctx), { action: 'review.position_answer', entityType: 'review_position', entityId: before.id, before, after });
      return presentPosition(after);
    });
  }),

  answerComment: secretariatProcedure.input(answerInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await findReviewComment(tx, input.id);
      if (!before) throw notFound('review.commentNotFound');
      const edit = await requireEdit(tx, before.edit_id);
      refuseUnlessPhase(await stageForWrite(tx, edit.cycle_id), 'answer');
      const after = await answerReviewComment(tx, before.id, { answer: input.answer, answeredBy: ctx.user.id, answeredAt: new Date() });
      await writeAudit(tx, auditContext(ctx), { action: 'review.comment_answer', entityType: 'review_comment', entityId: before.id, before, after });
      const [row] = (await listEditComments(tx, [before.edit_id])).filter((r) => r.id === before.id);
      return presentComment(row as NonNullable<typeof row>);
    });
  }),

  /**
   * In one transaction: refuses while any edit is unresolved, applies the accepted (or finally worded) edits to the base
   * edition, makes the result the current edition, ends the adoption phase and publishes the cycle's record.
   */
  adopt: secretariatProcedure
    .input(
      z.object({
        cycleId: uuid,
        title: z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(300, { error: 'validation.tooLong' }),
        notes: z.string({ error: 'validation.invalidType' }).trim().max(20_000, { error: 'validation.tooLong' }).nullish().transform((v) => v || null),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const cycle = await requireCycle(tx, input.cycleId, { lock: true });
        const beforePhases = await listCyclePhases(tx, [cycle.id]);
        const stage = cycleStage(phaseDates(beforePhases), cycle.closed_at);
        refuseUnlessPhase(stage, 'adopt');
        // Edits are written against the base; if another edition was adopted since, applying them would drop its changes.
        // The current edition is read under the adoption lock, so of two adoptions on one base the second waits and is
        // refused (review.baseNotCurrent) instead of superseding the first.
        const draft = await readinessOf(tx, cycle, await lockEditionsForAdoption(tx));
        if (!draft.ok) throw notReadyRefusal(draft.problems);
        const now = new Date();
        const edition = await adoptReviewedEdition(tx, {
          catalogue: draft.catalogue,
          title: input.title,
          notes: input.notes,
          reviewCycleId: cycle.id,
          adoptedBy: ctx.user.id,
          audit: auditContext(ctx),
        });
        await setCyclePhaseActuals(tx, cycle.id, 'adoption', { actual_end: now });
        const after = await markReviewCycleAdopted(tx, cycle.id, edition.number, now);
        const phases = await listCyclePhases(tx, [cycle.id]);
        await writeAudit(tx, auditContext(ctx), {
          action: 'review.adopt',
          entityType: 'review_cycle',
          entityId: cycle.id,
          before: { ...cycle, phases: beforePhases },
          after: { ...after, phases, editionNumber: edition.number, appliedEdits: draft.applied },
        });
        return { cycle: presentCycle(after, phases), editionNumber: edition.number, appliedEdits: draft.applied };
      });
    }),

  /**
   * Closes a cycle without adopting: the way forward for a cycle that can never be adopted because another cycle's
   * adoption superseded its base edition (or that the Secretariat abandons). Any stage before adopted. The reason — and,
   * with `superseded`, the edition that replaced the base, read under the editions' adoption lock — is shown on the
   * public cycle record. Its edits, positions and comments stay readable as before; every write is refused from now on
   * (core `phaseAllows` → `review.cycleClosed`). `expectedVersion` is the version the screen showed.
   */
  closeCycle: secretariatProcedure.input(closeCycleInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const cycle = await requireCycle(tx, input.cycleId, { lock: true });
      const beforePhases = await listCyclePhases(tx, [cycle.id]);
      const stage = cycleStage(phaseDates(beforePhases), cycle.closed_at);
      const decision = closeDecision(stage);
      if (!decision.ok) throw new TRPCError({ code: 'CONFLICT', message: decision.reason });
      if (cycle.version !== input.expectedVersion) throw new TRPCError({ code: 'CONFLICT', message: 'review.cycleConflict' });
      let supersededBy: number | null = null;
      if (input.superseded) {
        const current = await lockEditionsForAdoption(tx);
        if (current === null || current === cycle.base_edition_number) throw new FieldError('BAD_REQUEST', { superseded: ['review.baseStillCurrent'] });
        supersededBy = current;
      }
      const now = new Date();
      const after = await markReviewCycleClosed(tx, cycle.id, { closedAt: now, closedBy: ctx.user.id, reason: input.reason ?? null, supersededBy });
      await writeAudit(tx, auditContext(ctx), {
        action: 'review.cycle_close',
        entityType: 'review_cycle',
        entityId: cycle.id,
        before: { stage, closed_at: null },
        after: { stage: 'closed', reachedStage: stage, closed_at: after.closed_at, closed_reason: after.closed_reason, closed_superseded_by: supersededBy },
      });
      return presentCycle(after, beforePhases);
    });
  }),

  /** Planned against actual per phase and overall, for one cycle or all; CSV for spreadsheets. */
  timelinessReport: secretariatProcedure
    .input(z.object({ format: z.enum(['json', 'csv'], { error: 'validation.invalidOption' }), cycleId: uuid.optional() }))
    .query(async ({ ctx, input }) => {
      const cycles = input.cycleId ? [await requireCycle(ctx.db, input.cycleId)] : await listReviewCycles(ctx.db);
      const phases = await listCyclePhases(ctx.db, cycles.map((c) => c.id));
      const presented = cycles.map((c) => presentCycle(c, phases));
      const generatedAt = new Date().toISOString();
      const stamp = generatedAt.slice(0, 10);
      if (input.format === 'json') {
        const report = presented.map((c) => ({ id: c.id, title: c.title, stage: c.stage, overall: c.timeliness, phases: c.phases }));
        return { filename: `review-timeliness-${stamp}.json`, contentType: 'application/json', body: JSON.stringify({ generatedAt, cycles: report }, null, 2), cycles: report };
      }
      return {
        filename: `review-timeliness-${stamp}.csv`,
        contentType: 'text/csv',
        body: Papa.unparse(timelinessRows(presented), { escapeFormulae: true }),
        cycles: presented.map((c) => ({ id: c.id, title: c.title, stage: c.stage, overall: c.timeliness, phases: c.phases })),
      };
    }),
});

// Re-validated on read by the apps; exported for their forms.
export { frameworkDocumentSchema };
