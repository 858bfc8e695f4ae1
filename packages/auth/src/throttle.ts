import {
  deleteLapsedLoginThrottles,
  deleteLoginThrottles,
  findLoginThrottleLock,
  giveBackLoginThrottleAttempts,
  giveBackRateLimitUse,
  recordLoginThrottleFailure,
  recordRateLimitUse,
  reserveLoginThrottleAttempts,
  type Executor,
} from '@musyawarah/db';

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

/**
 * The client address as a throttle counts it: an IPv4 address as is (IPv4-mapped IPv6 too), an IPv6 address by its
 * /64 network, because one subscriber or host usually gets a whole /64 and can rotate through it at will.
 */
export function clientAddressKey(ipAddress: string): string {
  let address = ipAddress.trim().toLowerCase();
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const zone = address.indexOf('%');
  if (zone !== -1) address = address.slice(0, zone);
  if (!address.includes(':')) return address;
  const groups = expandIpv6(address);
  if (!groups) return address;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** Eight 16-bit groups of an IPv6 address (with `::` and a trailing dotted IPv4 part), or null when it is not one. */
function expandIpv6(address: string): number[] | null {
  let text = address;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === '' ? [] : part.split(':'));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.map((g) => parseInt(g, 16));
}

/** The account key uses the e-mail as typed (normalised), so unknown addresses are throttled exactly like known ones. */
export function throttleKeys(email: string, ipAddress: string | null): string[] {
  const keys = [`account:${email.trim().toLowerCase()}`];
  if (ipAddress) keys.push(`ip:${clientAddressKey(ipAddress)}`);
  return keys;
}

function limitFor(key: string): number {
  return key.startsWith('account:') ? THROTTLE.maxFailures.account : THROTTLE.maxFailures.ip;
}

/** Call before checking the password, so a locked key costs an attacker no argon2 verification and learns nothing. */
export async function checkLoginThrottle(
  db: Executor,
  keys: string[],
  now: Date = new Date(),
): Promise<ThrottleDecision> {
  if (keys.length === 0) return { allowed: true };
  const lock = await findLoginThrottleLock(db, keys, now);
  const lockedUntil = lock ? new Date(lock) : null;
  if (!lockedUntil) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)),
  };
}

/**
 * Counts one failed sign-in against every key, one statement per key (`recordLoginThrottleFailure`), so failures
 * arriving at the same time on different replicas all count. A key whose window has passed starts again at 1; reaching
 * the limit locks it for THROTTLE.lockMs.
 */
export async function recordLoginFailure(
  db: Executor,
  keys: string[],
  now: Date = new Date(),
): Promise<void> {
  const windowCutoff = new Date(now.getTime() - THROTTLE.windowMs);
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMs);
  // A fixed order, so two callers inside transactions cannot each hold one key while waiting for the other's.
  for (const key of [...new Set(keys)].sort()) {
    await recordLoginThrottleFailure(db, { key, now, windowCutoff, limit: limitFor(key), lockUntil });
  }
}

/**
 * After a successful sign-in the account's count is forgiven. The address keeps its count: an attacker who owns one
 * account must not be able to reset the address counter between guesses at other people's accounts.
 */
export async function clearLoginFailures(db: Executor, keys: string[]): Promise<void> {
  const accountKeys = keys.filter((k) => k.startsWith('account:'));
  if (accountKeys.length === 0) return;
  await deleteLoginThrottles(db, accountKeys);
}

/** For a periodic clean-up: rows whose window has passed and that hold no lock carry no information. */
export async function pruneLoginThrottle(db: Executor, now: Date = new Date()): Promise<number> {
  return deleteLapsedLoginThrottles(db, { windowCutoff: new Date(now.getTime() - THROTTLE.windowMs), now });
}

/**
 * Reserves one sign-in attempt on every key in a single INSERT … ON CONFLICT DO UPDATE … RETURNING, BEFORE the
 * password is verified, and decides on the counts PostgreSQL returns. Thirty simultaneous guesses therefore take
 * thirty distinct counts (the row lock serialises them) and only the first THROTTLE.maxFailures.account may go on to
 * verify; checking first and recording after the verification let all of them through. The attempt that reaches the
 * limit still verifies, and sets the lock that refuses the next ones; while a lock holds, the count only grows (it is not
 * reset by a passing window), so every attempt during the lock is refused. A correct password then calls
 * `forgiveLoginAttempt`.
 */
export async function reserveLoginAttempt(
  db: Executor,
  keys: string[],
  now: Date = new Date(),
): Promise<ThrottleDecision> {
  const unique = [...new Set(keys)].sort(); // a fixed order, so concurrent statements lock the rows in the same order
  if (unique.length === 0) return { allowed: true };
  const windowCutoff = new Date(now.getTime() - THROTTLE.windowMs);
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMs);
  const rows = await reserveLoginThrottleAttempts(db, {
    keys: unique,
    now,
    windowCutoff,
    lockUntil,
    maxFailures: THROTTLE.maxFailures,
  });
  let retryAt = 0;
  for (const row of rows) {
    if (
      row.failures > limitFor(row.key) ||
      (row.locked_until && row.failures < limitFor(row.key) && new Date(row.locked_until) > now)
    ) {
      retryAt = Math.max(
        retryAt,
        row.locked_until ? new Date(row.locked_until).getTime() : now.getTime() + THROTTLE.lockMs,
      );
    }
  }
  if (retryAt === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) };
}

/**
 * After a correct password: the account's count is cleared and the attempt reserved on the address is given back (a
 * successful sign-in is not a failure), without resetting the address's earlier failures, so owning one account does not
 * buy more guesses at other people's.
 */
export async function forgiveLoginAttempt(
  db: Executor,
  keys: string[],
  now: Date = new Date(),
): Promise<void> {
  await clearLoginFailures(db, keys);
  const addressKeys = keys.filter((k) => !k.startsWith('account:'));
  if (addressKeys.length === 0) return;
  await giveBackLoginThrottleAttempts(db, addressKeys, { limit: THROTTLE.maxFailures.ip, now });
}

/**
 * Account mails anyone can trigger without signing in (registration, resending the confirmation, password reset).
 * Counted per target address *and client* (3 an hour), so someone asking for another person's mails from their own
 * machine uses up only their own share, never that person's; per target address from all clients together (10 an hour),
 * so many machines cannot flood one inbox; and per client address (30 an hour, an IPv6 /64 counting as one: room for a
 * workshop registering its participants over one conference Wi-Fi). A request refused by one limit counts against none
 * (consumeRateLimits), so hammering a refused pair does not eat into the address's wider cap.
 */
export const MAIL_THROTTLE = {
  perAddressFromClient: 3,
  perAddress: 10,
  perClient: 30,
  windowMs: 60 * MINUTE_MS,
} as const;

/** The limits `consumeRateLimits` checks before an account mail is sent (shared by every such procedure). */
export function accountMailLimits(email: string, ipAddress: string | null, now?: Date): RateLimitOptions[] {
  const address = email.trim().toLowerCase();
  // Without a known client (no address reached the host) all such requests share one pair.
  const client = ipAddress ? clientAddressKey(ipAddress) : 'unknown';
  const limit = (key: string, count: number): RateLimitOptions => ({
    key,
    limit: count,
    windowMs: MAIL_THROTTLE.windowMs,
    ...(now ? { now } : {}),
  });
  const limits = [
    limit(`mail:to:${address}:from:${client}`, MAIL_THROTTLE.perAddressFromClient),
    limit(`mail:to:${address}`, MAIL_THROTTLE.perAddress),
  ];
  if (ipAddress) limits.push(limit(`mail:from:${client}`, MAIL_THROTTLE.perClient));
  return limits;
}

export interface RateLimitOptions {
  /** What is counted, e.g. `mail:reset:to:siti@example.org` or `mail:reset:from:203.0.113.7`; namespaced by the caller. */
  key: string;
  /** How many uses a window allows. */
  limit: number;
  windowMs: number;
  now?: Date;
}

/**
 * A general fixed-window rate limit on PostgreSQL (and the embedded PGlite): one INSERT … ON CONFLICT DO UPDATE …
 * RETURNING counts this use and the decision is made on the count returned, so simultaneous callers on any number of
 * processes each get a distinct count and at most `limit` of them are allowed per window. Every call counts, allowed
 * or not. Works on any Kysely executor, inside the caller's transaction too (the count then commits or rolls back with
 * the caller's work).
 *
 * Why not rate-limiter-flexible: its PostgreSQL store needs a `pg` pool (or Sequelize/Knex/TypeORM), creates and queries
 * its own table outside our migrations and outside the caller's Kysely transaction, and cannot run on PGlite; the one
 * atomic upsert below is all it would do for us.
 *
 * Rows share the `login_throttle` table (key, count, window start); `locked_until` holds the end of the window so the
 * periodic clean-up keeps the row until then.
 *
 * @example
 *   const decision = await consumeRateLimit(db, { key: `contribution:user:${userId}`, limit: 10, windowMs: 3_600_000 });
 *   if (!decision.allowed) throw new ThrottledError(decision.retryAfterSeconds);
 */
export async function consumeRateLimit(db: Executor, options: RateLimitOptions): Promise<ThrottleDecision> {
  return (await countUse(db, options)).decision;
}

/** Counts one use; also returns the window's end, which names the window a refund must come from. */
async function countUse(db: Executor, options: RateLimitOptions) {
  const now = options.now ?? new Date();
  const windowEnd = new Date(now.getTime() + options.windowMs);
  const row = await recordRateLimitUse(db, { key: options.key, now, windowEnd });
  const lockedUntil = row.locked_until ? new Date(row.locked_until) : windowEnd;
  const decision: ThrottleDecision =
    row.failures <= options.limit
      ? { allowed: true }
      : {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)),
        };
  return { decision, lockedUntil };
}

/**
 * Several limits at once (e.g. per target address and per client address); allowed only when every one allows. A
 * refused request uses none of them: the uses it counted against limits that had room are given back (in the same
 * window only), so a client hammering one exhausted limit cannot use up another limit that others share.
 */
export async function consumeRateLimits(db: Executor, limits: RateLimitOptions[]): Promise<ThrottleDecision> {
  let retryAfterSeconds = 0;
  const counted: { key: string; lockedUntil: Date }[] = [];
  // A fixed order, so two callers inside transactions cannot each hold one row while waiting for the other's.
  for (const options of [...limits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const { decision, lockedUntil } = await countUse(db, options);
    if (decision.allowed) counted.push({ key: options.key, lockedUntil });
    else retryAfterSeconds = Math.max(retryAfterSeconds, decision.retryAfterSeconds);
  }
  if (retryAfterSeconds === 0) return { allowed: true };
  for (const { key, lockedUntil } of counted) await giveBackRateLimitUse(db, { key, windowEnd: lockedUntil });
  return { allowed: false, retryAfterSeconds };
}
