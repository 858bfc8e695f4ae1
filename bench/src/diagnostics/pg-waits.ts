// What PostgreSQL does for each server of the bench, for finding where a tail waits on the database side. On with
// `BENCH_PG_DIAG=1 corepack pnpm bench --only=submit` (files in bench/results/pg/):
//
// - the bare handler connects as its own role (`bench_baseline`), so statements and waits are told apart by role
//   (foreign-key checks run as the tables' owner, so they count under the API's role for both);
// - pg_stat_statements (nested statements too: foreign-key checks, triggers) is reset before each p99-at-rate phase and
//   written after it: `<phase>-statements.json` (calls, mean and max time, blocks, WAL, per role);
// - per interleaved slice, `<phase>-waits.json` has the WAL's counters (records, bytes, flushes and their time, from
//   pg_stat_wal) and the CPU time of every PostgreSQL process (from /proc): what one side's submissions cost the
//   database server. PostgreSQL publishes its counters about once a second, so a slice's figures are ±1 s of work;
// - it also has what each role's active backends were waiting on, sampled every 5 ms. The sampler runs in the load
//   generator, whose timers fire late when the CPU is busy, so the samples lean towards moments the CPU was free
//   (WAL flushes): read them as which waits occur, not as their shares;
// - auto_explain logs every statement over 15 ms (`BENCH_PG_DIAG_ANALYZE=1`: with its row counts, at a cost to
//   every statement), lock waits over 10 ms are logged, and the server log is copied to server.log.
//
// A diagnostic only: the instrumentation costs both servers, but the figures of such a run are not the bench's.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const PG_DIAG = process.env.BENCH_PG_DIAG === '1';

export const PG_DIAG_SETTINGS: Record<string, string> = PG_DIAG
  ? {
      shared_preload_libraries: 'pg_stat_statements,auto_explain',
      'pg_stat_statements.track': 'all',
      'auto_explain.log_min_duration': '15',
      'auto_explain.log_nested_statements': 'on',
      'auto_explain.log_analyze': process.env.BENCH_PG_DIAG_ANALYZE === '1' ? 'on' : 'off',
      log_lock_waits: 'on',
      deadlock_timeout: '10ms',
      track_io_timing: 'on',
      track_wal_io_timing: 'on',
    }
  : {};

export const BASELINE_ROLE = 'bench_baseline';

/** The bare handler's database URL: the same server as its own role. */
export function baselineUrl(url: string): string {
  if (!PG_DIAG) return url;
  const u = new URL(url);
  u.username = BASELINE_ROLE;
  return u.toString();
}

export interface PgDiagnostics {
  start(phase: string): Promise<void>;
  /** A measured slice of side 0 (the API) or 1 (the bare handler) starts; null: it ended. */
  slice(side: number | null): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startPgDiagnostics(
  url: string,
  dataDir: string,
  outDir: string,
): Promise<PgDiagnostics> {
  mkdirSync(outDir, { recursive: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('create extension if not exists pg_stat_statements');
  await client.query(
    `do $$ begin create role ${BASELINE_ROLE} superuser login; exception when duplicate_object then null; end $$`,
  );
  await client.query(`alter system set log_line_prefix = '%m [%p] %u '`);
  await client.query('select pg_reload_conf()');
  const sampler = new pg.Client({ connectionString: url });
  await sampler.connect();

  let phase: string | null = null;
  let waits = new Map<string, number>();
  let samples = 0;
  let timer: NodeJS.Timeout | null = null;
  let sampling = false;
  const sample = async () => {
    if (sampling || !phase) return;
    sampling = true;
    try {
      const { rows } = await sampler.query<{ usename: string; wait: string; n: number }>(
        `select usename, coalesce(wait_event_type || ':' || wait_event, 'CPU') as wait, count(*)::int as n
           from pg_stat_activity
          where backend_type = 'client backend' and pid <> pg_backend_pid() and state = 'active'
          group by 1, 2`,
      );
      samples++;
      for (const row of rows)
        waits.set(`${row.usename} ${row.wait}`, (waits.get(`${row.usename} ${row.wait}`) ?? 0) + row.n);
    } finally {
      sampling = false;
    }
  };

  // The WAL's own counters per slice: how many flushes (fsyncs) a side's commits cost and how long they took.
  const walNow = async () =>
    (
      await client.query<Record<string, number>>(
        `select wal_records::float8 as records, wal_bytes::float8 as bytes, wal_write::float8 as writes,
                wal_sync::float8 as syncs, wal_write_time as write_ms, wal_sync_time as sync_ms,
                (select xact_commit::float8 from pg_stat_database where datname = current_database()) as commits
           from pg_stat_wal`,
      )
    ).rows[0]!;
  let sliceStart: { side: number; at: Record<string, number> } | null = null;
  // CPU time of each PostgreSQL process (backends, WAL writer, checkpointer, autovacuum…), in ms, from /proc.
  const pgCpu = () => {
    const ms = new Map<string, number>();
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
        const fields = stat.slice(close + 2).split(' ');
        ms.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
      } catch {
        // gone meanwhile
      }
    }
    return ms;
  };
  let cpuAtSliceStart = new Map<string, number>();
  let slices: { side: number; delta: Record<string, number> }[] = [];

  return {
    async slice(side) {
      const at = await walNow();
      const cpu = pgCpu();
      if (sliceStart) {
        const delta: Record<string, number> = {};
        for (const key of Object.keys(at))
          delta[key] = Math.round((at[key]! - sliceStart.at[key]!) * 10) / 10;
        // A process that ended during the slice (an autovacuum worker) is left out; one that started counts in full.
        delta['pg_cpu_ms'] = [...cpu].reduce(
          (sum, [pid, ms]) => sum + ms - (cpuAtSliceStart.get(pid) ?? 0),
          0,
        );
        slices.push({ side: sliceStart.side, delta });
      }
      cpuAtSliceStart = cpu;
      sliceStart = side === null ? null : { side, at };
    },
    async start(name) {
      phase = name;
      waits = new Map();
      samples = 0;
      slices = [];
      await client.query('select pg_stat_statements_reset()');
      timer = setInterval(() => void sample(), 5);
    },
    async stop() {
      if (!phase) return;
      if (timer) clearInterval(timer);
      const { rows } = await client.query(
        `select r.rolname as role, s.calls, round(s.mean_exec_time::numeric, 3) as mean_ms,
                round(s.max_exec_time::numeric, 1) as max_ms, round(s.stddev_exec_time::numeric, 3) as stddev_ms,
                s.shared_blks_hit, s.shared_blks_read, s.shared_blks_dirtied, s.wal_records, s.wal_bytes,
                left(regexp_replace(s.query, '\\s+', ' ', 'g'), 300) as query
           from pg_stat_statements s join pg_roles r on r.oid = s.userid
          where s.calls > 50 order by r.rolname, s.total_exec_time desc`,
      );
      writeFileSync(path.join(outDir, `${phase}-statements.json`), JSON.stringify(rows, null, 1));
      const perRole: Record<string, Record<string, number>> = {};
      for (const [key, n] of waits) {
        const [role, wait] = key.split(' ') as [string, string];
        (perRole[role] ??= {})[wait] = n;
      }
      writeFileSync(
        path.join(outDir, `${phase}-waits.json`),
        JSON.stringify({ samples, perRole, walPerSlice: slices }, null, 1),
      );
      phase = null;
    },
    async close() {
      await sampler.end();
      await client.end();
      copyFileSync(path.join(dataDir, 'server.log'), path.join(outDir, 'server.log'));
    },
  };
}
