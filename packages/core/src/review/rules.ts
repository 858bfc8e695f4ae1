import { MEMBER_STATE_CODES, type MemberStateCode, type Role } from '../domain';
import {
  CYCLE_PHASES,
  RATING_MAX,
  RATING_MIN,
  type CycleAudience,
  type CyclePhase,
  type CycleStage,
  type ResolutionKind,
  type ReviewActivity,
} from './vocabulary';

// ---------------------------------------------------------------------------------------------------------------------
// Days

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as `YYYY-MM-DD`, or null when the string is not one (including 2026-02-30). */
export function parseDay(day: string): number | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const t = Date.UTC(year, month - 1, date);
  const back = new Date(t);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date)
    return null;
  return t;
}

/** The UTC calendar day of an instant. Planned dates are days, so actual instants are compared by their UTC day. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseDay(from);
  const b = parseDay(to);
  if (a === null || b === null) throw new RangeError(`Not a calendar day: ${a === null ? from : to}`);
  return Math.round((b - a) / DAY_MS);
}

export function addDays(day: string, days: number): string {
  const t = parseDay(day);
  if (t === null) throw new RangeError(`Not a calendar day: ${day}`);
  return new Date(t + days * DAY_MS).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------------------
// Phases

export interface PhaseDates {
  phase: CyclePhase;
  /** Calendar days, `YYYY-MM-DD`. */
  plannedStart: string;
  plannedEnd: string;
  actualStart: Date | null;
  actualEnd: Date | null;
}

export function phaseIndex(phase: CyclePhase): number {
  return CYCLE_PHASES.indexOf(phase);
}

/**
 * Where the cycle is, from the actual dates: the phase that has started and not ended. A cycle whose adoption
 * phase has ended is adopted (only `adopt` ends it). Phases are read in their fixed order, whatever order they come in.
 * A cycle closed without adopting (`closedAt` set) is `closed` whatever its dates say; without `closedAt` the same dates
 * give the phase it had reached when it was closed.
 */
export function cycleStage(
  phases: readonly Pick<PhaseDates, 'phase' | 'actualStart' | 'actualEnd'>[],
  closedAt: Date | string | null = null,
): CycleStage {
  if (closedAt !== null) return 'closed';
  const ordered = [...phases].sort((a, b) => phaseIndex(a.phase) - phaseIndex(b.phase));
  const open = ordered.find((p) => p.actualStart !== null && p.actualEnd === null);
  if (open) return open.phase;
  const adoption = ordered.find((p) => p.phase === 'adoption');
  if (adoption?.actualEnd) return 'adopted';
  return 'not_started';
}

export type AdvanceDecision =
  | { ok: true; ends: CyclePhase | null; starts: CyclePhase }
  | { ok: false; reason: 'review.advanceToAdopt' | 'review.cycleAdopted' | 'review.cycleClosed' };

/**
 * The next step of "advance phase": end the current phase and start the next, both now. The adoption phase is left only
 * by adopting, never by advancing past it; the API lets a cycle into adoption only when `adoptionReadiness` says adopting
 * would succeed, and lets the Secretariat step back from adoption to finalisation (`returnToFinalisation`).
 */
export function advanceDecision(stage: CycleStage): AdvanceDecision {
  if (stage === 'adopted') return { ok: false, reason: 'review.cycleAdopted' };
  if (stage === 'closed') return { ok: false, reason: 'review.cycleClosed' };
  if (stage === 'adoption') return { ok: false, reason: 'review.advanceToAdopt' };
  if (stage === 'not_started') return { ok: true, ends: null, starts: 'call_for_input' };
  const next = CYCLE_PHASES[phaseIndex(stage) + 1] as CyclePhase;
  return { ok: true, ends: stage, starts: next };
}

/** In which phases each activity may happen. Answers to positions and comments may start as soon as they arrive. */
export const ACTIVITY_PHASES: Record<ReviewActivity, readonly CyclePhase[]> = {
  assess: ['assessment'],
  draft_edit: ['drafting'],
  record_position: ['comment_period'],
  comment: ['comment_period'],
  answer: ['comment_period', 'finalisation'],
  resolve: ['finalisation'],
  adopt: ['adoption'],
};

export type PhaseCheck = { ok: true } | { ok: false; reason: string };

/** The server checks this against the cycle's stage at the moment of writing; the reason is a translation key. */
export function phaseAllows(stage: CycleStage, activity: ReviewActivity): PhaseCheck {
  if (stage === 'adopted') return { ok: false, reason: 'review.cycleAdopted' };
  if (stage === 'closed') return { ok: false, reason: 'review.cycleClosed' };
  if (stage === 'not_started') return { ok: false, reason: 'review.cycleNotStarted' };
  return ACTIVITY_PHASES[activity].includes(stage)
    ? { ok: true }
    : { ok: false, reason: `review.notInPhase.${activity}` };
}

/** Edits are drafted by the Secretariat alone; everyone else reads them from the comment period on. */
export function editsOpenToParticipants(stage: CycleStage): boolean {
  if (stage === 'not_started' || stage === 'closed') return false;
  if (stage === 'adopted') return true;
  return phaseIndex(stage) >= phaseIndex('comment_period');
}

/** The Secretariat and the Member States take part in every cycle; other participants only where the cycle invites them. */
export function isInCycleAudience(audience: CycleAudience, role: Role): boolean {
  return role === 'secretariat' || role === 'member_state' || audience === 'all_participants';
}

export type CycleContentAccess =
  { ok: true } | { ok: false; reason: 'review.notInAudience' | 'review.editsNotOpen' };

/**
 * The one rule for who may read a cycle's content — its edits with their text and rationale, diffs, resolutions,
 * positions and comment threads — whichever procedure returns it:
 *   - the Secretariat, always;
 *   - everyone, signed in or not, once the cycle is adopted and its record published;
 *   - before that, only the cycle's audience (Member States always; other signed-in participants when the audience is
 *     all participants; nobody signed out), and only from the comment period on.
 * Confidential comments are further filtered by `canSeeComment`. A cycle closed without adopting keeps the rule of the
 * phase it had reached: pass that stage (`cycleStage` without `closedAt`), so what its audience could read stays readable.
 */
export function cycleContentAccess(
  cycle: { audience: CycleAudience; published: boolean },
  stage: CycleStage,
  viewer: { role: Role } | null,
): CycleContentAccess {
  if (viewer?.role === 'secretariat') return { ok: true };
  if (stage === 'adopted' && cycle.published) return { ok: true };
  if (!viewer || !isInCycleAudience(cycle.audience, viewer.role))
    return { ok: false, reason: 'review.notInAudience' };
  if (stage === 'adopted' || !editsOpenToParticipants(stage))
    return { ok: false, reason: 'review.editsNotOpen' };
  return { ok: true };
}

export type CloseDecision =
  { ok: true } | { ok: false; reason: 'review.cycleAdopted' | 'review.cycleClosed' };

/**
 * Closing a cycle without adopting — the way forward for a cycle that can no longer be adopted (its base edition was
 * superseded) or that the Secretariat abandons: allowed in any stage before the cycle is adopted, once.
 */
export function closeDecision(stage: CycleStage): CloseDecision {
  if (stage === 'adopted') return { ok: false, reason: 'review.cycleAdopted' };
  if (stage === 'closed') return { ok: false, reason: 'review.cycleClosed' };
  return { ok: true };
}

/** Planned dates from the framework's timeline template: phases follow each other, each lasting its days (≥ 1). */
export function plannedPhasesFrom(
  timeline: readonly { phase: CyclePhase; durationDays: number }[],
  startDay: string,
): { phase: CyclePhase; plannedStart: string; plannedEnd: string }[] {
  let start = startDay;
  return CYCLE_PHASES.map((phase) => {
    const days = Math.max(1, timeline.find((t) => t.phase === phase)?.durationDays ?? 1);
    const plannedStart = start;
    const plannedEnd = addDays(start, days - 1);
    start = addDays(plannedEnd, 1);
    return { phase, plannedStart, plannedEnd };
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Timeliness (measure "timely finalisation of the revised Roadmap")

export type TimelinessStatus = 'not_started' | 'ongoing' | 'on_time' | 'late';

export interface PhaseTimeliness {
  phase: CyclePhase;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  status: TimelinessStatus;
  /** Days past the planned end: of the actual end, or of today while the phase has not ended. 0 when on time. */
  daysLate: number;
  /** Days the phase started after its planned start (0 when on time or not started). */
  startDaysLate: number;
}

export interface CycleTimeliness {
  phases: PhaseTimeliness[];
  overall: {
    plannedStart: string | null;
    plannedEnd: string | null;
    actualStart: string | null;
    actualEnd: string | null;
    status: TimelinessStatus;
    daysLate: number;
    phasesLate: number;
  };
}

/**
 * Planned against actual, by UTC calendar day: a phase that ends on its planned end day is on time, one day later is one
 * day late. A phase still running (or not yet started) past its planned end is already late by the days gone by, so an
 * overdue cycle shows up in the report before it finishes.
 */
export function timeliness(phases: readonly PhaseDates[], now: Date): CycleTimeliness {
  const today = dayOf(now);
  const ordered = [...phases].sort((a, b) => phaseIndex(a.phase) - phaseIndex(b.phase));
  const rows = ordered.map((p): PhaseTimeliness => {
    const actualStart = p.actualStart ? dayOf(p.actualStart) : null;
    const actualEnd = p.actualEnd ? dayOf(p.actualEnd) : null;
    const daysLate = Math.max(0, daysBetween(p.plannedEnd, actualEnd ?? today));
    const startDaysLate = actualStart ? Math.max(0, daysBetween(p.plannedStart, actualStart)) : 0;
    let status: TimelinessStatus;
    if (actualEnd) status = daysLate > 0 ? 'late' : 'on_time';
    else if (daysLate > 0) status = 'late';
    else status = actualStart ? 'ongoing' : 'not_started';
    return {
      phase: p.phase,
      plannedStart: p.plannedStart,
      plannedEnd: p.plannedEnd,
      actualStart,
      actualEnd,
      status,
      daysLate,
      startDaysLate,
    };
  });
  const first = rows[0];
  const last = rows[rows.length - 1];
  const overallLate = last ? Math.max(0, daysBetween(last.plannedEnd, last.actualEnd ?? today)) : 0;
  let status: TimelinessStatus = 'not_started';
  if (last?.actualEnd) status = overallLate > 0 ? 'late' : 'on_time';
  else if (overallLate > 0) status = 'late';
  else if (rows.some((r) => r.actualStart)) status = 'ongoing';
  return {
    phases: rows,
    overall: {
      plannedStart: first?.plannedStart ?? null,
      plannedEnd: last?.plannedEnd ?? null,
      actualStart: first?.actualStart ?? null,
      actualEnd: last?.actualEnd ?? null,
      status,
      daysLate: overallLate,
      phasesLate: rows.filter((r) => r.status === 'late').length,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Member States

/** The Member States that have not responded, in the Roadmap's order (all 11, Timor-Leste included). */
export function nonRespondents(respondents: Iterable<string>): MemberStateCode[] {
  const responded = new Set(respondents);
  return MEMBER_STATE_CODES.filter((code) => !responded.has(code));
}

// ---------------------------------------------------------------------------------------------------------------------
// Assessments

export interface RatingCell {
  actionAreaId: string;
  criterionKey: string;
  rating: number;
  comment?: string | undefined;
}

/**
 * Field errors (`ratings.<index>` → keys) of a state's ratings against the cycle's action areas and the framework's
 * criteria; a submission must also rate every area × criterion (`ratings` → review.assessmentIncomplete).
 */
export function checkRatings(
  ratings: readonly RatingCell[],
  scope: { actionAreaIds: readonly string[]; criterionKeys: readonly string[] },
  mode: 'draft' | 'submit',
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const areas = new Set(scope.actionAreaIds);
  const criteria = new Set(scope.criterionKeys);
  const seen = new Set<string>();
  ratings.forEach((cell, index) => {
    const found: string[] = [];
    if (!areas.has(cell.actionAreaId)) found.push('validation.unknownActionArea');
    if (!criteria.has(cell.criterionKey)) found.push('validation.unknownFrameworkCriterion');
    if (!Number.isInteger(cell.rating) || cell.rating < RATING_MIN || cell.rating > RATING_MAX)
      found.push('validation.invalidOption');
    const key = `${cell.actionAreaId}\u0000${cell.criterionKey}`;
    if (seen.has(key)) found.push('validation.duplicateRating');
    seen.add(key);
    if (found.length) errors[`ratings.${index}`] = found;
  });
  if (mode === 'submit' && unratedCells(ratings, scope).length > 0)
    errors.ratings = ['review.assessmentIncomplete'];
  return errors;
}

/** Area × criterion pairs a state has not rated yet, in catalogue × framework order. */
export function unratedCells(
  ratings: readonly Pick<RatingCell, 'actionAreaId' | 'criterionKey'>[],
  scope: { actionAreaIds: readonly string[]; criterionKeys: readonly string[] },
): { actionAreaId: string; criterionKey: string }[] {
  const rated = new Set(ratings.map((r) => `${r.actionAreaId}\u0000${r.criterionKey}`));
  return scope.actionAreaIds.flatMap((actionAreaId) =>
    scope.criterionKeys
      .filter((criterionKey) => !rated.has(`${actionAreaId}\u0000${criterionKey}`))
      .map((criterionKey) => ({ actionAreaId, criterionKey })),
  );
}

export interface RatingSummary {
  count: number;
  /** Mean rating, rounded to two decimals; null when nobody rated. */
  mean: number | null;
  min: number | null;
  max: number | null;
}

function summarise(values: number[]): RatingSummary {
  if (values.length === 0) return { count: 0, mean: null, min: null, max: null };
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    count: values.length,
    mean: Math.round((sum / values.length) * 100) / 100,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/**
 * Results by action area (per criterion and overall) and by state, from the assessments the caller passes (the API
 * passes submitted ones only). Every area and criterion in scope appears, rated or not, so gaps are visible.
 */
export function summariseAssessments(
  assessments: readonly { memberState: string; ratings: readonly RatingCell[] }[],
  scope: { actionAreaIds: readonly string[]; criterionKeys: readonly string[] },
) {
  const byAction = scope.actionAreaIds.map((actionAreaId) => {
    const cells = assessments.flatMap((a) => a.ratings.filter((r) => r.actionAreaId === actionAreaId));
    return {
      actionAreaId,
      overall: summarise(cells.map((c) => c.rating)),
      byCriterion: Object.fromEntries(
        scope.criterionKeys.map((key) => [
          key,
          summarise(cells.filter((c) => c.criterionKey === key).map((c) => c.rating)),
        ]),
      ),
    };
  });
  const byState = assessments.map((a) => ({
    memberState: a.memberState,
    overall: summarise(a.ratings.map((r) => r.rating)),
    byCriterion: Object.fromEntries(
      scope.criterionKeys.map((key) => [
        key,
        summarise(a.ratings.filter((r) => r.criterionKey === key).map((r) => r.rating)),
      ]),
    ),
  }));
  return { byAction, byState, nonRespondents: nonRespondents(assessments.map((a) => a.memberState)) };
}

// ---------------------------------------------------------------------------------------------------------------------
// Edits, resolutions and adoption

export interface EditWithResolution<P = unknown> {
  id: string;
  payload: P;
  resolution: { kind: ResolutionKind; finalPayload?: P | null } | null;
}

export type AdoptDecision =
  | { ok: true }
  | { ok: false; reason: 'review.unresolvedEdits'; unresolved: string[] }
  | { ok: false; reason: 'review.nothingToAdopt'; unresolved: [] };

/**
 * Adoption is refused while any edit is unresolved (the refusal names them, in the edits' order). A cycle in which every
 * edit was rejected — or that has none — has nothing to adopt: a new edition identical to the old one would only
 * confuse readers comparing editions.
 */
export function canAdopt(edits: readonly Pick<EditWithResolution, 'id' | 'resolution'>[]): AdoptDecision {
  const unresolved = edits.filter((e) => e.resolution === null).map((e) => e.id);
  if (unresolved.length > 0) return { ok: false, reason: 'review.unresolvedEdits', unresolved };
  if (!edits.some((e) => e.resolution && e.resolution.kind !== 'rejected'))
    return { ok: false, reason: 'review.nothingToAdopt', unresolved: [] };
  return { ok: true };
}

/** The payload an edit contributes to the new edition: the final text replaces the proposal; rejected edits contribute nothing. */
export function effectivePayload<P>(edit: EditWithResolution<P>): P | null {
  if (!edit.resolution || edit.resolution.kind === 'rejected') return null;
  if (edit.resolution.kind === 'accepted_with_changes') return edit.resolution.finalPayload ?? null;
  return edit.payload;
}

/** The edits to apply to the base edition, in the order they were drafted. */
export function adoptedPayloads<P>(edits: readonly EditWithResolution<P>[]): P[] {
  return edits.map(effectivePayload).filter((p): p is NonNullable<typeof p> => p !== null);
}

// ---------------------------------------------------------------------------------------------------------------------
// Comments

export interface CommentVisibility {
  confidential: boolean;
  authorUserId: string | null;
}

/**
 * A confidential comment is seen by the Secretariat, the Member States and its author until the cycle's publication
 * day; from that day (UTC) it is public like any other. Everything else is visible to whoever may read the thread.
 */
export function canSeeComment(
  comment: CommentVisibility,
  viewer: { id: string; role: Role } | null,
  publicationDate: string,
  now: Date,
): boolean {
  if (!comment.confidential) return true;
  if (viewer && (viewer.role === 'secretariat' || viewer.role === 'member_state')) return true;
  if (viewer && comment.authorUserId === viewer.id) return true;
  return dayOf(now) >= publicationDate;
}
