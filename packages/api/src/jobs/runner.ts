import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db, Job, Tx } from '@musyawarah/db';
import {
  claimDueSchedules,
  claimJobs,
  completeJob,
  enqueueJob,
  ensureJobSchedules,
  extendJobLease,
  failJob,
} from '@musyawarah/db';
import type { Logger } from '../context';
import { retryDelayMs } from './backoff';

/**
 * A handler runs a job's side effect. It must be idempotent: a job can run again after its host died between the
 * effect and the commit that records it (at-least-once), so a handler checks what is already done first.
 */
export interface JobHandler {
  run(job: Job, context: { db: Db; now: () => Date }): Promise<void>;
  /** Written in the transaction that marks the job done. */
  succeeded?(tx: Tx, job: Job): Promise<void>;
  /** Written in the transaction that records the failed attempt; `dead` when no attempt is left. */
  failed?(tx: Tx, job: Job, outcome: { error: string; dead: boolean }): Promise<void>;
  /** An error that no retry can fix (a refused recipient): the job goes dead at once. */
  isPermanent?(error: unknown): boolean;
}

export interface JobSchedule {
  name: string;
  intervalSeconds: number;
  /** The job a tick enqueues. */
  kind: string;
}

export interface JobRunnerOptions {
  db: Db;
  handlers: Record<string, JobHandler>;
  schedules?: readonly JobSchedule[];
  logger: Logger;
  /** Jobs run at the same time by this process. */
  concurrency?: number;
  pollIntervalMs?: number;
  /** How long a claimed job stays this worker's without a heartbeat; renewed every third of it. */
  leaseMs?: number;
  retryBaseMs?: number;
  workerId?: string;
  /** false: no background polling; only `drain()` runs jobs (tests). */
  autoStart?: boolean;
}

export interface JobRunner {
  workerId: string;
  /** Look for work now instead of at the next poll (after a request enqueued something). */
  wake(): void;
  /** Claims and runs due jobs, waiting for them, until a round finds none (or `maxRounds`): for tests and scripts. */
  drain(maxRounds?: number): Promise<number>;
  /** Stops claiming and waits (at most `timeoutMs`) for running jobs; unfinished ones are reclaimed after their lease. */
  stop(timeoutMs?: number): Promise<void>;
}

export const DEFAULT_LEASE_MS = 5 * 60_000;

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { responseCode?: number }).responseCode;
    return code && !error.message.includes(String(code)) ? `${code} ${error.message}` : error.message;
  }
  return String(error);
}

/**
 * Claims due jobs and runs them, in this process, until stopped. Any number of runners (in hosts or `pnpm worker`
 * processes) can share one database: claims skip each other's rows, leases hand a dead host's jobs to the others, and
 * each schedule tick is claimed by one runner only.
 */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const concurrency = options.concurrency ?? 4;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const kinds = Object.keys(options.handlers);
  const schedules = options.schedules ?? [];
  const { db, logger } = options;
  const autoStart = options.autoStart !== false;
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let looping: Promise<void> | null = null;
  let wakeAgain = false;
  const schedulesReady = ensureJobSchedules(
    db,
    schedules.map((s) => ({ name: s.name, intervalSeconds: s.intervalSeconds })),
  ).catch((error: unknown) => logger.error({ err: error }, 'job schedules could not be registered'));

  async function tickSchedules() {
    if (schedules.length === 0) return;
    await schedulesReady;
    await db.transaction().execute(async (tx) => {
      const due = await claimDueSchedules(
        tx,
        schedules.map((s) => s.name),
      );
      for (const tick of due) {
        const schedule = schedules.find((s) => s.name === tick.name)!;
        await enqueueJob(tx, {
          kind: schedule.kind,
          payload: { schedule: tick.name },
          uniqueKey: `schedule:${tick.name}:${new Date(tick.last_run_at!).toISOString()}`,
        });
      }
    });
  }

  /** `error` is null when the job succeeded (a thrown null becomes an Error in runJob). */
  async function settle(job: Job, error: unknown) {
    const handler = options.handlers[job.kind]!;
    await db.transaction().execute(async (tx) => {
      if (error === null) {
        if (!(await completeJob(tx, job.id, workerId))) {
          logger.warn({ jobId: job.id, kind: job.kind }, 'job finished after its lease was taken over');
        }
        await handler.succeeded?.(tx, job);
        return;
      }
      const message = errorText(error);
      const dead = job.attempts >= job.max_attempts || handler.isPermanent?.(error) === true;
      const retryAt = dead
        ? null
        : new Date(Date.now() + retryDelayMs(job.attempts, Math.random(), options.retryBaseMs));
      if (await failJob(tx, job.id, workerId, { error: message, retryAt })) {
        await handler.failed?.(tx, job, { error: message, dead });
      }
      logger[dead ? 'error' : 'warn'](
        { jobId: job.id, kind: job.kind, attempts: job.attempts, error: message, retryAt },
        dead ? 'job failed for good (dead)' : 'job failed; will retry',
      );
    });
  }

  async function runJob(job: Job) {
    const handler = options.handlers[job.kind]!;
    // A job reclaimed after its lease ran out more often than it may be attempted kept killing its hosts: stop it.
    if (job.attempts > job.max_attempts) {
      await settle(job, new Error('the job stopped its worker too many times (lease expired)'));
      return;
    }
    const heartbeat = setInterval(
      () => {
        extendJobLease(db, job.id, workerId, leaseMs).catch((error: unknown) =>
          logger.warn({ err: error, jobId: job.id }, 'job lease could not be renewed'),
        );
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    let outcome: unknown = null;
    try {
      await handler.run(job, { db, now: () => new Date() });
    } catch (error) {
      outcome = error ?? new Error('job failed');
    } finally {
      clearInterval(heartbeat);
    }
    await settle(job, outcome);
  }

  async function round(): Promise<number> {
    await tickSchedules();
    const free = concurrency - running.size;
    if (free <= 0 || stopped) return 0;
    const jobs = await claimJobs(db, { workerId, limit: free, leaseMs, kinds });
    for (const job of jobs) {
      const done = runJob(job)
        .catch((error: unknown) => logger.error({ err: error, jobId: job.id }, 'job could not be settled'))
        .finally(() => {
          running.delete(job.id);
          // A slot is free: more work may be waiting.
          if (!stopped) schedule(0);
        });
      running.set(job.id, done);
    }
    return jobs.length;
  }

  function schedule(delayMs: number) {
    if (stopped || !autoStart) return;
    if (looping) {
      wakeAgain = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      looping = round()
        .then((claimed) => {
          if (claimed > 0) wakeAgain = true;
        })
        .catch((error: unknown) => logger.error({ err: error }, 'job queue poll failed'))
        .finally(() => {
          looping = null;
          const again = wakeAgain;
          wakeAgain = false;
          schedule(again && running.size < concurrency ? 0 : pollIntervalMs);
        });
    }, delayMs);
    timer.unref?.();
  }

  schedule(0);

  return {
    workerId,
    wake() {
      schedule(0);
    },
    async drain(maxRounds = Number.POSITIVE_INFINITY) {
      while (looping) await looping;
      let total = 0;
      for (let i = 0; i < maxRounds; i++) {
        const claimed = await round();
        await Promise.all(running.values());
        if (claimed === 0) break;
        total += claimed;
      }
      return total;
    },
    async stop(timeoutMs = 10_000) {
      stopped = true;
      if (timer) clearTimeout(timer);
      await looping?.catch(() => undefined);
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(running.values()),
        new Promise<void>((resolve) => {
          timeout = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timeout);
    },
  };
}
