import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client';

// The embedded database computes on the host's thread (issue #16): with hundreds of statements queued, the host must
// still reach its sockets between them, or a static page and /healthz wait for the whole queue.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({ pgliteDataDir: 'memory://' });
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
});
