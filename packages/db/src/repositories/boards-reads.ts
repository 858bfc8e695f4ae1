import type { Executor } from '../client';

// Reads of the boards domain moved out of the boards router (executor first, same statements as before).

/** Every seat (ended or not) on the given boards, with what decides whether it was held on a day. */
export async function listSeatSpansOfBoards(db: Executor, boardIds: string[]) {
  return db
    .selectFrom('board_seat')
    .select(['board_id', 'user_id', 'term_ends_on', 'ended_on', 'ended_at'])
    .where('board_id', 'in', boardIds)
    .execute();
}

/** Sessions of the given boards, earliest first. */
export async function listBoardSessionsOfBoards(db: Executor, boardIds: string[]) {
  return db
    .selectFrom('board_session')
    .selectAll()
    .where('board_id', 'in', boardIds)
    .orderBy('starts_at')
    .execute();
}

/** Locks the session row until the transaction ends (one survey answer or closing at a time). */
export async function lockBoardSession(db: Executor, sessionId: string) {
  return db.selectFrom('board_session').select('id').where('id', '=', sessionId).forUpdate().execute();
}

/** Every seat that has not been ended, on every board. */
export async function listAllActiveBoardSeats(db: Executor) {
  return db.selectFrom('board_seat').selectAll().where('ended_at', 'is', null).execute();
}

/** What a decision mail to an applicant needs. */
export async function findNominationApplicant(db: Executor, userId: string) {
  return db
    .selectFrom('user_account')
    .select(['email', 'name', 'locale', 'status'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function findBoardAttendance(db: Executor, sessionId: string, userId: string) {
  return db
    .selectFrom('board_attendance')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Users who ever held a seat on the board (ended seats included). */
export async function listSeatHolderIdsOfBoard(db: Executor, boardId: string) {
  return db.selectFrom('board_seat').select('user_id').where('board_id', '=', boardId).execute();
}

/** Any seat (ended or not) of the user on the board. */
export async function findAnyBoardSeatOfUser(db: Executor, boardId: string, userId: string) {
  return db
    .selectFrom('board_seat')
    .select('id')
    .where('board_id', '=', boardId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function findBoardTraining(db: Executor, trainingId: string) {
  return db.selectFrom('board_training').selectAll().where('id', '=', trainingId).executeTakeFirst();
}

/** Names of everyone who ever held a seat on the board. */
export async function listSeatHolderNamesOfBoard(db: Executor, boardId: string) {
  return db
    .selectFrom('board_seat')
    .innerJoin('user_account', 'user_account.id', 'board_seat.user_id')
    .select(['user_account.id', 'user_account.name'])
    .where('board_seat.board_id', '=', boardId)
    .execute();
}

export async function listNominationTimesOfBoard(db: Executor, boardId: string) {
  return db.selectFrom('board_nomination').select('created_at').where('board_id', '=', boardId).execute();
}
