// Database outage: PostgreSQL stops while feedback is being sent. The API must keep answering — 503 with the
// translation key errors.unavailable, within a bounded time, never a crash or a hang — and must recover on its own
// once the server is back, without being restarted.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '@musyawarah/db';
import {
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

/** No answer may take longer than this, outage or not (the pool's connection timeout is 5 s). */
const ANSWER_WITHIN_MS = 10_000;
const PARTICIPANTS = 50;

interface Outcome {
  status: number | 'hang' | 'connection-error';
  body: string;
  ms: number;
}

async function send(url: string, init: RequestInit): Promise<Outcome> {
  const started = Date.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
    return { status: res.status, body: await res.text(), ms: Date.now() - started };
  } catch (error) {
    const hang = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { status: hang ? 'hang' : 'connection-error', body: String(error), ms: Date.now() - started };
  }
}

it('stopping PostgreSQL under load gives 503 errors.unavailable, and the API recovers without a restart', async () => {
  const roundId = await openRound(database.db);
  // Many participants, not one: a single account sending as fast as it is answered would reach the per-person
  // submission limit (600 an hour) within the few seconds of load and be refused with 429, which is not what this
  // test is about.
  const tokens = await stakeholderSessions(database.db, PARTICIPANTS);
  // The suite's own pool must not hold the server up or error out while it is down.
  await database.close();
  api = await startApi(pg.url, await freePort());
  let n = 0;
  const submit = () => {
    const cookie = `musyawarah_session=${tokens[n % PARTICIPANTS]}`;
    return send(`${api!.url}/trpc/contributions.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(submission(roundId, randomUUID(), n++)),
    });
  };
  const readRound = () =>
    send(`${api!.url}/trpc/rounds.get?input=${encodeURIComponent(JSON.stringify({ roundId }))}`, {});
  const health = () => send(`${api!.url}/healthz`, {});

  // Load before, during and after the outage: 8 workers alternating writes and reads.
  const phase: { name: 'before' | 'down' | 'after' } = { name: 'before' };
  const seen: Record<'before' | 'down' | 'after', Outcome[]> = { before: [], down: [], after: [] };
  let running = true;
  const workers = Array.from({ length: 8 }, async (_, w) => {
    while (running) {
      const startedIn = phase.name;
      const outcome = await (w % 2 ? readRound() : submit());
      // A request that straddles a change of phase counts with the outage: 200 or 503 are both right for it.
      seen[startedIn === phase.name ? startedIn : 'down'].push(outcome);
    }
  });

  await new Promise((r) => setTimeout(r, 1_500));
  phase.name = 'down';
  pg.halt();
  await new Promise((r) => setTimeout(r, 6_000));
  const downSubmit = await submit();
  const downRead = await readRound();
  const downHealth = await health();
  const alive = api.process.exitCode === null && api.process.signalCode === null;

  pg.resume();
  // Recovery: the pool reconnects by itself; allow a few seconds.
  let recovered: Outcome | undefined;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const outcome = await submit();
    if (outcome.status === 200) {
      recovered = outcome;
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  phase.name = 'after';
  await new Promise((r) => setTimeout(r, 1_500));
  running = false;
  await Promise.all(workers);

  expect(alive, api.output()).toBe(true);
  expect(api.process.exitCode).toBeNull();
  for (const outcome of [downSubmit, downRead]) {
    expect(outcome.status, outcome.body).toBe(503);
    expect(outcome.body).toContain('errors.unavailable');
  }
  expect(downHealth.status).toBe(503);
  expect(seen.before.length).toBeGreaterThan(0);
  expect(
    seen.before.every((o) => o.status === 200),
    JSON.stringify(seen.before.filter((o) => o.status !== 200).slice(0, 3)),
  ).toBe(true);
  // While the server was down: only 200 (finished just before) or 503, never 500, never a hang or a dropped connection.
  const wrong = seen.down.filter((o) => o.status !== 200 && o.status !== 503);
  expect(wrong.slice(0, 5)).toEqual([]);
  expect(seen.down.some((o) => o.status === 503)).toBe(true);
  expect(seen.down.every((o) => o.status !== 503 || o.body.includes('errors.unavailable'))).toBe(true);
  expect(Math.max(...seen.down.map((o) => o.ms))).toBeLessThan(ANSWER_WITHIN_MS);

  expect(recovered, 'the API did not recover within 20 s of PostgreSQL coming back').toBeDefined();
  expect(seen.after.length).toBeGreaterThan(0);
  expect(
    seen.after.every((o) => o.status === 200),
    JSON.stringify(seen.after.filter((o) => o.status !== 200).slice(0, 3)),
  ).toBe(true);
  expect((await health()).status).toBe(200);
});
