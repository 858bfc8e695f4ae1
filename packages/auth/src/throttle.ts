import { sql } from 'kysely';
import type { Executor } from '@musyawarah/db';

const MINUTE_MS = 60 * 1000;
/**
 * An account tolerates a few typos; an address gets more room because many people can share one (an office, a
 * ministry network, a conference Wi-Fi), while a single address trying many accounts is still stopped.
 */
export const THROTTLE = {
  maxFailures: { account: 5, ip: 20 },
  windowMs: 15 * MINUTE_MS,
  lockMs: 15 * MINUTE_MS,
} as const;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The account key uses the e-mail as typed (normalised), so unknown addresses are throttled exactly like known ones. */
export function throttleKeys(email: string, ipAddress: string | null): string[] {
  const keys = [`account:${email.trim().toLowerCase()}`];
  if (ipAddress) keys.push(`ip:${ipAddress}`);
  return keys;
}

function limitFor(key: string): number {
  return key.startsWith('account:') ? THROTTLE.maxFailures.account : THROTTLE.maxFailures.ip;
}

/** Call before checking the password, so a locked key costs an attacker no argon2 verification and learns nothing. */
export async function checkLoginThrottle(db: Executor, keys: string[], now: Date = new Date()): Promise<ThrottleDecision> {
  if (keys.length === 0) return { allowed: true };
  const row = await db
    .selectFrom('login_throttle')
    .select((eb) => eb.fn.max('locked_until').as('locked_until'))
    .where('key', 'in', keys)
    .where('locked_until', '>', now)
    .executeTakeFirst();
  const lockedUntil = row?.locked_until ? new Date(row.locked_until) : null;
  if (!lockedUntil) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)) };
}

/**
 * Counts one failed sign-in against every key. Each key is a single INSERT … ON CONFLICT DO UPDATE whose arithmetic
 * runs in PostgreSQL on the locked row, so failures arriving at the same time on different replicas all count.
 * A key whose window has passed starts again at 1; reaching the limit locks it for THROTTLE.lockMs.
 */
export async function recordLoginFailure(db: Executor, keys: string[], now: Date = new Date()): Promise<void> {
  const windowCutoff = new Date(now.getTime() - THROTTLE.windowMs);
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMs);
  // A fixed order, so two callers inside transactions cannot each hold one key while waiting for the other's.
  for (const key of [...new Set(keys)].sort()) {
    const limit = limitFor(key);
    const stale = sql<boolean>`login_throttle.window_started_at <= ${windowCutoff}`;
    const nextFailures = sql<number>`case when ${stale} then 1 else login_throttle.failures + 1 end`;
    await db
      .insertInto('login_throttle')
      .values({ key, failures: 1, window_started_at: now, locked_until: limit <= 1 ? lockUntil : null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: nextFailures,
          window_started_at: sql`case when ${stale} then ${now}::timestamptz else login_throttle.window_started_at end`,
          locked_until: sql`case
            when ${nextFailures} >= ${limit}::int then ${lockUntil}::timestamptz
            when login_throttle.locked_until > ${now}::timestamptz then login_throttle.locked_until
            else null end`,
        }),
      )
      .execute();
  }
}

/**
 * After a successful sign-in the account's count is forgiven. The address keeps its count: an attacker who owns one
 * account must not be able to reset the address counter between guesses at other people's accounts.
 */
export async function clearLoginFailures(db: Executor, keys: string[]): Promise<void> {
  const accountKeys = keys.filter((k) => k.startsWith('account:'));
  if (accountKeys.length === 0) return;
  await db.deleteFrom('login_throttle').where('key', 'in', accountKeys).execute();
}

/** For a periodic clean-up: rows whose window has passed and that hold no lock carry no information. */
export async function pruneLoginThrottle(db: Executor, now: Date = new Date()): Promise<number> {
  const deleted = await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<=', new Date(now.getTime() - THROTTLE.windowMs))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('key')
    .execute();
  return deleted.length;
}
