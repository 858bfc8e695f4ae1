// Crash: the API is killed with SIGKILL in the middle of a burst of feedback and started again. Clients retry every
// submission they did not see acknowledged, with the same idempotency key. Nothing acknowledged may be lost and
// nothing may be stored twice — not the contribution, not its audit row, not its receipt mail.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '@musyawarah/db';
import {
  countRows,
  freePort,
  openMigrated,
  openRound,
  stakeholderSessions,
  startApi,
  startPostgres,
  submission,
  type ApiChild,
  type Postgres,
} from './support';

const TOTAL = 5_000;
const CLIENTS = 32;
const KILL_AFTER = 2_000;

let pg: Postgres;
let database: { db: Db; close(): Promise<void> };
let api: ApiChild | undefined;

beforeAll(async () => {
  pg = await startPostgres();
  database = await openMigrated(pg.url);
});
afterAll(async () => {
  await api?.stop();
  await database?.close();
  await pg?.stop();
});

it(`kill -9 during ${TOTAL} submissions from ${CLIENTS} clients: every acknowledged one stored exactly once, none lost`, async () => {
  const db = database.db;
  const roundId = await openRound(db);
  const tokens = await stakeholderSessions(db, CLIENTS);
  const port = await freePort();
  api = await startApi(pg.url, port);

  const keys = Array.from({ length: TOTAL }, () => randomUUID());
  const acknowledged = new Map<string, string>(); // idempotency key → contribution id from the receipt
  const refused: string[] = [];
  let attempts = 0;
  let connectionFailures = 0;
  let next = 0;
  let killed = false;
  let restarting: Promise<void> | null = null;

  async function killAndRestart() {
    killed = true;
    const victim = api!;
    victim.process.kill('SIGKILL');
    await new Promise((resolve) =>
      victim.process.exitCode !== null || victim.process.signalCode !== null
        ? resolve(null)
        : victim.process.once('exit', resolve),
    );
    api = await startApi(pg.url, port);
  }

  async function client(c: number) {
    const cookie = `musyawarah_session=${tokens[c]}`;
    for (;;) {
      const n = next++;
      if (n >= TOTAL) return;
      const key = keys[n]!;
      for (let attempt = 1; ; attempt++) {
        attempts++;
        try {
          const res = await fetch(`http://127.0.0.1:${port}/trpc/contributions.submit`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify(submission(roundId, key, n)),
            signal: AbortSignal.timeout(15_000),
          });
          const body = (await res.json()) as { result?: { data?: { id: string } }; error?: unknown };
          if (res.ok && body.result?.data?.id) {
            acknowledged.set(key, body.result.data.id);
            break;
          }
          if (res.status < 500) {
            refused.push(`${res.status} ${JSON.stringify(body).slice(0, 300)}`);
            break;
          }
        } catch {
          connectionFailures++;
        }
        if (attempt > 200) throw new Error(`submission ${n} never acknowledged`);
        await (restarting ?? new Promise((r) => setTimeout(r, 50)));
      }
      if (!killed && acknowledged.size >= KILL_AFTER) restarting = killAndRestart();
    }
  }

  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  // Assigned inside the clients' callbacks, which TypeScript does not follow: it would read this as always null.
  await (restarting as Promise<void> | null);

  expect(killed).toBe(true);
  expect(refused).toEqual([]);
  expect(acknowledged.size).toBe(TOTAL);
  // The kill really interrupted requests: some were retried.
  expect(attempts).toBeGreaterThan(TOTAL);

  const stored = await db
    .selectFrom('contribution')
    .select(['id', 'idempotency_key'])
    .where('round_id', '=', roundId)
    .where('status', '=', 'submitted')
    .execute();
  expect(stored.length).toBe(TOTAL);
  expect(new Set(stored.map((s) => s.idempotency_key)).size).toBe(TOTAL);
  const byKey = new Map(stored.map((s) => [s.idempotency_key, s.id]));
  const mismatched = [...acknowledged].filter(([key, id]) => byKey.get(key) !== id);
  expect(mismatched).toEqual([]);

  // Side effects of the same transaction, exactly once each.
  expect(await countRows(db, `select count(*)::int as n from contribution_item`)).toBe(TOTAL);
  expect(
    await countRows(db, `select count(*)::int as n from audit_log where action = 'contribution.submit'`),
  ).toBe(TOTAL);
  expect(
    await countRows(
      db,
      `select count(*)::int as n from (select entity_id from audit_log where action = 'contribution.submit' group by entity_id having count(*) > 1) d`,
    ),
  ).toBe(0);
  expect(await countRows(db, `select count(*)::int as n from mail_outbox`)).toBe(TOTAL);
  console.log(
    `crash test: ${TOTAL} submissions, ${attempts} attempts, ${connectionFailures} connection failures around the kill`,
  );
});
