import { sql } from 'kysely';
import type { Executor } from '../client';

/**
 * Housekeeping the scheduler runs: rows that only ever matter until a time has passed. Each statement deletes what
 * no reader would accept any more, so running it late, twice, or on two hosts at once changes nothing.
 */

/** Sessions past their expiry: `validateSessionToken` already refuses them. */
export async function pruneExpiredSessions(db: Executor, now: Date): Promise<number> {
  const result = await db.deleteFrom('user_session').where('expires_at', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** E-mail links that expired or were used: neither can be redeemed again. */
export async function pruneSpentEmailTokens(db: Executor, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('email_token')
    .where((eb) => eb.or([eb('expires_at', '<', now), eb('used_at', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Login throttle and rate-limit rows whose window started before `windowStartedBefore` and that lock nothing any
 * more. Every window in the code is an hour or less, so a day-old window is always over and its counts start again
 * from zero whether the row exists or not.
 */
export async function pruneStaleThrottles(
  db: Executor,
  options: { now: Date; windowStartedBefore: Date },
): Promise<number> {
  const result = await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<', options.windowStartedBefore)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', options.now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Records the closing of board surveys whose window (the session's end plus `windowDays`) has passed, as the end of
 * the window, the same value the boards trust migration recorded for past sessions. Until now the closing was only
 * recorded when someone edited the session; recorded, later date changes cannot reopen it. Like that edit, it records
 * only surveys that received answers: a session without any can still have mistyped dates corrected and its survey
 * reopened, since no result was ever shown. Returns the closed rows.
 */
export async function recordLapsedSurveyClosings(db: Executor, options: { now: Date; windowDays: number }) {
  return db
    .updateTable('board_session')
    .set({
      survey_closed_at: sql`ends_at + ${options.windowDays}::int * interval '1 day'`,
    })
    .where('survey_closed_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('board_survey_response')
          .select(sql`1`.as('one'))
          .whereRef('board_survey_response.session_id', '=', 'board_session.id'),
      ),
    )
    .where(
      sql<boolean>`ends_at + ${options.windowDays}::int * interval '1 day' <= ${options.now}::timestamptz`,
    )
    .returning(['id', 'board_id', 'ends_at', 'survey_closed_at'])
    .execute();
}
