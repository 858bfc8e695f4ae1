import { mkdir } from 'node:fs/promises';
import { Kysely, Migrator, type Transaction } from 'kysely';
import type { Database } from './schema';
import { migrationProvider } from './migrations';
import { createPgliteDialect } from './pglite-dialect';

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
}

export interface DatabaseHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const { default: pg } = await import('pg');
    // Dates come back as Date objects for timestamptz; `date` columns stay ISO strings, as PGlite returns them.
    pg.types.setTypeParser(1082, (value: string) => value);
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
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
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const dataDir = config.pgliteDataDir ?? 'memory://';
  if (dataDir !== 'memory://') await mkdir(dataDir, { recursive: true });
  // `date` columns stay ISO strings, exactly as the pg driver is configured above, so code sees one shape on both.
  const options = { parsers: { 1082: (value: string) => value } };
  const pglite = dataDir === 'memory://' ? new PGlite(options) : new PGlite(dataDir, options);
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: createPgliteDialect(pglite) });
  return { db, kind: 'pglite', close: () => db.destroy() };
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
