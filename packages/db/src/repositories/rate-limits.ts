import { sql, type QueryCreator } from 'kysely';
import type { Executor } from '../client';
import { preparedStatement } from '../prepared';
import type { Database } from '../schema';

/**
 * One use counted against a fixed-window rate limit (a row of `login_throttle`, under a `rate:` key). `windowEnd` is
 * the end of a window that would start now: it becomes the row's `locked_until` when the row is new or its window is
 * over, which is also what keeps the row until then from the periodic clean-up.
 */
export interface RateLimitUse<V = unknown> {
  key: V;
  now: V;
  windowEnd: V;
}

/**
 * The upsert that counts uses: a new key, or one whose window is over, starts a window at 1; otherwise its count goes
 * up by one. Every row comes back with its count, so simultaneous callers on any number of processes each see a
 * distinct count. Written once for `consumeRateLimits` (@musyawarah/auth) and for statements that count a use and
 * store the work it is for together (`insertSubmission`); the values may be parameters of a prepared statement.
 * Callers counting several keys give them in one order (sorted), so two statements cannot each hold a row the other
 * waits for.
 */
export function countRateLimitUses(db: QueryCreator<Database>, uses: RateLimitUse[]) {
  const restart = sql<boolean>`coalesce(login_throttle.locked_until <= excluded.window_started_at, true)`;
  return db
    .insertInto('login_throttle')
    .values(
      uses.map((use) => ({
        key: use.key as string,
        failures: 1,
        window_started_at: use.now as Date,
        locked_until: use.windowEnd as Date,
      })),
    )
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when ${restart} then 1 else login_throttle.failures + 1 end`,
        window_started_at: sql`case when ${restart} then excluded.window_started_at else login_throttle.window_started_at end`,
        locked_until: sql`case when ${restart} then excluded.locked_until else login_throttle.locked_until end`,
      }),
    )
    .returning(['key', 'failures', 'locked_until']);
}

/** What `refuse_over_rate_limit` (migration 2026_12_09_0100) raised: the statement was over a limit and stored nothing. */
export function rateLimitRefusal(error: unknown): { retryAfterSeconds: number } | null {
  const e = error as { code?: string; message?: string } | null;
  const match = e?.code === 'P0001' ? /^rate_limited:(\d+)$/.exec(e.message ?? '') : null;
  return match ? { retryAfterSeconds: Math.max(1, Number(match[1])) } : null;
}

/** The row key of a rate limit named by its caller (`contribution:submissionsPerAuthor:user:…`). */
export function rateLimitKey(name: string): string {
  return `rate:${name}`;
}

/**
 * The upsert behind @musyawarah/auth's `countUse` (`countRateLimitUses`, shared with the statements that count and
 * store together), compiled once.
 */
const countUseStatement = preparedStatement<
  { key: string; now: Date; windowEnd: Date },
  { key: string; failures: number; locked_until: Date | null }
>((db, param) =>
  countRateLimitUses(db, [{ key: param('key'), now: param('now'), windowEnd: param('windowEnd') }]),
);

/**
 * Counts one use of the rate limit its caller names `key` (the row's key is `rateLimitKey(key)`) and returns the row:
 * `failures` is this use's count in the window, `locked_until` the window's end.
 */
export async function recordRateLimitUse(db: Executor, use: { key: string; now: Date; windowEnd: Date }) {
  const { rows } = await countUseStatement(db, {
    key: rateLimitKey(use.key),
    now: use.now,
    windowEnd: use.windowEnd,
  });
  return rows[0]!;
}

/**
 * Gives back one use of the rate limit named `key`, only from the window that ends at `windowEnd`: a use counted in a
 * window that has since ended must not be taken off the next one.
 */
export async function giveBackRateLimitUse(
  db: Executor,
  use: { key: string; windowEnd: Date },
): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ failures: sql`login_throttle.failures - 1` })
    .where('key', '=', rateLimitKey(use.key))
    .where('locked_until', '=', use.windowEnd)
    .where('failures', '>', 0)
    .execute();
}
