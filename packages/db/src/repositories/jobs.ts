import { sql } from 'kysely';
import type { Executor } from '../client';
import type { Job, JobStatus } from '../schema-jobs';

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  /** Not before this time; default now. */
  runAt?: Date;
  maxAttempts?: number;
  /** A second enqueue with the same key is a no-op (returns undefined), which makes enqueueing idempotent. */
  uniqueKey?: string;
}

/**
 * Writes a job with the caller's executor: pass the transaction of the change that causes it, and the job commits or
 * rolls back with that change.
 */
export async function enqueueJob(db: Executor, job: NewJob): Promise<Job | undefined> {
  return db
    .insertInto('job')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      ...(job.runAt ? { run_at: job.runAt } : {}),
      ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
      unique_key: job.uniqueKey ?? null,
    })
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Takes up to `limit` due jobs for `workerId` and leases them for `leaseMs`: queued jobs whose time has come, and
 * running jobs whose lease ran out (their host died or hung). `for update skip locked` lets several workers claim at
 * once without waiting on or taking each other's rows; the database clock decides "due" and "expired", so hosts with
 * drifting clocks agree. Each claim counts as an attempt.
 */
export async function claimJobs(
  db: Executor,
  options: { workerId: string; limit: number; leaseMs: number; kinds?: readonly string[] },
): Promise<Job[]> {
  if (options.limit <= 0) return [];
  const kinds = options.kinds ? sql`and kind = any(${[...options.kinds]}::text[])` : sql``;
  const result = await sql<Job>`
    update job set
      status = 'running',
      attempts = attempts + 1,
      locked_by = ${options.workerId},
      locked_until = now() + ${options.leaseMs}::int * interval '1 millisecond'
    where id in (
      select id from job
      where ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now())) ${kinds}
      order by run_at, created_at
      limit ${options.limit}
      for update skip locked
    )
    returning *`.execute(db);
  return result.rows;
}

/** Renews the lease while the job runs; false when another worker has taken the job over (the lease was lost). */
export async function extendJobLease(
  db: Executor,
  id: string,
  workerId: string,
  leaseMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({ locked_until: sql`now() + ${leaseMs}::int * interval '1 millisecond'` })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Marks the job done if this worker still holds it; false when the lease had been lost to another worker. `locked_by`
 * stays, so a finished job tells which process ran it (host name and process id).
 */
export async function completeJob(db: Executor, id: string, workerId: string): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({ status: 'done', finished_at: sql`now()`, locked_until: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records a failed attempt: back to `queued` at `retryAt`, or `dead` when `retryAt` is null. */
export async function failJob(
  db: Executor,
  id: string,
  workerId: string,
  outcome: { error: string; retryAt: Date | null },
): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({
      status: outcome.retryAt ? 'queued' : 'dead',
      run_at: outcome.retryAt ?? sql`run_at`,
      finished_at: outcome.retryAt ? null : sql`now()`,
      last_error: outcome.error.slice(0, 2000),
      locked_by: null,
      locked_until: null,
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * "Retry now" for a failed (queued after an error) or dead job: due at once, with one more attempt allowed if it had
 * used them all. Refuses (undefined) a job that is done or running.
 */
export async function retryJobNow(db: Executor, id: string): Promise<Job | undefined> {
  return db
    .updateTable('job')
    .set({
      status: 'queued',
      run_at: sql`now()`,
      finished_at: null,
      max_attempts: sql`greatest(max_attempts, attempts + 1)`,
    })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('status', '=', 'dead'), eb.and([eb('status', '=', 'queued'), eb('attempts', '>', 0)])]),
    )
    .returningAll()
    .executeTakeFirst();
}

export async function findJob(db: Executor, id: string): Promise<Job | undefined> {
  return db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Jobs for the Secretariat's screen, newest first. `problems` means what needs a person: dead jobs and jobs waiting
 * to retry after an error.
 */
export async function listJobs(
  db: Executor,
  options: { limit: number; filter: 'problems' | 'all' | JobStatus },
): Promise<Job[]> {
  let query = db.selectFrom('job').selectAll();
  if (options.filter === 'problems') {
    query = query.where((eb) =>
      eb.or([
        eb('status', '=', 'dead'),
        eb.and([eb('status', '=', 'queued'), eb('last_error', 'is not', null)]),
      ]),
    );
  } else if (options.filter !== 'all') {
    query = query.where('status', '=', options.filter);
  }
  return query.orderBy('created_at', 'desc').orderBy('id').limit(options.limit).execute();
}

export async function countJobsByStatus(db: Executor): Promise<Record<JobStatus, number>> {
  const rows = await db
    .selectFrom('job')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, dead: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** Deletes finished jobs older than `before` (dead ones stay until someone has seen them: they are kept a month). */
export async function pruneFinishedJobs(db: Executor, options: { doneBefore: Date; deadBefore: Date }) {
  const result = await db
    .deleteFrom('job')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'done'), eb('finished_at', '<', options.doneBefore)]),
        eb.and([eb('status', '=', 'dead'), eb('finished_at', '<', options.deadBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Registers recurring jobs (idempotent at every start; a changed interval applies from the next tick). */
export async function ensureJobSchedules(
  db: Executor,
  schedules: readonly { name: string; intervalSeconds: number }[],
) {
  if (schedules.length === 0) return;
  await db
    .insertInto('job_schedule')
    .values(
      schedules.map((s) => ({ name: s.name, interval_seconds: s.intervalSeconds, next_run_at: sql`now()` })),
    )
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ interval_seconds: eb.ref('excluded.interval_seconds') })),
    )
    .execute();
}

/**
 * Claims the schedules that are due and moves each one's next run forward, in one UPDATE: when two hosts tick at the
 * same moment, the second waits for the first's row lock, re-reads the row, finds it no longer due and claims
 * nothing, so each tick runs on exactly one host. Call it in the transaction that enqueues the ticks' jobs.
 */
export async function claimDueSchedules(db: Executor, names: readonly string[]) {
  if (names.length === 0) return [];
  return db
    .updateTable('job_schedule')
    .set({
      last_run_at: sql`now()`,
      next_run_at: sql`now() + interval_seconds * interval '1 second'`,
    })
    .where('name', 'in', [...names])
    .where('next_run_at', '<=', sql<Date>`now()`)
    .returningAll()
    .execute();
}
