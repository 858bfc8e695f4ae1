import { sql, type ExpressionBuilder } from 'kysely';
import { boardDay } from '@musyawarah/core';
import type { Executor } from '../client';
import type { Database } from '../schema';

// Repository functions of the boards domain (executor first). Rules (targets, terms, rates) live in core; these only read and write.

export async function listBoardConstituencies(db: Executor) {
  return db
    .selectFrom('board_constituency')
    .selectAll()
    .orderBy('is_default', 'desc')
    .orderBy('marginalised', 'desc')
    .orderBy('created_at')
    .orderBy('key')
    .execute();
}

export async function listBoards(db: Executor, filter: { publishedOnly: boolean }) {
  let query = db.selectFrom('advisory_board').selectAll();
  if (filter.publishedOnly) query = query.where('published', '=', true);
  return query.orderBy('created_at', 'desc').execute();
}

export async function findBoard(db: Executor, id: string) {
  return db.selectFrom('advisory_board').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The board row, locked until the transaction ends. Everything that fills or resizes seats takes this lock first, so two
 * acceptances competing for the last seat run one after the other and the second counts the first one's seat.
 */
export async function lockBoard(db: Executor, id: string) {
  return db.selectFrom('advisory_board').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Seats that have not been ended, per board (they hold a place against the board's capacity). */
export async function countActiveBoardSeatsByBoard(db: Executor) {
  const rows = await db
    .selectFrom('board_seat')
    .select(['board_id', sql<number>`count(*)::int`.as('count')])
    .where('ended_at', 'is', null)
    .groupBy('board_id')
    .execute();
  return new Map(rows.map((r) => [r.board_id, Number(r.count)]));
}

export async function countActiveBoardSeats(db: Executor, boardId: string): Promise<number> {
  const row = await db
    .selectFrom('board_seat')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('board_id', '=', boardId)
    .where('ended_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

const seatColumns = [
  'board_seat.id',
  'board_seat.board_id',
  'board_seat.user_id',
  'board_seat.role',
  'board_seat.constituencies',
  'board_seat.member_state_code',
  'board_seat.organisation',
  'board_seat.gender',
  'board_seat.conflict_of_interest',
  'board_seat.listed_publicly',
  'board_seat.term_starts_on',
  'board_seat.term_ends_on',
  'board_seat.ended_on',
  'board_seat.ended_at',
  'board_seat.end_reason',
  'board_seat.end_note',
  'board_seat.nomination_id',
  'board_seat.created_by',
  'board_seat.created_at',
  'board_seat.updated_at',
] as const;

/** Seats of a board with their holders' names, newest term first; ended seats only when asked (history). */
export async function listBoardSeats(db: Executor, boardId: string, options: { includeEnded: boolean }) {
  let query = db
    .selectFrom('board_seat')
    .innerJoin('user_account', 'user_account.id', 'board_seat.user_id')
    .select([...seatColumns, 'user_account.name as holder_name', 'user_account.email as holder_email'])
    .where('board_seat.board_id', '=', boardId);
  if (!options.includeEnded) query = query.where('board_seat.ended_at', 'is', null);
  return query
    .orderBy('board_seat.ended_at', 'desc')
    .orderBy('board_seat.term_starts_on', 'desc')
    .orderBy('user_account.name')
    .execute();
}

export async function findBoardSeat(db: Executor, id: string) {
  return db.selectFrom('board_seat').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The person's seat on the board that has not been ended, if any: what makes them a member who may see the board. */
export async function findActiveBoardSeat(db: Executor, boardId: string, userId: string) {
  return db
    .selectFrom('board_seat')
    .selectAll()
    .where('board_id', '=', boardId)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

/** Every board seat of a person that has not been ended, with its board. */
export async function listActiveBoardSeatsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('board_seat')
    .innerJoin('advisory_board', 'advisory_board.id', 'board_seat.board_id')
    .select([
      ...seatColumns,
      'advisory_board.name as board_name',
      'advisory_board.scope as board_scope',
      'advisory_board.member_state_code as board_member_state',
      'advisory_board.status as board_status',
      'advisory_board.mandate as board_mandate',
    ])
    .where('board_seat.user_id', '=', userId)
    .where('board_seat.ended_at', 'is', null)
    .orderBy('board_seat.term_starts_on')
    .execute();
}

export async function listBoardCalls(db: Executor, boardId: string) {
  return db
    .selectFrom('board_call')
    .selectAll()
    .where('board_id', '=', boardId)
    .orderBy('opens_at', 'desc')
    .execute();
}

export async function findBoardCall(db: Executor, id: string) {
  return db.selectFrom('board_call').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Calls of published boards accepting applications at `now`. */
export async function listOpenBoardCalls(db: Executor, now: Date) {
  return db
    .selectFrom('board_call')
    .innerJoin('advisory_board', 'advisory_board.id', 'board_call.board_id')
    .selectAll('board_call')
    .select([
      'advisory_board.name as board_name',
      'advisory_board.scope as board_scope',
      'advisory_board.member_state_code as board_member_state',
      'advisory_board.status as board_status',
    ])
    .where('advisory_board.published', '=', true)
    .where('advisory_board.status', '<>', 'dissolved')
    .where('board_call.opens_at', '<=', now)
    .where('board_call.closes_at', '>', now)
    .orderBy('board_call.closes_at')
    .execute();
}

export async function countBoardNominationsByCall(db: Executor, boardId: string) {
  const rows = await db
    .selectFrom('board_nomination')
    .select(['call_id', sql<number>`count(*)::int`.as('count')])
    .where('board_id', '=', boardId)
    .groupBy('call_id')
    .execute();
  return new Map(rows.map((r) => [r.call_id, Number(r.count)]));
}

export async function listBoardNominations(db: Executor, boardId: string, status?: string) {
  let query = db
    .selectFrom('board_nomination')
    .leftJoin('user_account as applicant', 'applicant.id', 'board_nomination.applicant_user_id')
    .leftJoin('user_account as nominee', (join) =>
      join.onRef('nominee.email', '=', 'board_nomination.nominee_email').on('nominee.status', '=', 'active'),
    )
    .selectAll('board_nomination')
    .select([
      'applicant.name as applicant_name',
      'applicant.email as applicant_email',
      'nominee.id as nominee_account_id',
    ])
    .where('board_nomination.board_id', '=', boardId);
  if (status) query = query.where('board_nomination.status', '=', status as 'submitted');
  return query.orderBy('board_nomination.created_at').execute();
}

export async function findBoardNomination(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('board_nomination').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function listBoardNominationsOfApplicant(db: Executor, userId: string) {
  return db
    .selectFrom('board_nomination')
    .innerJoin('advisory_board', 'advisory_board.id', 'board_nomination.board_id')
    .selectAll('board_nomination')
    .select(['advisory_board.name as board_name'])
    .where('board_nomination.applicant_user_id', '=', userId)
    .orderBy('board_nomination.created_at', 'desc')
    .execute();
}

export async function listBoardSessions(db: Executor, boardId: string) {
  return db
    .selectFrom('board_session')
    .selectAll()
    .where('board_id', '=', boardId)
    .orderBy('starts_at', 'desc')
    .execute();
}

export async function findBoardSession(db: Executor, id: string) {
  return db.selectFrom('board_session').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listSessionInvitations(db: Executor, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('board_session_invitation')
    .innerJoin('user_account', 'user_account.id', 'board_session_invitation.user_id')
    .selectAll('board_session_invitation')
    .select(['user_account.name as user_name'])
    .where('board_session_invitation.session_id', 'in', sessionIds)
    .orderBy('user_account.name')
    .execute();
}

export async function findSessionInvitation(db: Executor, sessionId: string, userId: string) {
  return db
    .selectFrom('board_session_invitation')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function listBoardAttendance(db: Executor, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('board_attendance')
    .innerJoin('user_account', 'user_account.id', 'board_attendance.user_id')
    .selectAll('board_attendance')
    .select(['user_account.name as user_name'])
    .where('board_attendance.session_id', 'in', sessionIds)
    .execute();
}

export async function listBoardSessionInputs(
  db: Executor,
  sessionIds: string[],
  options: { userId?: string } = {},
) {
  if (sessionIds.length === 0) return [];
  let query = db
    .selectFrom('board_session_input')
    .leftJoin('user_account', 'user_account.id', 'board_session_input.user_id')
    .selectAll('board_session_input')
    .select(['user_account.name as user_name'])
    .where('board_session_input.session_id', 'in', sessionIds);
  if (options.userId) query = query.where('board_session_input.user_id', '=', options.userId);
  return query.orderBy('board_session_input.created_at').execute();
}

/** When each input to a board's sessions was made (the engagement measure). */
export async function listInputTimesOfBoard(db: Executor, boardId: string) {
  const rows = await db
    .selectFrom('board_session_input')
    .innerJoin('board_session', 'board_session.id', 'board_session_input.session_id')
    .select('board_session_input.created_at')
    .where('board_session.board_id', '=', boardId)
    .execute();
  return rows.map((r) => new Date(r.created_at));
}

/**
 * Survey answers of some sessions, with the signer's name only where the member chose to sign. Ordered by content, not
 * by anything that could follow the order of answering.
 */
export async function listBoardSurveyResponses(db: Executor, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('board_survey_response')
    .leftJoin('user_account', 'user_account.id', 'board_survey_response.signed_by')
    .select([
      'board_survey_response.session_id',
      'board_survey_response.satisfaction',
      'board_survey_response.trust',
      'board_survey_response.comment',
      'board_survey_response.signed_by',
      'user_account.name as signer_name',
    ])
    .where('board_survey_response.session_id', 'in', sessionIds)
    .orderBy('board_survey_response.satisfaction')
    .orderBy('board_survey_response.trust')
    .orderBy('board_survey_response.comment')
    .execute();
}

export async function listBoardSurveyParticipation(db: Executor, userId: string, sessionIds: string[]) {
  if (sessionIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('board_survey_participation')
    .select('session_id')
    .where('user_id', '=', userId)
    .where('session_id', 'in', sessionIds)
    .execute();
  return new Set(rows.map((r) => r.session_id));
}

export async function listBoardTraining(db: Executor, boardId: string, options: { userId?: string } = {}) {
  let query = db
    .selectFrom('board_training')
    .innerJoin('user_account', 'user_account.id', 'board_training.user_id')
    .selectAll('board_training')
    .select(['user_account.name as user_name'])
    .where('board_training.board_id', '=', boardId);
  if (options.userId) query = query.where('board_training.user_id', '=', options.userId);
  return query.orderBy('board_training.taken_on', 'desc').execute();
}

/** Boards where the person holds a seat that has not been ended: their board memberships (e.g. for "board" audiences). */
export async function listBoardIdsOfMember(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('board_seat')
    .select('board_id')
    .distinct()
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
  return rows.map((r) => r.board_id);
}

/**
 * A deleted account leaves its boards: active seats end today (as a resignation; history is kept), open nominations by
 * or of the person are withdrawn, and every field that identifies the person is cleared — the nominee's name, address,
 * organisation and motivation on nominations of them, the organisation and self-declarations (gender, conflict of
 * interest) and notes on their seats, the needs given with their RSVPs — while counts, attendance, inputs and training
 * stay in the record, attributed to "Deleted user".
 */
export async function releaseBoardPlacesOfDeletedUser(
  db: Executor,
  user: { id: string; email: string },
  now: Date = new Date(),
) {
  const today = boardDay(now);
  const email = user.email.toLowerCase();
  const seats = await db
    .updateTable('board_seat')
    .set({
      ended_on: sql`greatest(term_starts_on, ${today}::date)`,
      ended_at: now,
      end_reason: 'resigned',
      updated_at: now,
    })
    .where('user_id', '=', user.id)
    .where('ended_at', 'is', null)
    .returning('id')
    .execute();
  const allSeats = await db
    .updateTable('board_seat')
    .set({
      organisation: null,
      gender: null,
      conflict_of_interest: null,
      end_note: null,
      listed_publicly: false,
      updated_at: now,
    })
    .where('user_id', '=', user.id)
    .returning('id')
    .execute();
  const concernsThePerson = (eb: ExpressionBuilder<Database, 'board_nomination'>) =>
    eb.or([
      eb('applicant_user_id', '=', user.id),
      eb('nominee_user_id', '=', user.id),
      eb('nominee_email', '=', email),
    ]);
  const withdrawn = await db
    .updateTable('board_nomination')
    .set({ status: 'withdrawn', updated_at: now })
    .where(concernsThePerson)
    .where('status', '=', 'submitted')
    .returning('id')
    .execute();
  const ofThePerson = await db
    .updateTable('board_nomination')
    .set({
      nominee_name: 'Deleted user',
      nominee_email: `deleted-${user.id}@deleted.invalid`,
      organisation: null,
      gender: null,
      motivation: '',
      score_note: null,
      // A decline keeps that it had a reason (required), not the reason's words, which may name the person.
      decision_reason: sql`case when status = 'declined' then '' else null end`,
      updated_at: now,
    })
    .where((eb) => eb.or([eb('nominee_user_id', '=', user.id), eb('nominee_email', '=', email)]))
    .returning('id')
    .execute();
  const invitations = await db
    .updateTable('board_session_invitation')
    .set({ accommodations_needed: [], other_needs: null })
    .where('user_id', '=', user.id)
    .returning('session_id')
    .execute();
  return {
    endedSeats: seats.length,
    withdrawnNominations: withdrawn.length,
    entities: [
      ...allSeats.map((s) => ({ type: 'board_seat', id: s.id })),
      ...ofThePerson.map((n) => ({ type: 'board_nomination', id: n.id })),
    ],
    clearedInvitations: invitations.length,
  };
}

/** What the boards domain holds about a person, for "Download my data". */
export async function listBoardDataOfUser(db: Executor, userId: string) {
  const [seats, nominations, invitations, inputs, training] = await Promise.all([
    db
      .selectFrom('board_seat')
      .innerJoin('advisory_board', 'advisory_board.id', 'board_seat.board_id')
      .select([
        'advisory_board.name as board',
        'board_seat.role',
        'board_seat.constituencies',
        'board_seat.member_state_code',
        'board_seat.organisation',
        'board_seat.gender',
        'board_seat.conflict_of_interest',
        'board_seat.listed_publicly',
        'board_seat.term_starts_on',
        'board_seat.term_ends_on',
        'board_seat.ended_on',
        'board_seat.end_reason',
      ])
      .where('board_seat.user_id', '=', userId)
      .execute(),
    db
      .selectFrom('board_nomination')
      .select([
        'board_id',
        'is_self',
        'nominee_name',
        'constituencies',
        'motivation',
        'status',
        'decision_reason',
        'created_at',
        'decided_at',
      ])
      .where((eb) => eb.or([eb('applicant_user_id', '=', userId), eb('nominee_user_id', '=', userId)]))
      .execute(),
    db
      .selectFrom('board_session_invitation')
      .select(['session_id', 'invited_at', 'rsvp', 'rsvp_at', 'accommodations_needed', 'other_needs'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('board_session_input')
      .select(['session_id', 'agenda_item_id', 'action_id', 'text', 'created_at'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('board_training')
      .select(['board_id', 'course', 'taken_on', 'completed'])
      .where('user_id', '=', userId)
      .execute(),
  ]);
  return { seats, nominations, invitations, inputs, training };
}
