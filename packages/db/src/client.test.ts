import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

// Found by tooling/reliability's outage suite: stopping PostgreSQL while a transaction held a pooled connection
// crashed the API with an unhandled 'error' event (57P01, "terminating connection due to administrator command").
describe.skipIf(!url)('a PostgreSQL connection lost while checked out (postgres)', () => {
  it('fails the statement instead of crashing the process, and the pool recovers', async () => {
    const handle = await openDatabase({ databaseUrl: url, poolSize: 2 });
    const killer = await openDatabase({ databaseUrl: url, poolSize: 1 });
    const marker = `lost-${randomBytes(4).toString('hex')}`;
    try {
      const outcome = await handle.db
        .transaction()
        .execute(async (tx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
          // The server ends this backend exactly as a shutdown does (57P01) while the client sits idle, checked out.
          await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(killer.db);
          await new Promise((r) => setTimeout(r, 300));
          await sql`select ${marker}`.execute(tx);
          return 'survived';
        })
        .catch((error: unknown) => error);
      expect(outcome).toBeInstanceOf(Error);
      // Still here, and the next statement gets a fresh connection.
      const { rows } = await sql<{ ok: number }>`select 1 as ok`.execute(handle.db);
      expect(rows[0]?.ok).toBe(1);
    } finally {
      await killer.close();
      await handle.close();
    }
  });
});
