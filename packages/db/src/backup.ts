import { sql } from 'kysely';
import type { Db, Executor } from './client';
import { migrationProvider } from './migrations';

/**
 * Logical backup and restore that work the same on PGlite and PostgreSQL (pg_dump does not reach the embedded
 * database, and a restore must be possible from one to the other — e.g. moving a pilot from PGlite to a server).
 *
 * Format: JSON Lines. Line 1 is a header (format, version, migrations applied); every further line is
 * `{"table": name, "rows": [...]}` with at most BATCH_ROWS rows, each row as PostgreSQL's own `to_jsonb`, so every
 * type (bytea, timestamptz, arrays, jsonb) round-trips through PostgreSQL's own input functions on the way back.
 *
 * Derived tables are not exported: the dashboard tallies (round_tally*) are rebuilt by their triggers while the
 * contributions are restored, which also proves them.
 */
export const BACKUP_FORMAT = 'musyawarah-backup';
export const BACKUP_VERSION = 1;
const BATCH_ROWS = 500;
// The job queue is not exported either: a restored mail still to be sent gets its delivery job from the outbox
// trigger, and scheduled jobs are enqueued again by their schedules; a restored job row would collide with those.
const DERIVED_TABLES = new Set(['round_tally', 'round_tally_delta', 'job']);
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  migrations: string[];
}

export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}

interface TableInfo {
  name: string;
  /** Tables this one references (other than itself). */
  dependsOn: string[];
  /** Columns referencing this same table (thread parents), so parents can be restored before children. */
  selfReferences: { column: string; referenced: string }[];
  columns: string[];
}

async function describeTables(db: Executor): Promise<TableInfo[]> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name
  `.execute(db);
  const { rows: foreignKeys } = await sql<{
    from_table: string;
    to_table: string;
    from_column: string;
    to_column: string;
  }>`
    select cl.relname as from_table, rcl.relname as to_table, a.attname as from_column, ra.attname as to_column
      from pg_constraint con
      join pg_class cl on cl.oid = con.conrelid
      join pg_class rcl on rcl.oid = con.confrelid
      join pg_namespace ns on ns.oid = cl.relnamespace
      join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
      join pg_attribute ra on ra.attrelid = con.confrelid and ra.attnum = con.confkey[1]
     where con.contype = 'f' and ns.nspname = current_schema()
  `.execute(db);
  const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
     where table_schema = current_schema() and is_generated = 'NEVER'
     order by table_name, ordinal_position
  `.execute(db);
  return tables
    .filter((t) => !MIGRATION_TABLES.has(t.name) && !DERIVED_TABLES.has(t.name))
    .map((t) => ({
      name: t.name,
      dependsOn: [
        ...new Set(
          foreignKeys.filter((f) => f.from_table === t.name && f.to_table !== t.name).map((f) => f.to_table),
        ),
      ],
      selfReferences: foreignKeys
        .filter((f) => f.from_table === t.name && f.to_table === t.name)
        .map((f) => ({ column: f.from_column, referenced: f.to_column })),
      columns: columns.filter((c) => c.table_name === t.name).map((c) => c.column_name),
    }));
}

/** Tables ordered so that every table comes after the tables it references. */
function restoreOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: TableInfo) => {
    if (state.get(table.name) === 'done') return;
    if (state.get(table.name) === 'visiting')
      throw new Error(`foreign keys form a cycle through ${table.name}`);
    state.set(table.name, 'visiting');
    for (const dependency of table.dependsOn) {
      const target = byName.get(dependency);
      if (target) visit(target);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

async function appliedMigrations(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** Writes the backup line by line through `write` (a file stream, stdout, an array in tests). */
export async function exportDatabase(
  db: Db,
  write: (line: string) => void | Promise<void>,
): Promise<{ tables: number; rows: number }> {
  return db.transaction().execute(async (tx) => {
    // One snapshot for the whole export, so it is consistent while the platform keeps running.
    await sql`set transaction isolation level repeatable read, read only`.execute(tx);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      migrations: await appliedMigrations(tx),
    };
    await write(JSON.stringify(header));
    let rowCount = 0;
    const tables = restoreOrder(await describeTables(tx));
    for (const table of tables) {
      let lastTid: string | null = null;
      for (;;) {
        const page: { tid: string; row: Record<string, unknown> }[] = (
          await sql<{ tid: string; row: Record<string, unknown> }>`
            select ctid::text as tid, to_jsonb(t) as row from ${sql.table(table.name)} t
            ${lastTid ? sql`where ctid > ${lastTid}::tid` : sql``}
            order by ctid limit ${BATCH_ROWS}
          `.execute(tx)
        ).rows;
        if (page.length === 0) break;
        await write(JSON.stringify({ table: table.name, rows: page.map((p) => p.row) }));
        rowCount += page.length;
        lastTid = page[page.length - 1]!.tid;
        if (page.length < BATCH_ROWS) break;
      }
    }
    return { tables: tables.length, rows: rowCount };
  });
}

/**
 * Restores a backup into a database that has been migrated to the same migrations and holds no data yet (reference
 * data seeded at start is replaced). All or nothing: one transaction.
 */
export async function importDatabase(
  db: Db,
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<{ rows: number }> {
  return db.transaction().execute(async (tx) => {
    let header: BackupHeader | null = null;
    let tables: Map<string, TableInfo> | null = null;
    let rowCount = 0;
    const pendingChildren = new Map<string, Record<string, unknown>[]>();
    for await (const rawLine of lines) {
      const line = rawLine.trim();
      if (!line) continue;
      if (!header) {
        header = parseHeader(line);
        const here = await appliedMigrations(tx);
        if (here.join(',') !== header.migrations.join(',')) {
          throw new BackupRefusedError(
            `the backup was made at migrations [${header.migrations.at(-1) ?? 'none'}], this database is at [${here.at(-1) ?? 'none'}]: migrate both to the same version first`,
          );
        }
        tables = new Map((await describeTables(tx)).map((t) => [t.name, t]));
        await clearTables(tx, [...tables.values()]);
        continue;
      }
      const batch = JSON.parse(line) as { table: string; rows: Record<string, unknown>[] };
      const table = tables!.get(batch.table);
      if (!table)
        throw new BackupRefusedError(`the backup has a table this database does not: ${batch.table}`);
      rowCount += await insertRows(tx, table, batch.rows, pendingChildren);
    }
    if (!header) throw new BackupRefusedError('the backup is empty');
    for (const [tableName, rows] of pendingChildren) {
      if (rows.length)
        throw new BackupRefusedError(
          `${rows.length} rows of ${tableName} reference rows missing from the backup`,
        );
    }
    await resetSequences(tx);
    return { rows: rowCount };
  });
}

function parseHeader(line: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    throw new BackupRefusedError('not a Musyawarah backup (the first line is not JSON)');
  }
  if (header.format !== BACKUP_FORMAT) throw new BackupRefusedError('not a Musyawarah backup');
  if (header.version !== BACKUP_VERSION)
    throw new BackupRefusedError(`unsupported backup version ${String(header.version)}`);
  return header as BackupHeader;
}

async function clearTables(tx: Executor, tables: TableInfo[]) {
  const existing = await sql<{ n: number }>`
    select count(*)::int as n from contribution where status = 'submitted'
  `.execute(tx);
  if ((existing.rows[0]?.n ?? 0) > 0) {
    throw new BackupRefusedError(
      'this database already holds submitted feedback; restore into an empty database',
    );
  }
  // Reference data (Member States) and demo rows created at start are replaced by the backup's.
  const names = [...tables.map((t) => t.name), ...DERIVED_TABLES].filter((n) => n !== 'audit_log');
  await sql`truncate ${sql.join(names.map((n) => sql.table(n)))} cascade`.execute(tx);
  // The audit log is append-only (a trigger refuses DELETE); TRUNCATE is a separate privilege and is allowed here,
  // on purpose, only for a restore into a database without feedback.
  await sql`truncate audit_log`.execute(tx);
}

/**
 * Inserts rows with PostgreSQL converting every value from its JSON form. Rows of self-referencing tables whose parent
 * is not restored yet wait until it is.
 */
async function insertRows(
  tx: Executor,
  table: TableInfo,
  rows: Record<string, unknown>[],
  pendingChildren: Map<string, Record<string, unknown>[]>,
): Promise<number> {
  let inserted = 0;
  let ready = rows;
  if (table.selfReferences.length) {
    const queue = [...(pendingChildren.get(table.name) ?? []), ...rows];
    const known = await knownKeys(tx, table);
    ready = [];
    let progress = true;
    let waiting = queue;
    while (progress) {
      progress = false;
      const stillWaiting: Record<string, unknown>[] = [];
      for (const row of waiting) {
        const parentsPresent = table.selfReferences.every(
          (ref) => row[ref.column] == null || known.has(`${ref.referenced}:${String(row[ref.column])}`),
        );
        if (parentsPresent) {
          ready.push(row);
          for (const ref of table.selfReferences)
            known.add(`${ref.referenced}:${String(row[ref.referenced])}`);
          progress = true;
        } else stillWaiting.push(row);
      }
      waiting = stillWaiting;
    }
    pendingChildren.set(table.name, waiting);
  }
  const columns = table.columns;
  for (let start = 0; start < ready.length; start += BATCH_ROWS) {
    const slice = ready.slice(start, start + BATCH_ROWS);
    await sql`
      insert into ${sql.table(table.name)} (${sql.join(columns.map((c) => sql.ref(c)))}) overriding system value
      select ${sql.join(columns.map((c) => sql.ref(c)))}
        from jsonb_populate_recordset(null::${sql.table(table.name)}, ${JSON.stringify(slice)}::jsonb)
    `.execute(tx);
    inserted += slice.length;
  }
  return inserted;
}

async function knownKeys(tx: Executor, table: TableInfo): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const ref of table.selfReferences) {
    const { rows } = await sql<{
      v: string;
    }>`select ${sql.ref(ref.referenced)}::text as v from ${sql.table(table.name)}`.execute(tx);
    rows.forEach((r) => keys.add(`${ref.referenced}:${r.v}`));
  }
  return keys;
}

/** bigserial columns continue after the restored rows rather than colliding with them. */
async function resetSequences(tx: Executor) {
  const { rows } = await sql<{ table_name: string; column_name: string; sequence: string }>`
    select c.relname as table_name, a.attname as column_name, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
      from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
     where n.nspname = current_schema() and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
       and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null
  `.execute(tx);
  for (const r of rows) {
    await sql`select setval(${r.sequence}, coalesce((select max(${sql.ref(r.column_name)}) from ${sql.table(r.table_name)}), 0) + 1, false)`.execute(
      tx,
    );
  }
}

export async function migrationsKnownToThisBuild(): Promise<string[]> {
  return Object.keys(await migrationProvider.getMigrations()).sort();
}
