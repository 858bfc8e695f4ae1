// Shared by the reliability suites: a throwaway PostgreSQL server of the suite's own, seeding straight into the
// database (users, sessions, an open round: no argon2, no HTTP), and the real API host as a child process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { createSession } from '@musyawarah/auth';
import { insertUser, migrateToLatest, openDatabase, seedReferenceData, type Db } from '@musyawarah/db';
import { insertOpenRound } from '@musyawarah/db/testing';
import {
  findPostgresBin,
  freePort,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../scripts/lib/postgres.mjs';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export { freePort };

export interface Postgres extends ThrowawayPostgres {
  /** Fast shutdown of the server, keeping its data folder (unlike stop()). */
  halt(): void;
  /** Starts the halted server again on the same port. */
  resume(): void;
}

export async function startPostgres(): Promise<Postgres> {
  const pg = await startThrowawayPostgres({ fsync: false });
  const bin = findPostgresBin()!;
  const isRoot = process.getuid?.() === 0;
  const pgCtl = (args: string[]) => {
    const [cmd, argv] = isRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args]]
      : [path.join(bin, 'pg_ctl'), args];
    const r = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pg_ctl ${args[0]} failed: ${r.stdout}${r.stderr}`);
  };
  return {
    ...pg,
    halt() {
      pgCtl(['stop', '-D', pg.dataDir, '-m', 'fast', '-w', '-t', '30']);
    },
    resume() {
      pgCtl([
        'start',
        '-D',
        pg.dataDir,
        '-l',
        path.join(pg.dataDir, 'server.log'),
        '-w',
        '-t',
        '60',
        '-o',
        `-h 127.0.0.1 -p ${pg.port} -k ${pg.dataDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
      ]);
    },
  };
}

export async function openMigrated(url: string): Promise<{ db: Db; close(): Promise<void> }> {
  const handle = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await migrateToLatest(handle.db);
  await seedReferenceData(handle.db);
  return handle;
}

/** Signed-in stakeholders, created directly in the database: returns their session tokens. */
export async function stakeholderSessions(db: Db, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const user = await insertUser(db, {
      email: `load-${randomUUID()}@example.org`,
      name: `Load tester ${i}`,
      role: 'stakeholder',
      stakeholderGroup: 'civil_society',
      passwordHash: null,
      status: 'active',
      emailVerifiedAt: new Date(),
    });
    tokens.push((await createSession(db, user.id)).token);
  }
  return tokens;
}

export async function openRound(db: Db): Promise<string> {
  const roundId = await insertOpenRound(db, { title: 'Reliability round' });
  await db
    .insertInto('round_question')
    .values({
      round_id: roundId,
      position: 0,
      kind: 'free_text',
      prompt: JSON.stringify({ en: 'Anything else?' }),
      required: false,
    })
    .execute();
  return roundId;
}

export function submission(roundId: string, idempotencyKey: string, n: number) {
  return {
    roundId,
    answers: {},
    stakeholderGroup: 'civil_society',
    memberState: 'PH',
    writtenIn: 'en',
    namedPublicly: false,
    items: [{ type: 'suggestion', text: `Reliability feedback number ${n}` }],
    idempotencyKey,
  };
}

export interface ApiChild {
  url: string;
  process: ChildProcess;
  output(): string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** `node --import tsx apps/api/src/main.ts` on a given port, resolved when it answers /healthz. */
export async function startApi(
  databaseUrl: string,
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<ApiChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: `http://localhost:${port}`,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API did not become healthy within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  };
}

export async function countRows(db: Db, query: string): Promise<number> {
  const { rows } = await sql.raw<{ n: number }>(query).execute(db);
  return Number(rows[0]?.n ?? 0);
}

export function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
