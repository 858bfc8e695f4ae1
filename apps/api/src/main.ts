import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@musyawarah/db';
import { EnvError, parseEnv } from './env';
import { startPlatformServer } from './server';

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

const seedDemo = env.SEED_DEMO ?? env.NODE_ENV !== 'production';
const platform = await startPlatformServer({
  port: env.PORT,
  host: env.HOST,
  databaseUrl: env.DATABASE_URL,
  databaseReadUrl: env.DATABASE_READ_URL,
  databasePoolSize: env.DATABASE_POOL_SIZE,
  databasePreparedStatements: env.DATABASE_PREPARED_STATEMENTS,
  pgliteDataDir: env.PGLITE_DATA_DIR,
  seedDemo,
  publicUrl: env.PUBLIC_URL,
  trustedOrigins: env.TRUSTED_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter(Boolean),
  trustProxy: env.TRUST_PROXY,
  smtpUrl: env.SMTP_URL,
  mailFrom: env.MAIL_FROM,
  jobs: {
    concurrency: env.JOB_CONCURRENCY,
    pollIntervalMs: env.JOB_POLL_INTERVAL_MS,
    leaseMs: env.JOB_LEASE_MS,
  },
  nodeEnv: env.NODE_ENV,
  logLevel: env.LOG_LEVEL,
});

const lines = [
  '',
  `Musyawarah is running (${platform.databaseKind === 'pglite' ? `embedded database in ${env.PGLITE_DATA_DIR}` : 'PostgreSQL'}).`,
  '',
  `  Stakeholder portal:  ${platform.url}/`,
  `  Secretariat app:     ${platform.url}/secretariat/`,
  `  Health check:        ${platform.url}/healthz`,
  '',
];
if (seedDemo) {
  lines.push(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
  for (const account of DEMO_ACCOUNTS) {
    const role = account.role === 'member_state' ? `member_state (${account.memberState})` : account.role;
    lines.push(`  ${role.padEnd(22)} ${account.email}`);
  }
  lines.push(
    '',
    `Without SMTP_URL, e-mails (confirmation, invitation, reset links) appear in the secretariat app's Mail outbox and in this log.`,
  );
}
lines.push('Press Ctrl+C to stop.', '');
console.log(lines.join('\n'));

let shuttingDown = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    platform.logger.info({ signal }, 'shutting down: finishing in-flight requests');
    platform
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        platform.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  });
}
