import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from './testing';
import { preparedStatement } from './prepared';
import { namedStatementPool } from './named-statement-pool';
import type { Database } from './schema';
import type { Executor } from './client';

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

const throttleRow = preparedStatement<{ key: string }, Record<string, unknown>>((db, param) =>
  db.selectFrom('login_throttle').selectAll().where('key', '=', param('key')),
);

async function preparedHere(db: Executor) {
  const { rows } = await sql<{
    statement: string;
    calls: string;
  }>`select statement, generic_plans + custom_plans as calls from pg_prepared_statements`.execute(db);
  return rows.map((row) => ({ statement: row.statement, calls: Number(row.calls) }));
}

async function backendGone(db: Executor, pid: number) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_stat_activity where pid = ${pid}`.execute(db);
    if (rows[0]!.n === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe.runIf(url)('named prepared statements on PostgreSQL (namedStatementPool)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    await t.db
      .insertInto('login_throttle')
      .values({ key: 'named:a', failures: 1, window_started_at: new Date(), locked_until: null })
      .execute();
  });
  afterAll(async () => t.close());

  it('prepares a marked statement once per connection and executes it by name; others stay unnamed', async () => {
    const prepared = await t.db.connection().execute(async (conn) => {
      for (let i = 0; i < 3; i++) {
        expect((await throttleRow(conn, { key: 'named:a' })).rows).toMatchObject([
          { key: 'named:a', failures: 1 },
        ]);
      }
      await conn.selectFrom('login_throttle').select('key').where('key', '=', 'named:a').execute();
      return preparedHere(conn);
    });
    expect(prepared).toHaveLength(1);
    expect(prepared[0]!.statement).toMatch(
      /^\/\* prepared s_[0-9a-f]{16} \*\/ select \* from "login_throttle"/,
    );
    expect(prepared[0]!.calls).toBe(3);
  });

  it('prepares nothing when turned off', async () => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${rows[0]!.schema}` });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: namedStatementPool(pool, { enabled: false }) }),
    });
    try {
      const prepared = await db.connection().execute(async (conn) => {
        expect((await throttleRow(conn, { key: 'named:a' })).rows).toHaveLength(1);
        return preparedHere(conn);
      });
      expect(prepared).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('answers a statement whose table changed shape under it, and closes that connection', async () => {
    const pid = await t.db.connection().execute(async (conn) => {
      await throttleRow(conn, { key: 'named:a' });
      await sql`alter table login_throttle add column rolled_out integer default 7`.execute(conn);
      // The prepared `select *` may no longer return what it was planned to: PostgreSQL refuses it on this connection.
      expect((await throttleRow(conn, { key: 'named:a' })).rows).toMatchObject([
        { key: 'named:a', rolled_out: 7 },
      ]);
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn);
      return rows[0]!.pid;
    });
    expect(await backendGone(t.db, pid)).toBe(true);
    expect((await throttleRow(t.db, { key: 'named:a' })).rows).toMatchObject([
      { key: 'named:a', rolled_out: 7 },
    ]);
  });

  it('fails only the transaction in which a statement went stale; the next one runs', async () => {
    let pid = 0;
    const attempt = t.db.transaction().execute(async (tx) => {
      pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx)).rows[0]!.pid;
      await throttleRow(tx, { key: 'named:a' });
      await sql`alter table login_throttle add column rolled_back integer`.execute(tx);
      return throttleRow(tx, { key: 'named:a' });
    });
    await expect(attempt).rejects.toMatchObject({ code: '0A000' });
    expect(await backendGone(t.db, pid)).toBe(true);
    const { rows } = await throttleRow(t.db, { key: 'named:a' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).not.toHaveProperty('rolled_back');
  });
});
