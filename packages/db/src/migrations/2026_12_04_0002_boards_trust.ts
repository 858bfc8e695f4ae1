import { sql, type Kysely } from 'kysely';

/**
 * Boards trust fixes (issue #11). Frozen once released: add a new migration rather than editing this one.
 *
 * - A survey's closing is a record, never recomputed from a session's editable dates: sessions whose survey window has
 *   already passed get `survey_closed_at` (the end of the window), so moving their dates later cannot reopen them.
 * - The row that says a member has answered a survey keeps no time: lined up with the audit log, a time would point
 *   at an unsigned answer.
 * - A nominee may be nominated by several people (the Secretariat sees them side by side): the uniqueness of an open
 *   nomination is per applicant, so the answer to a nomination never reveals that someone else nominated the person.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update board_session set survey_closed_at = ends_at + interval '30 days'
    where survey_closed_at is null and ends_at + interval '30 days' <= now()`.execute(db);
  await db.schema.alterTable('board_survey_participation').dropColumn('responded_at').execute();
  await sql`drop index board_nomination_one_open`.execute(db);
  await sql`
    create unique index board_nomination_one_open_per_applicant on board_nomination (call_id, applicant_user_id, nominee_email)
    where status = 'submitted'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists board_nomination_one_open_per_applicant`.execute(db);
  // Only restorable when no nominee has two open nominations on one call.
  await sql`create unique index board_nomination_one_open on board_nomination (call_id, nominee_email) where status = 'submitted'`.execute(
    db,
  );
  await db.schema
    .alterTable('board_survey_participation')
    .addColumn('responded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
