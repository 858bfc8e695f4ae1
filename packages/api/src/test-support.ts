import { TRPCError } from '@trpc/server';
import type { MemberStateCode, Role } from '@musyawarah/core';
import { createSession, hashPassword } from '@musyawarah/auth';
import { insertUser, listOutboxMail, seedReferenceData, type UserAccount } from '@musyawarah/db';
import { openTestDatabase } from '@musyawarah/db/testing';
import type { ApiServices, RequestMeta } from './context';
import { createContext } from './context';
import { createMailer } from './mail/mailer';
import { createCaller } from './root';

export const TEST_PASSWORD = 'a long test password';
let cachedHash: Promise<string> | null = null;

/** A real database (PGlite, or PostgreSQL with TEST_DATABASE_URL), real mailer (outbox only), real context. */
export async function createTestApi() {
  const database = await openTestDatabase();
  await seedReferenceData(database.db);
  const logged: object[] = [];
  const services: ApiServices = {
    db: database.db,
    mailer: createMailer({ smtp: null, from: 'test@example.org', log: () => undefined }),
    logger: { info: (o) => logged.push(o), warn: (o) => logged.push(o), error: (o) => logged.push(o) },
    config: { publicUrl: 'http://localhost:3000', secureCookies: false, trustedOrigins: [], nodeEnv: 'test' },
  };
  let counter = 0;

  async function call(options: { token?: string | null; request?: Partial<RequestMeta> } = {}) {
    const cookies: string[] = [];
    const ctx = await createContext(services, {
      requestId: `test-${++counter}`,
      ipAddress: '203.0.113.7',
      userAgent: 'vitest',
      cookieHeader: options.token ? `musyawarah_session=${options.token}` : null,
      origin: null,
      secFetchSite: null,
      host: 'localhost:3000',
      setCookie: (value) => cookies.push(value),
      ...options.request,
    });
    return { caller: createCaller(ctx), cookies };
  }

  async function createUser(
    role: Role,
    overrides: { email?: string; memberState?: MemberStateCode } = {},
  ): Promise<UserAccount> {
    cachedHash ??= hashPassword(TEST_PASSWORD);
    return insertUser(database.db, {
      email: overrides.email ?? `${role}-${++counter}-${Math.random().toString(36).slice(2, 8)}@example.org`,
      name: `Test ${role} ${counter}`,
      role,
      memberStateCode: role === 'member_state' ? (overrides.memberState ?? 'ID') : null,
      stakeholderGroup: role === 'stakeholder' ? 'civil_society' : null,
      passwordHash: await cachedHash,
      status: 'active',
      emailVerifiedAt: new Date(),
    });
  }

  async function signedIn(role: Role, overrides: { memberState?: MemberStateCode } = {}) {
    const user = await createUser(role, overrides);
    const { token } = await createSession(database.db, user.id);
    return { user, token, ...(await call({ token })) };
  }

  async function latestMailTo(address: string) {
    const [mail] = await listOutboxMail(database.db, { limit: 1, toAddress: address });
    return mail;
  }

  function tokenFromMail(textBody: string, path: string): string {
    const match = textBody.match(new RegExp(`${path}\\?token=([a-z2-7]{32})`));
    if (!match?.[1]) throw new Error(`no ${path} link in mail:\n${textBody}`);
    return match[1];
  }

  function sessionTokenFromCookies(cookies: string[]): string | null {
    for (const cookie of cookies) {
      const match = cookie.match(/^musyawarah_session=([^;]*)/);
      if (match) return match[1] || null;
    }
    return null;
  }

  return {
    db: database.db,
    services,
    call,
    createUser,
    signedIn,
    latestMailTo,
    tokenFromMail,
    sessionTokenFromCookies,
    close: () => database.close(),
  };
}
export type TestApi = Awaited<ReturnType<typeof createTestApi>>;

/** The TRPCError a call was refused with; fails the test if the call succeeded or threw something else. */
export async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}
