import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 20 random bytes encode to exactly 32 characters of [a-z2-7]; both session and link tokens have this shape. */
export const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

function randomToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** 160 bits of entropy: enough that the hash can be the lookup key without a separate secret (Lucia's recipe). */
export function generateSessionToken(): string {
  return randomToken();
}

/**
 * For e-mail links. Same shape as a session token, kept as its own function so that the two can diverge without
 * breaking `linkTokenField` in @musyawarah/core, which accepts exactly this shape.
 */
export function generateLinkToken(): string {
  return randomToken();
}

/** What we store instead of a token: a leaked table then yields nothing that can be presented back to us. */
export function hashToken(token: string): string {
  // Node's native SHA-256 rather than a JavaScript one: this runs on every signed-in request (bench/README.md). The
  // same digest of the same UTF-8 bytes, so sessions and links issued before still match (token.test.ts).
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
