import { sql } from 'kysely';
import type { EmailTokenPurpose, Executor } from '@musyawarah/db';
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
  const run = async (tx: Executor) => {
    // Locking the user row serialises two concurrent requests for the same user; without it both could delete the
    // old tokens before either inserts, leaving two valid links.
    await tx.selectFrom('user_account').select('id').where('id', '=', userId).forUpdate().execute();
    await tx
      .deleteFrom('email_token')
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
    await tx
      .insertInto('email_token')
      .values({
        id: hashToken(token),
        purpose,
        user_id: userId,
        expires_at: new Date(now.getTime() + LINK_TTL_MS[purpose]),
        created_at: now,
      })
      .execute();
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
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
  const run = async (tx: Executor) => {
    // As in createEmailToken: the user row lock serialises two requests for the same user.
    await tx
      .selectFrom('user_account')
      .select('id')
      .where('id', '=', sql<string>`${userId}::uuid`)
      .forUpdate()
      .execute();
    await tx
      .deleteFrom('email_token')
      .where('user_id', '=', sql<string>`${userId}::uuid`)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
    await sql`insert into email_token (id, purpose, user_id, expires_at, created_at)
      select ${hashToken(token)}, ${purpose}, ${userId}::uuid, ${new Date(now.getTime() + LINK_TTL_MS[purpose])}::timestamptz, ${now}::timestamptz
      where ${userId}::uuid is not null`.execute(tx);
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
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
  const row = await db
    .selectFrom('email_token as t')
    .innerJoin('user_account as u', 'u.id', 't.user_id')
    .select(['t.user_id', 't.expires_at', 't.used_at'])
    .where('t.id', '=', hashToken(token))
    .where('t.purpose', '=', purpose)
    .where('u.status', '!=', 'deleted')
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (row.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, userId: row.user_id };
}

/**
 * Uses the link up. The check and the marking are one UPDATE … WHERE used_at IS NULL … RETURNING: PostgreSQL re-checks
 * the condition after waiting for a concurrent update of the same row, so of two simultaneous uses exactly one
 * succeeds. Call it inside the transaction that performs what the link allows, so a failure there leaves it unused.
 */
export async function consumeEmailToken(
  db: Executor,
  token: string,
  purpose: EmailTokenPurpose,
  now: Date = new Date(),
): Promise<EmailTokenCheck> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: 'invalid' };
  const consumed = await db
    .updateTable('email_token')
    .set({ used_at: now })
    .where('id', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_account')
          .select(sql`1`.as('one'))
          .whereRef('user_account.id', '=', 'email_token.user_id')
          .where('user_account.status', '!=', 'deleted'),
      ),
    )
    .returning('user_id')
    .executeTakeFirst();
  if (consumed) return { ok: true, userId: consumed.user_id };
  // Only to say why it failed: the outcome was already decided by the UPDATE above.
  const check = await peekEmailToken(db, token, purpose, now);
  return check.ok ? { ok: false, reason: 'used' } : check;
}
