import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './client';
import { createScratchDatabaseUrl } from './testing';

// The current-edition cache of every host hangs on these notifications (issue #16): an adoption that commits must
// reach the listeners, one that rolls back must not, and a lost listening connection must be reported and replaced.
let scratch: Awaited<ReturnType<typeof createScratchDatabaseUrl>>;
let handle: DatabaseHandle;

beforeAll(async () => {
  scratch = await createScratchDatabaseUrl();
  handle = await openDatabase({ databaseUrl: scratch.url, pgliteDataDir: 'memory://', poolSize: 2 });
  await migrateToLatest(handle.db);
});
afterAll(async () => {
  await handle.close();
  await scratch.drop();
});

const until = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('roadmap_edition notifications', () => {
  it('reach a listener when a write to roadmap_edition commits, and not when it rolls back', async () => {
    let notified = 0;
    const states: boolean[] = [];
    const stop = await handle.listen('musyawarah_edition', {
      onNotify: () => notified++,
      onListening: (listening) => states.push(listening),
    });
    try {
      expect(states).toEqual([true]);
      // A statement-level trigger fires even when the statement touches no row: enough to prove the wiring.
      await sql`update roadmap_edition set notes = notes where false`.execute(handle.db);
      await until(() => notified === 1);

      await handle.db
        .transaction()
        .execute(async (tx) => {
          await sql`update roadmap_edition set notes = notes where false`.execute(tx);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      await sql`select pg_notify('another_channel', '')`.execute(handle.db);
      await new Promise((r) => setTimeout(r, 300));
      expect(notified).toBe(1);
    } finally {
      await stop();
    }
  });

  it.skipIf(!(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL))(
    'reports a lost listening connection and listens again (postgres)',
    async () => {
      const states: boolean[] = [];
      let notified = 0;
      const stop = await handle.listen('musyawarah_edition', {
        onNotify: () => notified++,
        onListening: (listening) => states.push(listening),
      });
      try {
        await sql`select pg_terminate_backend(pid) from pg_stat_activity
                  where query = 'listen musyawarah_edition' and pid <> pg_backend_pid()`.execute(handle.db);
        await until(() => states.length >= 3);
        expect(states.slice(0, 3)).toEqual([true, false, true]);
        await sql`update roadmap_edition set notes = notes where false`.execute(handle.db);
        await until(() => notified >= 1);
      } finally {
        await stop();
      }
    },
  );
});
