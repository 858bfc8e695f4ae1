import { sql } from 'kysely';
import type { Executor } from '../client';
import type { EmailTokenPurpose } from '../schema';

/** A link token as stored: `id` is the token's hash (@musyawarah/auth makes both). */
export interface NewEmailToken {
  id: string;
  purpose: EmailTokenPurpose;
  userId: string;
  expiresAt: Date;
  createdAt: Date;
}

/**
 * Stores the token in place of the user's unused ones for the same purpose, in the caller's transaction or one of its
 * own.
 */
export async function replaceEmailToken(db: Executor, token: NewEmailToken): Promise<void> {
  const run = async (tx: Executor) => {
    // Locking the user row serialises two concurrent requests for the same user; without it both could delete the
    // old tokens before either inserts, leaving two valid links.
    await tx.selectFrom('user_account').select('id').where('id', '=', token.userId).forUpdate().execute();
    await tx
      .deleteFrom('email_token')
      .where('user_id', '=', token.userId)
      .where('purpose', '=', token.purpose)
      .where('used_at', 'is', null)
      .execute();
    await tx
      .insertInto('email_token')
      .values({
        id: token.id,
        purpose: token.purpose,
        user_id: token.userId,
        expires_at: token.expiresAt,
        created_at: token.createdAt,
      })
      .execute();
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
}

/**
 * `replaceEmailToken` for a user who may be nobody (null): the same three statements run either way (with null they
 * touch no row), so a known and an unknown address cost the same.
 */
export async function replaceEmailTokenIfUser(
  db: Executor,
  token: Omit<NewEmailToken, 'userId'> & { userId: string | null },
): Promise<void> {
  const { id, purpose, userId, expiresAt, createdAt } = token;
  const run = async (tx: Executor) => {
    // As in replaceEmailToken: the user row lock serialises two requests for the same user.
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
      select ${id}, ${purpose}, ${userId}::uuid, ${expiresAt}::timestamptz, ${createdAt}::timestamptz
      where ${userId}::uuid is not null`.execute(tx);
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
}

/** The token with this hash and purpose, used or not, expired or not; none when its account has been deleted. */
export async function findEmailToken(db: Executor, id: string, purpose: EmailTokenPurpose) {
  return db
    .selectFrom('email_token as t')
    .innerJoin('user_account as u', 'u.id', 't.user_id')
    .select(['t.user_id', 't.expires_at', 't.used_at'])
    .where('t.id', '=', id)
    .where('t.purpose', '=', purpose)
    .where('u.status', '!=', 'deleted')
    .executeTakeFirst();
}

/**
 * Marks the token used if it is unused, unexpired at `now` and of an account that is not deleted, and returns its user;
 * nothing when it was not. The check and the marking are one UPDATE … WHERE used_at IS NULL … RETURNING: PostgreSQL
 * re-checks the condition after waiting for a concurrent update of the same row, so of two simultaneous uses exactly one
 * succeeds.
 */
export async function markEmailTokenUsed(
  db: Executor,
  token: { id: string; purpose: EmailTokenPurpose; now: Date },
) {
  return db
    .updateTable('email_token')
    .set({ used_at: token.now })
    .where('id', '=', token.id)
    .where('purpose', '=', token.purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', token.now)
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
}
