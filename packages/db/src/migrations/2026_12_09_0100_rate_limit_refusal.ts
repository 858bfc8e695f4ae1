import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
/**
 * A statement that counts a use against a rate limit and, in the same statement, stores the work the use is for (a
 * submission: issue #16) needs a way to undo both when the count is over the limit. SQL has no `raise`; this function
 * is it. The whole statement then rolls back: the refused use is not counted and nothing is stored, exactly as when
 * the count and the work were two statements in one transaction. The message carries the seconds until the window
 * ends, which the caller reads back (`isRateLimitRefusal`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function refuse_over_rate_limit(retry_after_seconds integer) returns integer language plpgsql as $$
    begin
      raise exception 'rate_limited:%', retry_after_seconds using errcode = 'P0001';
    end $$;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists refuse_over_rate_limit(integer)`.execute(db);
}
