import { z } from 'zod';
import { parseTrustProxy, TrustProxyError } from './client-address';

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every variable the host reads, validated once at start. zod gives one message per bad variable, naming it, which is
 * what an operator needs; a dedicated env library would add a dependency for the same twenty lines.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  // A streaming replica of DATABASE_URL for public reads (docs/scaling.md).
  DATABASE_READ_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Named prepared statements for the hot statements; false behind a pooler that cannot keep them (docs/scaling.md).
  DATABASE_PREPARED_STATEMENTS: booleanFromString.default(true),
  PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
  PUBLIC_URL: z.url({ error: 'must be a URL such as https://musyawarah.example.org' }).optional(),
  TRUSTED_ORIGINS: z.string().optional(),
  // Number of proxy hops, or the proxies' addresses/CIDRs; `true` is refused with what to set instead.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        if (!(error instanceof TrustProxyError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    }),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).default('Musyawarah <no-reply@musyawarah.example.org>'),
  SEED_DEMO: booleanFromString.optional(),
  // Background jobs (mail delivery, scheduled housekeeping): how many this process runs at once (0: none, leave them
  // to \`pnpm worker\` processes), how often it looks for due jobs, and how long a job stays claimed without a heartbeat.
  JOB_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(4),
  JOB_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(1_000),
  JOB_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(300_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "not set", as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  if (result.data.DATABASE_READ_URL && !result.data.DATABASE_URL) {
    throw new EnvError(
      'Invalid environment:\n  DATABASE_READ_URL: a read replica needs DATABASE_URL (the primary) as well',
    );
  }
  if (result.data.NODE_ENV === 'production' && result.data.SEED_DEMO) {
    throw new EnvError(
      'Invalid environment:\n  SEED_DEMO: demo accounts are refused when NODE_ENV=production',
    );
  }
  return result.data;
}
