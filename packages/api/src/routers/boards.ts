/**
 * AI advisory boards (Roadmap action C2.1, issue #4). Procedures, by who may call them (policy/boards.ts):
 *
 * Public (anyone):
 *   constituencies                 the managed list of constituencies (key, label, marginalised)
 *   listPublic                     published boards (mandate, status, open calls)
 *   getPublic {boardId}            a published board: members who consented to be listed, public minutes, open calls
 *   openCalls                      calls for nominations open now, on published boards
 *
 * Signed in (applicants and members; each sees only their own):
 *   submitNomination {callId, self, …}  apply (self: true), or nominate someone (by name and e-mail)
 *   myNominations                  my applications and nominations, with the decision and the reason for a decline
 *   withdrawNomination {nominationId}
 *   myBoards                       boards where I hold a seat: my seat, upcoming sessions with my RSVP, surveys to answer
 *   memberBoard {boardId}          a board I sit on: fellow members, sessions with minutes for members, my training
 *   memberSession {sessionId}      a session of a board I sit on: agenda, my RSVP, my inputs, whether I answered the survey
 *   rsvp {sessionId, response, …}
 *   submitInput {sessionId, agendaItemId?, actionId?, text}
 *   answerSurvey {sessionId, satisfaction, trust, comment?, signed}
 *   updateMySeat {seatId, gender?, listedPublicly, conflictOfInterest?}   the self-declared parts of my seat
 *
 * Secretariat:
 *   adminList, adminGet {boardId}, create, update {boardId, expectedVersion, board}, transition {boardId, status},
 *   setTargets {boardId, targets}, addConstituency
 *   seats {boardId, includeEnded}, addSeat, updateSeat, endSeat
 *   calls {boardId}, createCall, updateCall, closeCall {callId}
 *   nominations {boardId, status?}, scoreNomination, acceptNomination, declineNomination
 *   sessions {boardId}, session {sessionId}, createSession, updateSession {sessionId, session}, invite, recordAttendance,
 *   saveMinutes, surveyResults {sessionId}, closeSurvey {sessionId}
 *   training {boardId}, addTraining, updateTraining
 *   monitor {boardId}              current composition against every target, unmet ones flagged
 *   participation {boardId}        rate per session and per member over time
 *   measures {boardId, period}     the four C2.1 measures per month or quarter
 *
 * Decisions: membership is a seat that has not been ended (`ended_at is null`); it is what grants a member access to
 * their board. A nominee is named by e-mail and must have an active account with that address when the nomination is
 * accepted (otherwise the acceptance is refused with `board.nomineeHasNoAccount`, and the Secretariat asks the nominee
 * to register). Seats are filled under a lock on the board row, so the last seat goes to exactly one acceptance.
 * Capacity counts every seat not ended, observers included; targets count chairs, vice-chairs and members only
 * (`countsTowardsTargets`). Survey answers: an unsigned answer is stored without user or time, and the Secretariat sees
 * aggregates only once the survey is closed and has at least three unsigned answers (`aggregateSurvey`).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { z } from 'zod';
import {
  acceptNominationInput,
  aggregateSurvey,
  attendanceInput,
  boardInput,
  boardMeasures,
  boardStatusField,
  boardTakesSeats,
  boardTargetsField,
  callInput,
  callIsOpen,
  canTransitionBoard,
  constituencyInput,
  declineNominationInput,
  endSeatInput,
  evaluateTargets,
  inviteInput,
  localized,
  minutesInput,
  mySeatInput,
  nominationInput,
  participationByMember,
  rsvpInput,
  rsvpIsOpen,
  scoreNomination,
  scoreNominationInput,
  seatHeldAt,
  seatHeldOn,
  seatInput,
  seatTermWithinBoardLife,
  seatUpdateInput,
  sessionAcceptsInput,
  sessionContributionInput,
  sessionInput,
  sessionParticipation,
  surveyAnswerInput,
  surveyIsClosed,
  surveyIsOpen,
  trainingInput,
  trainingUpdateInput,
  unknownCriteria,
  withdrawInvitationInput,
  boardDay,
  NOMINATION_STATUSES,
  type AttendanceStatus,
  type BoardStatus,
  type BoardTarget,
  type BoardTargetInput,
  type SelectionCriterion,
  type SessionParticipationInput,
} from '@musyawarah/core';
import {
  endBoardSeat,
  updateSessionRsvp,
  endSeatsOfDissolvedBoard,
  insertBoardSessionInput,
  insertBoardSurveyParticipation,
  insertSessionInvitations,
  withdrawBoardNomination,
  closeBoardCall,
  closeBoardSurvey,
  deleteBoardAttendance,
  deleteBoardSurveyResponses,
  deleteSessionInvitation,
  insertBoardSurveyResponses,
  insertBoardTraining,
  updateBoardTraining,
  upsertBoardAttendance,
  countActiveBoardSeats,
  findAnyBoardSeatOfUser,
  findBoardAttendance,
  findBoardTraining,
  findNominationApplicant,
  listAllActiveBoardSeats,
  listBoardSessionsOfBoards,
  listNominationTimesOfBoard,
  listSeatHolderIdsOfBoard,
  listSeatHolderNamesOfBoard,
  listSeatSpansOfBoards,
  lockBoardSession,
  countActiveBoardSeatsByBoard,
  countBoardNominationsByCall,
  findActiveBoardSeat,
  findBoard,
  findBoardCall,
  findSessionInvitation,
  findBoardNomination,
  findBoardSeat,
  findBoardSession,
  findUserByEmail,
  listActiveBoardSeatsOfUser,
  listBoardAttendance,
  listBoards,
  listBoardCalls,
  listBoardConstituencies,
  listInputTimesOfBoard,
  listSessionInvitations,
  listBoardNominations,
  listBoardNominationsOfApplicant,
  listOpenBoardCalls,
  listBoardSeats,
  listBoardSessionInputs,
  listBoardSessions,
  listBoardSurveyParticipation,
  listBoardSurveyResponses,
  listBoardTraining,
  lockBoard,
  writeAudit,
  type AdvisoryBoard,
  type BoardAgendaItem,
  type BoardCall,
  type BoardLocalizedText,
  type BoardSeat,
  type BoardSession,
  type Executor,
  type MailOutbox,
  type Tx,
} from '@musyawarah/db';
import type { Context } from '../context';
import { FieldError, notFound } from '../errors';
import type { OutgoingMail } from '../mail/mailer';
import { auditContext, authedProcedure, publicProcedure, router, secretariatProcedure } from '../trpc';
import { link } from './auth';

const uuid = z.uuid({ error: 'validation.invalid' });
const boardIdInput = z.object({ boardId: uuid });
const sessionIdInput = z.object({ sessionId: uuid });

const conflict = (message: string) => new TRPCError({ code: 'CONFLICT', message });
const today = () => boardDay(new Date());
const asDate = (value: Date | string) => new Date(value);

// ---------------------------------------------------------------------------------------------------------------------
// Presenters: the shapes the apps receive.

function presentBoard(board: AdvisoryBoard, extra: { activeSeats?: number } = {}) {
  return {
    id: board.id,
    name: board.name,
    scope: board.scope,
    memberState: board.member_state_code,
    mandate: board.mandate,
    status: board.status as BoardStatus,
    actionIds: board.action_ids,
    lifeStartsOn: board.life_starts_on,
    lifeEndsOn: board.life_ends_on,
    seatCapacity: board.seat_capacity,
    published: board.published,
    activeSeats: extra.activeSeats ?? 0,
  };
}

function presentAdminBoard(board: AdvisoryBoard, extra: { activeSeats?: number } = {}) {
  return {
    ...presentBoard(board, extra),
    targets: board.targets as BoardTarget[],
    selectionCriteria: board.selection_criteria as { key: string; label: BoardLocalizedText; weight: number }[],
    version: board.version,
    createdAt: board.created_at,
    updatedAt: board.updated_at,
  };
}

function presentSeat(seat: BoardSeat & { holder_name?: string; holder_email?: string }, day = today()) {
  return {
    id: seat.id,
    boardId: seat.board_id,
    userId: seat.user_id,
    name: seat.holder_name ?? null,
    email: seat.holder_email ?? null,
    role: seat.role,
    constituencies: seat.constituencies,
    memberState: seat.member_state_code,
    organisation: seat.organisation,
    gender: seat.gender,
    conflictOfInterest: seat.conflict_of_interest,
    listedPublicly: seat.listed_publicly,
    termStartsOn: seat.term_starts_on,
    termEndsOn: seat.term_ends_on,
    endedOn: seat.ended_on,
    endedAt: seat.ended_at,
    endReason: seat.end_reason,
    endNote: seat.end_note,
    nominationId: seat.nomination_id,
    /** Not ended: holds a place on the board and gives access to it. */
    active: seat.ended_at === null,
    /** Held today (within its term and not ended): counted by the monitor. */
    current: seatHeldOn(spanOf(seat), day),
    createdAt: seat.created_at,
  };
}

const spanOf = (seat: BoardSeat) => ({ termStartsOn: seat.term_starts_on, termEndsOn: seat.term_ends_on, endedOn: seat.ended_on });
const targetSeatOf = (seat: BoardSeat) => ({ role: seat.role, constituencies: seat.constituencies, memberState: seat.member_state_code, gender: seat.gender });

function presentCall(call: BoardCall, status: BoardStatus, extra: { nominations?: number } = {}) {
  return {
    id: call.id,
    boardId: call.board_id,
    description: call.description,
    opensAt: call.opens_at,
    closesAt: call.closes_at,
    open: callIsOpen({ opensAt: asDate(call.opens_at), closesAt: asDate(call.closes_at) }, status, new Date()),
    nominations: extra.nominations ?? 0,
  };
}

function presentSession(session: BoardSession) {
  return {
    id: session.id,
    boardId: session.board_id,
    kind: session.kind,
    mode: session.mode,
    method: session.method,
    title: session.title,
    startsAt: session.starts_at,
    endsAt: session.ends_at,
    venue: session.venue,
    link: session.link,
    languages: session.languages,
    accommodations: session.accommodations,
    agenda: session.agenda,
    actionIds: session.action_ids,
    held: asDate(session.starts_at).getTime() <= Date.now(),
  };
}

/**
 * A session as anyone may see it on a public board page: no meeting link and no venue, which are for the invited
 * members (and the Secretariat) only.
 */
function presentPublicSession(session: BoardSession) {
  const { link: _link, venue: _venue, ...rest } = presentSession(session);
  return rest;
}

/** Minutes once published; `audience` decides whether members-only minutes are included. */
function publishedMinutes(session: BoardSession, audience: 'public' | 'members') {
  if (!session.minutes_published_at) return null;
  if (audience === 'public' && session.minutes_visibility !== 'public') return null;
  return { minutes: session.minutes, outcomes: session.outcomes, visibility: session.minutes_visibility, publishedAt: session.minutes_published_at };
}

function presentAdminSession(session: BoardSession) {
  return {
    ...presentSession(session),
    minutes: session.minutes,
    outcomes: session.outcomes,
    minutesVisibility: session.minutes_visibility,
    minutesPublishedAt: session.minutes_published_at,
    surveyClosedAt: session.survey_closed_at,
    surveyOpen: surveyIsOpen(surveyWindowOf(session), new Date()),
  };
}

const surveyWindowOf = (session: BoardSession) => ({
  startsAt: asDate(session.starts_at),
  endsAt: asDate(session.ends_at),
  surveyClosedAt: session.survey_closed_at ? asDate(session.survey_closed_at) : null,
});

function tallyBy(values: (string | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v ?? 'none'] = (out[v ?? 'none'] ?? 0) + 1;
  return out;
}

/** Fisher–Yates with a cryptographic source: the order must not be guessable from anything. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function boardText(text: unknown, locale = 'en'): string {
  return localized(text as { en: string }, [locale]).text;
}

// ---------------------------------------------------------------------------------------------------------------------
// Access and shared steps

async function boardOrThrow(db: Executor, boardId: string) {
  const board = await findBoard(db, boardId);
  if (!board) throw notFound('board.notFound');
  return board;
}

async function sessionOrThrow(db: Executor, sessionId: string) {
  const session = await findBoardSession(db, sessionId);
  if (!session) throw notFound('board.sessionNotFound');
  return session;
}

/** The caller's seat on the board; someone without one is told the board does not exist, as for any unknown id. */
async function memberSeatOrThrow(db: Executor, boardId: string, userId: string) {
  const seat = await findActiveBoardSeat(db, boardId, userId);
  if (!seat) throw notFound('board.notFound');
  return seat;
}

async function memberSessionOrThrow(db: Executor, sessionId: string, userId: string) {
  const session = await findBoardSession(db, sessionId);
  const seat = session ? await findActiveBoardSeat(db, session.board_id, userId) : undefined;
  if (!session || !seat) throw notFound('board.sessionNotFound');
  return { session, seat };
}

async function assertConstituenciesExist(db: Executor, keys: Iterable<string>, field: (key: string) => string) {
  const known = new Set((await listBoardConstituencies(db)).map((c) => c.key));
  const errors: Record<string, string[]> = {};
  for (const key of keys) if (!known.has(key)) errors[field(key)] = ['board.validation.unknownConstituency'];
  if (Object.keys(errors).length) throw new FieldError('BAD_REQUEST', errors);
}

function targetConstituencyKeys(targets: readonly BoardTargetInput[]): [index: number, key: string][] {
  return targets.flatMap((t, index): [number, string][] =>
    t.kind === 'min_share' ? t.constituencies.map((c): [number, string] => [index, c]) : t.kind === 'min_count' ? [[index, t.constituency]] : [],
  );
}

async function assertTargetConstituencies(db: Executor, targets: readonly BoardTargetInput[]) {
  const known = new Set((await listBoardConstituencies(db)).map((c) => c.key));
  const errors: Record<string, string[]> = {};
  for (const [index, key] of targetConstituencyKeys(targets)) {
    if (!known.has(key)) errors[`targets.${index}`] = ['board.validation.unknownConstituency'];
  }
  if (Object.keys(errors).length) throw new FieldError('BAD_REQUEST', errors);
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string } | undefined;
  return e?.code === '23505' && (e.constraint === constraint || (e.message ?? '').includes(constraint));
}

interface NewSeat {
  userId: string;
  role: BoardSeat['role'];
  termStartsOn: string;
  termEndsOn: string;
  constituencies: string[];
  memberState: string | null;
  organisation: string | null;
  gender: string | null;
  conflictOfInterest: string | null;
  listedPublicly: boolean;
  nominationId: string | null;
}

/**
 * Seats a person on a board whose row the caller has locked (`lockBoard`) in this transaction: the board takes seats,
 * the term lies within the board's life, a place is free and the person has no other active seat on it.
 */
async function createSeat(tx: Tx, ctx: Context & { user: { id: string } }, board: AdvisoryBoard, seat: NewSeat) {
  if (!boardTakesSeats(board.status as BoardStatus)) throw conflict('board.dissolved');
  const term = seatTermWithinBoardLife({ startsOn: board.life_starts_on, endsOn: board.life_ends_on }, seat);
  if (!term.ok) throw new FieldError('BAD_REQUEST', { [term.field]: [term.reason] });
  if (await findActiveBoardSeat(tx, board.id, seat.userId)) throw conflict('board.alreadyHoldsSeat');
  if ((await countActiveBoardSeats(tx, board.id)) >= board.seat_capacity) throw conflict('board.full');
  const created = await tx
    .insertInto('board_seat')
    .values({
      board_id: board.id,
      user_id: seat.userId,
      role: seat.role,
      constituencies: seat.constituencies,
      member_state_code: (seat.memberState as BoardSeat['member_state_code']) ?? null,
      organisation: seat.organisation,
      gender: seat.gender,
      conflict_of_interest: seat.conflictOfInterest,
      listed_publicly: seat.listedPublicly,
      term_starts_on: seat.termStartsOn,
      term_ends_on: seat.termEndsOn,
      nomination_id: seat.nominationId,
      created_by: ctx.user.id,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'board_seat_one_active')) throw conflict('board.alreadyHoldsSeat');
      throw error;
    });
  await writeAudit(tx, auditContext(ctx), { action: 'board.seat_create', entityType: 'board_seat', entityId: created.id, after: created });
  return created;
}

function mail(to: string, subject: string, text: string): OutgoingMail {
  return { to, subject, text: `${text}\n\n— Musyawarah, the ASEAN Responsible AI Roadmap consultation platform` };
}

/** The people holding a seat on the session's board when it started (`seatHeldAt`): who may be counted as invited. */
async function seatedAtSessions(db: Executor, sessions: BoardSession[]): Promise<Map<string, Set<string>>> {
  const boardIds = [...new Set(sessions.map((s) => s.board_id))];
  const seats = boardIds.length
    ? await listSeatSpansOfBoards(db, boardIds)
    : [];
  return new Map(
    sessions.map((s) => {
      const startsAt = asDate(s.starts_at);
      const held = seats.filter(
        (seat) =>
          seat.board_id === s.board_id &&
          seatHeldAt({ termEndsOn: seat.term_ends_on, endedOn: seat.ended_on, endedAt: seat.ended_at ? asDate(seat.ended_at) : null }, startsAt),
      );
      return [s.id, new Set(held.map((seat) => seat.user_id))];
    }),
  );
}

/** Sessions of a board with who was invited, who was still seated and what was recorded: the input of the participation rules. */
async function participationInputs(db: Executor, sessions: BoardSession[]): Promise<SessionParticipationInput[]> {
  const ids = sessions.map((s) => s.id);
  const [invitations, attendance, seated] = await Promise.all([listSessionInvitations(db, ids), listBoardAttendance(db, ids), seatedAtSessions(db, sessions)]);
  return sessions.map((s) => ({
    sessionId: s.id,
    startsAt: asDate(s.starts_at),
    invitedUserIds: invitations.filter((i) => i.session_id === s.id).map((i) => i.user_id),
    seatedUserIds: [...(seated.get(s.id) ?? [])],
    attendance: Object.fromEntries(attendance.filter((a) => a.session_id === s.id).map((a) => [a.user_id, a.status as AttendanceStatus])),
  }));
}

const sessionFields = (input: z.output<typeof sessionInput>, existing: BoardAgendaItem[] = []) => {
  // An item keeps its id (inputs refer to it) when editing; new, unknown or repeated ids get a fresh one.
  const known = new Set(existing.map((i) => i.id));
  const used = new Set<string>();
  const agenda: BoardAgendaItem[] = input.agenda.map((item) => {
    const keep = item.id && !used.has(item.id) && (known.has(item.id) || existing.length === 0);
    const id = keep ? item.id! : randomUUID();
    used.add(id);
    return { id, title: item.title, ...(item.actionId ? { actionId: item.actionId } : {}) };
  });
  return {
    kind: input.kind,
    mode: input.mode,
    method: input.method,
    title: JSON.stringify(input.title),
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    venue: input.venue ?? null,
    link: input.link ?? null,
    languages: input.languages,
    accommodations: input.accommodations,
    agenda: JSON.stringify(agenda),
    action_ids: input.actionIds,
    updated_at: new Date(),
  };
};

// ---------------------------------------------------------------------------------------------------------------------

export const boardsRouter = router({
  // ------------------------------------------------------------------------------------------------- public
  constituencies: publicProcedure.query(async ({ ctx }) => {
    const rows = await listBoardConstituencies(ctx.db);
    return rows.map((c) => ({ key: c.key, label: c.label, marginalised: c.marginalised, isDefault: c.is_default }));
  }),

  listPublic: publicProcedure.query(async ({ ctx }) => {
    const [boards, calls] = await Promise.all([listBoards(ctx.db, { publishedOnly: true }), listOpenBoardCalls(ctx.db, new Date())]);
    return boards.map((b) => ({
      ...presentBoard(b),
      openCalls: calls.filter((c) => c.board_id === b.id).map((c) => presentCall(c, b.status as BoardStatus)),
    }));
  }),

  getPublic: publicProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    const board = await findBoard(ctx.db, input.boardId);
    if (!board || !board.published) throw notFound('board.notFound');
    const day = today();
    const [seats, sessions, calls] = await Promise.all([
      listBoardSeats(ctx.db, board.id, { includeEnded: false }),
      listBoardSessions(ctx.db, board.id),
      listBoardCalls(ctx.db, board.id),
    ]);
    return {
      ...presentBoard(board),
      // Only people who consented to be listed, and only what a public page needs (no e-mail, gender or declaration).
      members: seats
        .filter((s) => s.listed_publicly && seatHeldOn(spanOf(s), day))
        .map((s) => ({ name: s.holder_name, role: s.role, constituencies: s.constituencies, memberState: s.member_state_code, organisation: s.organisation, termStartsOn: s.term_starts_on, termEndsOn: s.term_ends_on })),
      sessions: sessions
        .map((s) => ({ ...presentPublicSession(s), minutes: publishedMinutes(s, 'public') }))
        .filter((s) => s.minutes !== null),
      openCalls: calls.map((c) => presentCall(c, board.status as BoardStatus)).filter((c) => c.open),
    };
  }),

  openCalls: publicProcedure.query(async ({ ctx }) => {
    const calls = await listOpenBoardCalls(ctx.db, new Date());
    return calls.map((c) => ({
      ...presentCall(c, c.board_status as BoardStatus),
      board: { id: c.board_id, name: c.board_name, scope: c.board_scope, memberState: c.board_member_state },
    }));
  }),

  // ------------------------------------------------------------------------------------------------- applicants
  submitNomination: authedProcedure.input(nominationInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const call = await findBoardCall(tx, input.callId);
      const board = call ? await findBoard(tx, call.board_id) : undefined;
      if (!call || !board || !board.published) throw notFound('board.callNotFound');
      if (!callIsOpen({ opensAt: asDate(call.opens_at), closesAt: asDate(call.closes_at) }, board.status as BoardStatus, new Date())) {
        throw conflict('board.callClosed');
      }
      await assertConstituenciesExist(tx, input.constituencies, () => 'constituencies');
      // Whoever the nominee is — a seat holder (listed or not), someone another applicant nominated — the answer is the
      // same: the nomination is received. The Secretariat sees who already holds a seat and dedups (issue #11 item 7).
      const nomineeEmail = input.self ? ctx.user.email : input.nomineeEmail!;
      const created = await tx
        .insertInto('board_nomination')
        .values({
          call_id: call.id,
          board_id: board.id,
          applicant_user_id: ctx.user.id,
          is_self: input.self,
          nominee_name: input.self ? ctx.user.name : input.nomineeName!,
          nominee_email: nomineeEmail,
          constituencies: input.constituencies,
          member_state_code: input.memberState ?? null,
          organisation: input.organisation ?? null,
          gender: input.gender ?? null,
          motivation: input.motivation,
          scores: JSON.stringify({}),
          updated_at: new Date(),
        })
        .returningAll()
        .executeTakeFirstOrThrow()
        .catch((error: unknown) => {
          // Only this applicant's own open nomination of the same person on the same call (their double submit).
          if (isUniqueViolation(error, 'board_nomination_one_open_per_applicant')) {
            throw new FieldError('CONFLICT', { [input.self ? 'self' : 'nomineeEmail']: ['board.alreadyNominated'] });
          }
          throw error;
        });
      await writeAudit(tx, auditContext(ctx), { action: 'board.nomination_submit', entityType: 'board_nomination', entityId: created.id, after: created });
      return { id: created.id, status: created.status };
    });
  }),

  myNominations: authedProcedure.query(async ({ ctx }) => {
    const rows = await listBoardNominationsOfApplicant(ctx.db, ctx.user.id);
    return rows.map((n) => ({
      id: n.id,
      boardId: n.board_id,
      boardName: n.board_name,
      callId: n.call_id,
      self: n.is_self,
      nomineeName: n.nominee_name,
      nomineeEmail: n.nominee_email,
      constituencies: n.constituencies,
      memberState: n.member_state_code,
      organisation: n.organisation,
      motivation: n.motivation,
      status: n.status,
      /** Shown to the applicant: the reason of a decline (required), or the note of an acceptance. */
      decisionReason: n.decision_reason,
      decidedAt: n.decided_at,
      createdAt: n.created_at,
    }));
  }),

  withdrawNomination: authedProcedure.input(z.object({ nominationId: uuid })).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const nomination = await findBoardNomination(tx, input.nominationId, { forUpdate: true });
      if (!nomination || nomination.applicant_user_id !== ctx.user.id) throw notFound('board.nominationNotFound');
      if (nomination.status !== 'submitted') throw conflict('board.nominationDecided');
      const after = await withdrawBoardNomination(tx, nomination.id);
      await writeAudit(tx, auditContext(ctx), { action: 'board.nomination_withdraw', entityType: 'board_nomination', entityId: nomination.id, before: nomination, after });
      return { id: after.id, status: after.status };
    });
  }),

  // ------------------------------------------------------------------------------------------------- members
  myBoards: authedProcedure.query(async ({ ctx }) => {
    const seats = await listActiveBoardSeatsOfUser(ctx.db, ctx.user.id);
    if (seats.length === 0) return [];
    const now = new Date();
    const sessions = await listBoardSessionsOfBoards(ctx.db, seats.map((s) => s.board_id));
    const ids = sessions.map((s) => s.id);
    const [invitations, answered] = await Promise.all([
      listSessionInvitations(ctx.db, ids).then((rows) => rows.filter((r) => r.user_id === ctx.user.id)),
      listBoardSurveyParticipation(ctx.db, ctx.user.id, ids),
    ]);
    const invitationOf = new Map(invitations.map((i) => [i.session_id, i]));
    return seats.map((seat) => {
      const own = sessions.filter((s) => s.board_id === seat.board_id);
      return {
        board: { id: seat.board_id, name: seat.board_name, scope: seat.board_scope, memberState: seat.board_member_state, status: seat.board_status, mandate: seat.board_mandate },
        seat: presentSeat(seat),
        upcomingSessions: own
          .filter((s) => asDate(s.ends_at).getTime() > now.getTime())
          .map((s) => {
            const invitation = invitationOf.get(s.id);
            return { ...presentSession(s), invited: Boolean(invitation), rsvp: invitation?.rsvp ?? null, rsvpOpen: Boolean(invitation) && rsvpIsOpen({ startsAt: asDate(s.starts_at) }, now) };
          }),
        surveysToAnswer: own
          .filter((s) => invitationOf.has(s.id) && !answered.has(s.id) && surveyIsOpen(surveyWindowOf(s), now))
          .map((s) => ({ sessionId: s.id, title: s.title, startsAt: s.starts_at })),
      };
    });
  }),

  memberBoard: authedProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    const seat = await memberSeatOrThrow(ctx.db, input.boardId, ctx.user.id);
    const board = await boardOrThrow(ctx.db, input.boardId);
    const [seats, sessions, training] = await Promise.all([
      listBoardSeats(ctx.db, board.id, { includeEnded: false }),
      listBoardSessions(ctx.db, board.id),
      listBoardTraining(ctx.db, board.id, { userId: ctx.user.id }),
    ]);
    const ids = sessions.map((s) => s.id);
    const [invitations, answered] = await Promise.all([
      listSessionInvitations(ctx.db, ids).then((rows) => rows.filter((r) => r.user_id === ctx.user.id)),
      listBoardSurveyParticipation(ctx.db, ctx.user.id, ids),
    ]);
    const invitationOf = new Map(invitations.map((i) => [i.session_id, i]));
    const now = new Date();
    return {
      ...presentBoard(board, { activeSeats: seats.length }),
      mySeat: presentSeat(seat),
      // Fellow members see each other's names and roles, not e-mail addresses, genders or declarations.
      members: seats.map((s) => ({ name: s.holder_name, role: s.role, constituencies: s.constituencies, memberState: s.member_state_code, organisation: s.organisation })),
      sessions: sessions.map((s) => ({
        ...presentSession(s),
        minutes: publishedMinutes(s, 'members'),
        invited: invitationOf.has(s.id),
        rsvp: invitationOf.get(s.id)?.rsvp ?? null,
        surveyAnswered: answered.has(s.id),
        surveyOpen: invitationOf.has(s.id) && surveyIsOpen(surveyWindowOf(s), now),
      })),
      training: training.map((t) => ({ id: t.id, course: t.course, takenOn: t.taken_on, completed: t.completed })),
    };
  }),

  memberSession: authedProcedure.input(sessionIdInput).query(async ({ ctx, input }) => {
    const { session } = await memberSessionOrThrow(ctx.db, input.sessionId, ctx.user.id);
    const [invitation, inputs, answered] = await Promise.all([
      findSessionInvitation(ctx.db, session.id, ctx.user.id),
      listBoardSessionInputs(ctx.db, [session.id], { userId: ctx.user.id }),
      listBoardSurveyParticipation(ctx.db, ctx.user.id, [session.id]),
    ]);
    const now = new Date();
    const window = surveyWindowOf(session);
    return {
      ...presentSession(session),
      minutes: publishedMinutes(session, 'members'),
      invitation: invitation
        ? { rsvp: invitation.rsvp, rsvpAt: invitation.rsvp_at, accommodationsNeeded: invitation.accommodations_needed, otherNeeds: invitation.other_needs }
        : null,
      rsvpOpen: Boolean(invitation) && rsvpIsOpen(window, now),
      inputOpen: sessionAcceptsInput(window, now),
      myInputs: inputs.map((i) => ({ id: i.id, agendaItemId: i.agenda_item_id, actionId: i.action_id, text: i.text, createdAt: i.created_at })),
      surveyAnswered: answered.has(session.id),
      surveyOpen: Boolean(invitation) && surveyIsOpen(window, now),
    };
  }),

  rsvp: authedProcedure.input(rsvpInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const { session } = await memberSessionOrThrow(tx, input.sessionId, ctx.user.id);
      const invitation = await findSessionInvitation(tx, session.id, ctx.user.id);
      if (!invitation) throw new TRPCError({ code: 'FORBIDDEN', message: 'board.notInvited' });
      if (!rsvpIsOpen({ startsAt: asDate(session.starts_at) }, new Date())) throw conflict('board.sessionStarted');
      const after = await updateSessionRsvp(tx, session.id, ctx.user.id, {
        rsvp: input.response,
        accommodationsNeeded: input.accommodationsNeeded,
        otherNeeds: input.otherNeeds ?? null,
      });
      await writeAudit(tx, auditContext(ctx), { action: 'board.rsvp', entityType: 'board_session', entityId: session.id, before: invitation, after });
      return { sessionId: session.id, rsvp: after.rsvp, accommodationsNeeded: after.accommodations_needed, otherNeeds: after.other_needs };
    });
  }),

  submitInput: authedProcedure.input(sessionContributionInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const { session } = await memberSessionOrThrow(tx, input.sessionId, ctx.user.id);
      if (!sessionAcceptsInput({ endsAt: asDate(session.ends_at) }, new Date())) throw conflict('board.inputClosed');
      if (input.agendaItemId && !session.agenda.some((item) => item.id === input.agendaItemId)) {
        throw new FieldError('BAD_REQUEST', { agendaItemId: ['board.validation.unknownAgendaItem'] });
      }
      const created = await insertBoardSessionInput(tx, {
        sessionId: session.id,
        userId: ctx.user.id,
        agendaItemId: input.agendaItemId ?? null,
        actionId: input.actionId ?? null,
        text: input.text,
      });
      await writeAudit(tx, auditContext(ctx), { action: 'board.input_submit', entityType: 'board_session_input', entityId: created.id, after: created });
      return { id: created.id, agendaItemId: created.agenda_item_id, actionId: created.action_id, text: created.text, createdAt: created.created_at };
    });
  }),

  /**
   * One answer per member per session. An unsigned answer is stored without the member's id and without a time; the
   * separate participation row (which says only that this member has answered) is what refuses a second answer.
   */
  answerSurvey: authedProcedure.input(surveyAnswerInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const { session } = await memberSessionOrThrow(tx, input.sessionId, ctx.user.id);
      if (!(await findSessionInvitation(tx, session.id, ctx.user.id))) throw new TRPCError({ code: 'FORBIDDEN', message: 'board.notInvited' });
      // One answer at a time per session: the rewrite below must not interleave with another.
      await lockBoardSession(tx, session.id);
      if (!surveyIsOpen(surveyWindowOf(session), new Date())) throw conflict('board.surveyClosed');
      const first = await insertBoardSurveyParticipation(tx, session.id, ctx.user.id);
      if (!first) throw conflict('board.surveyAlreadyAnswered');
      // The session's answers are rewritten in a random order, so neither their order on disk nor the transaction that
      // wrote them (xmin) follows the order in which members answered — which the participation rows and the audit log
      // show. Someone reading the database directly can then not line an unsigned answer up with its author either.
      const previous = await deleteBoardSurveyResponses(tx, session.id);
      const answers = shuffled([
        ...previous.map((r) => ({ session_id: r.session_id, satisfaction: r.satisfaction, trust: r.trust, comment: r.comment, signed_by: r.signed_by })),
        { session_id: session.id, satisfaction: input.satisfaction, trust: input.trust, comment: input.comment ?? null, signed_by: input.signed ? ctx.user.id : null },
      ]);
      await insertBoardSurveyResponses(tx, answers);
      // A signed answer is audited as the member's action. An unsigned one is audited without actor, address or request
      // id: a row saying who answered when, next to the answers, would undo the anonymity (issue #11 item 4).
      await writeAudit(tx, input.signed ? auditContext(ctx) : { actorUserId: null, requestId: null, ipAddress: null }, {
        action: 'board.survey_answer',
        entityType: 'board_session',
        entityId: session.id,
        after: input.signed ? { signed: true, satisfaction: input.satisfaction, trust: input.trust, comment: input.comment ?? null } : { signed: false },
      });
      return { sessionId: session.id, answered: true, signed: input.signed };
    });
  }),

  updateMySeat: authedProcedure.input(mySeatInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const seat = await findBoardSeat(tx, input.seatId);
      if (!seat || seat.user_id !== ctx.user.id || seat.ended_at !== null) throw notFound('board.seatNotFound');
      const after = await tx
        .updateTable('board_seat')
        .set({ gender: input.gender ?? null, listed_publicly: input.listedPublicly, conflict_of_interest: input.conflictOfInterest ?? null, updated_at: new Date() })
        .where('id', '=', seat.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(tx, auditContext(ctx), { action: 'board.seat_self_update', entityType: 'board_seat', entityId: seat.id, before: seat, after });
      return presentSeat(after);
    });
  }),

  // ------------------------------------------------------------------------------------------------- secretariat: boards
  adminList: secretariatProcedure.query(async ({ ctx }) => {
    const [boards, counts] = await Promise.all([listBoards(ctx.db, { publishedOnly: false }), countActiveBoardSeatsByBoard(ctx.db)]);
    const seats = boards.length
      ? await listAllActiveBoardSeats(ctx.db)
      : [];
    const day = today();
    return boards.map((b) => {
      const current = seats.filter((s) => s.board_id === b.id && seatHeldOn(spanOf(s), day)).map(targetSeatOf);
      const unmet = evaluateTargets(b.targets as BoardTarget[], current).filter((e) => !e.met).length;
      return { ...presentAdminBoard(b, { activeSeats: counts.get(b.id) ?? 0 }), unmetTargets: unmet };
    });
  }),

  adminGet: secretariatProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    const board = await boardOrThrow(ctx.db, input.boardId);
    return presentAdminBoard(board, { activeSeats: await countActiveBoardSeats(ctx.db, board.id) });
  }),

  create: secretariatProcedure.input(boardInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      await assertTargetConstituencies(tx, input.targets);
      const created = await tx
        .insertInto('advisory_board')
        .values({
          name: JSON.stringify(input.name),
          scope: input.scope,
          member_state_code: input.memberState ?? null,
          mandate: JSON.stringify(input.mandate),
          action_ids: input.actionIds,
          life_starts_on: input.lifeStartsOn,
          life_ends_on: input.lifeEndsOn ?? null,
          seat_capacity: input.seatCapacity,
          targets: JSON.stringify(input.targets),
          selection_criteria: JSON.stringify(input.selectionCriteria),
          published: input.published,
          created_by: ctx.user.id,
          updated_at: new Date(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(tx, auditContext(ctx), { action: 'board.create', entityType: 'advisory_board', entityId: created.id, after: created });
      return presentAdminBoard(created);
    });
  }),

  /** Edits everything but the status. Seats already held must still fit the board's life and capacity. */
  update: secretariatProcedure
    .input(z.object({ boardId: uuid, expectedVersion: z.number().int().min(1), board: boardInput }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const before = await lockBoard(tx, input.boardId);
        if (!before) throw notFound('board.notFound');
        if (before.version !== input.expectedVersion) throw conflict('board.editConflict');
        const b = input.board;
        await assertTargetConstituencies(tx, b.targets);
        const active = await listBoardSeats(tx, before.id, { includeEnded: false });
        if (active.length > b.seatCapacity) throw new FieldError('CONFLICT', { seatCapacity: ['board.capacityBelowSeats'] });
        const outside = active.find((s) => !seatTermWithinBoardLife({ startsOn: b.lifeStartsOn, endsOn: b.lifeEndsOn ?? null }, { termStartsOn: s.term_starts_on, termEndsOn: s.term_ends_on }).ok);
        if (outside) throw new FieldError('CONFLICT', { lifeStartsOn: ['board.seatsOutsideLife'], lifeEndsOn: ['board.seatsOutsideLife'] });
        const after = await tx
          .updateTable('advisory_board')
          .set({
            name: JSON.stringify(b.name),
            scope: b.scope,
            member_state_code: b.memberState ?? null,
            mandate: JSON.stringify(b.mandate),
            action_ids: b.actionIds,
            life_starts_on: b.lifeStartsOn,
            life_ends_on: b.lifeEndsOn ?? null,
            seat_capacity: b.seatCapacity,
            targets: JSON.stringify(b.targets),
            selection_criteria: JSON.stringify(b.selectionCriteria),
            published: b.published,
            version: sql`version + 1`,
            updated_at: new Date(),
          })
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(tx, auditContext(ctx), { action: 'board.update', entityType: 'advisory_board', entityId: after.id, before, after });
        return presentAdminBoard(after, { activeSeats: active.length });
      });
    }),

  /** forming → active → dissolved (or forming → dissolved). Dissolving ends every seat still held, as history. */
  transition: secretariatProcedure.input(z.object({ boardId: uuid, status: boardStatusField })).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await lockBoard(tx, input.boardId);
      if (!before) throw notFound('board.notFound');
      if (!canTransitionBoard(before.status as BoardStatus, input.status)) throw conflict('board.transitionNotAllowed');
      const now = new Date();
      if (input.status === 'dissolved') {
        const ended = await endSeatsOfDissolvedBoard(tx, before.id, now, boardDay(now));
        for (const seat of ended) {
          await writeAudit(tx, auditContext(ctx), { action: 'board.seat_end', entityType: 'board_seat', entityId: seat.id, after: seat });
        }
      }
      const after = await tx
        .updateTable('advisory_board')
        .set({ status: input.status, version: sql`version + 1`, updated_at: now })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(tx, auditContext(ctx), { action: `board.${input.status === 'active' ? 'activate' : 'dissolve'}`, entityType: 'advisory_board', entityId: after.id, before, after });
      return presentAdminBoard(after, { activeSeats: await countActiveBoardSeats(tx, after.id) });
    });
  }),

  setTargets: secretariatProcedure.input(z.object({ boardId: uuid, targets: boardTargetsField })).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await lockBoard(tx, input.boardId);
      if (!before) throw notFound('board.notFound');
      await assertTargetConstituencies(tx, input.targets);
      const after = await tx
        .updateTable('advisory_board')
        .set({ targets: JSON.stringify(input.targets), version: sql`version + 1`, updated_at: new Date() })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(tx, auditContext(ctx), { action: 'board.set_targets', entityType: 'advisory_board', entityId: after.id, before: { targets: before.targets }, after: { targets: after.targets } });
      return presentAdminBoard(after, { activeSeats: await countActiveBoardSeats(tx, after.id) });
    });
  }),

  addConstituency: secretariatProcedure.input(constituencyInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const created = await tx
        .insertInto('board_constituency')
        .values({ key: input.key, label: JSON.stringify(input.label), marginalised: input.marginalised })
        .onConflict((oc) => oc.column('key').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!created) throw new FieldError('CONFLICT', { key: ['board.constituencyExists'] });
      await writeAudit(tx, auditContext(ctx), { action: 'board.constituency_add', entityType: 'board_constituency', entityId: null, after: created });
      return { key: created.key, label: created.label, marginalised: created.marginalised, isDefault: created.is_default };
    });
  }),

  // ------------------------------------------------------------------------------------------------- secretariat: seats
  seats: secretariatProcedure.input(z.object({ boardId: uuid, includeEnded: z.boolean().default(true) })).query(async ({ ctx, input }) => {
    await boardOrThrow(ctx.db, input.boardId);
    const seats = await listBoardSeats(ctx.db, input.boardId, { includeEnded: input.includeEnded });
    return seats.map((s) => presentSeat(s));
  }),

  addSeat: secretariatProcedure.input(seatInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const user = await findUserByEmail(tx, input.email);
      if (!user || user.status !== 'active') throw new FieldError('BAD_REQUEST', { email: ['board.accountNotFound'] });
      await assertConstituenciesExist(tx, input.constituencies, () => 'constituencies');
      const board = await lockBoard(tx, input.boardId);
      if (!board) throw notFound('board.notFound');
      const seat = await createSeat(tx, ctx, board, {
        userId: user.id,
        role: input.role,
        termStartsOn: input.termStartsOn,
        termEndsOn: input.termEndsOn,
        constituencies: input.constituencies,
        memberState: input.memberState ?? null,
        organisation: input.organisation ?? null,
        gender: input.gender ?? null,
        conflictOfInterest: input.conflictOfInterest ?? null,
        listedPublicly: input.listedPublicly,
        nominationId: null,
      });
      return presentSeat({ ...seat, holder_name: user.name, holder_email: user.email });
    });
  }),

  updateSeat: secretariatProcedure.input(seatUpdateInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const seat = await findBoardSeat(tx, input.seatId);
      if (!seat) throw notFound('board.seatNotFound');
      if (seat.ended_at !== null) throw conflict('board.seatEnded');
      const board = await lockBoard(tx, seat.board_id);
      if (!board) throw notFound('board.notFound');
      await assertConstituenciesExist(tx, input.constituencies, () => 'constituencies');
      const term = seatTermWithinBoardLife({ startsOn: board.life_starts_on, endsOn: board.life_ends_on }, input);
      if (!term.ok) throw new FieldError('BAD_REQUEST', { [term.field]: [term.reason] });
      const after = await tx
        .updateTable('board_seat')
        .set({
          role: input.role,
          term_starts_on: input.termStartsOn,
          term_ends_on: input.termEndsOn,
          constituencies: input.constituencies,
          member_state_code: input.memberState ?? null,
          organisation: input.organisation ?? null,
          gender: input.gender ?? null,
          conflict_of_interest: input.conflictOfInterest ?? null,
          listed_publicly: input.listedPublicly,
          updated_at: new Date(),
        })
        .where('id', '=', seat.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(tx, auditContext(ctx), { action: 'board.seat_update', entityType: 'board_seat', entityId: seat.id, before: seat, after });
      return presentSeat(after);
    });
  }),

  /** Ends a seat early (resignation, removal, …). The seat stays as history; the place is free again. */
  endSeat: secretariatProcedure.input(endSeatInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const seat = await findBoardSeat(tx, input.seatId);
      if (!seat) throw notFound('board.seatNotFound');
      await lockBoard(tx, seat.board_id);
      if (seat.ended_at !== null) throw conflict('board.seatEnded');
      const now = new Date();
      const endedOn = input.endedOn ?? boardDay(now);
      if (endedOn > boardDay(now)) throw new FieldError('BAD_REQUEST', { endedOn: ['board.validation.endedInFuture'] });
      const after = await endBoardSeat(tx, seat.id, { now, endedOn, reason: input.reason, note: input.note ?? null });
      if (!after) throw conflict('board.seatEnded');
      await writeAudit(tx, auditContext(ctx), { action: 'board.seat_end', entityType: 'board_seat', entityId: seat.id, before: seat, after });
      return presentSeat(after);
    });
  }),

  // ------------------------------------------------------------------------------------------------- secretariat: calls and nominations
  calls: secretariatProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    const board = await boardOrThrow(ctx.db, input.boardId);
    const [calls, counts] = await Promise.all([listBoardCalls(ctx.db, board.id), countBoardNominationsByCall(ctx.db, board.id)]);
    return calls.map((c) => presentCall(c, board.status as BoardStatus, { nominations: counts.get(c.id) ?? 0 }));
  }),

  createCall: secretariatProcedure.input(callInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const board = await boardOrThrow(tx, input.boardId);
      if (board.status === 'dissolved') throw conflict('board.dissolved');
      const created = await tx
        .insertInto('board_call')
        .values({ board_id: board.id, description: JSON.stringify(input.description), opens_at: input.opensAt, closes_at: input.closesAt, created_by: ctx.user.id })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(tx, auditContext(ctx), { action: 'board.call_create', entityType: 'board_call', entityId: created.id, after: created });
      return presentCall(created, board.status as BoardStatus);
    });
  }),

  updateCall: secretariatProcedure
    .input(z.object({ callId: uuid, call: callInput }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const before = await findBoardCall(tx, input.callId);
        if (!before || before.board_id !== input.call.boardId) throw notFound('board.callNotFound');
        const board = await boardOrThrow(tx, before.board_id);
        const after = await tx
          .updateTable('board_call')
          .set({ description: JSON.stringify(input.call.description), opens_at: input.call.opensAt, closes_at: input.call.closesAt })
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(tx, auditContext(ctx), { action: 'board.call_update', entityType: 'board_call', entityId: after.id, before, after });
        return presentCall(after, board.status as BoardStatus);
      });
    }),

  /** Closes an open call now (its closing time becomes now). */
  closeCall: secretariatProcedure.input(z.object({ callId: uuid })).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await findBoardCall(tx, input.callId);
      if (!before) throw notFound('board.callNotFound');
      const board = await boardOrThrow(tx, before.board_id);
      const now = new Date();
      if (!callIsOpen({ opensAt: asDate(before.opens_at), closesAt: asDate(before.closes_at) }, board.status as BoardStatus, now)) throw conflict('board.callClosed');
      const after = await closeBoardCall(tx, before.id, now);
      await writeAudit(tx, auditContext(ctx), { action: 'board.call_close', entityType: 'board_call', entityId: after.id, before, after });
      return presentCall(after, board.status as BoardStatus);
    });
  }),

  nominations: secretariatProcedure
    .input(z.object({ boardId: uuid, status: z.enum(NOMINATION_STATUSES, { error: 'validation.invalidOption' }).optional() }))
    .query(async ({ ctx, input }) => {
      const board = await boardOrThrow(ctx.db, input.boardId);
      const criteria = board.selection_criteria as SelectionCriterion[];
      const [rows, seats] = await Promise.all([listBoardNominations(ctx.db, board.id, input.status), listBoardSeats(ctx.db, board.id, { includeEnded: false })]);
      const seatedEmails = new Set(seats.map((s) => s.holder_email.toLowerCase()));
      return rows.map((n) => ({
        id: n.id,
        callId: n.call_id,
        boardId: n.board_id,
        applicant: n.applicant_user_id ? { id: n.applicant_user_id, name: n.applicant_name, email: n.applicant_email } : null,
        self: n.is_self,
        nomineeName: n.nominee_name,
        nomineeEmail: n.nominee_email,
        /** Whether an active account has the nominee's address: acceptance needs one. */
        nomineeHasAccount: n.nominee_account_id !== null,
        /** The nominee already holds a seat on this board: applicants are not told, the Secretariat dedups. */
        nomineeHoldsSeat: seatedEmails.has(n.nominee_email.toLowerCase()),
        constituencies: n.constituencies,
        memberState: n.member_state_code,
        organisation: n.organisation,
        gender: n.gender,
        motivation: n.motivation,
        status: n.status,
        scores: n.scores,
        scoreNote: n.score_note,
        score: scoreNomination(criteria, n.scores),
        decisionReason: n.decision_reason,
        decidedAt: n.decided_at,
        seatId: n.seat_id,
        createdAt: n.created_at,
      }));
    }),

  scoreNomination: secretariatProcedure.input(scoreNominationInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await findBoardNomination(tx, input.nominationId, { forUpdate: true });
      if (!before) throw notFound('board.nominationNotFound');
      if (before.status !== 'submitted') throw conflict('board.nominationDecided');
      const board = await boardOrThrow(tx, before.board_id);
      const criteria = board.selection_criteria as SelectionCriterion[];
      const unknown = unknownCriteria(criteria, input.scores);
      if (unknown.length) throw new FieldError('BAD_REQUEST', Object.fromEntries(unknown.map((key) => [`scores.${key}`, ['board.validation.unknownCriterion']])));
      const after = await tx
        .updateTable('board_nomination')
        .set({ scores: JSON.stringify(input.scores), score_note: input.note ?? null, scored_by: ctx.user.id, updated_at: new Date() })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(tx, auditContext(ctx), { action: 'board.nomination_score', entityType: 'board_nomination', entityId: after.id, before, after });
      return { id: after.id, scores: after.scores, scoreNote: after.score_note, score: scoreNomination(criteria, after.scores) };
    });
  }),

  /**
   * Accepting seats the nominee's account (board access comes with the seat) in the same transaction as the decision.
   * The board row is locked before the nomination, in that order everywhere, so concurrent acceptances queue up and the
   * last free seat goes to exactly one of them; the other is refused with `board.full`.
   */
  acceptNomination: secretariatProcedure.input(acceptNominationInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    const result = await ctx.db.transaction().execute(async (tx) => {
      const peek = await findBoardNomination(tx, input.nominationId);
      if (!peek) throw notFound('board.nominationNotFound');
      const board = await lockBoard(tx, peek.board_id);
      if (!board) throw notFound('board.notFound');
      const nomination = await findBoardNomination(tx, peek.id, { forUpdate: true });
      if (!nomination || nomination.status !== 'submitted') throw conflict('board.nominationDecided');
      const nominee = await findUserByEmail(tx, nomination.nominee_email);
      if (!nominee || nominee.status !== 'active') throw conflict('board.nomineeHasNoAccount');
      const seat = await createSeat(tx, ctx, board, {
        userId: nominee.id,
        role: input.role,
        termStartsOn: input.termStartsOn,
        termEndsOn: input.termEndsOn,
        constituencies: nomination.constituencies,
        memberState: nomination.member_state_code,
        organisation: nomination.organisation,
        // Self-declared only: a gender given in someone else's nomination was never stored.
        gender: nomination.is_self ? nomination.gender : null,
        conflictOfInterest: null,
        listedPublicly: false,
        nominationId: nomination.id,
      });
      const now = new Date();
      const after = await tx
        .updateTable('board_nomination')
        .set({ status: 'accepted', decision_reason: input.note ?? null, decided_by: ctx.user.id, decided_at: now, seat_id: seat.id, nominee_user_id: nominee.id, updated_at: now })
        .where('id', '=', nomination.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(tx, auditContext(ctx), { action: 'board.nomination_accept', entityType: 'board_nomination', entityId: after.id, before: nomination, after });
      const name = boardText(board.name, nominee.locale);
      queued.push(
        await ctx.mailer.queue(
          tx,
          mail(
            nominee.email,
            `You have a seat on ${name}`,
            `Hello ${nominee.name},\n\nThe ASEAN Secretariat has accepted ${nomination.is_self ? 'your application' : 'your nomination'} to ${name}. ` +
              `Your term runs from ${input.termStartsOn} to ${input.termEndsOn}.\n\nSee the board and its sessions under "My boards": ${link(ctx, '/boards/mine')}` +
              `\n\nPlease review your seat there: whether you agree to be listed publicly, and your conflict-of-interest declaration.`,
          ),
        ),
      );
      return { nominationId: after.id, status: after.status, seat: presentSeat({ ...seat, holder_name: nominee.name, holder_email: nominee.email }) };
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return result;
  }),

  declineNomination: secretariatProcedure.input(declineNominationInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    const result = await ctx.db.transaction().execute(async (tx) => {
      const nomination = await findBoardNomination(tx, input.nominationId, { forUpdate: true });
      if (!nomination) throw notFound('board.nominationNotFound');
      if (nomination.status !== 'submitted') throw conflict('board.nominationDecided');
      const board = await boardOrThrow(tx, nomination.board_id);
      const now = new Date();
      const after = await tx
        .updateTable('board_nomination')
        .set({ status: 'declined', decision_reason: input.reason, decided_by: ctx.user.id, decided_at: now, updated_at: now })
        .where('id', '=', nomination.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(tx, auditContext(ctx), { action: 'board.nomination_decline', entityType: 'board_nomination', entityId: after.id, before: nomination, after });
      const applicant = nomination.applicant_user_id
        ? await findNominationApplicant(tx, nomination.applicant_user_id)
        : undefined;
      if (applicant && applicant.status === 'active') {
        queued.push(
          await ctx.mailer.queue(
            tx,
            mail(
              applicant.email,
              `About your ${nomination.is_self ? 'application' : 'nomination'} to ${boardText(board.name, applicant.locale)}`,
              `Hello ${applicant.name},\n\nThe ASEAN Secretariat has decided not to accept ${nomination.is_self ? 'your application' : `your nomination of ${nomination.nominee_name}`} ` +
                `to ${boardText(board.name, applicant.locale)}.\n\nThe reason given:\n${input.reason}\n\nYou can read it again under "My boards": ${link(ctx, '/boards/mine')}`,
            ),
          ),
        );
      }
      return { nominationId: after.id, status: after.status, decisionReason: after.decision_reason };
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return result;
  }),

  // ------------------------------------------------------------------------------------------------- secretariat: sessions
  sessions: secretariatProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    await boardOrThrow(ctx.db, input.boardId);
    const sessions = await listBoardSessions(ctx.db, input.boardId);
    const participation = await participationInputs(ctx.db, sessions);
    const invitations = await listSessionInvitations(ctx.db, sessions.map((s) => s.id));
    const now = new Date();
    return sessions.map((s, i) => {
      // Replies of people who have since left the board are not expected at the session: not counted either.
      const seated = new Set(participation[i]!.seatedUserIds);
      const replies = invitations.filter((v) => v.session_id === s.id && seated.has(v.user_id));
      return {
        ...presentAdminSession(s),
        participation: sessionParticipation(participation[i]!, now),
        rsvp: {
          yes: replies.filter((v) => v.rsvp === 'yes').length,
          no: replies.filter((v) => v.rsvp === 'no').length,
          maybe: replies.filter((v) => v.rsvp === 'maybe').length,
          none: replies.filter((v) => v.rsvp === null).length,
        },
      };
    });
  }),

  session: secretariatProcedure.input(sessionIdInput).query(async ({ ctx, input }) => {
    const session = await sessionOrThrow(ctx.db, input.sessionId);
    const [invitations, attendance, inputs, [participation]] = await Promise.all([
      listSessionInvitations(ctx.db, [session.id]),
      listBoardAttendance(ctx.db, [session.id]),
      listBoardSessionInputs(ctx.db, [session.id]),
      participationInputs(ctx.db, [session]),
    ]);
    const statusOf = new Map(attendance.map((a) => [a.user_id, a.status]));
    const invitedIds = new Set(invitations.map((i) => i.user_id));
    const seated = new Set(participation!.seatedUserIds);
    return {
      ...presentAdminSession(session),
      invitations: invitations.map((i) => ({
        userId: i.user_id,
        name: i.user_name,
        invitedAt: i.invited_at,
        rsvp: i.rsvp,
        rsvpAt: i.rsvp_at,
        accommodationsNeeded: i.accommodations_needed,
        otherNeeds: i.other_needs,
        attendance: statusOf.get(i.user_id) ?? null,
        /** False once the person left the board (resigned, removed, account deleted) before the session: not counted. */
        seated: seated.has(i.user_id),
      })),
      /** Recorded for people who were not invited (walk-in members). */
      uninvitedAttendance: attendance.filter((a) => !invitedIds.has(a.user_id)).map((a) => ({ userId: a.user_id, name: a.user_name, attendance: a.status })),
      inputs: inputs.map((i) => ({ id: i.id, userId: i.user_id, name: i.user_name, agendaItemId: i.agenda_item_id, actionId: i.action_id, text: i.text, createdAt: i.created_at })),
      /** What the session raised, counted per agenda item and per Roadmap action (`none`: not tied to one). */
      inputCounts: {
        byAgendaItem: tallyBy(inputs.map((i) => i.agenda_item_id)),
        byAction: tallyBy(inputs.map((i) => i.action_id)),
      },
      participation: sessionParticipation(participation!, new Date()),
    };
  }),

  createSession: secretariatProcedure.input(sessionInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const board = await boardOrThrow(tx, input.boardId);
      if (board.status === 'dissolved') throw conflict('board.dissolved');
      const created = await tx
        .insertInto('board_session')
        .values({ board_id: board.id, ...sessionFields(input), created_by: ctx.user.id })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(tx, auditContext(ctx), { action: 'board.session_create', entityType: 'board_session', entityId: created.id, after: created });
      return presentAdminSession(created);
    });
  }),

  updateSession: secretariatProcedure.input(z.object({ sessionId: uuid, session: sessionInput })).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await sessionOrThrow(tx, input.sessionId);
      if (before.board_id !== input.session.boardId) throw notFound('board.sessionNotFound');
      // A survey that has closed stays closed whatever the new dates (issue #11 item 4): its results may have been shown,
      // and one more answer would then tell how its author answered. The closing is recorded before the dates move.
      const now = new Date();
      const closing =
        !before.survey_closed_at && surveyIsClosed(surveyWindowOf(before), now) && (await listBoardSurveyResponses(tx, [before.id])).length > 0
          ? { survey_closed_at: now }
          : {};
      const after = await tx
        .updateTable('board_session')
        .set({ ...sessionFields(input.session, before.agenda), ...closing })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(tx, auditContext(ctx), { action: 'board.session_update', entityType: 'board_session', entityId: after.id, before, after });
      return presentAdminSession(after);
    });
  }),

  /** Invites seat holders (by default every current member) and e-mails those newly invited. */
  invite: secretariatProcedure.input(inviteInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    const result = await ctx.db.transaction().execute(async (tx) => {
      const session = await sessionOrThrow(tx, input.sessionId);
      const board = await boardOrThrow(tx, session.board_id);
      const seats = await listBoardSeats(tx, board.id, { includeEnded: false });
      const holders = new Map(seats.map((s) => [s.user_id, s]));
      const chosen = input.userIds.length ? input.userIds : [...holders.keys()];
      const notMembers = chosen.filter((id) => !holders.has(id));
      if (notMembers.length) throw new FieldError('BAD_REQUEST', { userIds: ['board.notAMember'] });
      if (chosen.length === 0) return { invited: 0 };
      const added = await insertSessionInvitations(tx, session.id, chosen);
      await writeAudit(tx, auditContext(ctx), { action: 'board.session_invite', entityType: 'board_session', entityId: session.id, after: { userIds: added.map((a) => a.user_id) } });
      for (const { user_id } of added) {
        const seat = holders.get(user_id)!;
        queued.push(
          await ctx.mailer.queue(
            tx,
            mail(
              seat.holder_email,
              `Invitation: ${boardText(session.title)}`,
              `Hello ${seat.holder_name},\n\nYou are invited to a session of ${boardText(board.name)}: "${boardText(session.title)}", ` +
                `starting ${asDate(session.starts_at).toISOString().replace('T', ' ').slice(0, 16)} UTC.\n\nPlease reply and tell us what support you need: ${link(ctx, `/boards/mine/sessions/${session.id}`)}`,
            ),
          ),
        );
      }
      return { invited: added.length };
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return result;
  }),

  /**
   * Withdraws one member's invitation (invited by mistake, or no longer expected): they are no longer counted as invited
   * and can no longer reply. Someone recorded present took part, and keeps their invitation.
   */
  withdrawInvitation: secretariatProcedure.input(withdrawInvitationInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const session = await sessionOrThrow(tx, input.sessionId);
      const invitation = await findSessionInvitation(tx, session.id, input.userId);
      if (!invitation) throw notFound('board.invitationNotFound');
      const attendance = await findBoardAttendance(tx, session.id, input.userId);
      if (attendance?.status === 'present') throw conflict('board.attendanceRecorded');
      if (attendance) await deleteBoardAttendance(tx, session.id, input.userId);
      await deleteSessionInvitation(tx, session.id, input.userId);
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.invitation_withdraw',
        entityType: 'board_session',
        entityId: session.id,
        before: { invitation, attendance: attendance ?? null },
        after: { userId: input.userId, invited: false },
      });
      return { sessionId: session.id, userId: input.userId, withdrawn: true as const };
    });
  }),

  recordAttendance: secretariatProcedure.input(attendanceInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const session = await sessionOrThrow(tx, input.sessionId);
      if (asDate(session.starts_at).getTime() > Date.now()) throw conflict('board.sessionNotHeld');
      // Anyone who held a seat on the board may be recorded (a member whose seat ended since still attended).
      const seatHolders = new Set(
        (await listSeatHolderIdsOfBoard(tx, session.board_id)).map((s) => s.user_id),
      );
      const errors: Record<string, string[]> = {};
      input.records.forEach((r, i) => {
        if (!seatHolders.has(r.userId)) errors[`records.${i}.userId`] = ['board.notAMember'];
      });
      if (Object.keys(errors).length) throw new FieldError('BAD_REQUEST', errors);
      const now = new Date();
      const byUser = new Map(input.records.map((r) => [r.userId, r.status]));
      const stored = await upsertBoardAttendance(tx, session.id, [...byUser], ctx.user.id, now);
      await writeAudit(tx, auditContext(ctx), { action: 'board.attendance_record', entityType: 'board_session', entityId: session.id, after: stored });
      const [participation] = await participationInputs(tx, [session]);
      return { sessionId: session.id, participation: sessionParticipation(participation!, new Date()) };
    });
  }),

  saveMinutes: secretariatProcedure.input(minutesInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await sessionOrThrow(tx, input.sessionId);
      const now = new Date();
      const after = await tx
        .updateTable('board_session')
        .set({
          minutes: input.minutes,
          outcomes: input.outcomes ?? null,
          minutes_visibility: input.visibility,
          minutes_published_at: input.publish ? (before.minutes_published_at ?? now) : null,
          updated_at: now,
        })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(tx, auditContext(ctx), { action: input.publish ? 'board.minutes_publish' : 'board.minutes_save', entityType: 'board_session', entityId: after.id, before, after });
      return presentAdminSession(after);
    });
  }),

  /**
   * Aggregates of a session's survey. Signed answers are shown with the member's name; unsigned ones only inside the
   * aggregate, once the survey is closed and only from three of them (see `aggregateSurvey`).
   */
  surveyResults: secretariatProcedure.input(sessionIdInput).query(async ({ ctx, input }) => {
    const session = await sessionOrThrow(ctx.db, input.sessionId);
    const responses = await listBoardSurveyResponses(ctx.db, [session.id]);
    const now = new Date();
    const aggregate = aggregateSurvey(
      responses.map((r) => ({ satisfaction: r.satisfaction, trust: r.trust, signed: r.signed_by !== null })),
      { closed: surveyIsClosed(surveyWindowOf(session), now) },
    );
    return {
      sessionId: session.id,
      surveyOpen: surveyIsOpen(surveyWindowOf(session), now),
      surveyClosedAt: session.survey_closed_at,
      ...aggregate,
      signed: responses
        .filter((r) => r.signed_by !== null)
        .map((r) => ({ userId: r.signed_by, name: r.signer_name, satisfaction: r.satisfaction, trust: r.trust, comment: r.comment })),
      // Sorted text only, so no order of answering shows through; withheld with the aggregate.
      anonymousComments: aggregate.suppressed
        ? []
        : responses
            .filter((r) => r.signed_by === null && r.comment)
            .map((r) => r.comment!)
            .sort((a, b) => a.localeCompare(b)),
    };
  }),

  /** Ends a session's survey before its window does, so its results can be shown. */
  closeSurvey: secretariatProcedure.input(sessionIdInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await sessionOrThrow(tx, input.sessionId);
      await lockBoardSession(tx, before.id);
      const now = new Date();
      if (!surveyIsOpen(surveyWindowOf(before), now)) throw conflict('board.surveyClosed');
      const after = await closeBoardSurvey(tx, before.id, now);
      await writeAudit(tx, auditContext(ctx), { action: 'board.survey_close', entityType: 'board_session', entityId: after.id, before, after });
      return presentAdminSession(after);
    });
  }),

  // ------------------------------------------------------------------------------------------------- secretariat: training
  training: secretariatProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    await boardOrThrow(ctx.db, input.boardId);
    const rows = await listBoardTraining(ctx.db, input.boardId);
    return rows.map((t) => ({ id: t.id, boardId: t.board_id, userId: t.user_id, name: t.user_name, course: t.course, takenOn: t.taken_on, completed: t.completed, updatedAt: t.updated_at }));
  }),

  addTraining: secretariatProcedure.input(trainingInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      await boardOrThrow(tx, input.boardId);
      const seat = await findAnyBoardSeatOfUser(tx, input.boardId, input.userId);
      if (!seat) throw new FieldError('BAD_REQUEST', { userId: ['board.notAMember'] });
      const created = await insertBoardTraining(tx, {
        boardId: input.boardId,
        userId: input.userId,
        course: input.course,
        takenOn: input.takenOn,
        completed: input.completed,
        recordedBy: ctx.user.id,
      });
      await writeAudit(tx, auditContext(ctx), { action: 'board.training_add', entityType: 'board_training', entityId: created.id, after: created });
      return { id: created.id, boardId: created.board_id, userId: created.user_id, course: created.course, takenOn: created.taken_on, completed: created.completed };
    });
  }),

  updateTraining: secretariatProcedure.input(trainingUpdateInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await findBoardTraining(tx, input.trainingId);
      if (!before) throw notFound('board.trainingNotFound');
      const after = await updateBoardTraining(tx, before.id, { course: input.course, takenOn: input.takenOn, completed: input.completed });
      await writeAudit(tx, auditContext(ctx), { action: 'board.training_update', entityType: 'board_training', entityId: after.id, before, after });
      return { id: after.id, boardId: after.board_id, userId: after.user_id, course: after.course, takenOn: after.taken_on, completed: after.completed };
    });
  }),

  // ------------------------------------------------------------------------------------------------- secretariat: monitor and measures
  /** The board's seats held today against each target, live; unmet targets are flagged with the reason. */
  monitor: secretariatProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    const board = await boardOrThrow(ctx.db, input.boardId);
    const day = today();
    const current = (await listBoardSeats(ctx.db, board.id, { includeEnded: false })).filter((s) => seatHeldOn(spanOf(s), day));
    const evaluations = evaluateTargets(board.targets as BoardTarget[], current.map(targetSeatOf));
    const count = (values: (string | null)[]) => tallyBy(values.map((v) => v ?? 'undeclared'));
    const counted = current.filter((s) => s.role !== 'observer');
    return {
      boardId: board.id,
      day,
      seatCapacity: board.seat_capacity,
      currentSeats: current.length,
      countedSeats: counted.length,
      observers: current.length - counted.length,
      evaluations,
      unmet: evaluations.filter((e) => !e.met).length,
      composition: {
        byConstituency: count(counted.flatMap((s) => s.constituencies)),
        byMemberState: count(counted.map((s) => s.member_state_code)),
        byGender: count(counted.map((s) => s.gender)),
        byRole: count(current.map((s) => s.role)),
      },
    };
  }),

  participation: secretariatProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    const board = await boardOrThrow(ctx.db, input.boardId);
    const sessions = (await listBoardSessions(ctx.db, board.id)).reverse();
    const inputs = await participationInputs(ctx.db, sessions);
    const now = new Date();
    const names = new Map(
      (await listSeatHolderNamesOfBoard(ctx.db, board.id)).map((u) => [u.id, u.name]),
    );
    return {
      sessions: sessions
        .map((s, i) => ({ sessionId: s.id, title: s.title, startsAt: s.starts_at, ...sessionParticipation(inputs[i]!, now) }))
        .filter((s) => s.held),
      members: participationByMember(inputs, now).map((m) => ({ ...m, name: names.get(m.userId) ?? null })),
    };
  }),

  /** The four C2.1 measures per month or quarter, from the board's creation to today. */
  measures: secretariatProcedure
    .input(z.object({ boardId: uuid, period: z.enum(['month', 'quarter'], { error: 'validation.invalidOption' }).default('quarter') }))
    .query(async ({ ctx, input }) => {
      const board = await boardOrThrow(ctx.db, input.boardId);
      const [seats, sessions, constituencies, inputTimes, nominations] = await Promise.all([
        listBoardSeats(ctx.db, board.id, { includeEnded: true }),
        listBoardSessions(ctx.db, board.id),
        listBoardConstituencies(ctx.db),
        listInputTimesOfBoard(ctx.db, board.id),
        listNominationTimesOfBoard(ctx.db, board.id),
      ]);
      const [participation, responses] = await Promise.all([participationInputs(ctx.db, sessions), listBoardSurveyResponses(ctx.db, sessions.map((s) => s.id))]);
      const now = new Date();
      const earliestSession = sessions.reduce((min, s) => Math.min(min, asDate(s.starts_at).getTime()), asDate(board.created_at).getTime());
      // From the board's start (or its first session), but no more than ten years back: a mistyped life date must not
      // turn the series into centuries of empty periods.
      const tenYearsAgo = now.getTime() - 10 * 366 * 86_400_000;
      const from = new Date(Math.max(tenYearsAgo, Math.min(earliestSession, Date.parse(`${board.life_starts_on}T00:00:00Z`), now.getTime())));
      return {
        period: input.period,
        measures: boardMeasures({
          from,
          now,
          period: input.period,
          targets: board.targets as BoardTarget[],
          marginalised: constituencies.filter((c) => c.marginalised).map((c) => c.key),
          seats: seats.map((s) => ({ ...spanOf(s), ...targetSeatOf(s) })),
          sessions: participation,
          inputsAt: inputTimes,
          nominationsAt: nominations.map((n) => asDate(n.created_at)),
          surveys: sessions.map((s) => ({
            sessionId: s.id,
            sessionStartsAt: asDate(s.starts_at),
            closed: surveyIsClosed(surveyWindowOf(s), now),
            answers: responses.filter((r) => r.session_id === s.id).map((r) => ({ satisfaction: r.satisfaction, trust: r.trust, signed: r.signed_by !== null })),
          })),
        }),
      };
    }),
});
