import type { Insertable } from 'kysely';
import type { Executor } from '../client';
import type { Database } from '../schema';

// Member-side and seat-ending writes of the boards domain moved out of the boards router (executor first, same statements).

export async function withdrawBoardNomination(db: Executor, nominationId: string) {
  return db
    .updateTable('board_nomination')
    .set({ status: 'withdrawn', updated_at: new Date() })
    .where('id', '=', nominationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Stores a member's point. With a key already used by this member, stores nothing and returns the point first stored
 * under it (`replayed`), so a point sent again after a lost answer is kept once.
 */
export async function insertBoardSessionInput(
  db: Executor,
  values: {
    sessionId: string;
    userId: string;
    agendaItemId: string | null;
    actionId: string | null;
    text: string;
    idempotencyKey?: string | null | undefined;
  },
) {
  const key = values.idempotencyKey ?? null;
  const inserted = await db
    .insertInto('board_session_input')
    .values({
      session_id: values.sessionId,
      user_id: values.userId,
      agenda_item_id: values.agendaItemId,
      action_id: values.actionId,
      text: values.text,
      idempotency_key: key,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { input: inserted, replayed: false };
  const stored = await db
    .selectFrom('board_session_input')
    .selectAll()
    .where('user_id', '=', values.userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirstOrThrow();
  return { input: stored, replayed: true };
}

/** Records that the user answered the session's survey; undefined when they already had. */
export async function insertBoardSurveyParticipation(db: Executor, sessionId: string, userId: string) {
  return db
    .insertInto('board_survey_participation')
    .values({ session_id: sessionId, user_id: userId })
    .onConflict((oc) => oc.columns(['session_id', 'user_id']).doNothing())
    .returning('session_id')
    .executeTakeFirst();
}

/** Ends every seat of the board not ended yet (the board is dissolved) and returns them. */
export async function endSeatsOfDissolvedBoard(db: Executor, boardId: string, now: Date, endedOn: string) {
  return db
    .updateTable('board_seat')
    .set({ ended_at: now, ended_on: endedOn, end_reason: 'board_dissolved', updated_at: now })
    .where('board_id', '=', boardId)
    .where('ended_at', 'is', null)
    .returningAll()
    .execute();
}

/** Invites the users to the session; returns those not invited before. */
export async function insertSessionInvitations(db: Executor, sessionId: string, userIds: string[]) {
  return db
    .insertInto('board_session_invitation')
    .values(userIds.map((userId) => ({ session_id: sessionId, user_id: userId })))
    .onConflict((oc) => oc.columns(['session_id', 'user_id']).doNothing())
    .returning('user_id')
    .execute();
}

export async function updateSessionRsvp(
  db: Executor,
  sessionId: string,
  userId: string,
  values: {
    rsvp: Insertable<Database['board_session_invitation']>['rsvp'];
    accommodationsNeeded: string[];
    otherNeeds: string | null;
  },
) {
  return db
    .updateTable('board_session_invitation')
    .set({
      rsvp: values.rsvp,
      rsvp_at: new Date(),
      accommodations_needed: values.accommodationsNeeded,
      other_needs: values.otherNeeds,
    })
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Ends the seat unless it was ended already (then undefined). */
export async function endBoardSeat(
  db: Executor,
  seatId: string,
  values: {
    now: Date;
    endedOn: string;
    reason: Insertable<Database['board_seat']>['end_reason'];
    note: string | null;
  },
) {
  return db
    .updateTable('board_seat')
    .set({
      ended_at: values.now,
      ended_on: values.endedOn,
      end_reason: values.reason,
      end_note: values.note,
      updated_at: values.now,
    })
    .where('id', '=', seatId)
    .where('ended_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
