// Helpers of the review router's procedure files: stages, lookups that refuse, content access, adoption readiness.
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { assessmentInput } from '@musyawarah/core';
import {
  adoptionReadiness,
  checkRatings,
  cycleStage,
  cycleContentAccess,
  phaseAllows,
  previewEdit,
  readFrameworkDocument,
  previewFinal,
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
  findReviewCycleClosure,
  insertReviewAssessment,
  listCycleAssessmentIds,
  listSubmittedContributionIds,
  updateReviewAssessment,
  findEditionCatalogue,
  findFramework,
  findReviewAssessment,
  findReviewCycle,
  findReviewEdit,
  listCitedContributions,
  listCyclePhases,
  listEditComments,
  listEditMotivations,
  listPositions,
  listResolutions,
  listReviewEdits,
  lockReviewCycle,
  shareLockReviewCycle,
  writeAudit,
  type Executor,
  type ReviewCycle,
  type ReviewEdit,
} from '@musyawarah/db';
import type { Context } from '../../context';
import { FieldError, notFound } from '../../errors';
import { auditContext } from '../../trpc';
import {
  iso,
  phaseDates,
  presentAssessment,
  presentMotivation,
  presentPosition,
  visibleComments,
} from './presenters';

/**
 * A refusal that names what it is about: the message is the reason (`review.unresolvedEdits`), the field errors name
 * the edits (`edits.<id>`), so the adoption screen can link to each one still open.
 */
export class ReviewRefusal extends FieldError {
  constructor(reason: string, fieldErrors: Record<string, string[]>) {
    super('CONFLICT', fieldErrors);
    this.message = reason;
  }
}

/** Where the cycle is: `closed` once closed without adopting, otherwise from its phase dates. */
export async function stageOf(db: Executor, cycleId: string): Promise<CycleStage> {
  const [phases, closure] = await Promise.all([
    listCyclePhases(db, [cycleId]),
    findReviewCycleClosure(db, cycleId),
  ]);
  return cycleStage(phaseDates(phases), closure?.closed_at ?? null);
}

/** The phase a cycle reached, ignoring a closing: who may read a closed cycle's content is decided by it. */
export async function reachedStageOf(db: Executor, cycleId: string): Promise<CycleStage> {
  return cycleStage(phaseDates(await listCyclePhases(db, [cycleId])));
}

/**
 * The stage for a write that depends on it: the cycle row is share-locked first, so a concurrent phase change either
 * waits for this write or this write waits for it and sees the new phase (never a write in a phase that has ended).
 */
export async function stageForWrite(tx: Executor, cycleId: string): Promise<CycleStage> {
  await shareLockReviewCycle(tx, cycleId);
  return stageOf(tx, cycleId);
}

export function refuseUnlessPhase(stage: CycleStage, activity: ReviewActivity) {
  const check = phaseAllows(stage, activity);
  if (!check.ok) throw new TRPCError({ code: 'CONFLICT', message: check.reason });
}

export async function requireCycle(db: Executor, cycleId: string, options: { lock?: boolean } = {}) {
  const cycle = options.lock ? await lockReviewCycle(db, cycleId) : await findReviewCycle(db, cycleId);
  if (!cycle) throw notFound('review.cycleNotFound');
  return cycle;
}

export async function requireEdit(db: Executor, editId: string) {
  const edit = await findReviewEdit(db, editId);
  if (!edit) throw notFound('review.editNotFound');
  return edit;
}

export async function baseCatalogue(db: Executor, cycle: ReviewCycle): Promise<Catalogue> {
  const found = await findEditionCatalogue(db, cycle.base_edition_number);
  if (!found) throw notFound('review.editionNotFound');
  return found;
}

export async function frameworkOf(db: Executor, version: number): Promise<FrameworkDocument> {
  const framework = await findFramework(db, version);
  if (!framework) throw notFound('review.frameworkNotFound');
  return readFrameworkDocument(framework.document);
}

/** The edits of a cycle with their diffs against the base edition, motivations and resolutions. */
export async function presentEdits(db: Executor, cycle: ReviewCycle, edits: readonly ReviewEdit[]) {
  const ids = edits.map((e) => e.id);
  const [base, motivations, resolutions] = await Promise.all([
    baseCatalogue(db, cycle),
    listEditMotivations(db, ids),
    listResolutions(db, ids),
  ]);
  return edits.map((edit) => {
    const payload = edit.payload as ProposedEdit;
    const preview = previewEdit(base, payload);
    const resolution = resolutions.find((r) => r.edit_id === edit.id);
    const final = resolution?.final_payload
      ? previewFinal(base, payload, resolution.final_payload as ProposedEdit)
      : null;
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
export function mayReadContent(cycle: ReviewCycle, reached: CycleStage, viewer: { role: Role } | null) {
  return cycleContentAccess(
    { audience: cycle.audience, published: cycle.published_at !== null },
    reached,
    viewer,
  );
}

/** Every procedure that returns a cycle's content refuses with the same rule (`cycleContentAccess`). */
export async function requireContentAccess(db: Executor, cycle: ReviewCycle, viewer: { role: Role } | null) {
  const access = mayReadContent(cycle, await reachedStageOf(db, cycle.id), viewer);
  if (!access.ok) throw new TRPCError({ code: 'FORBIDDEN', message: access.reason });
}

/** The public record of an adopted cycle: what the edition changed, why, and who said what. */
export async function publicRecord(db: Executor, cycle: ReviewCycle) {
  const edits = await listReviewEdits(db, cycle.id);
  const ids = edits.map((e) => e.id);
  const [presented, positions, comments] = await Promise.all([
    presentEdits(db, cycle, edits),
    listPositions(db, ids),
    listEditComments(db, ids),
  ]);
  const shown = visibleComments(comments, cycle, null);
  return presented.map((edit) => ({
    ...edit,
    positions: positions.filter((p) => p.edit_id === edit.id).map(presentPosition),
    comments: shown.filter((c) => c.editId === edit.id),
  }));
}

export async function contributionSummaries(db: Executor, ids: readonly string[]) {
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

export async function checkMotivations(
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
    if (m.kind !== 'board_session' && !known.has(m.targetId))
      errors[`motivations.${index}.targetId`] = ['validation.motivationTarget'];
  });
  if (Object.keys(errors).length) throw new FieldError('BAD_REQUEST', errors);
}

export function checkApplies(base: Catalogue, payload: ProposedEdit, field: string) {
  const preview = previewEdit(base, payload);
  if (!preview.ok)
    throw new FieldError('BAD_REQUEST', { [field]: [...new Set(preview.errors.map((e) => e.key))] });
}

/** The cycle's edits with their resolutions, in drafting order, as core's adoption rules take them. */
export async function editsWithResolutions(db: Executor, cycleId: string) {
  const edits = await listReviewEdits(db, cycleId);
  const resolutions = await listResolutions(
    db,
    edits.map((e) => e.id),
  );
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
export async function readinessOf(db: Executor, cycle: ReviewCycle, currentEdition: number | null) {
  const [base, edits] = await Promise.all([baseCatalogue(db, cycle), editsWithResolutions(db, cycle.id)]);
  return adoptionReadiness({
    base,
    baseEditionNumber: cycle.base_edition_number,
    currentEditionNumber: currentEdition,
    edits,
  });
}

/** The refusal for a cycle not ready to adopt: the first reason as the message, every problem on the edits it names. */
export function notReadyRefusal(problems: readonly AdoptionProblem[]) {
  const fieldErrors: Record<string, string[]> = {};
  for (const problem of problems) {
    for (const field of problem.edits.length ? problem.edits.map((id) => `edits.${id}`) : ['edits'])
      (fieldErrors[field] ??= []).push(problem.reason);
  }
  return new ReviewRefusal(problems[0]?.reason ?? 'review.editsDoNotApply', fieldErrors);
}

export async function assessmentScope(db: Executor, cycle: ReviewCycle) {
  const [base, framework] = await Promise.all([
    baseCatalogue(db, cycle),
    frameworkOf(db, cycle.framework_version),
  ]);
  return {
    actionAreas: base.actionAreas.map((a) => ({ id: a.id, title: a.title })),
    criteria: framework.criteria,
    actionAreaIds: base.actionAreas.map((a) => a.id),
    criterionKeys: framework.criteria.map((c) => c.key),
  };
}

export async function saveStateAssessment(
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
    if (before?.status === 'submitted')
      throw new TRPCError({ code: 'CONFLICT', message: 'review.assessmentSubmitted' });
    if ((before ? before.version : null) !== input.expectedVersion)
      throw new TRPCError({ code: 'CONFLICT', message: 'review.assessmentConflict' });
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
