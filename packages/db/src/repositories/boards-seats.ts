import type { MemberStateCode } from '@musyawarah/core';
import type { Executor } from '../client';
import type { BoardSeat } from '../schema-boards';

// Writes of seats moved out of the boards router: seating someone, the Secretariat's edits and the holder's own
// (executor first, same statements as before). Ending seats is in boards-members.ts.

/** What a seat says about its holder and term. */
export interface BoardSeatValues {
  role: BoardSeat['role'];
  termStartsOn: string;
  termEndsOn: string;
  constituencies: string[];
  memberState: MemberStateCode | null;
  organisation: string | null;
  gender: string | null;
  conflictOfInterest: string | null;
  listedPublicly: boolean;
}

/**
 * A new seat. The caller holds the board's row lock and has checked capacity, term and the holder's other seats; a
 * second active seat of the same person is still refused by `board_seat_one_active`.
 */
export async function insertBoardSeat(
  db: Executor,
  seat: BoardSeatValues & { boardId: string; userId: string; nominationId: string | null; createdBy: string },
) {
  return db
    .insertInto('board_seat')
    .values({
      board_id: seat.boardId,
      user_id: seat.userId,
      role: seat.role,
      constituencies: seat.constituencies,
      member_state_code: seat.memberState,
      organisation: seat.organisation,
      gender: seat.gender,
      conflict_of_interest: seat.conflictOfInterest,
      listed_publicly: seat.listedPublicly,
      term_starts_on: seat.termStartsOn,
      term_ends_on: seat.termEndsOn,
      nomination_id: seat.nominationId,
      created_by: seat.createdBy,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateBoardSeat(db: Executor, seatId: string, values: BoardSeatValues) {
  return db
    .updateTable('board_seat')
    .set({
      role: values.role,
      term_starts_on: values.termStartsOn,
      term_ends_on: values.termEndsOn,
      constituencies: values.constituencies,
      member_state_code: values.memberState,
      organisation: values.organisation,
      gender: values.gender,
      conflict_of_interest: values.conflictOfInterest,
      listed_publicly: values.listedPublicly,
      updated_at: new Date(),
    })
    .where('id', '=', seatId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The self-declared parts of a seat, as its holder corrects them. */
export async function updateOwnBoardSeat(
  db: Executor,
  seatId: string,
  values: { gender: string | null; listedPublicly: boolean; conflictOfInterest: string | null },
) {
  return db
    .updateTable('board_seat')
    .set({
      gender: values.gender,
      listed_publicly: values.listedPublicly,
      conflict_of_interest: values.conflictOfInterest,
      updated_at: new Date(),
    })
    .where('id', '=', seatId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
