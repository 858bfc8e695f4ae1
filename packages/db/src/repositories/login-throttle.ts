import { sql } from 'kysely';
import type { Executor } from '../client';

/*
 * The sign-in throttle's rows (`account:…` and `ip:…` keys of `login_throttle`). The windows, limits and lock lengths,
 * and what a count means, are @musyawarah/auth's (throttle.ts); these statements take them as values.
 */

/** The latest `locked_until` among `keys` that is still after `now`, or null when none of them is locked. */
export async function findLoginThrottleLock(db: Executor, keys: string[], now: Date) {
  const row = await db
    .selectFrom('login_throttle')
    .select((eb) => eb.fn.max('locked_until').as('locked_until'))
    .where('key', 'in', keys)
    .where('locked_until', '>', now)
    .executeTakeFirst();
  return row?.locked_until ?? null;
}

export interface LoginFailure {
  key: string;
  now: Date;
  /** A window that started at or before this is over: the failure starts a new one. */
  windowCutoff: Date;
  /** The count that locks the key, until `lockUntil`. */
  limit: number;
  lockUntil: Date;
}

/**
 * Counts one failed sign-in against one key: a single INSERT … ON CONFLICT DO UPDATE whose arithmetic runs in
 * PostgreSQL on the locked row, so failures arriving at the same time on different replicas all count.
 */
export async function recordLoginThrottleFailure(db: Executor, failure: LoginFailure): Promise<void> {
  const { key, now, windowCutoff, limit, lockUntil } = failure;
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

export async function deleteLoginThrottles(db: Executor, keys: string[]): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', 'in', keys).execute();
}

/** Rows whose window started at or before `windowCutoff` and that hold no lock at `now`; returns how many. */
export async function deleteLapsedLoginThrottles(
  db: Executor,
  options: { windowCutoff: Date; now: Date },
): Promise<number> {
  const deleted = await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<=', options.windowCutoff)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', options.now)]))
    .returning('key')
    .execute();
  return deleted.length;
}

export interface LoginAttemptReservation {
  /** Distinct and sorted, so concurrent statements lock the rows in the same order. */
  keys: string[];
  now: Date;
  /** An unlocked key whose window started at or before this starts a new one. */
  windowCutoff: Date;
  /** Where a key's count reaches its limit, it is locked until this. */
  lockUntil: Date;
  /** The limit of `account:…` keys, and of every other key. */
  maxFailures: { account: number; ip: number };
}

/**
 * Counts one attempt on every key in a single INSERT … ON CONFLICT DO UPDATE … RETURNING and returns every key's count:
 * the row lock serialises simultaneous statements, so each gets a distinct count. While a lock holds, it is kept and
 * the count only grows (a passing window does not reset it).
 */
export async function reserveLoginThrottleAttempts(db: Executor, reservation: LoginAttemptReservation) {
  const { keys, now, windowCutoff, lockUntil, maxFailures } = reservation;
  const limitFor = (key: string) => (key.startsWith('account:') ? maxFailures.account : maxFailures.ip);
  const locked = sql<boolean>`coalesce(login_throttle.locked_until > ${now}::timestamptz, false)`;
  const restart = sql<boolean>`(not ${locked} and login_throttle.window_started_at <= ${windowCutoff}::timestamptz)`;
  const next = sql<number>`case when ${restart} then 1 else login_throttle.failures + 1 end`;
  const limit = sql<number>`case when login_throttle.key like 'account:%' then ${maxFailures.account}::int else ${maxFailures.ip}::int end`;
  return db
    .insertInto('login_throttle')
    .values(
      keys.map((key) => ({
        key,
        failures: 1,
        window_started_at: now,
        locked_until: limitFor(key) <= 1 ? lockUntil : null,
      })),
    )
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: next,
        window_started_at: sql`case when ${restart} then ${now}::timestamptz else login_throttle.window_started_at end`,
        locked_until: sql`case
          when ${locked} then login_throttle.locked_until
          when ${next} >= ${limit} then ${lockUntil}::timestamptz
          else null end`,
      }),
    )
    .returning(['key', 'failures', 'locked_until'])
    .execute();
}

/**
 * Gives back one attempt on each key without touching its earlier failures, and lifts a lock that still holds once the
 * count is below `limit` again.
 */
export async function giveBackLoginThrottleAttempts(
  db: Executor,
  keys: string[],
  options: { limit: number; now: Date },
): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({
      failures: sql`greatest(failures - 1, 0)`,
      locked_until: sql`case when failures - 1 < ${options.limit}::int and locked_until > ${options.now}::timestamptz then null else locked_until end`,
    })
    .where('key', 'in', keys)
    .execute();
}
