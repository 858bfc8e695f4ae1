import type { Db } from '@musyawarah/db';
import {
  BUILT_IN_SCHEDULES,
  createMailer,
  platformJobHandlers,
  startJobRunner,
  type JobRunner,
  type Logger,
  type SmtpTransport,
} from '@musyawarah/api';

export interface JobOptions {
  /** Jobs this process runs at once; 0 runs none (a host that leaves jobs to `pnpm worker` processes). */
  concurrency?: number;
  pollIntervalMs?: number;
  leaseMs?: number;
  retryBaseMs?: number;
}

/** Starts this process's job runner with the platform's handlers and schedules, or returns null for concurrency 0. */
export function startPlatformJobs(args: {
  db: Db;
  smtp: SmtpTransport | null;
  mailFrom: string;
  logger: Logger;
  /** The address links in scheduled notification mail point to (read when each job runs: a host learns its port late). */
  config: { readonly publicUrl: string };
  options?: JobOptions | undefined;
}): JobRunner | null {
  const options = args.options ?? {};
  if (options.concurrency === 0) return null;
  // Scheduled notifications only write to the outbox; with SMTP the outbox's trigger queues each mail's delivery job,
  // which this runner (or another's) claims at its next poll, woken here.
  const mailer = createMailer({
    smtp: args.smtp,
    from: args.mailFrom,
    log: (mail) => args.logger.info({ mail }, 'mail kept in the outbox (no SMTP_URL set)'),
    wake: () => runner.wake(),
  });
  const runner = startJobRunner({
    db: args.db,
    handlers: platformJobHandlers({
      smtp: args.smtp,
      from: args.mailFrom,
      logger: args.logger,
      notify: { mailer, config: args.config },
    }),
    schedules: BUILT_IN_SCHEDULES,
    logger: args.logger,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
    ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
  });
  return runner;
}
