// `pnpm worker`: a process that only runs background jobs (mail delivery, scheduled housekeeping) against the same
// PostgreSQL as the hosts, for scale-out. Hosts run jobs too unless JOB_CONCURRENCY=0; any mix shares one queue.
import pino from 'pino';
import { createSmtpTransport } from '@musyawarah/api';
import { installValidationMessages } from '@musyawarah/core/schemas/messages';
import { migrateToLatest, openDatabase } from '@musyawarah/db';
import { EnvError, parseEnv } from './env';
import { startPlatformJobs } from './jobs';

let env;
try {
  env = parseEnv(process.env);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
if (!env.DATABASE_URL) {
  // PGlite is one process's database: a second process cannot open it, and the host runs its jobs itself.
  console.error(
    'pnpm worker needs DATABASE_URL (PostgreSQL); with the embedded database the host runs the jobs.',
  );
  process.exit(1);
}
if (env.JOB_CONCURRENCY === 0) {
  console.error(
    'JOB_CONCURRENCY=0 leaves a worker nothing to do; unset it or give a number of jobs to run at once.',
  );
  process.exit(1);
}

// Jobs validate with the same schemas as the host's procedures; their issues must read the same (translation keys).
installValidationMessages();
const logger = pino({ level: env.LOG_LEVEL, base: { service: 'musyawarah-worker' } });
const database = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  poolSize: env.DATABASE_POOL_SIZE,
  preparedStatements: env.DATABASE_PREPARED_STATEMENTS,
});
await migrateToLatest(database.db);
const smtp = env.SMTP_URL ? await createSmtpTransport(env.SMTP_URL) : null;
const runner = startPlatformJobs({
  db: database.db,
  smtp,
  mailFrom: env.MAIL_FROM,
  logger,
  config: { publicUrl: env.PUBLIC_URL ?? 'http://localhost:3000' },
  options: {
    concurrency: env.JOB_CONCURRENCY,
    pollIntervalMs: env.JOB_POLL_INTERVAL_MS,
    leaseMs: env.JOB_LEASE_MS,
  },
})!;
logger.info({ workerId: runner.workerId, smtp: Boolean(smtp) }, 'worker started');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping: finishing running jobs');
    runner
      .stop(10_000)
      .then(() => smtp?.close?.())
      .then(() => database.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'worker shutdown failed');
        process.exit(1);
      });
  });
}
