import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@musyawarah/db/testing';
import {
  checkLoginThrottle,
  clearLoginFailures,
  clientAddressKey,
  consumeRateLimit,
  consumeRateLimits,
  accountMailLimits,
  forgiveLoginAttempt,
  MAIL_THROTTLE,
  pruneLoginThrottle,
  recordLoginFailure,
  reserveLoginAttempt,
  THROTTLE,
  throttleKeys,
} from './index';
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
  (await t.db.selectFrom('login_throttle').select('failures').where('key', '=', key).executeTakeFirst())
    ?.failures ?? 0;

describe('throttle keys', () => {
  it('name the normalised account and the address', () => {
    expect(throttleKeys(' Siti@Example.ORG', '203.0.113.7')).toEqual([
      'account:siti@example.org',
      'ip:203.0.113.7',
    ]);
    expect(throttleKeys('siti@example.org', null)).toEqual(['account:siti@example.org']);
  });

  it("count an IPv6 client by its /64, so rotating through the subscriber's network does not evade the limit", () => {
    const a = throttleKeys('siti@example.org', '2001:db8:85a3:12::1')[1];
    const b = throttleKeys('siti@example.org', '2001:0db8:85a3:0012:ffff:ffff:1234:5678')[1];
    expect(a).toBe('ip:2001:db8:85a3:12::/64');
    expect(b).toBe(a);
    expect(throttleKeys('siti@example.org', '2001:db8:85a3:13::1')[1]).not.toBe(a);
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
    expect(clientAddressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientAddressKey('[2001:db8::7]')).toBe('2001:db8:0:0::/64');
  });

  it('count an IPv4-mapped IPv6 client as its IPv4 address', () => {
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
  });
});

describe(`sign-in attempts reserved before the password is checked (${dbLabel})`, () => {
  it('of 30 simultaneous attempts on one account at most 5 may verify a password', async () => {
    const keys = keysFor();
    const now = new Date('2026-06-07T09:00:00Z');
    const decisions = await Promise.all(
      Array.from({ length: 30 }, () => reserveLoginAttempt(t.db, keys, now)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(THROTTLE.maxFailures.account);
    expect(await checkLoginThrottle(t.db, keys, now)).toMatchObject({ allowed: false });
  });

  it('the attempt that reaches the limit verifies; the next is refused until the lock ends, then the count restarts', async () => {
    const keys = keysFor();
    const start = new Date('2026-06-08T09:00:00Z');
    for (let i = 0; i < THROTTLE.maxFailures.account; i += 1)
      expect(await reserveLoginAttempt(t.db, keys, start)).toEqual({ allowed: true });
    expect(await reserveLoginAttempt(t.db, keys, start)).toEqual({
      allowed: false,
      retryAfterSeconds: THROTTLE.lockMs / 1000,
    });
    // The window passes but the lock still holds: still refused.
    const almost = new Date(start.getTime() + THROTTLE.lockMs - 1000);
    expect(await reserveLoginAttempt(t.db, keys, almost)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    const after = new Date(start.getTime() + THROTTLE.lockMs);
    expect(await reserveLoginAttempt(t.db, keys, after)).toEqual({ allowed: true });
    expect(await failures(keys[0]!)).toBe(1);
  });

  it('a correct password clears the account and gives back only its own attempt on the address', async () => {
    const keys = keysFor();
    const now = new Date('2026-06-09T09:00:00Z');
    for (let i = 0; i < 3; i += 1) await reserveLoginAttempt(t.db, keys, now);
    await reserveLoginAttempt(t.db, keys, now);
    await forgiveLoginAttempt(t.db, keys, now);
    expect(await failures(keys[0]!)).toBe(0);
    expect(await failures(keys[1]!)).toBe(3);
  });
});

describe(`general rate limit (${dbLabel})`, () => {
  it('allows the limit per window, says when to retry, and starts again when the window ends', async () => {
    const key = `test:${++n}`;
    const start = new Date('2026-06-10T09:00:00Z');
    const hour = 60 * 60_000;
    for (let i = 0; i < 3; i += 1)
      expect(await consumeRateLimit(t.db, { key, limit: 3, windowMs: hour, now: start })).toEqual({
        allowed: true,
      });
    const later = new Date(start.getTime() + 20 * 60_000);
    expect(await consumeRateLimit(t.db, { key, limit: 3, windowMs: hour, now: later })).toEqual({
      allowed: false,
      retryAfterSeconds: 40 * 60,
    });
    const next = new Date(start.getTime() + hour);
    expect(await consumeRateLimit(t.db, { key, limit: 3, windowMs: hour, now: next })).toEqual({
      allowed: true,
    });
  });

  it('of 30 simultaneous uses exactly the limit are allowed', async () => {
    const key = `test:${++n}`;
    const now = new Date('2026-06-11T09:00:00Z');
    const decisions = await Promise.all(
      Array.from({ length: 30 }, () => consumeRateLimit(t.db, { key, limit: 3, windowMs: 60_000, now })),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
  });

  it('several limits allow only when every one allows, and the clean-up keeps a window that has not ended', async () => {
    const target = `test:${++n}`;
    const client = `test:${++n}`;
    const now = new Date('2026-06-12T09:00:00Z');
    const hour = 60 * 60_000;
    expect(
      await consumeRateLimits(t.db, [
        { key: target, limit: 1, windowMs: hour, now },
        { key: client, limit: 5, windowMs: hour, now },
      ]),
    ).toEqual({ allowed: true });
    await pruneLoginThrottle(t.db, new Date(now.getTime() + 30 * 60_000));
    expect(
      await consumeRateLimits(t.db, [
        { key: target, limit: 1, windowMs: hour, now },
        { key: client, limit: 5, windowMs: hour, now },
      ]),
    ).toEqual({ allowed: false, retryAfterSeconds: 3600 });
  });
});

describe(`login throttling (${dbLabel})`, () => {
  it('locks an account after 5 failures and says when to retry', async () => {
    const keys = keysFor();
    const start = new Date('2026-06-01T09:00:00Z');
    for (let i = 0; i < THROTTLE.maxFailures.account - 1; i += 1) {
      await recordLoginFailure(t.db, keys, new Date(start.getTime() + i * 1000));
      expect(await checkLoginThrottle(t.db, keys, new Date(start.getTime() + i * 1000))).toEqual({
        allowed: true,
      });
    }
    const fifth = new Date(start.getTime() + 60_000);
    await recordLoginFailure(t.db, keys, fifth);
    expect(await checkLoginThrottle(t.db, keys, fifth)).toEqual({
      allowed: false,
      retryAfterSeconds: THROTTLE.lockMs / 1000,
    });
    const tenMinutesLater = new Date(fifth.getTime() + 10 * 60_000);
    expect(await checkLoginThrottle(t.db, keys, tenMinutesLater)).toEqual({
      allowed: false,
      retryAfterSeconds: 5 * 60,
    });
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
    expect(await checkLoginThrottle(t.db, keys, new Date(start.getTime() + 8 * 4 * 60_000))).toEqual({
      allowed: true,
    });
  });

  it('locks an address after 20 failures across different accounts', async () => {
    const ip = '192.0.2.200';
    const now = new Date('2026-06-03T09:00:00Z');
    for (let i = 0; i < THROTTLE.maxFailures.ip - 1; i += 1) await recordLoginFailure(t.db, keysFor(ip), now);
    expect(await checkLoginThrottle(t.db, keysFor(ip), now)).toEqual({ allowed: true });
    await recordLoginFailure(t.db, keysFor(ip), now);
    const fresh = keysFor(ip);
    expect(await checkLoginThrottle(t.db, fresh, now)).toEqual({
      allowed: false,
      retryAfterSeconds: THROTTLE.lockMs / 1000,
    });
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

describe(`account mails someone else asks for (${dbLabel})`, () => {
  const hour = 60 * 60_000;
  const ask = (email: string, ip: string, now: Date) =>
    consumeRateLimits(t.db, accountMailLimits(email, ip, now));

  it('a request denied by one limit uses none of the others', async () => {
    const tight = `test:${++n}`;
    const wide = `test:${++n}`;
    const now = new Date('2026-06-13T09:00:00Z');
    const both = [
      { key: tight, limit: 1, windowMs: hour, now },
      { key: wide, limit: 2, windowMs: hour, now },
    ];
    expect(await consumeRateLimits(t.db, both)).toEqual({ allowed: true });
    for (let i = 0; i < 5; i += 1) expect((await consumeRateLimits(t.db, both)).allowed).toBe(false);
    // the wide limit has room for exactly one more, however many were refused by the tight one
    expect(await consumeRateLimit(t.db, { key: wide, limit: 2, windowMs: hour, now })).toEqual({
      allowed: true,
    });
    expect((await consumeRateLimit(t.db, { key: wide, limit: 2, windowMs: hour, now })).allowed).toBe(false);
  });

  it('one machine asking for a person’s mails cannot use up that person’s own: they still get theirs', async () => {
    const victim = `victim${++n}@example.org`;
    const now = new Date('2026-06-14T09:00:00Z');
    const attacker = '203.0.113.66';
    for (let i = 0; i < MAIL_THROTTLE.perAddressFromClient; i += 1)
      expect((await ask(victim, attacker, now)).allowed).toBe(true);
    for (let i = 0; i < 40; i += 1) expect((await ask(victim, attacker, now)).allowed).toBe(false);
    expect((await ask(victim, '198.51.100.200', now)).allowed).toBe(true);
  });

  it('many machines together cannot flood one address: the address has its own wider cap', async () => {
    const target = `target${++n}@example.org`;
    const now = new Date('2026-06-15T09:00:00Z');
    let allowed = 0;
    for (let machine = 1; machine <= 20; machine += 1)
      for (let i = 0; i < 3; i += 1) if ((await ask(target, `192.0.2.${machine}`, now)).allowed) allowed += 1;
    expect(allowed).toBe(MAIL_THROTTLE.perAddress);
  });
});
