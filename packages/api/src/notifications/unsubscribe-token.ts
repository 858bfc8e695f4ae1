import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '@musyawarah/core';
import { ensureNotificationSigningKey, type Executor } from '@musyawarah/db';

/**
 * One-click unsubscribe links (RFC 8058) must work without signing in, so the link itself is the authority: a token
 * naming the person and the kind of mail, with an expiry, signed with HMAC-SHA256 under the database's one signing key
 * (every host of one database checks alike). A year is long enough for old mail in an inbox to still work.
 */
export const UNSUBSCRIBE_TOKEN_TTL_MS = 365 * 24 * 3_600_000;

export type UnsubscribeScope = NotificationKind | 'all';

export interface UnsubscribeClaim {
  userId: string;
  scope: UnsubscribeScope;
  expiresAt: Date;
}

const keys = new WeakMap<object, Promise<Uint8Array>>();

/** The signing key of this database, read (or created) once per database handle. */
export function signingKeyOf(db: Executor): Promise<Uint8Array> {
  let key = keys.get(db);
  if (!key) {
    key = ensureNotificationSigningKey(db, randomBytes(32));
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

function mac(key: Uint8Array, payload: string): Buffer {
  return createHmac('sha256', key).update(`unsubscribe:${payload}`).digest();
}

export function signUnsubscribeToken(key: Uint8Array, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(
    JSON.stringify([claim.userId, claim.scope, Math.floor(claim.expiresAt.getTime() / 1000)]),
  ).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The claim of a token signed with `key` and not expired at `now`, or null (forged, altered, expired, malformed). */
export function verifyUnsubscribeToken(key: Uint8Array, token: string, now: Date): UnsubscribeClaim | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0 || token.length > 400) return null;
  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) return null;
  const [userId, scope, expiresSeconds] = decoded as unknown[];
  if (typeof userId !== 'string' || !UUID.test(userId)) return null;
  if (scope !== 'all' && !(NOTIFICATION_KINDS as readonly unknown[]).includes(scope)) return null;
  if (typeof expiresSeconds !== 'number') return null;
  const expiresAt = new Date(expiresSeconds * 1000);
  if (expiresAt <= now) return null;
  return { userId, scope: scope as UnsubscribeScope, expiresAt };
}
