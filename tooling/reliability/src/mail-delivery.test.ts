// Mail delivery survives crashes and scale-out (issue #15). The hosts deliver the outbox through the job queue to a
// real SMTP server (smtp-server, parsed by mailparser):
// - kill -9 a host while deliveries are in flight (the SMTP server holds its answer to them), restart it: every mail
//   arrives exactly once — the held ones were never accepted, so they are sent again after their lease runs out;
// - two hosts and a `pnpm worker` process share one queue: every mail arrives exactly once and each process sent some.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOutboxMail, type Db } from '@musyawarah/db';
import { startSmtpSink, type SmtpSink } from '@musyawarah/api/testing/smtp-sink';
import {
  countRows,
  freePort,
  openMigrated,
  REPO_ROOT,
  startApi,
  startPostgres,
  type ApiChild,
  type Postgres,
} from './support';

let pg: Postgres;
let database: { db: Db; close(): Promise<void> };
let sink: SmtpSink;
const children: ApiChild[] = [];
const workers: ChildProcess[] = [];

beforeAll(async () => {
  pg = await startPostgres();
  database = await openMigrated(pg.url);
  sink = await startSmtpSink();
});
afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL');
  await Promise.all(children.map((c) => c.stop()));
  await sink?.close();
  await database?.close();
  await pg?.stop();
});

const jobEnv = () => ({
  SMTP_URL: sink.url,
  MAIL_FROM: 'Musyawarah <no-reply@example.org>',
  JOB_LEASE_MS: '3000',
  JOB_POLL_INTERVAL_MS: '200',
  JOB_CONCURRENCY: '4',
});

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function queueMails(db: Db, prefix: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const mail = await insertOutboxMail(db, {
      to: `${prefix}-${i}@example.org`,
      subject: `Message ${prefix} ${i}`,
      text: `Body of ${prefix} ${i}`,
      transport: 'smtp',
    });
    ids.push(mail.id);
  }
  return ids;
}

/** Every outbox id arrived exactly once (by Message-ID, which is the outbox id) and nothing else did. */
function expectExactlyOnce(ids: string[], prefix: string) {
  const received = sink.received.filter((r) => r.to.startsWith(`${prefix}-`));
  const messageIds = received.map((r) => r.messageId);
  expect(received).toHaveLength(ids.length);
  expect(new Set(messageIds).size).toBe(ids.length);
  expect(new Set(messageIds)).toEqual(new Set(ids.map((id) => `<${id}@example.org>`)));
}

describe('mail delivery through the job queue on PostgreSQL', () => {
  it('kill -9 with deliveries in flight: after a restart every mail arrives exactly once', async () => {
    const db = database.db;
    const TOTAL = 150;
    const ACCEPT_FIRST = 40;
    let accepted = 0;
    // The first messages are accepted; then the server holds its answer, so deliveries are in flight at the kill.
    sink.answer = () => (accepted++ < ACCEPT_FIRST ? 'accept' : 'hold');
    const ids = await queueMails(db, 'crash', TOTAL);
    const port = await freePort();
    const host = await startApi(pg.url, port, jobEnv());

    await until('deliveries held in flight', () => sink.held >= 2);
    // Every accepted message is recorded as sent before the kill: the one window for a duplicate (accepted by the
    // server, not yet committed) is closed here, so any duplicate would be the queue's fault.
    await until(
      'accepted mails recorded as sent',
      async () =>
        (await countRows(db, `select count(*)::int as n from mail_outbox where status = 'sent'`)) ===
        ACCEPT_FIRST,
    );
    const inFlight = await countRows(db, `select count(*)::int as n from job where status = 'running'`);
    expect(inFlight).toBeGreaterThanOrEqual(2);
    host.process.kill('SIGKILL');
    await new Promise((resolve) =>
      host.process.exitCode !== null ? resolve(null) : host.process.once('exit', resolve),
    );

    sink.answer = () => 'accept';
    children.push(await startApi(pg.url, port, jobEnv()));
    await until(
      'every mail delivered',
      () => sink.received.filter((r) => r.to.startsWith('crash-')).length >= TOTAL,
    );
    await until(
      'every mail recorded as sent',
      async () =>
        (await countRows(db, `select count(*)::int as n from mail_outbox where status = 'sent'`)) === TOTAL,
    );
    expectExactlyOnce(ids, 'crash');
    // The jobs the dead host held were taken over after their lease: more than one attempt, all done.
    expect(await countRows(db, `select count(*)::int as n from job where status <> 'done'`)).toBe(0);
    expect(
      await countRows(db, `select count(*)::int as n from job where attempts > 1`),
    ).toBeGreaterThanOrEqual(inFlight);
    await children.pop()!.stop();
  });

  it('two hosts and a pnpm worker share one queue: every mail exactly once, each process delivering some', async () => {
    const db = database.db;
    sink.answer = () => 'accept';
    const hosts = [
      await startApi(pg.url, await freePort(), jobEnv()),
      await startApi(pg.url, await freePort(), jobEnv()),
    ];
    children.push(...hosts);
    let workerOutput = '';
    const worker = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/worker.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...jobEnv(), DATABASE_URL: pg.url, NODE_ENV: 'production', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    workers.push(worker);
    worker.stdout.on('data', (d: Buffer) => (workerOutput += d.toString()));
    worker.stderr.on('data', (d: Buffer) => (workerOutput += d.toString()));
    await until('the worker to start', () => workerOutput.includes('worker started'), 60_000);

    const TOTAL = 300;
    const ids = await queueMails(db, 'shared', TOTAL);
    await until(
      'every mail delivered',
      () => sink.received.filter((r) => r.to.startsWith('shared-')).length >= TOTAL,
    );
    await until(
      'every mail recorded as sent',
      async () =>
        (await countRows(
          db,
          `select count(*)::int as n from mail_outbox where status = 'sent' and to_address like 'shared-%'`,
        )) === TOTAL,
    );
    // A little longer than a poll, so a duplicate delivery in progress would have arrived too.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expectExactlyOnce(ids, 'shared');

    const { rows } = await db
      .selectFrom('job')
      .innerJoin('mail_outbox', 'mail_outbox.id', 'job.mail_id')
      .select(['job.locked_by'])
      .where('mail_outbox.to_address', 'like', 'shared-%')
      .execute()
      .then((r) => ({ rows: r }));
    const pids = new Set(rows.map((r) => r.locked_by?.split(':')[1]));
    for (const child of [...hosts.map((h) => h.process), worker]) expect(pids).toContain(String(child.pid));
  });
});
