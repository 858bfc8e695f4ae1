import type { PGlite } from '@electric-sql/pglite';
import { PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';

/**
 * PGlite is one connection to one in-process database. Kysely's PostgresDialect wants a pool, so this pool hands out
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

export class SingleConnectionPool implements PostgresPool {
  private queue: Promise<void> = Promise.resolve();
  /** Statements (or transactions) waiting for the connection, and when the connection was last handed back. */
  waiting = 0;
  lastReleaseAt = Date.now();

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    this.waiting++;
    await previous;
    // PGlite computes on this thread. Handing the connection straight to the next waiter chains every queued statement
    // in promise callbacks, and the event loop reaches no socket until the queue is empty: with hundreds of submissions
    // in flight, a static page or /healthz waited for all of them (issue #16). One turn of the loop between holders
    // lets other requests in; it costs a few microseconds per statement.
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.waiting--;
    const pglite = this.pglite;
    const client = {
      async query(sqlText: string, parameters: readonly unknown[]) {
        const result = await pglite.query(sqlText, parameters as unknown[]);
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
  pglite: PGlite,
  pool = new SingleConnectionPool(pglite),
): PostgresDialect {
  return new PostgresDialect({ pool });
}
