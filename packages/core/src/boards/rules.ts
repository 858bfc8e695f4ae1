import { countsTowardsTargets, evaluateTargets, type BoardTarget, type SeatForTargets } from './targets';
import { SCORE_MAX, type AttendanceStatus, type BoardStatus } from './vocabulary';

// ---------------------------------------------------------------------------------------------------------------------
// Dates. Board lives and seat terms are calendar dates (`YYYY-MM-DD`), compared as strings: ISO dates sort in time order.

/** The UTC calendar date of an instant. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * Board dates (lives, seat terms, the day a seat ended) are calendar days at the ASEAN Secretariat in Jakarta, for the
 * server and both apps alike: a seat the Secretariat gives "from today" counts today, wherever the server runs (UTC)
 * and whatever the clock of the browser it was given from.
 */
export const BOARD_TIME_ZONE = 'Asia/Jakarta';

const boardDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BOARD_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date of an instant at the Secretariat (`YYYY-MM-DD`). */
export function boardDay(instant: Date): string {
  return boardDayFormat.format(instant);
}

export interface BoardLife {
  startsOn: string;
  /** null: the board has no planned end. */
  endsOn: string | null;
}

export interface SeatTerm {
  termStartsOn: string;
  termEndsOn: string;
}

export type TermCheck =
  | { ok: true }
  | {
      ok: false;
      field: 'termStartsOn' | 'termEndsOn';
      reason:
        | 'board.validation.seatStartsBeforeBoard'
        | 'board.validation.seatEndsAfterBoard'
        | 'board.validation.termEndsBeforeStart';
    };

/** A seat cannot start before its board's life begins or end after it ends (an open-ended board bounds only the start). */
export function seatTermWithinBoardLife(life: BoardLife, term: SeatTerm): TermCheck {
  if (term.termEndsOn < term.termStartsOn)
    return { ok: false, field: 'termEndsOn', reason: 'board.validation.termEndsBeforeStart' };
  if (term.termStartsOn < life.startsOn)
    return { ok: false, field: 'termStartsOn', reason: 'board.validation.seatStartsBeforeBoard' };
  if (life.endsOn !== null && term.termEndsOn > life.endsOn)
    return { ok: false, field: 'termEndsOn', reason: 'board.validation.seatEndsAfterBoard' };
  return { ok: true };
}

export interface SeatSpan extends SeatTerm {
  /** The first day the seat no longer held, when it was ended early (resignation, removal); null while not ended. */
  endedOn: string | null;
}

/** Whether a seat is held on `day`: within its term and not ended on or before that day. */
export function seatHeldOn(seat: SeatSpan, day: string): boolean {
  return seat.termStartsOn <= day && day <= seat.termEndsOn && (seat.endedOn === null || day < seat.endedOn);
}

/**
 * Whether a member still held their seat when a session started, for counting who was invited: not if the seat was
 * ended (resignation, removal, account deletion) before the start — recorded before it, or dated to an earlier day —
 * nor if its term ran out before the session's day. The term's start is not checked: a member invited to a session
 * was seated when invited, and a seat given "from today" must count for a session earlier today.
 */
export function seatHeldAt(
  seat: { termEndsOn: string; endedOn: string | null; endedAt: Date | null },
  startsAt: Date,
): boolean {
  const day = boardDay(startsAt);
  if (seat.termEndsOn < day) return false;
  if (seat.endedAt === null || seat.endedOn === null) return true;
  return !(seat.endedAt.getTime() <= startsAt.getTime() || seat.endedOn < day);
}

// ---------------------------------------------------------------------------------------------------------------------
// Board status

const BOARD_TRANSITIONS: Record<BoardStatus, readonly BoardStatus[]> = {
  // A board that never got going can be dissolved without being activated.
  forming: ['active', 'dissolved'],
  active: ['dissolved'],
  dissolved: [],
};

export function canTransitionBoard(from: BoardStatus, to: BoardStatus): boolean {
  return BOARD_TRANSITIONS[from].includes(to);
}

/** Seats are filled while forming or active; a dissolved board takes no one. */
export function boardTakesSeats(status: BoardStatus): boolean {
  return status !== 'dissolved';
}

/** Calls for nominations accept applications between their dates, and never for a dissolved board. */
export function callIsOpen(
  call: { opensAt: Date; closesAt: Date; closedAt?: Date | null },
  status: BoardStatus,
  now: Date,
): boolean {
  const t = now.getTime();
  if (status === 'dissolved') return false;
  if (call.closedAt && call.closedAt.getTime() <= t) return false;
  return call.opensAt.getTime() <= t && t < call.closesAt.getTime();
}

// ---------------------------------------------------------------------------------------------------------------------
// Participation

export interface SessionParticipationInput {
  sessionId: string;
  startsAt: Date;
  invitedUserIds: readonly string[];
  /**
   * Who held a seat on the board on the session's day. An invitation of anyone else (a member who resigned, was removed
   * or deleted their account before the session) is not counted: they could not take part as a member any more.
   */
  seatedUserIds: readonly string[];
  /** Recorded by the secretariat after the session. A person recorded but not invited (a walk-in member) counts as invited. */
  attendance: Readonly<Record<string, AttendanceStatus>>;
}

export interface ParticipationRate {
  invited: number;
  present: number;
  /** Present ÷ invited, in % with one decimal; null when nobody was invited or the session is not held yet (no rate, rather than 0 %). */
  rate: number | null;
}

const rateOf = (present: number, invited: number) =>
  invited === 0 ? null : Math.round((present * 1000) / invited) / 10;

/**
 * The people a session's rate is about: everyone invited or recorded who still held a seat on the session's day, and
 * anyone recorded present (they took part, whatever became of their seat).
 */
function countedPeople(session: SessionParticipationInput): string[] {
  const seated = new Set(session.seatedUserIds);
  const candidates = new Set([...session.invitedUserIds, ...Object.keys(session.attendance)]);
  return [...candidates].filter((id) => seated.has(id) || session.attendance[id] === 'present');
}

const heldBy = (session: { startsAt: Date }, now: Date) => session.startsAt.getTime() <= now.getTime();

/**
 * Participation rate of one session: members recorded present ÷ members invited (and still seated). Excused absences
 * count as absent — the measure is how many took part, not how many had a reason not to. A session not yet held
 * (starts after `now`) has no rate.
 */
export function sessionParticipation(
  session: SessionParticipationInput,
  now: Date,
): ParticipationRate & { held: boolean } {
  const invited = countedPeople(session);
  const present = invited.filter((id) => session.attendance[id] === 'present').length;
  const held = heldBy(session, now);
  return { invited: invited.length, present, rate: held ? rateOf(present, invited.length) : null, held };
}

export interface MemberParticipation extends ParticipationRate {
  userId: string;
  /** Each held session the member was invited to, oldest first, with what was recorded (null: nothing recorded). */
  history: { sessionId: string; startsAt: Date; status: AttendanceStatus | null }[];
}

/** Per member over time: every session held by `now` that the member was invited to (while seated), and their overall rate. */
export function participationByMember(
  sessions: readonly SessionParticipationInput[],
  now: Date,
): MemberParticipation[] {
  const held = sessions
    .filter((s) => heldBy(s, now))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const members = new Map<string, MemberParticipation>();
  for (const session of held) {
    for (const userId of countedPeople(session)) {
      const member = members.get(userId) ?? { userId, invited: 0, present: 0, rate: null, history: [] };
      const status = session.attendance[userId] ?? null;
      member.invited++;
      if (status === 'present') member.present++;
      member.history.push({ sessionId: session.sessionId, startsAt: session.startsAt, status });
      members.set(userId, member);
    }
  }
  return [...members.values()].map((m) => ({ ...m, rate: rateOf(m.present, m.invited) }));
}

// ---------------------------------------------------------------------------------------------------------------------
// Satisfaction and trust survey

/** Fewer unsigned answers than this in one session are never aggregated: with two answers, each is nearly readable. */
export const SURVEY_ANONYMITY_MINIMUM = 3;

export interface SurveyAnswer {
  satisfaction: number;
  trust: number;
  signed: boolean;
}

export interface ScaleSummary {
  mean: number | null;
  /** Count of answers 1..5 (index 0 is "1"). */
  distribution: [number, number, number, number, number];
}

export interface SurveyAggregate {
  responses: number;
  /** True when only the count may be shown; `withheldBecause` says why. */
  suppressed: boolean;
  /**
   * - `survey_open`: answers can still arrive, and comparing the aggregate before and after one member's answer (whose
   *   timing the audit log shows) would reveal it; results appear once the survey is closed.
   * - `too_few_unsigned`: one or two unsigned answers; subtracting the signed answers (shown by name) would reveal them.
   */
  withheldBecause: 'survey_open' | 'too_few_unsigned' | null;
  satisfaction: ScaleSummary | null;
  trust: ScaleSummary | null;
}

function summarise(values: number[]): ScaleSummary {
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const v of values) if (v >= 1 && v <= 5) distribution[v - 1]!++;
  const mean =
    values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) * 100) / values.length) / 100;
  return { mean, distribution };
}

/** The aggregate of one session's survey, or only its count while showing more could identify an unsigned answer. */
export function aggregateSurvey(
  answers: readonly SurveyAnswer[],
  options: { closed: boolean },
): SurveyAggregate {
  const unsigned = answers.filter((a) => !a.signed).length;
  const withheldBecause =
    unsigned > 0 && !options.closed
      ? 'survey_open'
      : unsigned > 0 && unsigned < SURVEY_ANONYMITY_MINIMUM
        ? 'too_few_unsigned'
        : null;
  if (withheldBecause || answers.length === 0)
    return {
      responses: answers.length,
      suppressed: withheldBecause !== null,
      withheldBecause,
      satisfaction: null,
      trust: null,
    };
  return {
    responses: answers.length,
    suppressed: false,
    withheldBecause: null,
    satisfaction: summarise(answers.map((a) => a.satisfaction)),
    trust: summarise(answers.map((a) => a.trust)),
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Nomination scoring

export interface SelectionCriterion {
  key: string;
  weight: number;
}

export interface NominationScore {
  /** Weighted score in % (one decimal) of the best possible; unscored criteria count as 0. null when the board has no criteria. */
  total: number | null;
  complete: boolean;
  missing: string[];
}

/**
 * Scores are 0..SCORE_MAX per criterion, weighted. A missing score counts as 0, so leaving a criterion unscored never
 * raises a nominee above one scored on everything; `complete` says whether every criterion was scored.
 */
export function scoreNomination(
  criteria: readonly SelectionCriterion[],
  scores: Readonly<Record<string, number>>,
): NominationScore {
  if (criteria.length === 0) return { total: null, complete: true, missing: [] };
  const missing = criteria.filter((c) => scores[c.key] === undefined).map((c) => c.key);
  const best = criteria.reduce((sum, c) => sum + c.weight * SCORE_MAX, 0);
  const got = criteria.reduce(
    (sum, c) => sum + c.weight * Math.min(SCORE_MAX, Math.max(0, scores[c.key] ?? 0)),
    0,
  );
  return {
    total: best === 0 ? null : Math.round((got * 1000) / best) / 10,
    complete: missing.length === 0,
    missing,
  };
}

/** Criterion keys in `scores` that the board does not have (a stale form after the criteria changed). */
export function unknownCriteria(
  criteria: readonly SelectionCriterion[],
  scores: Readonly<Record<string, number>>,
): string[] {
  const keys = new Set(criteria.map((c) => c.key));
  return Object.keys(scores).filter((k) => !keys.has(k));
}

// ---------------------------------------------------------------------------------------------------------------------
// The four C2.1 measures over time

export type MeasurePeriod = 'month' | 'quarter';

export interface Period {
  key: string;
  /** First instant of the period (UTC). */
  start: Date;
  /** First instant after it. */
  end: Date;
}

/** The UTC months or quarters from the one containing `from` to the one containing `to`, oldest first. */
export function periodsBetween(from: Date, to: Date, period: MeasurePeriod): Period[] {
  const step = period === 'month' ? 1 : 3;
  let year = from.getUTCFullYear();
  let month = Math.floor(from.getUTCMonth() / step) * step;
  const out: Period[] = [];
  while (Date.UTC(year, month) <= to.getTime() && out.length < 600) {
    const start = new Date(Date.UTC(year, month));
    const end = new Date(Date.UTC(year, month + step));
    const key =
      period === 'month' ? `${year}-${String(month + 1).padStart(2, '0')}` : `${year}-Q${month / 3 + 1}`;
    out.push({ key, start, end });
    month += step;
    if (month >= 12) {
      month -= 12;
      year++;
    }
  }
  return out;
}

export interface MeasuresInput {
  from: Date;
  now: Date;
  period: MeasurePeriod;
  targets: readonly BoardTarget[];
  /** Constituency keys of vulnerable, at-risk or marginalised communities. */
  marginalised: readonly string[];
  seats: readonly (SeatSpan & SeatForTargets)[];
  sessions: readonly SessionParticipationInput[];
  /** When each member input and each nomination was made. */
  inputsAt: readonly Date[];
  nominationsAt: readonly Date[];
  /** Survey answers with the start of the session they are about. Sessions whose aggregate is withheld are left out. */
  surveys: readonly {
    sessionId: string;
    sessionStartsAt: Date;
    closed: boolean;
    answers: readonly SurveyAnswer[];
  }[];
}

export interface PeriodMeasures {
  period: string;
  start: Date;
  end: Date;
  /** Measured at the period's last day (or today for the current period). */
  representation: {
    countedSeats: number;
    marginalisedPercent: number | null;
    targetsMet: number;
    targetsTotal: number;
  };
  participation: ParticipationRate & { sessions: number };
  engagement: { inputs: number; nominations: number; total: number };
  /** Means on the 1–5 scale over the sessions held in the period whose aggregate may be shown. */
  satisfaction: { responses: number; satisfactionMean: number | null; trustMean: number | null };
}

const within = (d: Date, p: Period) => d.getTime() >= p.start.getTime() && d.getTime() < p.end.getTime();

/**
 * C2.1.1's four measures of progress per period: representation on the board, participation rate in sessions,
 * stakeholder engagement (member inputs and nominations received) and community satisfaction and trust. Periods run
 * from `from` (usually the board's creation) to `now`.
 */
export function boardMeasures(input: MeasuresInput): PeriodMeasures[] {
  const marginalised = new Set(input.marginalised);
  return periodsBetween(input.from, input.now, input.period).map((p) => {
    // The current period is measured today at the Secretariat (where seat terms are dated); past ones on their last day.
    const lastDay =
      p.end.getTime() - 1 >= input.now.getTime()
        ? boardDay(input.now)
        : utcDay(new Date(p.end.getTime() - 1));
    const held = input.seats.filter((s) => seatHeldOn(s, lastDay));
    const counted = held.filter(countsTowardsTargets);
    const marginalisedSeats = counted.filter((s) => s.constituencies.some((c) => marginalised.has(c))).length;
    const evaluations = evaluateTargets(input.targets, held);

    const sessions = input.sessions.filter(
      (s) => within(s.startsAt, p) && s.startsAt.getTime() <= input.now.getTime(),
    );
    let invited = 0;
    let present = 0;
    for (const s of sessions) {
      const r = sessionParticipation(s, input.now);
      invited += r.invited;
      present += r.present;
    }

    const inputs = input.inputsAt.filter((d) => within(d, p)).length;
    const nominations = input.nominationsAt.filter((d) => within(d, p)).length;

    const shown = input.surveys
      .filter(
        (s) => within(s.sessionStartsAt, p) && !aggregateSurvey(s.answers, { closed: s.closed }).suppressed,
      )
      .flatMap((s) => s.answers);
    const mean = (values: number[]) =>
      values.length === 0
        ? null
        : Math.round((values.reduce((a, b) => a + b, 0) * 100) / values.length) / 100;

    return {
      period: p.key,
      start: p.start,
      end: p.end,
      representation: {
        countedSeats: counted.length,
        marginalisedPercent:
          counted.length === 0 ? null : Math.round((marginalisedSeats * 1000) / counted.length) / 10,
        targetsMet: evaluations.filter((e) => e.met).length,
        targetsTotal: evaluations.length,
      },
      participation: { sessions: sessions.length, invited, present, rate: rateOf(present, invited) },
      engagement: { inputs, nominations, total: inputs + nominations },
      satisfaction: {
        responses: shown.length,
        satisfactionMean: mean(shown.map((a) => a.satisfaction)),
        trustMean: mean(shown.map((a) => a.trust)),
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Session windows

/** Members may send input and answer the survey until this many days after a session ends. */
export const SESSION_FEEDBACK_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/** RSVPs are for sessions that have not started. */
export function rsvpIsOpen(session: { startsAt: Date }, now: Date): boolean {
  return now.getTime() < session.startsAt.getTime();
}

/** Input is welcome before a session (preparation) and for a while after it (follow-up), not forever. */
export function sessionAcceptsInput(session: { endsAt: Date }, now: Date): boolean {
  return now.getTime() < session.endsAt.getTime() + SESSION_FEEDBACK_WINDOW_DAYS * DAY_MS;
}

export interface SurveyWindow {
  startsAt: Date;
  endsAt: Date;
  /** Set when the Secretariat closed the survey early. */
  surveyClosedAt?: Date | null;
}

/** The satisfaction and trust survey is about a session that took place: from its start until the window closes or the Secretariat closes it. */
export function surveyIsOpen(session: SurveyWindow, now: Date): boolean {
  if (session.surveyClosedAt && session.surveyClosedAt.getTime() <= now.getTime()) return false;
  return session.startsAt.getTime() <= now.getTime() && sessionAcceptsInput(session, now);
}

/** No further answer can arrive: the set of answers is final, so its aggregate can be shown without being differenced. */
export function surveyIsClosed(session: SurveyWindow, now: Date): boolean {
  return session.startsAt.getTime() <= now.getTime() && !surveyIsOpen(session, now);
}
