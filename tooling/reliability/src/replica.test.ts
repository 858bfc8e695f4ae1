// A read replica, for real (issue #16): a PostgreSQL streaming standby made with pg_basebackup from the suite's primary,
// and a host started with DATABASE_URL (primary) and DATABASE_READ_URL (standby). Replay on the standby is paused, so
// anything read from it is visibly behind: public reads come from it; sessions, a participant's own pages and every
// read of someone who has just written come from the primary (read-your-writes); once replay resumes, the public
// pages catch up.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECENT_WRITE_COOKIE } from '@musyawarah/api';
import { openDatabase, type Db } from '@musyawarah/db';
import {
  findPostgresBin,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../scripts/lib/postgres.mjs';
import {
  freePort,
  openMigrated,
  openRound,
  stakeholderSessions,
  readLog,
  startApi,
  submission,
  type ApiChild,
} from './support';

const bin = findPostgresBin();
const isRoot = process.getuid?.() === 0;

function asPostgres(command: string, args: string[]) {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path.basename(command)} failed: ${r.stdout}${r.stderr}`);
}

let primary: ThrowawayPostgres;
let primaryDb: { db: Db; close(): Promise<void> };
let standbyDir: string;
let standbyUrl: string;
let standby: { db: Db; close(): Promise<void> };
let api: ApiChild;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read().catch(() => undefined as T);
    if (value !== undefined && ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!bin)('a streaming read replica behind DATABASE_READ_URL (issue #16)', () => {
  let roundId: string;
  let token: string;

  beforeAll(async () => {
    // A standby refuses WAL written without full-page images, which the other suites' throwaway servers turn off.
    primary = await startThrowawayPostgres({ fsync: false, settings: { full_page_writes: 'on' } });
    primaryDb = await openMigrated(primary.url);
    roundId = await openRound(primaryDb.db);
    token = (await stakeholderSessions(primaryDb.db, 1))[0]!;

    // The standby: a base backup of the primary with the settings to follow it (-R), started on a port of its own.
    standbyDir = mkdtempSync(path.join(tmpdir(), 'musyawarah-standby-'));
    if (isRoot) spawnSync('chown', ['postgres:postgres', standbyDir]);
    chmodSync(standbyDir, 0o700);
    asPostgres(path.join(bin!, 'pg_basebackup'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      standbyDir,
      '-R',
      '-X',
      'stream',
      '--no-sync',
    ]);
    const port = await freePort();
    // A standby needs at least the primary's max_connections (200 on the throwaway servers).
    const startStandby = () =>
      asPostgres(path.join(bin!, 'pg_ctl'), [
        'start',
        '-D',
        standbyDir,
        '-l',
        path.join(standbyDir, 'server.log'),
        '-w',
        '-t',
        '60',
        '-o',
        `-h 127.0.0.1 -p ${port} -k ${standbyDir} -c hot_standby=on -c fsync=off -c max_connections=200`,
      ]);
    try {
      startStandby();
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${readLog(path.join(standbyDir, 'server.log'))}`);
    }
    standbyUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    standby = await openDatabase({ databaseUrl: standbyUrl, poolSize: 2 });
    const { rows } = await sql<{ recovering: boolean }>`select pg_is_in_recovery() as recovering`.execute(
      standby.db,
    );
    expect(rows[0]!.recovering).toBe(true);
    await until(
      () => standby.db.selectFrom('consultation_round').select('id').where('id', '=', roundId).execute(),
      (r) => r.length === 1,
    );

    api = await startApi(primary.url, await freePort(), { DATABASE_READ_URL: standbyUrl });
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await standby?.close();
    if (standbyDir) {
      try {
        asPostgres(path.join(bin!, 'pg_ctl'), ['stop', '-D', standbyDir, '-m', 'immediate', '-w']);
      } catch {}
      rmSync(standbyDir, { recursive: true, force: true });
    }
    await primaryDb?.close();
    await primary?.stop();
  });

  const get = async <T>(procedure: string, input: unknown, cookie?: string) => {
    const res = await fetch(
      `${api.url}/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
      cookie ? { headers: { cookie } } : {},
    );
    const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
    return { status: res.status, data: body.result?.data as T, error: body.error?.message };
  };

  it('reads public pages from the replica, and everything after a person’s own write from the primary', async () => {
    await sql`select pg_wal_replay_pause()`.execute(standby.db);
    try {
      const session = `musyawarah_session=${token}`;
      const input = submission(roundId, randomUUID(), 1);
      const submitted = await fetch(`${api.url}/trpc/contributions.submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session },
        body: JSON.stringify(input),
      });
      // The session was found: sessions are read from the primary, though the replica is behind.
      expect(submitted.status).toBe(200);
      const marker = submitted.headers.getSetCookie().find((c) => c.startsWith(`${RECENT_WRITE_COOKIE}=`));
      expect(marker).toBeDefined();
      const afterWrite = `${session}; ${marker!.split(';')[0]}`;

      // Stored on the primary, not yet on the paused replica.
      const onPrimary = await primaryDb.db
        .selectFrom('contribution')
        .select('id')
        .where('idempotency_key', '=', input.idempotencyKey)
        .execute();
      expect(onPrimary).toHaveLength(1);
      const onStandby = await standby.db
        .selectFrom('contribution')
        .select('id')
        .where('idempotency_key', '=', input.idempotencyKey)
        .execute();
      expect(onStandby).toHaveLength(0);

      // An anonymous reader of the public record reads the replica: the new contribution is not there yet…
      const anonymous = await get<{ id: string }[]>('contributions.listPublic', { roundId });
      expect(anonymous.status).toBe(200);
      expect(anonymous.data.map((c) => c.id)).not.toContain(onPrimary[0]!.id);
      // …and so does the participant once the marker has gone (they are signed in, but wrote nothing lately)…
      const signedInOnly = await get<{ id: string }[]>('contributions.listPublic', { roundId }, session);
      expect(signedInOnly.data.map((c) => c.id)).not.toContain(onPrimary[0]!.id);
      // …while the participant who has just written reads the primary and finds it, on the public page and their own.
      const own = await get<{ id: string }[]>('contributions.listPublic', { roundId }, afterWrite);
      expect(own.data.map((c) => c.id)).toContain(onPrimary[0]!.id);
      const mine = await get<{ receiptReference: string }[]>('contributions.mine', undefined, session);
      expect(mine.status).toBe(200);
      expect(mine.data).toHaveLength(1);
      // The round page of someone who has just written comes from the primary too (its count includes the write).
      const page = await get<{ contributionCount: number }>('rounds.get', { roundId }, afterWrite);
      expect(page.data.contributionCount).toBe(1);
    } finally {
      await sql`select pg_wal_replay_resume()`.execute(standby.db);
    }
    // Replay resumed: the public record catches up.
    await until(
      () => get<{ id: string }[]>('contributions.listPublic', { roundId }),
      (r) => r.status === 200 && r.data.length === 1,
    );
  });

  it('serves the round page from the replica (a round published on the primary appears with replay), the catalogue from the primary', async () => {
    await sql`select pg_wal_replay_pause()`.execute(standby.db);
    let other: string | undefined;
    try {
      other = await openRound(primaryDb.db);
      const anonymous = await get('rounds.get', { roundId: other });
      expect(anonymous.status).toBe(404);
      // The current edition and its catalogue come from the primary (the edition cache follows the primary's
      // notifications), so a lagging replica never serves a superseded catalogue.
      const catalogue = await get<{ id: string }[]>('catalogue.list', undefined);
      expect(catalogue.status).toBe(200);
      expect(catalogue.data.length).toBeGreaterThan(0);
    } finally {
      await sql`select pg_wal_replay_resume()`.execute(standby.db);
    }
    await until(
      () => get('rounds.get', { roundId: other }),
      (r) => r.status === 200,
    );
  });
});
