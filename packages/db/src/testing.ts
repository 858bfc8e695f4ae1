import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { namedStatementPool } from './named-statement-pool';
import { migrateToLatest, openDatabase, type Db } from './client';
import type { Database } from './schema';

export interface TestDatabase {
  db: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/**
 * A migrated, empty database for one test file. With TEST_DATABASE_URL (or DATABASE_URL) set, each call gets its own
 * schema on that PostgreSQL server, so suites can run in parallel without seeing each other's rows; otherwise an
 * in-memory PGlite. The test command runs the database suites once each way.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    // No 503 after a few seconds in the queue: a test run on a loaded machine is slow, not overloaded.
    const handle = await openDatabase({
      pgliteDataDir: 'memory://',
      connectTimeoutMs: 600_000,
      pgliteThread: 'inline',
      // Already migrated by testing-global-setup.ts when the suite's config lists it; migrating again is then a check.
      pgliteSnapshot: process.env.MUSYAWARAH_TEST_PGLITE_SNAPSHOT,
    });
    await migrateToLatest(handle.db);
    return handle;
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const { default: pg } = await import('pg');
  pg.types.setTypeParser(1082, (value: string) => value);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: url, max: 5, options: `-c search_path=${schema}` });
  pool.on('error', () => undefined);
  // As production sends them: the hot statements named and prepared once per connection.
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: namedStatementPool(pool, { enabled: true }) }),
  });
  await migrateToLatest(db, { schema });
  return {
    db,
    kind: 'postgres',
    async close() {
      await sql
        .raw(`drop schema ${schema} cascade`)
        .execute(db)
        .catch(() => undefined);
      await db.destroy();
    },
  };
}

/**
 * For tests that open their own connections (the HTTP host, child processes): with a PostgreSQL server configured,
 * a fresh empty database on it and a function that drops it; otherwise `undefined`, meaning "use the embedded one".
 */
export async function createScratchDatabaseUrl(): Promise<{
  url: string | undefined;
  drop(): Promise<void>;
}> {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) return { url: undefined, drop: async () => undefined };
  const name = `scratch_${randomBytes(6).toString('hex')}`;
  const { default: pg } = await import('pg');
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`create database ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return { url: scratch.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/**
 * A published public round, open from an hour ago for thirty days, in English — or, with `closed`, one whose
 * deadline has just passed — for tests that only need somewhere to send feedback. Returns its id.
 */
export async function insertOpenRound(
  db: Kysely<Database>,
  { title = 'Test round', closed = false }: { title?: string; closed?: boolean } = {},
): Promise<string> {
  const now = Date.now();
  const round = await db
    .insertInto('consultation_round')
    .values({
      title: JSON.stringify({ en: title }),
      description: JSON.stringify({ en: `${title}: a round for tests` }),
      format: 'online_consultation',
      audience: 'public',
      languages: ['en'],
      opens_at: new Date(now - (closed ? 7_200_000 : 3_600_000)),
      closes_at: new Date(closed ? now - 1_000 : now + 30 * 86_400_000),
      published_at: new Date(now),
      updated_at: new Date(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return round.id;
}
