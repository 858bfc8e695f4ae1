import type { MemberStateCode } from '@musyawarah/core';
import type { Executor } from '../client';
import { toJsonColumn } from '../json-column';

// Writes of nominations moved out of the boards router: the application and the Secretariat's scoring and decisions
// (executor first, same statements as before).

/** A new application or nomination, unscored. Refused by `board_nomination_one_open_per_applicant` when a duplicate. */
export async function insertBoardNomination(
  db: Executor,
  values: {
    callId: string;
    boardId: string;
    applicantUserId: string;
    isSelf: boolean;
    nomineeName: string;
    nomineeEmail: string;
    constituencies: string[];
    memberState: MemberStateCode | null;
    organisation: string | null;
    gender: string | null;
    motivation: string;
  },
) {
  return db
    .insertInto('board_nomination')
    .values({
      call_id: values.callId,
      board_id: values.boardId,
      applicant_user_id: values.applicantUserId,
      is_self: values.isSelf,
      nominee_name: values.nomineeName,
      nominee_email: values.nomineeEmail,
      constituencies: values.constituencies,
      member_state_code: values.memberState,
      organisation: values.organisation,
      gender: values.gender,
      motivation: values.motivation,
      scores: toJsonColumn({}),
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function scoreBoardNomination(
  db: Executor,
  nominationId: string,
  values: { scores: Record<string, number>; note: string | null; scoredBy: string },
) {
  return db
    .updateTable('board_nomination')
    .set({
      scores: toJsonColumn(values.scores),
      score_note: values.note,
      scored_by: values.scoredBy,
      updated_at: new Date(),
    })
    .where('id', '=', nominationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records the acceptance, with the seat it created and the nominee's account. */
export async function acceptBoardNomination(
  db: Executor,
  nominationId: string,
  values: { note: string | null; decidedBy: string; now: Date; seatId: string; nomineeUserId: string },
) {
  return db
    .updateTable('board_nomination')
    .set({
      status: 'accepted',
      decision_reason: values.note,
      decided_by: values.decidedBy,
      decided_at: values.now,
      seat_id: values.seatId,
      nominee_user_id: values.nomineeUserId,
      updated_at: values.now,
    })
    .where('id', '=', nominationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function declineBoardNomination(
  db: Executor,
  nominationId: string,
  values: { reason: string; decidedBy: string; now: Date },
) {
  return db
    .updateTable('board_nomination')
    .set({
      status: 'declined',
      decision_reason: values.reason,
      decided_by: values.decidedBy,
      decided_at: values.now,
      updated_at: values.now,
    })
    .where('id', '=', nominationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
