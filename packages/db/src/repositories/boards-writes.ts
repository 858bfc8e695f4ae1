import type { Insertable } from 'kysely';
import type { Executor } from '../client';
import type { Database } from '../schema';

// Writes of the boards domain moved out of the boards router (executor first, same statements as before).

/** Removes and returns every survey answer of the session (they are then rewritten in a random order). */
export async function deleteBoardSurveyResponses(db: Executor, sessionId: string) {
  return db.deleteFrom('board_survey_response').where('session_id', '=', sessionId).returningAll().execute();
}

export async function insertBoardSurveyResponses(
  db: Executor,
  answers: Insertable<Database['board_survey_response']>[],
) {
  return db.insertInto('board_survey_response').values(answers).execute();
}

export async function closeBoardCall(db: Executor, callId: string, now: Date) {
  return db
    .updateTable('board_call')
    .set({ closes_at: now })
    .where('id', '=', callId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteBoardAttendance(db: Executor, sessionId: string, userId: string) {
  return db
    .deleteFrom('board_attendance')
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteSessionInvitation(db: Executor, sessionId: string, userId: string) {
  return db
    .deleteFrom('board_session_invitation')
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .execute();
}

/** Records (or re-records) attendance of each user at the session. */
export async function upsertBoardAttendance(
  db: Executor,
  sessionId: string,
  records: [userId: string, status: Insertable<Database['board_attendance']>['status']][],
  recordedBy: string,
  now: Date,
) {
  return db
    .insertInto('board_attendance')
    .values(
      records.map(([userId, status]) => ({
        session_id: sessionId,
        user_id: userId,
        status,
        recorded_by: recordedBy,
        recorded_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['session_id', 'user_id']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        recorded_by: recordedBy,
        recorded_at: now,
      })),
    )
    .returningAll()
    .execute();
}

export async function closeBoardSurvey(db: Executor, sessionId: string, now: Date) {
  return db
    .updateTable('board_session')
    .set({ survey_closed_at: now, updated_at: now })
    .where('id', '=', sessionId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertBoardTraining(
  db: Executor,
  values: {
    boardId: string;
    userId: string;
    course: string;
    takenOn: string;
    completed: boolean;
    recordedBy: string;
  },
) {
  return db
    .insertInto('board_training')
    .values({
      board_id: values.boardId,
      user_id: values.userId,
      course: values.course,
      taken_on: values.takenOn,
      completed: values.completed,
      recorded_by: values.recordedBy,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateBoardTraining(
  db: Executor,
  trainingId: string,
  values: { course: string; takenOn: string; completed: boolean },
) {
  return db
    .updateTable('board_training')
    .set({
      course: values.course,
      taken_on: values.takenOn,
      completed: values.completed,
      updated_at: new Date(),
    })
    .where('id', '=', trainingId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
