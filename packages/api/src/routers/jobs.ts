import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  countJobsByStatus,
  findJob,
  findOutboxMail,
  listJobs,
  retryJobNow,
  retryOutboxMailNow,
  writeAudit,
  type Job,
} from '@musyawarah/db';
import { notFound } from '../errors';
import { auditContext, router, secretariatProcedure } from '../trpc';

/**
 * The job queue as the Secretariat sees it (issue #15): what waits, what failed and why, and "retry now" for a job
 * that failed or was given up. Secretariat only; every retry is audited. Payloads are not shown: a job names its
 * subject (a mail's id), and the subject's own screen shows what it may.
 *
 * - `jobs.list` (secretariat): jobs by filter (`problems`: dead, or waiting to retry after an error) and counts.
 * - `jobs.retry` (secretariat): a failed or dead job due now, one more attempt allowed; a mail's job marks the mail
 *   `retried`. Refused `errors.jobNotRetryable` (CONFLICT) for a job that is done, running or not yet tried.
 * - `mail.retry` (secretariat, in the mail router): the same for one outbox message.
 */
const uuid = z.uuid();

function presentJob(job: Job) {
  return {
    id: job.id,
    kind: job.kind,
    mailId: job.mail_id,
    status: job.status,
    attempts: job.attempts,
    maxAttempts: job.max_attempts,
    runAt: job.run_at,
    lastError: job.last_error,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  };
}

const notRetryable = () => new TRPCError({ code: 'CONFLICT', message: 'errors.jobNotRetryable' });

export const jobsRouter = router({
  list: secretariatProcedure
    .input(
      z
        .object({
          filter: z.enum(['problems', 'all', 'queued', 'running', 'done', 'dead']).default('problems'),
          limit: z.number().int().min(1).max(500).default(100),
        })
        .default({ filter: 'problems', limit: 100 }),
    )
    .query(async ({ ctx, input }) => {
      const [jobs, counts] = await Promise.all([
        listJobs(ctx.db, { filter: input.filter, limit: input.limit }),
        countJobsByStatus(ctx.db),
      ]);
      return { jobs: jobs.map(presentJob), counts };
    }),

  retry: secretariatProcedure.input(z.object({ jobId: uuid })).mutation(async ({ ctx, input }) => {
    const { job, mail } = await ctx.db.transaction().execute(async (tx) => {
      const before = await findJob(tx, input.jobId);
      if (!before) throw notFound('errors.jobNotFound');
      const mail = before.mail_id ? await retryOutboxMailNow(tx, before.mail_id) : undefined;
      const job = before.mail_id ? mail && (await findJob(tx, before.id)) : await retryJobNow(tx, before.id);
      if (!job) throw notRetryable();
      await writeAudit(tx, auditContext(ctx), {
        action: 'job.retry',
        entityType: 'job',
        entityId: job.id,
        before: { status: before.status, attempts: before.attempts, lastError: before.last_error },
        after: { status: job.status, runAt: job.run_at },
      });
      return { job, mail };
    });
    if (mail) await ctx.mailer.deliver(ctx.db, [mail]);
    return presentJob(job);
  }),
});

/** `mail.retry`: merged into the mail router. */
export const retryMail = secretariatProcedure
  .input(z.object({ mailId: uuid }))
  .mutation(async ({ ctx, input }) => {
    const mail = await ctx.db.transaction().execute(async (tx) => {
      const before = await findOutboxMail(tx, input.mailId);
      if (!before) throw notFound('errors.mailNotFound');
      const after = await retryOutboxMailNow(tx, before.id);
      if (!after) throw notRetryable();
      await writeAudit(tx, auditContext(ctx), {
        action: 'mail.retry',
        entityType: 'mail_outbox',
        entityId: after.id,
        before: { status: before.status, attempts: before.attempts, error: before.error },
        after: { status: after.status },
      });
      return after;
    });
    await ctx.mailer.deliver(ctx.db, [mail]);
    return { id: mail.id, status: mail.status };
  });
