import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSessionWithUser, pruneExpiredSessions } from '@musyawarah/db';
import { openTestDatabase, type TestDatabase } from '@musyawarah/db/testing';
import {
  createSession,
  generateSessionToken,
  hashToken,
  invalidateAllUserSessions,
  invalidateSession,
  listUserSessions,
  readSessionToken,
  serializeBlankSessionCookie,
  serializeSessionCookie,
  SESSION_COOKIE_NAME,
  SESSION_RENEW_WITHIN_MS,
  SESSION_TTL_MS,
  validateSessionToken,
} from './index';
import { dbLabel, insertTestUser, parseSetCookie } from './test-support';

const DAY = 24 * 60 * 60 * 1000;
let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

describe('session tokens', () => {
  it('are 32 characters of lower-case base32, different every time, and hash to sha256 hex', () => {
    const a = generateSessionToken();
    const b = generateSessionToken();
    expect(a).toMatch(/^[a-z2-7]{32}$/);
    expect(a).not.toBe(b);
    // sha256("abc"), a published test vector.
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe(`sessions (${dbLabel})`, () => {
  it('stores only the hash of the token, and the token validates to its user', async () => {
    const userId = await insertTestUser(t.db);
    const { token, session } = await createSession(t.db, userId, {
      userAgent: 'Firefox',
      ipAddress: '203.0.113.9',
    });
    const rows = await t.db.selectFrom('user_session').selectAll().where('user_id', '=', userId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(session.expires_at.getTime() - Date.now()).toBeGreaterThan(SESSION_TTL_MS - 60_000);

    const result = await validateSessionToken(t.db, token);
    expect(result?.user.id).toBe(userId);
    expect(result?.session.id).toBe(session.id);
    expect(result?.session.user_agent).toBe('Firefox');
    expect(result?.renewed).toBe(false);
  });

  it('refuses a wrong token, a malformed one and the stored hash presented as a token', async () => {
    const userId = await insertTestUser(t.db);
    const { session } = await createSession(t.db, userId);
    expect(await validateSessionToken(t.db, generateSessionToken())).toBeNull();
    expect(await validateSessionToken(t.db, '')).toBeNull();
    expect(await validateSessionToken(t.db, "' or 1=1 --")).toBeNull();
    expect(await validateSessionToken(t.db, session.id)).toBeNull();
  });

  it('refuses an expired session and deletes it', async () => {
    const userId = await insertTestUser(t.db);
    const created = new Date('2026-01-01T00:00:00Z');
    const { token, session } = await createSession(t.db, userId, {}, created);
    expect(await validateSessionToken(t.db, token, new Date(created.getTime() + SESSION_TTL_MS))).toBeNull();
    const left = await t.db.selectFrom('user_session').select('id').where('id', '=', session.id).execute();
    expect(left).toHaveLength(0);
  });

  it('slides: a session used in its last 15 days is extended to 30 days from now', async () => {
    const userId = await insertTestUser(t.db);
    const created = new Date('2026-02-01T00:00:00Z');
    const { token, session } = await createSession(t.db, userId, {}, created);

    // 10 days in: 20 days remain, no renewal.
    const early = new Date(created.getTime() + 10 * DAY);
    const first = await validateSessionToken(t.db, token, early);
    expect(first?.renewed).toBe(false);
    expect(first?.session.expires_at.getTime()).toBe(session.expires_at.getTime());

    // 20 days in: 10 days remain (< 15), renewed to now + 30 days, and the database agrees.
    const later = new Date(created.getTime() + SESSION_TTL_MS - SESSION_RENEW_WITHIN_MS + 5 * DAY);
    const second = await validateSessionToken(t.db, token, later);
    expect(second?.renewed).toBe(true);
    expect(second?.session.expires_at.getTime()).toBe(later.getTime() + SESSION_TTL_MS);
    const stored = await t.db
      .selectFrom('user_session')
      .select('expires_at')
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(stored.expires_at.getTime()).toBe(later.getTime() + SESSION_TTL_MS);

    // Still valid beyond the original 30 days.
    const beyond = new Date(created.getTime() + SESSION_TTL_MS + DAY);
    expect(await validateSessionToken(t.db, token, beyond)).not.toBeNull();
  });

  it('records last use at most once a minute', async () => {
    const userId = await insertTestUser(t.db);
    const created = new Date('2026-03-01T00:00:00Z');
    const { token, session } = await createSession(t.db, userId, {}, created);
    const lastUsed = async () =>
      (
        await t.db
          .selectFrom('user_session')
          .select('last_used_at')
          .where('id', '=', session.id)
          .executeTakeFirstOrThrow()
      ).last_used_at;

    await validateSessionToken(t.db, token, new Date(created.getTime() + 30_000));
    expect((await lastUsed()).getTime()).toBe(created.getTime());
    const twoMinutes = new Date(created.getTime() + 120_000);
    await validateSessionToken(t.db, token, twoMinutes);
    expect((await lastUsed()).getTime()).toBe(twoMinutes.getTime());
  });

  it('commits the touch without waiting for the disk, but never makes a caller’s transaction do so', async () => {
    const userId = await insertTestUser(t.db);
    const created = new Date('2026-03-01T00:00:00Z');
    const { token } = await createSession(t.db, userId, {}, created);
    const touches: string[] = [];
    const recording = t.db.withPlugin({
      transformQuery(args) {
        if (args.node.kind === 'UpdateQueryNode') touches.push(JSON.stringify(args.node));
        return args.node;
      },
      async transformResult(args) {
        return args.result;
      },
    });
    await validateSessionToken(recording, token, new Date(created.getTime() + 120_000));
    expect(touches).toHaveLength(1);
    expect(touches[0]).toContain("set_config('synchronous_commit', 'off', true)");

    // The test server may run with synchronous_commit off altogether (fsync off): what matters is that it is unchanged.
    const setting = async (db: typeof t.db) =>
      (await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(db)).rows[0]!
        .synchronous_commit;
    const [before, after] = await t.db.transaction().execute(async (tx) => {
      await tx.executeQuery(sql`set local synchronous_commit = on`.compile(tx));
      const first = await setting(tx);
      await validateSessionToken(tx, token, new Date(created.getTime() + 240_000));
      return [first, await setting(tx)];
    });
    expect(before).toBe('on');
    expect(after).toBe('on');
  });

  it('refuses sessions of pending and deleted accounts', async () => {
    for (const status of ['pending_verification', 'deleted'] as const) {
      const userId = await insertTestUser(t.db, status);
      const { token } = await createSession(t.db, userId);
      expect(await validateSessionToken(t.db, token)).toBeNull();
    }
    // An active user who is later deleted loses access at once.
    const userId = await insertTestUser(t.db);
    const { token } = await createSession(t.db, userId);
    expect(await validateSessionToken(t.db, token)).not.toBeNull();
    await t.db.updateTable('user_account').set({ status: 'deleted' }).where('id', '=', userId).execute();
    expect(await validateSessionToken(t.db, token)).toBeNull();
  });

  it('judges a row read by another lookup (one that reads more beside it) by the same rules', async () => {
    const asked: string[] = [];
    const lookup = async (db: typeof t.db, sessionId: string) => {
      asked.push(sessionId);
      return findSessionWithUser(db, sessionId);
    };
    const userId = await insertTestUser(t.db);
    const { token } = await createSession(t.db, userId);
    expect((await validateSessionToken(t.db, token, new Date(), lookup))?.user.id).toBe(userId);
    expect(asked).toEqual([hashToken(token)]);
    // A token that cannot be one is refused before any lookup; a deleted account's session is refused after it.
    expect(await validateSessionToken(t.db, "' or 1=1 --", new Date(), lookup)).toBeNull();
    expect(asked).toHaveLength(1);
    await t.db.updateTable('user_account').set({ status: 'deleted' }).where('id', '=', userId).execute();
    expect(await validateSessionToken(t.db, token, new Date(), lookup)).toBeNull();
    const created = new Date('2026-01-01T00:00:00Z');
    const expired = await createSession(t.db, await insertTestUser(t.db), {}, created);
    const later = new Date(created.getTime() + SESSION_TTL_MS);
    expect(await validateSessionToken(t.db, expired.token, later, lookup)).toBeNull();
  });

  it('signs out one session, or all of them, optionally keeping the current one', async () => {
    const userId = await insertTestUser(t.db);
    const otherUserId = await insertTestUser(t.db);
    const a = await createSession(t.db, userId);
    const b = await createSession(t.db, userId);
    const c = await createSession(t.db, userId);
    const other = await createSession(t.db, otherUserId);

    await invalidateSession(t.db, a.session.id);
    expect(await validateSessionToken(t.db, a.token)).toBeNull();
    expect(await validateSessionToken(t.db, b.token)).not.toBeNull();

    expect(await invalidateAllUserSessions(t.db, userId, c.session.id)).toBe(1);
    expect(await validateSessionToken(t.db, b.token)).toBeNull();
    expect(await validateSessionToken(t.db, c.token)).not.toBeNull();
    expect((await listUserSessions(t.db, userId)).map((s) => s.id)).toEqual([c.session.id]);

    expect(await invalidateAllUserSessions(t.db, userId)).toBe(1);
    expect(await validateSessionToken(t.db, c.token)).toBeNull();
    // Nobody else is signed out.
    expect(await validateSessionToken(t.db, other.token)).not.toBeNull();
  });

  it('lists live sessions, most recently used first, and clean-up removes expired ones', async () => {
    const userId = await insertTestUser(t.db);
    const now = new Date();
    const old = await createSession(
      t.db,
      userId,
      { userAgent: 'old phone' },
      new Date(now.getTime() - SESSION_TTL_MS - DAY),
    );
    const laptop = await createSession(
      t.db,
      userId,
      { userAgent: 'laptop' },
      new Date(now.getTime() - 2 * DAY),
    );
    const phone = await createSession(t.db, userId, { userAgent: 'phone' }, new Date(now.getTime() - DAY));
    await validateSessionToken(t.db, laptop.token, now);

    const listed = await listUserSessions(t.db, userId, now);
    expect(listed.map((s) => s.user_agent)).toEqual(['laptop', 'phone']);
    expect(listed.map((s) => s.id)).not.toContain(old.session.id);
    expect(phone.session.id).toBe(listed[1]!.id);

    // The scheduler's clean-up (maintenance jobs) removes what validation already refuses.
    expect(await pruneExpiredSessions(t.db, now)).toBeGreaterThanOrEqual(1);
    const remaining = await t.db
      .selectFrom('user_session')
      .select('id')
      .where('id', '=', old.session.id)
      .execute();
    expect(remaining).toHaveLength(0);
  });
});

describe('session cookies', () => {
  it('carry the token with HttpOnly, SameSite=Lax, Path=/ and the expiry, Secure when asked', () => {
    const token = generateSessionToken();
    const expiresAt = new Date('2026-12-24T10:00:00Z');
    const secure = parseSetCookie(serializeSessionCookie(token, expiresAt, { secure: true }));
    expect(secure.name).toBe(SESSION_COOKIE_NAME);
    expect(secure.value).toBe(token);
    expect(secure.attributes.get('httponly')).toBe(true);
    expect(secure.attributes.get('samesite')).toBe('Lax');
    expect(secure.attributes.get('path')).toBe('/');
    expect(secure.attributes.get('secure')).toBe(true);
    expect(new Date(secure.attributes.get('expires') as string).getTime()).toBe(expiresAt.getTime());

    const plain = parseSetCookie(serializeSessionCookie(token, expiresAt, { secure: false }));
    expect(plain.attributes.has('secure')).toBe(false);
    expect(plain.attributes.get('httponly')).toBe(true);
  });

  it('the blank cookie deletes it at once with the same attributes', () => {
    const blank = parseSetCookie(serializeBlankSessionCookie({ secure: true }));
    expect(blank.name).toBe(SESSION_COOKIE_NAME);
    expect(blank.value).toBe('');
    expect(blank.attributes.get('max-age')).toBe('0');
    expect(blank.attributes.get('path')).toBe('/');
    expect(blank.attributes.get('httponly')).toBe(true);
    expect(blank.attributes.get('secure')).toBe(true);
  });

  it('reads the token back from a Cookie header among other cookies', () => {
    const token = generateSessionToken();
    expect(readSessionToken(`theme=dark; ${SESSION_COOKIE_NAME}=${token}; lang=id`)).toBe(token);
    expect(readSessionToken(`${SESSION_COOKIE_NAME}=${token}`)).toBe(token);
    expect(readSessionToken(`${SESSION_COOKIE_NAME}=; ${SESSION_COOKIE_NAME}=${token}`)).toBe(token);
    expect(readSessionToken(`other_${SESSION_COOKIE_NAME}=${token}`)).toBeNull();
    expect(readSessionToken(`${SESSION_COOKIE_NAME}=not-a-token`)).toBeNull();
    expect(readSessionToken('')).toBeNull();
    expect(readSessionToken(undefined)).toBeNull();
    expect(readSessionToken(null)).toBeNull();
  });
});
