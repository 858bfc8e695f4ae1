import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client';
import { EmbeddedDatabaseBusy } from './pglite-dialect';

// The embedded database must not hold the host's event loop (issue #16): with hundreds of statements queued, or one long
// one running, the host must still reach its sockets, or a static page and /healthz wait for the whole queue.
let handle: DatabaseHandle;
beforeAll(async () => {
  // 300 statements are queued at once below: on a busy machine the last ones wait longer than the host's 5 s limit for
  // the connection, which is not what these tests are about (the limit has its own test, with its own handle).
  handle = await openDatabase({ pgliteDataDir: 'memory://', connectTimeoutMs: 600_000 });
});
afterAll(async () => {
  await handle.close();
});

describe('the embedded database’s one connection', () => {
  it('lets the event loop run between queued statements', async () => {
    let finished = 0;
    const statements = Array.from({ length: 300 }, () =>
      sql`select count(*) from generate_series(1, 2000)`.execute(handle.db).then(() => finished++),
    );
    // A timer stands for any socket callback: it fires while most of the queue is still waiting.
    const atTimer = await new Promise<number>((resolve) => setTimeout(() => resolve(finished), 0));
    await Promise.all(statements);
    expect(atTimer).toBeLessThan(30);
    expect(finished).toBe(300);
    expect(handle.queue!().waiting).toBe(0);
    expect(Date.now() - handle.queue!().lastReleaseAt).toBeLessThan(5_000);
  });

  it('computes off the host’s thread: timers fire while one long statement runs', async () => {
    let done = false;
    const long = sql`select count(*) from generate_series(1, 2000000)`
      .execute(handle.db)
      .then(() => (done = true));
    // On the host's thread the statement would hold the event loop until it finished, and each timer would see it done.
    const seenWhileRunning: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seenWhileRunning.push(done);
    }
    await long;
    expect(seenWhileRunning).toContain(false);
  });

  it('keeps a database error’s SQLSTATE and constraint across the thread', async () => {
    await sql`create table thread_unique (id int primary key)`.execute(handle.db);
    await sql`insert into thread_unique values (1)`.execute(handle.db);
    const error = await sql`insert into thread_unique values (1)`.execute(handle.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', constraint: 'thread_unique_pkey' });
  });

  it('refuses a request that waited too long for the connection, and the queue goes on', async () => {
    const busy = await openDatabase({ pgliteDataDir: 'memory://', connectTimeoutMs: 200 });
    try {
      let finishTransaction!: () => void;
      const holding = busy.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await new Promise<void>((resolve) => (finishTransaction = resolve));
        return 'committed';
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const waited = await sql`select 2`.execute(busy.db).catch((e: unknown) => e);
      expect(waited).toBeInstanceOf(EmbeddedDatabaseBusy);
      expect(waited).toMatchObject({ code: '53300' });
      finishTransaction();
      await expect(holding).resolves.toBe('committed');
      const after = await sql<{ n: number }>`select 3 as n`.execute(busy.db);
      expect(after.rows).toEqual([{ n: 3 }]);
      expect(busy.queue!().waiting).toBe(0);
    } finally {
      await busy.close();
    }
  });
});
