import { sql, type Insertable, type Kysely } from 'kysely';
import type { Executor } from '../client';
import { preparedStatement } from '../prepared';
import type { Database, UserAccount, UserSession, UserSessionTable } from '../schema';

/*
 * The rows behind @musyawarah/auth's sessions (Lucia's recipe): the id is the token's hash, never the token. Which
 * sessions are valid, and when one is renewed or touched, is decided there.
 */

export async function insertSession(
  db: Executor,
  session: Insertable<UserSessionTable>,
): Promise<UserSession> {
  return db.insertInto('user_session').values(session).returningAll().executeTakeFirstOrThrow();
}

/** A session's columns (prefixed `s_`, so none shadows one of the user's) and all of its user's. */
export type SessionWithUserRow = UserAccount & {
  s_id: string;
  s_user_id: string;
  s_expires_at: Date;
  s_created_at: Date;
  s_last_used_at: Date;
  s_user_agent: string | null;
  s_ip_address: string | null;
};

/** The session and its user: the statement below, and the start of any that reads more beside them. */
export function sessionWithUserQuery(db: Kysely<Database>, sessionId: string) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('user_account as u', 'u.id', 's.user_id')
    .select([
      's.id as s_id',
      's.user_id as s_user_id',
      's.expires_at as s_expires_at',
      's.created_at as s_created_at',
      's.last_used_at as s_last_used_at',
      's.user_agent as s_user_agent',
      's.ip_address as s_ip_address',
    ])
    .selectAll('u')
    .where('s.id', '=', sessionId);
}

/** The session and its user in one statement, compiled once: it runs on every signed-in request. */
const sessionLookup = preparedStatement<{ sessionId: string }, SessionWithUserRow>((db, param) =>
  sessionWithUserQuery(db, param('sessionId')),
);

/** The session with this id (the token's hash) and its user, whatever the session's expiry or the user's status. */
export async function findSessionWithUser(
  db: Executor,
  sessionId: string,
): Promise<SessionWithUserRow | undefined> {
  return (await sessionLookup(db, { sessionId })).rows[0];
}

/** Renewing or touching a session (at most once a minute per session), compiled once like the lookup. */
const touchSessionStatement = (asynchronous: boolean) =>
  preparedStatement<{ id: string; expiresAt: Date; now: Date }, unknown>((db, param) => {
    const update = db
      .updateTable('user_session')
      .set({ expires_at: param('expiresAt'), last_used_at: param('now') })
      .where('id', '=', param('id'));
    return asynchronous
      ? update.where(sql<boolean>`set_config('synchronous_commit', 'off', true) = 'off'`)
      : update;
  });
const sessionTouch = touchSessionStatement(false);
/**
 * The same, committed without waiting for the WAL flush (`synchronous_commit = off` for this statement's own
 * transaction): the touch rides on a request that has its own work to commit, and waiting for a second flush made the
 * first request of each minute one of the slowest (bench/README.md). A crash can lose the last fraction of a second of
 * touches: a "last used" time a minute old, or a renewal the next request makes again — never a session. Only outside
 * a caller's transaction, whose own commit must not become asynchronous.
 */
const sessionTouchAsync = touchSessionStatement(true);

export async function touchSession(
  db: Executor,
  touch: { id: string; expiresAt: Date; now: Date },
): Promise<void> {
  await (db.isTransaction ? sessionTouch : sessionTouchAsync)(db, touch);
}

export async function findSessionRole(db: Executor, sessionId: string) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('user_account as u', 'u.id', 's.user_id')
    .select(['u.role', 'u.status', 's.expires_at'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(
  db: Executor,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptSessionId !== undefined) query = query.where('id', '!=', exceptSessionId);
  // Counted from RETURNING rather than numDeletedRows, which the PGlite dialect does not report.
  const deleted = await query.returning('id').execute();
  return deleted.length;
}

export async function listLiveUserSessions(db: Executor, userId: string, now: Date): Promise<UserSession[]> {
  return db
    .selectFrom('user_session')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_used_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}
