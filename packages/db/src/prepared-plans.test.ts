import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from './testing';
import { findSessionWithSubmissionContext, loadSubmissionContext } from './repositories/consultation';
import type { Executor } from './client';

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

/**
 * The plan PostgreSQL keeps for a named prepared statement once it stops planning it per call: the generic plan,
 * which cannot know the values. A constant the statement sends as a parameter (a status, say) hides from it what a
 * partial index needs to be used, and the planner falls back to whatever the table's statistics suggest.
 */
async function genericPlanOf(db: Executor, statementLike: string, unlike = '-'): Promise<string> {
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{ statement: string; parameters: number }>`
      select statement, cardinality(parameter_types) as parameters
      from pg_prepared_statements where statement like ${statementLike} and statement not like ${unlike}`.execute(
      conn,
    );
    expect(rows).toHaveLength(1);
    const [{ statement, parameters }] = rows as [{ statement: string; parameters: number }];
    await sql`set plan_cache_mode = force_generic_plan`.execute(conn);
    try {
      await sql.raw(`prepare generic_plan_check as ${statement}`).execute(conn);
      // A generic plan does not depend on the values, so nulls stand for them.
      const nulls = Array.from({ length: parameters }, () => 'null').join(', ');
      const plan = await sql
        .raw<{ 'QUERY PLAN': string }>(`explain execute generic_plan_check(${nulls})`)
        .execute(conn);
      return plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await sql`deallocate generic_plan_check`.execute(conn);
      await sql`reset plan_cache_mode`.execute(conn);
    }
  });
}

describe.runIf(url)('plans of the statements every submission runs (PostgreSQL)', () => {
  let t: TestDatabase;
  let roundId: string;
  let userId: string;
  beforeAll(async () => {
    t = await openTestDatabase();
    const round = await sql<{ id: string }>`
      insert into consultation_round (title, description, format, audience, languages, opens_at, closes_at, published_at, updated_at)
      values ('{"en":"Busy round"}', '{"en":"A round one facilitator fills"}', 'online_consultation', 'public', '{en}',
              now() - interval '1 day', now() + interval '1 day', now(), now())
      returning id`.execute(t.db);
    roundId = round.rows[0]!.id;
    const user = await sql<{ id: string }>`
      insert into user_account (email, name, role, status) values ('busy@example.org', 'Busy', 'stakeholder', 'active')
      returning id`.execute(t.db);
    userId = user.rows[0]!.id;
    // One author with many submissions in one round: the statistics then say "most rows match", which is what
    // tempted the generic plan into reading the whole table for a draft that is one row of a partial index.
    await sql`
      insert into contribution (round_id, author_user_id, status, idempotency_key, answers, written_in, named_publicly,
                                submitted_at, updated_at)
      select ${roundId}::uuid, ${userId}::uuid, 'submitted', gen_random_uuid(), '{}'::jsonb, 'en', false, now(), now()
      from generate_series(1, 20000)`.execute(t.db);
    await sql`analyze contribution`.execute(t.db);
  });
  afterAll(async () => t.close());

  it('reads a submission’s context by index, even in the generic plan', async () => {
    await t.db.connection().execute(async (conn) => {
      const context = await loadSubmissionContext(conn, {
        roundId,
        idempotencyKey: '00000000-0000-4000-8000-000000000001',
        authorUserId: userId,
      });
      expect(context.round?.id).toBe(roundId);
      expect(context.draftId).toBeNull();
      const plan = await genericPlanOf(conn, '%round_question%', '%user_session%');
      expect(plan).not.toMatch(/Seq Scan on contribution/);
      expect(plan).toMatch(/contribution_one_draft/);
    });
  });

  it('reads it by index with the session too, where the author is the session’s user', async () => {
    const sessionId = 'a'.repeat(64);
    await sql`
      insert into user_session (id, user_id, expires_at, last_used_at)
      values (${sessionId}, ${userId}, now() + interval '1 day', now())`.execute(t.db);
    await t.db.connection().execute(async (conn) => {
      const found = await findSessionWithSubmissionContext(conn, sessionId, {
        roundId,
        idempotencyKey: '00000000-0000-4000-8000-000000000001',
      });
      expect(found?.context.round?.id).toBe(roundId);
      expect(found?.context.draftId).toBeNull();
      const plan = await genericPlanOf(conn, '%round_question%user_session%');
      expect(plan).not.toMatch(/Seq Scan on contribution/);
      expect(plan).toMatch(/contribution_one_draft/);
    });
  });
});
