import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@musyawarah/db/testing';
import { checkLoginThrottle, clearLoginFailures, pruneLoginThrottle, recordLoginFailure, THROTTLE, throttleKeys } from './index';
import { dbLabel } from './test-support';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

let n = 0;
/** Fresh keys per test, so tests sharing the database do not see each other's counts. */
function keysFor(ip: string | null = `198.51.100.${++n}`) {
  return throttleKeys(`Person${++n}@Example.org `, ip);
}
const failures = async (key: string) =>
  (await t.db.selectFrom('login_throttle').select('failures').where('key', '=', key).executeTakeFirst())?.failures ?? 0;

describe('throttle keys', () => {
  it('name the normalised account and the address', () => {
    expect(throttleKeys(' Siti@Example.ORG', '203.0.113.7')).toEqual(['account:siti@example.org', 'ip:203.0.113.7']);
    expect(throttleKeys('siti@example.org', null)).toEqual(['account:siti@example.org']);
  });
});

describe(`login throttling (${dbLabel})`, () => {
  it('locks an account after 5 failures and says when to retry', async () => {
    const keys = keysFor();
    const start = new Date('2026-06-01T09:00:00Z');
    for (let i = 0; i < THROTTLE.maxFailures.account - 1; i += 1) {
      await recordLoginFailure(t.db, keys, new Date(start.getTime() + i * 1000));
      expect(await checkLoginThrottle(t.db, keys, new Date(start.getTime() + i * 1000))).toEqual({ allowed: true });
    }
    const fifth = new Date(start.getTime() + 60_000);
    await recordLoginFailure(t.db, keys, fifth);
    expect(await checkLoginThrottle(t.db, keys, fifth)).toEqual({ allowed: false, retryAfterSeconds: THROTTLE.lockMs / 1000 });
    const tenMinutesLater = new Date(fifth.getTime() + 10 * 60_000);
    expect(await checkLoginThrottle(t.db, keys, tenMinutesLater)).toEqual({ allowed: false, retryAfterSeconds: 5 * 60 });
    // The address alone (another account from the same place) is not locked by one account's failures.
    expect(await checkLoginThrottle(t.db, [keys[1]!], fifth)).toEqual({ allowed: true });
    // When the lock ends, sign-in is allowed and the count starts again.
    const after = new Date(fifth.getTime() + THROTTLE.lockMs);
    expect(await checkLoginThrottle(t.db, keys, after)).toEqual({ allowed: true });
    await recordLoginFailure(t.db, keys, after);
    expect(await failures(keys[0]!)).toBe(1);
    expect(await checkLoginThrottle(t.db, keys, after)).toEqual({ allowed: true });
  });

  it('failures outside the 15-minute window do not add up', async () => {
    const keys = keysFor();
    const start = new Date('2026-06-02T09:00:00Z');
    for (let i = 0; i < 8; i += 1) {
      // One failure every 4 minutes: never more than 4 inside any window that began with the count.
      await recordLoginFailure(t.db, keys, new Date(start.getTime() + i * 4 * 60_000));
    }
    expect(await checkLoginThrottle(t.db, keys, new Date(start.getTime() + 8 * 4 * 60_000))).toEqual({ allowed: true });
  });

  it('locks an address after 20 failures across different accounts', async () => {
    const ip = '192.0.2.200';
    const now = new Date('2026-06-03T09:00:00Z');
    for (let i = 0; i < THROTTLE.maxFailures.ip - 1; i += 1) await recordLoginFailure(t.db, keysFor(ip), now);
    expect(await checkLoginThrottle(t.db, keysFor(ip), now)).toEqual({ allowed: true });
    await recordLoginFailure(t.db, keysFor(ip), now);
    const fresh = keysFor(ip);
    expect(await checkLoginThrottle(t.db, fresh, now)).toEqual({ allowed: false, retryAfterSeconds: THROTTLE.lockMs / 1000 });
    // Another address trying the same fresh account is unaffected.
    expect(await checkLoginThrottle(t.db, [fresh[0]!, 'ip:192.0.2.201'], now)).toEqual({ allowed: true });
  });

  it('a successful sign-in clears the account count but not the address count', async () => {
    const keys = keysFor();
    const now = new Date('2026-06-04T09:00:00Z');
    for (let i = 0; i < 4; i += 1) await recordLoginFailure(t.db, keys, now);
    await clearLoginFailures(t.db, keys);
    expect(await failures(keys[0]!)).toBe(0);
    expect(await failures(keys[1]!)).toBe(4);
    // A fresh allowance of 5 for the account.
    for (let i = 0; i < 4; i += 1) await recordLoginFailure(t.db, keys, now);
    expect(await checkLoginThrottle(t.db, keys, now)).toEqual({ allowed: true });
  });

  it('counts every one of many simultaneous failures', async () => {
    const keys = keysFor();
    const now = new Date('2026-06-05T09:00:00Z');
    await Promise.all(Array.from({ length: 12 }, () => recordLoginFailure(t.db, keys, now)));
    expect(await failures(keys[0]!)).toBe(12);
    expect(await failures(keys[1]!)).toBe(12);
    expect(await checkLoginThrottle(t.db, keys, now)).toMatchObject({ allowed: false });
  });

  it('clean-up drops rows that no longer hold a count or a lock', async () => {
    const stale = keysFor();
    const locked = keysFor();
    const start = new Date('2026-06-06T09:00:00Z');
    await recordLoginFailure(t.db, stale, start);
    const later = new Date(start.getTime() + THROTTLE.windowMs);
    for (let i = 0; i < 5; i += 1) await recordLoginFailure(t.db, locked, new Date(later.getTime() - 60_000));
    await pruneLoginThrottle(t.db, later);
    expect(await failures(stale[0]!)).toBe(0);
    expect(await failures(locked[0]!)).toBe(5);
    expect(await checkLoginThrottle(t.db, locked, later)).toMatchObject({ allowed: false });
  });
});
