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
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import {
  deleteSession,
  deleteUserSessions,
  findSessionRole,
  findSessionWithUser,
  insertSession,
  listLiveUserSessions,
  touchSession,
  type Executor,
  type SessionWithUserRow,
  type UserAccount,
  type UserSession,
} from '@musyawarah/db';
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
  const session = await insertSession(db, {
    id: hashToken(token),
    user_id: userId,
    expires_at: new Date(now.getTime() + SESSION_TTL_MS),
    created_at: now,
    last_used_at: now,
    // Free text from the client: cap it so a hostile User-Agent cannot bloat the table.
    user_agent: meta.userAgent?.slice(0, 512) ?? null,
    ip_address: meta.ipAddress?.slice(0, 64) ?? null,
  });
  return { token, session };
}

export type SessionValidation = { session: UserSession; user: UserAccount; renewed: boolean } | null;

/** How the session row is read: `findSessionWithUser`, or a statement that reads the same row and more beside it. */
export type SessionLookup = (db: Executor, sessionId: string) => Promise<SessionWithUserRow | undefined>;

export async function validateSessionToken(
  db: Executor,
  token: string,
  now: Date = new Date(),
  lookup: SessionLookup = findSessionWithUser,
): Promise<SessionValidation> {
  // A cookie that cannot be one of our tokens is not worth a database round trip.
  if (!TOKEN_PATTERN.test(token)) return null;
  const sessionId = hashToken(token);
  const row = await lookup(db, sessionId);
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
    await deleteSession(db, session.id);
    return null;
  }
  // Pending (unconfirmed) and deleted accounts keep no signed-in access, whatever sessions still exist for them.
  if (user.status !== 'active') return null;

  const renewed = session.expires_at.getTime() - now.getTime() < SESSION_RENEW_WITHIN_MS;
  const touch = now.getTime() - session.last_used_at.getTime() >= SESSION_LAST_USED_PRECISION_MS;
  if (renewed || touch) {
    const expiresAt = renewed ? new Date(now.getTime() + SESSION_TTL_MS) : session.expires_at;
    await touchSession(db, { id: session.id, expiresAt, now });
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
  const row = await findSessionRole(db, hashToken(token));
  return row && row.status === 'active' && row.expires_at.getTime() > now.getTime() ? row.role : null;
}

/** `sessionId` is UserSession.id (the token's hash), which is safe to show to the client: it cannot be used as a cookie. */
export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}

/** "Sign out everywhere" (and what a password change or reset must do). Returns how many sessions ended. */
export async function invalidateAllUserSessions(
  db: Executor,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  return deleteUserSessions(db, userId, exceptSessionId);
}

/** The user's live sessions, most recently used first; expired ones are no longer anyone's device. */
export async function listUserSessions(
  db: Executor,
  userId: string,
  now: Date = new Date(),
): Promise<UserSession[]> {
  return listLiveUserSessions(db, userId, now);
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
