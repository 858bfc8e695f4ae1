/*
 * Sessions, written from Lucia's own recipe (lucia-auth.com, "Sessions") on @oslojs/crypto and @oslojs/encoding.
 *
 * The `lucia` npm package (v3) is deprecated: its author stopped shipping session handling as a library and now
 * publishes the code for each project to copy and own: it is a few dozen lines that every app fits to its own tables,
 * cookies and expiry rules, which a generic library with database adapters made harder rather than easier. So this
 * file is ours to maintain; keep it close to the recipe so that its reasoning still applies:
 *  - the token (20 random bytes, base32) lives only in the user's cookie; the database keeps sha256(token) as the
 *    session id, so a leaked user_session table cannot be replayed as cookies;
 *  - sessions last 30 days and slide: used within the last 15 days of their life, they are extended to 30 again.
 * The recipe's newest page issues `<id>.<secret>` tokens and compares the secret's hash in constant time, so that the
 * indexed lookup never touches the secret. Our schema keys the row by sha256(token) instead (the recipe's earlier
 * form): a timing difference in that lookup could reveal at most a prefix of a hash, from which no token can be
 * derived. We still compare in constant time, as the recipe does.
 */
import { sql } from 'kysely';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { preparedStatement, type Executor, type UserAccount, type UserSession } from '@musyawarah/db';
import { generateSessionToken, hashToken, TOKEN_PATTERN } from './token';

export const SESSION_COOKIE_NAME = 'musyawarah_session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_TTL_MS = 30 * DAY_MS;
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;
/** last_used_at is for the "your devices" list; minute precision is plenty and spares a write on every request. */
export const SESSION_LAST_USED_PRECISION_MS = 60 * 1000;

export interface SessionMeta {
  userAgent?: string | null;
  ipAddress?: string | null;
}

export async function createSession(
  db: Executor,
  userId: string,
  meta: SessionMeta = {},
  now: Date = new Date(),
): Promise<{ token: string; session: UserSession }> {
  const token = generateSessionToken();
  const session = await db
    .insertInto('user_session')
    .values({
      id: hashToken(token),
      user_id: userId,
      expires_at: new Date(now.getTime() + SESSION_TTL_MS),
      created_at: now,
      last_used_at: now,
      // Free text from the client: cap it so a hostile User-Agent cannot bloat the table.
      user_agent: meta.userAgent?.slice(0, 512) ?? null,
      ip_address: meta.ipAddress?.slice(0, 64) ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token, session };
}

/** The session and its user in one statement, compiled once: it runs on every signed-in request. */
const sessionLookup = preparedStatement<{ sessionId: string }, SessionRow>((db, param) =>
  db
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
    .where('s.id', '=', param('sessionId')),
);

/** Renewing or touching a session (at most once a minute per session), compiled once like the lookup. */
const touchSession = (asynchronous: boolean) =>
  preparedStatement<{ id: string; expiresAt: Date; now: Date }, unknown>((db, param) => {
    const update = db
      .updateTable('user_session')
      .set({ expires_at: param('expiresAt'), last_used_at: param('now') })
      .where('id', '=', param('id'));
    return asynchronous
      ? update.where(sql<boolean>`set_config('synchronous_commit', 'off', true) = 'off'`)
      : update;
  });
const sessionTouch = touchSession(false);
/**
 * The same, committed without waiting for the WAL flush (`synchronous_commit = off` for this statement's own
 * transaction): the touch rides on a request that has its own work to commit, and waiting for a second flush made the
 * first request of each minute one of the slowest (bench/README.md). A crash can lose the last fraction of a second of
 * touches: a "last used" time a minute old, or a renewal the next request makes again — never a session. Only outside
 * a caller's transaction, whose own commit must not become asynchronous.
 */
const sessionTouchAsync = touchSession(true);

type SessionRow = UserAccount & {
  s_id: string;
  s_user_id: string;
  s_expires_at: Date;
  s_created_at: Date;
  s_last_used_at: Date;
  s_user_agent: string | null;
  s_ip_address: string | null;
};

export type SessionValidation = { session: UserSession; user: UserAccount; renewed: boolean } | null;

export async function validateSessionToken(
  db: Executor,
  token: string,
  now: Date = new Date(),
): Promise<SessionValidation> {
  // A cookie that cannot be one of our tokens is not worth a database round trip.
  if (!TOKEN_PATTERN.test(token)) return null;
  const sessionId = hashToken(token);
  const row = (await sessionLookup(db, { sessionId })).rows[0];
  if (!row) return null;
  // The recipe decides a match with a comparison that cannot short-circuit; keeping it means no change to the lookup
  // above (a prefix index, a case-insensitive collation) can ever make a near-miss count as a match.
  const encoder = new TextEncoder();
  if (!constantTimeEqual(encoder.encode(row.s_id), encoder.encode(sessionId))) return null;

  const { s_id, s_user_id, s_expires_at, s_created_at, s_last_used_at, s_user_agent, s_ip_address, ...user } =
    row;
  const session: UserSession = {
    id: s_id,
    user_id: s_user_id,
    expires_at: s_expires_at,
    created_at: s_created_at,
    last_used_at: s_last_used_at,
    user_agent: s_user_agent,
    ip_address: s_ip_address,
  };

  if (now.getTime() >= session.expires_at.getTime()) {
    await db.deleteFrom('user_session').where('id', '=', session.id).execute();
    return null;
  }
  // Pending (unconfirmed) and deleted accounts keep no signed-in access, whatever sessions still exist for them.
  if (user.status !== 'active') return null;

  const renewed = session.expires_at.getTime() - now.getTime() < SESSION_RENEW_WITHIN_MS;
  const touch = now.getTime() - session.last_used_at.getTime() >= SESSION_LAST_USED_PRECISION_MS;
  if (renewed || touch) {
    const expiresAt = renewed ? new Date(now.getTime() + SESSION_TTL_MS) : session.expires_at;
    await (db.isTransaction ? sessionTouch : sessionTouchAsync)(db, { id: session.id, expiresAt, now });
    session.expires_at = expiresAt;
    session.last_used_at = now;
  }
  return { session, user, renewed };
}

/**
 * The role of the token's signed-in user, without renewing or touching the session: for decisions taken before a
 * request reaches the API (which then validates the session itself, renewing it and its cookie together).
 */
export async function peekSessionRole(
  db: Executor,
  token: string | null,
  now: Date = new Date(),
): Promise<string | null> {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('user_account as u', 'u.id', 's.user_id')
    .select(['u.role', 'u.status', 's.expires_at'])
    .where('s.id', '=', hashToken(token))
    .executeTakeFirst();
  return row && row.status === 'active' && row.expires_at.getTime() > now.getTime() ? row.role : null;
}

/** `sessionId` is UserSession.id (the token's hash), which is safe to show to the client: it cannot be used as a cookie. */
export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

/** "Sign out everywhere" (and what a password change or reset must do). Returns how many sessions ended. */
export async function invalidateAllUserSessions(
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

/** The user's live sessions, most recently used first; expired ones are no longer anyone's device. */
export async function listUserSessions(
  db: Executor,
  userId: string,
  now: Date = new Date(),
): Promise<UserSession[]> {
  return db
    .selectFrom('user_session')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_used_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** For a periodic clean-up: expired sessions are otherwise only removed when someone presents them. */
export async function deleteExpiredSessions(db: Executor, now: Date = new Date()): Promise<number> {
  const deleted = await db
    .deleteFrom('user_session')
    .where('expires_at', '<=', now)
    .returning('id')
    .execute();
  return deleted.length;
}

function cookieAttributes(opts: { secure: boolean }): string {
  // HttpOnly: scripts (and so XSS) cannot read the token. SameSite=Lax: not sent on cross-site POSTs, the first CSRF
  // defence, while a link from an e-mail still arrives signed in. Secure is off only for plain-http local development.
  return `HttpOnly; SameSite=Lax; Path=/${opts.secure ? '; Secure' : ''}`;
}

export function serializeSessionCookie(token: string, expiresAt: Date, opts: { secure: boolean }): string {
  return `${SESSION_COOKIE_NAME}=${token}; ${cookieAttributes(opts)}; Expires=${expiresAt.toUTCString()}`;
}

export function serializeBlankSessionCookie(opts: { secure: boolean }): string {
  return `${SESSION_COOKIE_NAME}=; ${cookieAttributes(opts)}; Max-Age=0`;
}

/**
 * The session token from a Cookie header, or null. Browsers may send the same name twice (say a stale cookie from
 * another path), so the first value shaped like a token wins rather than simply the first.
 */
export function readSessionToken(cookieHeader: string | undefined | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() !== SESSION_COOKIE_NAME) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (TOKEN_PATTERN.test(value)) return value;
  }
  return null;
}
