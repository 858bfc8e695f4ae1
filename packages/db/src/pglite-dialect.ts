import type { PGlite } from '@electric-sql/pglite';
import { PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';

/**
 * PGlite is one connection to one in-process database. Kysely's PostgresDialect wants a pool, so this pool hands out
 * that single connection behind a mutex: a transaction holds the connection until it is released, and everything else
 * waits its turn, exactly as a pool of size one would behave. (No packaged dialect supports current PGlite and Kysely.)
 */
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
        return { command: 'SELECT', rowCount: result.affectedRows ?? 0, rows: result.rows };
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
