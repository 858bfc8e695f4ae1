import { findActionArea, findSubAction } from '../catalogue';

// Re-exported: they live apart from this module because it loads the catalogue, which the apps must not ship for them.
export { isInAudience, localized, wordCount } from './text';
import {
  RECEIPT_ALPHABET,
  RECEIPT_PREFIX,
  type QuestionKind,
  type RoundAction,
  type RoundPhase,
} from './vocabulary';

// ---------------------------------------------------------------------------------------------------------------------
// Catalogue references

/**
 * The canonical id of a catalogue action area (C2.1) or sub-action (C2.1.1), or null when the catalogue has neither.
 * Ids are matched case-insensitively, so that "c2.1" typed by hand is stored the way the catalogue spells it.
 */
export function resolveCatalogueActionId(id: string): string | null {
  return findActionArea(id)?.id ?? findSubAction(id)?.subAction.id ?? null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Phases

export interface RoundSchedule {
  publishedAt: Date | null;
  opensAt: Date;
  closesAt: Date;
  summaryPublishedAt: Date | null;
}

/**
 * Everything is compared as UTC instants, so a deadline given as `23:59+07:00` closes at 16:59Z for every reader.
 * `closesAt` itself is already closed: a deadline of 23:59 means no submission at 23:59:00.000.
 * Timestamps in the future count as not yet happened, which keeps the phase monotonic in `now` even for a scheduled
 * publication. A published summary wins over the dates: it is the end of the round's life.
 */
export function roundPhase(round: RoundSchedule, now: Date): RoundPhase {
  const t = now.getTime();
  if (round.publishedAt === null || round.publishedAt.getTime() > t) return 'draft';
  if (round.summaryPublishedAt !== null && round.summaryPublishedAt.getTime() <= t)
    return 'summary_published';
  if (t < round.opensAt.getTime()) return 'upcoming';
  if (t < round.closesAt.getTime()) return 'open';
  return 'closed';
}

export type AcceptsContributions =
  { ok: true } | { ok: false; reason: 'round.notOpenYet' | 'round.closed' | 'round.draft' };

/** Drafts, submissions and event registrations alike: the server checks this with its own clock at the moment of writing. */
export function acceptsContributions(round: RoundSchedule, now: Date): AcceptsContributions {
  switch (roundPhase(round, now)) {
    case 'open':
      return { ok: true };
    case 'draft':
      return { ok: false, reason: 'round.draft' };
    case 'upcoming':
      return { ok: false, reason: 'round.notOpenYet' };
    case 'closed':
    case 'summary_published':
      return { ok: false, reason: 'round.closed' };
  }
}

/**
 * Which secretariat actions a phase allows. Decisions:
 * - publish: only a draft; whether it lands in upcoming or open follows from its dates (`roundPhase`).
 * - unpublish: only while upcoming. Once open, participants may have drafts or submissions that must not vanish.
 * - close_early: only while open (it sets closesAt to now).
 * - publish_summary: only once closed, so a summary never describes a round still taking contributions.
 * - reopen: closed → open only (it extends closesAt). Not after a summary: the summary would silently go stale.
 */
export function canTransitionRound(from: RoundPhase, action: RoundAction): boolean {
  switch (action) {
    case 'publish':
      return from === 'draft';
    case 'unpublish':
      return from === 'upcoming';
    case 'close_early':
      return from === 'open';
    case 'publish_summary':
      return from === 'closed';
    case 'reopen':
      return from === 'closed';
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Answers

export const FREE_TEXT_MAX = 10_000;

export interface AnswerableQuestion {
  id: string;
  kind: QuestionKind;
  required: boolean;
  options: readonly unknown[];
  likert?: { points: number } | null;
}

export type AnswerMode = 'draft' | 'submit';

/** Blank text and empty selections count as not answered, so clearing a field in a form is the same as never filling it. */
export function isAnswered(kind: QuestionKind, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (kind === 'free_text' && typeof value === 'string') return value.trim().length > 0;
  if ((kind === 'multiple_choice' || kind === 'ranking') && Array.isArray(value)) return value.length > 0;
  return true;
}

function optionIndexErrors(value: unknown, optionCount: number): string[] {
  if (!Array.isArray(value)) return ['validation.invalidType'];
  const errors = new Set<string>();
  const seen = new Set<number>();
  for (const item of value) {
    if (!Number.isInteger(item)) errors.add('validation.invalidType');
    else if ((item as number) < 0 || (item as number) >= optionCount) errors.add('validation.invalidOption');
    else if (seen.has(item as number)) errors.add('validation.duplicateOption');
    else seen.add(item as number);
  }
  return [...errors];
}

/**
 * The errors of one answer, as translation keys. A draft may leave anything unanswered and may hold a partial ranking
 * (participants rank a few options, save, come back); a submission must answer required questions and rank every option.
 * The shape of whatever is there is checked in both modes, so a draft can never store what a submission could not read.
 */
export function checkAnswer(question: AnswerableQuestion, value: unknown, mode: AnswerMode): string[] {
  if (!isAnswered(question.kind, value))
    return mode === 'submit' && question.required ? ['validation.required'] : [];
  const optionCount = Array.isArray(question.options) ? question.options.length : 0;
  switch (question.kind) {
    case 'free_text':
      if (typeof value !== 'string') return ['validation.invalidType'];
      return value.trim().length > FREE_TEXT_MAX ? ['validation.tooLong'] : [];
    case 'single_choice':
      if (!Number.isInteger(value)) return ['validation.invalidType'];
      return (value as number) < 0 || (value as number) >= optionCount ? ['validation.invalidOption'] : [];
    case 'multiple_choice':
      return optionIndexErrors(value, optionCount);
    case 'likert': {
      if (!Number.isInteger(value)) return ['validation.invalidType'];
      const points = question.likert?.points ?? 0;
      return (value as number) < 1 || (value as number) > points ? ['validation.invalidOption'] : [];
    }
    case 'ranking': {
      const errors = optionIndexErrors(value, optionCount);
      if (errors.length > 0) return errors;
      return mode === 'submit' && (value as unknown[]).length !== optionCount
        ? ['validation.rankingIncomplete']
        : [];
    }
    default:
      return ['validation.invalid'];
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Field errors keyed `answers.<questionId>`. Answers to questions the round does not have are refused rather than
 * dropped: they mean the form and the round disagree, which the participant should hear about before the deadline.
 */
export function validateAnswers(
  questions: readonly AnswerableQuestion[],
  answers: Record<string, unknown>,
  mode: AnswerMode,
): Record<string, string[]> {
  if (!isRecord(answers)) return { answers: ['validation.invalidType'] };
  const errors: Record<string, string[]> = {};
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) errors[`answers.${id}`] = ['validation.unknownQuestion'];
  }
  for (const question of questions) {
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    const found = checkAnswer(question, value, mode);
    if (found.length > 0) errors[`answers.${question.id}`] = found;
  }
  return errors;
}

/** A submission must say something: at least one answered question or one feedback item. */
export function validateSubmission(
  questions: readonly AnswerableQuestion[],
  input: { answers: Record<string, unknown>; items: readonly unknown[] },
): Record<string, string[]> {
  const errors = validateAnswers(questions, input.answers, 'submit');
  const answers = isRecord(input.answers) ? input.answers : {};
  const anyAnswered = questions.some(
    (q) => Object.hasOwn(answers, q.id) && isAnswered(q.kind, answers[q.id]),
  );
  const itemCount = Array.isArray(input.items) ? input.items.length : 0;
  if (!anyAnswered && itemCount === 0)
    errors.items = [...(errors.items ?? []), 'validation.emptyContribution'];
  return errors;
}

// ---------------------------------------------------------------------------------------------------------------------
// Stakeholder mapping

export interface ParticipationRecord {
  stakeholderGroup: string;
  memberState: string | null;
  writtenIn: string;
  /**
   * How many contributions this record stands for (default 1). The API passes one record per group × state × language
   * with its count from a GROUP BY, so a round with a million contributions is tallied from a few hundred rows.
   */
  count?: number;
}

export interface ParticipationCell {
  stakeholderGroup: string;
  memberState: string | null;
  writtenIn: string;
  count: number;
}

export interface ParticipationTally {
  total: number;
  byStakeholderGroup: Record<string, number>;
  /** Participants who did not name a Member State are left out here and counted in `unspecifiedMemberState`. */
  byMemberState: Record<string, number>;
  unspecifiedMemberState: number;
  byLanguage: Record<string, number>;
  /** Largest cells first; ties in group, state (unspecified last), language order, so the table is stable. */
  byGroupStateLanguage: ParticipationCell[];
}

const bump = (counts: Record<string, number>, key: string, by: number) => {
  counts[key] = (counts[key] ?? 0) + by;
};

/**
 * Counts whatever contributions the caller passes: the API decides which count (submitted ones, without those hidden
 * as spam). Records are used as prototype-free maps, so a value like "constructor" cannot collide with Object's keys.
 */
export function tallyParticipation(contributions: readonly ParticipationRecord[]): ParticipationTally {
  const byStakeholderGroup = Object.create(null) as Record<string, number>;
  const byMemberState = Object.create(null) as Record<string, number>;
  const byLanguage = Object.create(null) as Record<string, number>;
  const cells = new Map<string, ParticipationCell>();
  let unspecifiedMemberState = 0;
  let total = 0;
  for (const c of contributions) {
    const n = c.count ?? 1;
    if (n <= 0) continue;
    total += n;
    bump(byStakeholderGroup, c.stakeholderGroup, n);
    if (c.memberState === null) unspecifiedMemberState += n;
    else bump(byMemberState, c.memberState, n);
    bump(byLanguage, c.writtenIn, n);
    const key = JSON.stringify([c.stakeholderGroup, c.memberState, c.writtenIn]);
    const cell = cells.get(key);
    if (cell) cell.count += n;
    else
      cells.set(key, {
        stakeholderGroup: c.stakeholderGroup,
        memberState: c.memberState,
        writtenIn: c.writtenIn,
        count: n,
      });
  }
  const byGroupStateLanguage = [...cells.values()].sort(
    (a, b) =>
      b.count - a.count ||
      a.stakeholderGroup.localeCompare(b.stakeholderGroup) ||
      (a.memberState ?? '\uffff').localeCompare(b.memberState ?? '\uffff') ||
      a.writtenIn.localeCompare(b.writtenIn),
  );
  return {
    total,
    byStakeholderGroup: { ...byStakeholderGroup },
    byMemberState: { ...byMemberState },
    unspecifiedMemberState,
    byLanguage: { ...byLanguage },
    byGroupStateLanguage,
  };
}

export interface RepresentationTargetLike {
  dimension: 'stakeholder_group' | 'member_state' | 'language';
  value: string;
  minimum: number;
}

export interface RepresentationGap<T extends RepresentationTargetLike = RepresentationTargetLike> {
  target: T;
  actual: number;
  shortfall: number;
}

/** Unmet targets only (reaching the minimum exactly meets it), largest shortfall first, ties in the targets' own order. */
export function representationGaps<T extends RepresentationTargetLike>(
  tally: Pick<ParticipationTally, 'byStakeholderGroup' | 'byMemberState' | 'byLanguage'>,
  targets: readonly T[],
): RepresentationGap<T>[] {
  const countsFor = {
    stakeholder_group: tally.byStakeholderGroup,
    member_state: tally.byMemberState,
    language: tally.byLanguage,
  } as const;
  return targets
    .map((target) => {
      const counts = countsFor[target.dimension];
      const actual = Object.hasOwn(counts, target.value) ? (counts[target.value] ?? 0) : 0;
      return { target, actual, shortfall: target.minimum - actual };
    })
    .filter((gap) => gap.shortfall > 0)
    .sort((a, b) => b.shortfall - a.shortfall);
}

// ---------------------------------------------------------------------------------------------------------------------
// Receipts

const RECEIPT_CODE = `[${RECEIPT_ALPHABET}]{4}`;
const RECEIPT_PATTERN = new RegExp(`^${RECEIPT_PREFIX}-\\d{4}-${RECEIPT_CODE}-${RECEIPT_CODE}$`);
const RANDOM_PATTERN = new RegExp(`^[${RECEIPT_ALPHABET}]{8}$`);

/**
 * `MSY-2026-7K3Q-9XTA`. The eight random characters come from the caller (see `receiptCodeFromBytes`), keeping core free
 * of randomness; 40 bits per year make a guessed reference hit someone else's receipt about once in a trillion tries.
 */
export function formatReceiptReference(year: number, randomBase32: string): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`Receipt year must have four digits: ${year}`);
  const code = randomBase32.toUpperCase();
  if (!RANDOM_PATTERN.test(code))
    throw new RangeError('Receipt code must be 8 characters of Crockford base32 (no I, L, O, U)');
  return `${RECEIPT_PREFIX}-${year}-${code.slice(0, 4)}-${code.slice(4)}`;
}

export function isReceiptReference(s: string): boolean {
  return RECEIPT_PATTERN.test(s);
}

/** Eight base32 characters from the first five bytes (40 bits) of a random buffer. */
export function receiptCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 5) throw new RangeError('Need at least 5 random bytes for a receipt code');
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(bytes[i] ?? 0);
  let code = '';
  for (let i = 7; i >= 0; i--) code += RECEIPT_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/**
 * What a participant typed (from a printed or spoken receipt) as a canonical reference, or null. Follows Crockford's
 * decoding, so the look-alikes that references never contain still find the receipt: O→0, I/L→1, spaces and case ignored.
 */
export function normaliseReceiptReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const match = /^MSY(\d{4})([0-9A-Z]{8})$/.exec(compact);
  if (!match) return null;
  const code = (match[2] ?? '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!RANDOM_PATTERN.test(code)) return null;
  return formatReceiptReference(Number(match[1]), code);
}

// ---------------------------------------------------------------------------------------------------------------------
// Languages

// ---------------------------------------------------------------------------------------------------------------------
// Events

/** `registeredCount` is the confirmed registrations before this one; no capacity means nobody waits. */
export function registrationDecision(
  capacity: number | null,
  registeredCount: number,
): 'registered' | 'waitlisted' {
  return capacity === null || registeredCount < capacity ? 'registered' : 'waitlisted';
}

export type RegistrationWindow =
  { ok: true } | { ok: false; reason: 'round.draft' | 'round.closed' | 'errors.eventStarted' };

/**
 * Whether a round's event takes registrations now: from publication (an upcoming round's event can be announced and
 * filled before feedback opens) until the round closes, and never once the event has started. Who may register is
 * the round's audience (`isInAudience`), the same rule as for feedback.
 */
export function acceptsRegistrations(
  round: RoundSchedule,
  event: { startsAt: Date },
  now: Date,
): RegistrationWindow {
  switch (roundPhase(round, now)) {
    case 'draft':
      return { ok: false, reason: 'round.draft' };
    case 'closed':
    case 'summary_published':
      return { ok: false, reason: 'round.closed' };
    case 'upcoming':
    case 'open':
      return now.getTime() >= event.startsAt.getTime()
        ? { ok: false, reason: 'errors.eventStarted' }
        : { ok: true };
  }
}

/** A registration can be cancelled (by its holder or the Secretariat) until the event starts, whatever the round's phase. */
export function canCancelRegistration(
  event: { startsAt: Date },
  now: Date,
): { ok: true } | { ok: false; reason: 'errors.eventStarted' } {
  return now.getTime() >= event.startsAt.getTime()
    ? { ok: false, reason: 'errors.eventStarted' }
    : { ok: true };
}

/**
 * Whether the Secretariat may change a round's event this way, given who registered. Nobody loses a place they were
 * told is theirs: fewer places than people hold is refused (cancel registrations first, each person is told), and so is
 * removing the event while anyone holds or waits for a place — their registrations would be left pointing at nothing.
 * Returns the form field and the message key, or null when the change is fine.
 */
export function eventChangeProblem(
  after: { capacity: number | null } | null,
  counts: { registered: number; waitlisted: number },
): {
  field: 'event' | 'event.capacity';
  message: 'round.eventHasRegistrations' | 'round.capacityBelowRegistered';
} | null {
  if (after === null)
    return counts.registered + counts.waitlisted > 0
      ? { field: 'event', message: 'round.eventHasRegistrations' }
      : null;
  if (after.capacity !== null && after.capacity < counts.registered)
    return { field: 'event.capacity', message: 'round.capacityBelowRegistered' };
  return null;
}

/** What of an event its registrants plan around: when and where (a room, a meeting link or both). */
export interface EventArrangements {
  mode: string;
  venue?: string | null | undefined;
  link?: string | null | undefined;
  startsAt: string;
  endsAt: string;
  timezone: string;
}

/**
 * What changed about an event for the people who hold or wait for a place, so they can be told (an empty list: nothing
 * they plan around — a new capacity or accommodations offered are not news to them). Times compare as instants, so the
 * same moment written with another offset is no change.
 */
export function eventChangesForAttendees(
  before: EventArrangements,
  after: EventArrangements,
): ('time' | 'place')[] {
  const instant = (iso: string) => new Date(iso).getTime();
  const changes: ('time' | 'place')[] = [];
  if (
    instant(before.startsAt) !== instant(after.startsAt) ||
    instant(before.endsAt) !== instant(after.endsAt) ||
    before.timezone !== after.timezone
  )
    changes.push('time');
  if (
    before.mode !== after.mode ||
    (before.venue ?? null) !== (after.venue ?? null) ||
    (before.link ?? null) !== (after.link ?? null)
  )
    changes.push('place');
  return changes;
}

/**
 * After a cancellation: how many people move up from the waitlist, first come first served. A freed place goes to the
 * first waitlisted person; without a capacity everyone waiting moves up (the capacity was removed).
 */
export function placesToFill(
  capacity: number | null,
  registeredCount: number,
  waitlistedCount: number,
): number {
  if (capacity === null) return waitlistedCount;
  return Math.max(0, Math.min(waitlistedCount, capacity - registeredCount));
}
