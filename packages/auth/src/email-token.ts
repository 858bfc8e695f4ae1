import {
  findEmailToken,
  markEmailTokenUsed,
  replaceEmailToken,
  replaceEmailTokenIfUser,
  type EmailTokenPurpose,
  type Executor,
} from '@musyawarah/db';
import { generateLinkToken, hashToken, TOKEN_PATTERN } from './token';

const HOUR_MS = 60 * 60 * 1000;
/** A reset link is a key to the account, so it is short-lived; confirmation and invitation links wait for the inbox. */
export const LINK_TTL_MS: Record<EmailTokenPurpose, number> = {
  confirm_email: 48 * HOUR_MS,
  invitation: 7 * 24 * HOUR_MS,
  password_reset: 1 * HOUR_MS,
};

export type EmailTokenCheck =
  { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/**
 * Returns the token for the link; only its hash is stored. Asking again (resend, second reset request) makes every
 * earlier unused link for the same purpose invalid, so only the newest e-mail works.
 */
export async function createEmailToken(
  db: Executor,
  userId: string,
  purpose: EmailTokenPurpose,
  now: Date = new Date(),
): Promise<string> {
  const token = generateLinkToken();
  await replaceEmailToken(db, {
    id: hashToken(token),
    purpose,
    userId,
    expiresAt: new Date(now.getTime() + LINK_TTL_MS[purpose]),
    createdAt: now,
  });
  return token;
}

/**
 * `createEmailToken` for requests that must not reveal whether the address has an account: the caller makes the token
 * (`generateLinkToken`) and writes the link into the mail, then calls this with the account's id, or null when there is
 * nobody to send it to. The same three statements run either way (with null they touch no row), so a known and an
 * unknown address cost the same.
 */
export async function issueEmailToken(
  db: Executor,
  userId: string | null,
  purpose: EmailTokenPurpose,
  token: string,
  now: Date = new Date(),
): Promise<void> {
  await replaceEmailTokenIfUser(db, {
    id: hashToken(token),
    purpose,
    userId,
    expiresAt: new Date(now.getTime() + LINK_TTL_MS[purpose]),
    createdAt: now,
  });
}

/**
 * Tells a link page whether to show its form (say "choose a new password") without using the link up. A token of an
 * account that has since been deleted is 'invalid'.
 */
export async function peekEmailToken(
  db: Executor,
  token: string,
  purpose: EmailTokenPurpose,
  now: Date = new Date(),
): Promise<EmailTokenCheck> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: 'invalid' };
  const row = await findEmailToken(db, hashToken(token), purpose);
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (row.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, userId: row.user_id };
}

/**
 * Uses the link up. The check and the marking are one statement (`markEmailTokenUsed`), so of two simultaneous uses
 * exactly one succeeds. Call it inside the transaction that performs what the link allows, so a failure there leaves
 * it unused.
 */
export async function consumeEmailToken(
  db: Executor,
  token: string,
  purpose: EmailTokenPurpose,
  now: Date = new Date(),
): Promise<EmailTokenCheck> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: 'invalid' };
  const consumed = await markEmailTokenUsed(db, { id: hashToken(token), purpose, now });
  if (consumed) return { ok: true, userId: consumed.user_id };
  // Only to say why it failed: the outcome was already decided by the UPDATE above.
  const check = await peekEmailToken(db, token, purpose, now);
  return check.ok ? { ok: false, reason: 'used' } : check;
}
