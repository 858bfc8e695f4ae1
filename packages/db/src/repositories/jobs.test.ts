import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../testing';
import {
  claimDueSchedules,
  claimJobs,
  completeJob,
  enqueueJob,
  ensureJobSchedules,
  extendJobLease,
  failJob,
  findJob,
  retryJobNow,
} from './jobs';
import { insertOutboxMail, insertOutboxMailIf, retryOutboxMailNow } from './mail';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await sql`delete from job`.execute(t.db);
  await sql`delete from job_schedule`.execute(t.db);
});

const dbLabel = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const mail = (to: string, transport = 'smtp') => ({ to, subject: 's', text: 't', transport });

describe(`job queue (${dbLabel})`, () => {
  it('commits a job with the transaction that enqueues it, and drops it when that transaction rolls back', async () => {
    await t.db.transaction().execute(async (tx) => {
      await enqueueJob(tx, { kind: 'test.kept' });
    });
    await t.db
      .transaction()
      .execute(async (tx) => {
        await enqueueJob(tx, { kind: 'test.rolled-back' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const kinds = (await t.db.selectFrom('job').select('kind').execute()).map((j) => j.kind);
    expect(kinds).toEqual(['test.kept']);
  });

  it('enqueues once per unique key', async () => {
    expect(await enqueueJob(t.db, { kind: 'test', uniqueKey: 'once' })).toBeDefined();
    expect(await enqueueJob(t.db, { kind: 'test', uniqueKey: 'once' })).toBeUndefined();
    expect(await t.db.selectFrom('job').select('id').execute()).toHaveLength(1);
  });

  it('claims only due jobs of the kinds asked for, counts the attempt and leases them to the worker', async () => {
    await enqueueJob(t.db, { kind: 'a' });
    await enqueueJob(t.db, { kind: 'b' });
    await enqueueJob(t.db, { kind: 'a', runAt: new Date(Date.now() + 60_000) });
    const claimed = await claimJobs(t.db, { workerId: 'w1', limit: 10, leaseMs: 60_000, kinds: ['a'] });
    expect(claimed).toHaveLength(1);
    expect(claimed[0]).toMatchObject({ kind: 'a', status: 'running', attempts: 1, locked_by: 'w1' });
    expect(await claimJobs(t.db, { workerId: 'w2', limit: 10, leaseMs: 60_000, kinds: ['a'] })).toEqual([]);
  });

  it('gives a running job whose lease ran out (its host died) to another worker, and not while the lease is renewed', async () => {
    const job = (await enqueueJob(t.db, { kind: 'a' }))!;
    await claimJobs(t.db, { workerId: 'dead-host', limit: 1, leaseMs: 60_000 });
    expect(await claimJobs(t.db, { workerId: 'w2', limit: 1, leaseMs: 60_000 })).toEqual([]);
    // The host "dies": its lease is left to run out.
    await sql`update job set locked_until = now() - interval '1 second' where id = ${job.id}`.execute(t.db);
    const [reclaimed] = await claimJobs(t.db, { workerId: 'w2', limit: 1, leaseMs: 60_000 });
    expect(reclaimed).toMatchObject({ id: job.id, locked_by: 'w2', attempts: 2 });
    // The dead host's late answers change nothing: the job is no longer its own.
    expect(await extendJobLease(t.db, job.id, 'dead-host', 60_000)).toBe(false);
    expect(await completeJob(t.db, job.id, 'dead-host')).toBe(false);
    expect(await completeJob(t.db, job.id, 'w2')).toBe(true);
    expect((await findJob(t.db, job.id))?.status).toBe('done');
  });

  it('puts a failed job back with a later time, and makes it dead when no retry is left; retry now revives it', async () => {
    const job = (await enqueueJob(t.db, { kind: 'a', maxAttempts: 2 }))!;
    await claimJobs(t.db, { workerId: 'w', limit: 1, leaseMs: 60_000 });
    const later = new Date(Date.now() + 3_600_000);
    await failJob(t.db, job.id, 'w', { error: '451 try later', retryAt: later });
    expect(await findJob(t.db, job.id)).toMatchObject({
      status: 'queued',
      last_error: '451 try later',
      attempts: 1,
    });
    expect(await claimJobs(t.db, { workerId: 'w', limit: 1, leaseMs: 60_000 })).toEqual([]);

    await retryJobNow(t.db, job.id);
    await claimJobs(t.db, { workerId: 'w', limit: 1, leaseMs: 60_000 });
    await failJob(t.db, job.id, 'w', { error: '451 still', retryAt: null });
    expect(await findJob(t.db, job.id)).toMatchObject({ status: 'dead', attempts: 2 });

    const revived = await retryJobNow(t.db, job.id);
    expect(revived).toMatchObject({ status: 'queued', max_attempts: 3 });
    expect(await claimJobs(t.db, { workerId: 'w', limit: 1, leaseMs: 60_000 })).toHaveLength(1);
    // A running or finished job is not "retried".
    expect(await retryJobNow(t.db, job.id)).toBeUndefined();
  });

  it('claims each schedule tick once however many runners ask at once', async () => {
    await ensureJobSchedules(t.db, [{ name: 'tick', intervalSeconds: 3600 }]);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.db.transaction().execute((tx) => claimDueSchedules(tx, ['tick']))),
    );
    expect(results.flat()).toHaveLength(1);
    expect(await claimDueSchedules(t.db, ['tick'])).toEqual([]);
  });
});

describe(`mail delivery jobs (${dbLabel})`, () => {
  it('writes a delivery job with every SMTP mail, however it is inserted, and none for mail kept in the outbox', async () => {
    const a = await insertOutboxMail(t.db, mail('a@example.org'));
    const b = await insertOutboxMailIf(t.db, mail('b@example.org'), true);
    await insertOutboxMailIf(t.db, mail('c@example.org'), false);
    const kept = await insertOutboxMail(t.db, mail('d@example.org', 'outbox'));
    expect(a.status).toBe('queued');
    expect(kept.status).toBe('kept');
    const jobs = await t.db.selectFrom('job').select(['kind', 'mail_id', 'status']).execute();
    expect(jobs.map((j) => j.mail_id).sort()).toEqual([a.id, b!.id].sort());
    expect(new Set(jobs.map((j) => j.kind))).toEqual(new Set(['mail.deliver']));
  });

  it('deletes the job with its mail (account deletion deletes a person’s mail)', async () => {
    const m = await insertOutboxMail(t.db, mail('gone@example.org'));
    await t.db.deleteFrom('mail_outbox').where('id', '=', m.id).execute();
    expect(await t.db.selectFrom('job').select('id').where('mail_id', '=', m.id).execute()).toEqual([]);
  });

  it('retries a dead mail now, recreating its job if it was pruned; refuses a mail that was sent', async () => {
    const m = await insertOutboxMail(t.db, mail('retry@example.org'));
    await sql`update mail_outbox set status = 'dead' where id = ${m.id}`.execute(t.db);
    await sql`delete from job where mail_id = ${m.id}`.execute(t.db);
    expect((await retryOutboxMailNow(t.db, m.id))?.status).toBe('retried');
    const [job] = await claimJobs(t.db, { workerId: 'w', limit: 5, leaseMs: 60_000 });
    expect(job?.mail_id).toBe(m.id);
    await sql`update mail_outbox set status = 'sent' where id = ${m.id}`.execute(t.db);
    expect(await retryOutboxMailNow(t.db, m.id)).toBeUndefined();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('job queue under concurrent workers (PostgreSQL)', () => {
  it('never gives one job to two workers claiming at the same time', async () => {
    for (let i = 0; i < 200; i++) await enqueueJob(t.db, { kind: 'race', payload: { i } });
    const claimedBy = new Map<string, string>();
    let duplicates = 0;
    await Promise.all(
      ['w1', 'w2', 'w3', 'w4'].map(async (workerId) => {
        for (;;) {
          const jobs = await claimJobs(t.db, { workerId, limit: 7, leaseMs: 60_000 });
          if (jobs.length === 0) return;
          for (const job of jobs) {
            if (claimedBy.has(job.id)) duplicates++;
            claimedBy.set(job.id, workerId);
            await completeJob(t.db, job.id, workerId);
          }
        }
      }),
    );
    expect(duplicates).toBe(0);
    expect(claimedBy.size).toBe(200);
    expect(new Set(claimedBy.values()).size).toBeGreaterThan(1);
  });
});
