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

class SingleConnectionPool implements PostgresPool {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const pglite = this.pglite;
    const client = {
      async query(sqlText: string, parameters: readonly unknown[]) {
        const result = await pglite.query(sqlText, parameters as unknown[]);
        // Kysely reports affected rows only for these commands; PGlite does not say which command ran.
        return { command: commandOf(sqlText), rowCount: result.affectedRows ?? 0, rows: result.rows };
      },
      release() {
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

export function createPgliteDialect(pglite: PGlite): PostgresDialect {
  return new PostgresDialect({ pool: new SingleConnectionPool(pglite) });
}
