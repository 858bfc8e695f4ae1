import { PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { EmbeddedDatabase } from './pglite-thread';

/**
 * PGlite is one connection to one embedded database (run on its own thread: pglite-thread.ts). Kysely's PostgresDialect wants a pool, so this pool hands out
 * that single connection behind a mutex: a transaction holds the connection until it is released, and everything else
 * waits its turn, exactly as a pool of size one would behave. (No packaged dialect supports current PGlite and Kysely.)
 */
function commandOf(sqlText: string): 'INSERT' | 'UPDATE' | 'DELETE' | 'MERGE' | 'SELECT' {
  const head = /^\s*(insert|update|delete|merge)\b/i.exec(sqlText)?.[1];
  if (head) return head.toUpperCase() as 'INSERT';
  // A data-modifying CTE ("with … update …") counts its rows like the statement it wraps.
  const cte = /^\s*with\b[\s\S]*\b(insert|update|delete)\b/i.exec(sqlText)?.[1];
  return cte ? (cte.toUpperCase() as 'INSERT') : 'SELECT';
}

/** Worded like node-postgres's pool timeout, so the API's availability check answers it 503 on both databases. */
export class EmbeddedDatabaseBusy extends Error {
  readonly code = '53300';
  constructor(waitedMs: number) {
    super(`timeout exceeded when trying to connect: the embedded database was busy for ${waitedMs} ms`);
    this.name = 'EmbeddedDatabaseBusy';
  }
}

export class SingleConnectionPool implements PostgresPool {
  private queue: Promise<void> = Promise.resolve();
  /** Statements (or transactions) waiting for the connection, and when the connection was last handed back. */
  waiting = 0;
  lastReleaseAt = Date.now();

  constructor(
    private readonly pglite: Pick<EmbeddedDatabase, 'query' | 'close'>,
    /**
     * How long a request waits for the connection before it is refused, as the PostgreSQL pool's connection timeout
     * does (client.ts). Without it a burst queued requests without bound: each waited longer than its client would,
     * the clients gave up and sent again, and nothing finished in time (issue #16). Refused work was never started, so
     * it is answered 503 (retryable) and nothing acknowledged is lost.
     */
    private readonly acquireTimeoutMs = 5_000,
  ) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    this.waiting++;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = await Promise.race([
      previous.then(() => false),
      new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), this.acquireTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (gaveUp) {
      this.waiting--;
      // Its place in the queue passes straight on when its turn comes.
      void previous.then(release);
      throw new EmbeddedDatabaseBusy(this.acquireTimeoutMs);
    }
    // Handing the connection straight to the next waiter chains every queued statement in promise callbacks, and the
    // event loop reaches no socket until the queue is empty: with hundreds of submissions in flight, a static page or
    // /healthz waited for all of them (issue #16). One turn of the loop between holders lets other requests in; it costs
    // a few microseconds per statement.
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.waiting--;
    const pglite = this.pglite;
    const client = {
      async query(sqlText: string, parameters: readonly unknown[]) {
        const result = await pglite.query(sqlText, parameters);
        // Kysely reports affected rows only for these commands; PGlite does not say which command ran.
        return { command: commandOf(sqlText), rowCount: result.affectedRows ?? 0, rows: result.rows };
      },
      release: () => {
        this.lastReleaseAt = Date.now();
        release();
      },
    };
    // Kysely's client type also has a cursor overload that this dialect never uses (no streaming on PGlite).
    return client as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.queue;
    await this.pglite.close();
  }
}

export function createPgliteDialect(
  pglite: Pick<EmbeddedDatabase, 'query' | 'close'>,
  pool = new SingleConnectionPool(pglite),
): PostgresDialect {
  return new PostgresDialect({ pool });
}
