import { Kysely, Migrator, type Transaction } from 'kysely';
import type { Database } from './schema';
import { migrationProvider } from './migrations';
import { createPgliteDialect, SingleConnectionPool } from './pglite-dialect';
import { namedStatementPool } from './named-statement-pool';
import { startEmbeddedDatabase, startInlineEmbeddedDatabase } from './pglite-thread';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repository functions take this first, so the same function runs inside or outside a transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface DatabaseConfig {
  /** postgres://… — a real PostgreSQL server (production, scale-out). When absent, the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database; `memory://` keeps it in memory (tests). */
  pgliteDataDir?: string | undefined;
  /** Pool size for a real server. */
  poolSize?: number;
  /**
   * How long a request may wait for a connection before it is answered 503 (default 5 s, on both databases). The
   * test harness waits longer: a loaded CI machine is slow, not overloaded.
   */
  connectTimeoutMs?: number;
  /**
   * Where the embedded database computes: on a worker thread (default: the host stays responsive while it works) or on
   * the calling thread (test suites: one test at a time, no thread hop per statement).
   */
  pgliteThread?: 'worker' | 'inline';
  /**
   * Start the embedded database as a copy of this snapshot (`writeEmbeddedSnapshot`) instead of an empty one: test
   * runs prepare the schema and demo data once and give every test file its own copy.
   */
  pgliteSnapshot?: string | undefined;
  /**
   * PostgreSQL only: send the few statements every request runs (`preparedStatement`) as named prepared statements,
   * planned once per connection (default true). Turn off behind a pooler that cannot keep them (PgBouncer in
   * transaction mode before 1.21, or without `max_prepared_statements`).
   */
  preparedStatements?: boolean | undefined;
}

export interface DatabaseHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
  /**
   * Follows PostgreSQL notifications on `channel` (LISTEN) on a connection of its own. `onNotify` runs for each one;
   * `onListening(false)` when the connection is lost (notifications may be missed from then on, so whatever they keep
   * fresh must not be trusted) and `onListening(true)` once listening again. Resolves with a function that stops.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  /**
   * The embedded database only: statements waiting for its one connection, and when one last finished. A health check
   * can tell "busy but answering" from "stuck" without queueing behind everybody.
   */
  queue?(): { waiting: number; lastReleaseAt: number };
}

export interface ListenHandlers {
  onNotify(payload: string): void;
  onListening(listening: boolean): void;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const { default: pg } = await import('pg');
    // Dates come back as Date objects for timestamptz; `date` columns stay ISO strings, as PGlite returns them.
    pg.types.setTypeParser(1082, (value: string) => value);
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.poolSize ?? 10,
      connectionTimeoutMillis: config.connectTimeoutMs ?? 5_000,
      idleTimeoutMillis: 30_000,
    });
    // A dropped server connection must not crash the process; the next query reconnects. The pool's 'error' event
    // covers idle clients only: a client that is checked out (a Kysely transaction between two statements) emits
    // 'error' on itself when the server goes away (57P01 on shutdown), and without a listener Node ends the process.
    // The query that then runs on it fails ("not queryable"), is answered 503, and the pool drops the broken client.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
    });
    const { PostgresDialect } = await import('kysely');
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: namedStatementPool(pool, { enabled: config.preparedStatements ?? true }),
      }),
    });
    const listeners = new Set<() => Promise<void>>();
    return {
      db,
      kind: 'postgres',
      async close() {
        await Promise.all([...listeners].map((stop) => stop()));
        await db.destroy();
      },
      async listen(channel, handlers) {
        if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
        const url = config.databaseUrl!;
        let stopped = false;
        let client: InstanceType<typeof pg.Client> | null = null;
        let retry: NodeJS.Timeout | undefined;
        // A listening connection is one session: when it goes, so do its LISTENs. It is opened again (every second
        // until the server answers), and meanwhile the caller knows it may be missing notifications.
        const connect = async (): Promise<void> => {
          const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
          c.on('error', () => undefined);
          c.on('notification', (message) => {
            if (message.channel === channel) handlers.onNotify(message.payload ?? '');
          });
          c.on('end', () => {
            if (client !== c) return;
            client = null;
            handlers.onListening(false);
            if (!stopped) retry = setTimeout(() => void connect().catch(() => undefined), 1_000);
          });
          try {
            await c.connect();
            await c.query(`listen ${channel}`);
          } catch (error) {
            await c.end().catch(() => undefined);
            if (!stopped) retry = setTimeout(() => void connect().catch(() => undefined), 1_000);
            throw error;
          }
          if (stopped) return void (await c.end().catch(() => undefined));
          client = c;
          handlers.onListening(true);
        };
        await connect().catch(() => handlers.onListening(false));
        const stop = async () => {
          stopped = true;
          clearTimeout(retry);
          listeners.delete(stop);
          const c = client;
          client = null;
          await c?.end().catch(() => undefined);
        };
        listeners.add(stop);
        return stop;
      },
    };
  }
  const dataDir = config.pgliteDataDir ?? 'memory://';
  const pglite =
    config.pgliteThread === 'inline'
      ? await startInlineEmbeddedDatabase(dataDir, config.pgliteSnapshot)
      : await startEmbeddedDatabase(dataDir, config.pgliteSnapshot);
  const pool = new SingleConnectionPool(pglite, config.connectTimeoutMs ?? 5_000);
  const db = new Kysely<Database>({ dialect: createPgliteDialect(pglite, pool) });
  return {
    db,
    kind: 'pglite',
    queue: () => ({ waiting: pool.waiting, lastReleaseAt: pool.lastReleaseAt }),
    close: () => db.destroy(),
    async listen(channel, handlers) {
      if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
      // One process, one database: PGlite delivers the notification after the writing transaction commits.
      const unsubscribe = await pglite.listen(channel, (payload) => handlers.onNotify(payload));
      handlers.onListening(true);
      return unsubscribe;
    },
  };
}

/**
 * Writes `file`: an in-memory embedded database after `prepare` ran on it, to be opened with `pgliteSnapshot`. Starting
 * from it skips initdb and whatever `prepare` does (migrations, demo data): seconds per database on a busy machine.
 */
export async function writeEmbeddedSnapshot(file: string, prepare: (db: Db) => Promise<void>): Promise<void> {
  const pglite = await startInlineEmbeddedDatabase('memory://');
  const db = new Kysely<Database>({
    dialect: createPgliteDialect(pglite, new SingleConnectionPool(pglite, 600_000)),
  });
  try {
    await prepare(db);
    await pglite.writeSnapshot(file);
  } finally {
    await db.destroy();
  }
}

export async function migrateToLatest(
  db: Kysely<Database>,
  options: { schema?: string } = {},
): Promise<{ applied: string[] }> {
  // The migrator only touches its own bookkeeping tables, so the schema type does not matter to it. With a schema
  // named, its bookkeeping lives there too: otherwise it would find another schema's tables and skip creating its own.
  const migrator = new Migrator({
    db: db as Kysely<unknown>,
    provider: migrationProvider,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
