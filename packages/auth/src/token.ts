import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

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
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
