import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import type * as Auth from '@musyawarah/auth';
import { insertUser, listOutboxMail } from '@musyawarah/db';
import { createContext } from './context';
import { createCaller } from './root';
import { MAIL_THROTTLE } from '@musyawarah/auth';
import { createTestApi, rejection, TEST_PASSWORD, type TestApi } from './test-support';

/** Every argon2 use on the request path, counted through the auth package the routers import. */
const argon2 = vi.hoisted(() => ({ calls: [] as string[] }));
vi.mock('@musyawarah/auth', async (importOriginal) => {
  const original = await importOriginal<typeof Auth>();
  return {
    ...original,
    hashPassword: async (password: string) => {
      argon2.calls.push('hash');
      return original.hashPassword(password);
    },
    verifyPassword: async (hash: string, password: string) => {
      argon2.calls.push('verify');
      return original.verifyPassword(hash, password);
    },
    verifyPasswordAgainstDummy: async (password?: string) => {
      argon2.calls.push('verify');
      return original.verifyPasswordAgainstDummy(password);
    },
  };
});

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());
beforeEach(() => {
  argon2.calls.length = 0;
});

let n = 0;
const fresh = (label: string) => `${label}-${++n}-${Math.random().toString(36).slice(2, 8)}@example.org`;
const mailsTo = async (address: string) => listOutboxMail(api.db, { limit: 100, toAddress: address });
const from = (ipAddress: string) => api.call({ request: { ipAddress } });

const registration = (email: string, extra: Record<string, unknown> = {}) => ({
  name: 'Ananda Chanthavong',
  email,
  stakeholderGroup: 'civil_society' as const,
  organisationName: 'Lao Rural Voices',
  memberState: 'LA' as const,
  privacyConsent: true as const,
  ...extra,
});

describe('sign-in attempts are counted before the password is checked (item 14)', () => {
  it('of 30 simultaneous wrong guesses at most 5 cost an argon2 verification or get a "wrong password" answer', async () => {
    const user = await api.createUser('stakeholder');
    argon2.calls.length = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, async (_, i) =>
        (await from(`198.51.100.${i + 1}`)).caller.auth.signIn({ email: user.email, password: `guess ${i}` }),
      ),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'OK'));
    expect(codes.filter((c) => c === 'UNAUTHORIZED').length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(25);
    expect(argon2.calls.length).toBeLessThanOrEqual(5);
  });

  it('a correct password after a few typos still signs in, and the account starts again with a full allowance', async () => {
    const user = await api.createUser('stakeholder');
    const { caller } = await from('198.51.101.1');
    for (let i = 0; i < 4; i += 1)
      expect((await rejection(caller.auth.signIn({ email: user.email, password: 'typo' }))).code).toBe(
        'UNAUTHORIZED',
      );
    expect((await caller.auth.signIn({ email: user.email, password: TEST_PASSWORD })).user.email).toBe(
      user.email,
    );
    for (let i = 0; i < 4; i += 1)
      expect((await rejection(caller.auth.signIn({ email: user.email, password: 'typo' }))).code).toBe(
        'UNAUTHORIZED',
      );
  });
});

describe('mail sent without signing in is throttled per address and per client (item 14)', () => {
  it('30 reset requests for one address from 30 machines send at most the address’s cap, each answer the same neutral success', async () => {
    const user = await api.createUser('stakeholder');
    const answers = await Promise.all(
      Array.from({ length: 30 }, async (_, i) =>
        (await from(`198.51.102.${i + 1}`)).caller.auth.requestPasswordReset({ email: user.email }),
      ),
    );
    expect(answers.every((a) => a.ok === true)).toBe(true);
    expect((await mailsTo(user.email)).length).toBeLessThanOrEqual(MAIL_THROTTLE.perAddress);
    expect((await mailsTo(user.email)).length).toBeGreaterThanOrEqual(1);
  });

  it('someone asking for another person’s reset mails from one machine gets 3 sent, and cannot stop that person getting theirs', async () => {
    const user = await api.createUser('stakeholder');
    for (let i = 0; i < 30; i += 1)
      expect(
        await (await from('203.0.113.66')).caller.auth.requestPasswordReset({ email: user.email }),
      ).toEqual({ ok: true });
    expect(await mailsTo(user.email)).toHaveLength(MAIL_THROTTLE.perAddressFromClient);
    await (await from('198.51.100.44')).caller.auth.requestPasswordReset({ email: user.email });
    expect(await mailsTo(user.email)).toHaveLength(MAIL_THROTTLE.perAddressFromClient + 1);
  });

  it('registration and resending the confirmation share the limit of 3 mails per address and client per hour', async () => {
    const email = fresh('pending');
    for (let i = 0; i < 4; i += 1)
      expect(await (await from('198.51.103.1')).caller.auth.register(registration(email))).toEqual({
        ok: true,
      });
    for (let i = 0; i < 4; i += 1)
      expect(await (await from('198.51.103.1')).caller.auth.resendConfirmation({ email })).toEqual({
        ok: true,
      });
    expect(await mailsTo(email)).toHaveLength(3);
  });

  it('one client sends at most 30 account mails an hour, counting a whole IPv6 /64 as one client', async () => {
    const users = await Promise.all(Array.from({ length: 32 }, () => api.createUser('stakeholder')));
    for (const [i, user] of users.entries()) {
      const answer = await (
        await from(`2001:db8:77:1:${(i + 1).toString(16)}::9`)
      ).caller.auth.requestPasswordReset({ email: user.email });
      expect(answer).toEqual({ ok: true });
    }
    const sent = await Promise.all(users.map(async (u) => (await mailsTo(u.email)).length));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(30);
  });
});

/** The statements a call runs, with every value replaced, so known and unknown addresses can be compared. */
function recordingApi() {
  const statements: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      statements.push(
        JSON.stringify(args.node, (key, value: unknown) =>
          key === 'value' ||
          (key === 'values' &&
            Array.isArray(value) &&
            value.every((v) => typeof v !== 'object' || v === null || v instanceof Date))
            ? '?'
            : value,
        ),
      );
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
  const services = { ...api.services, db: api.services.db.withPlugin(plugin) };
  async function run<T>(
    ip: string,
    fn: (caller: ReturnType<typeof createCaller>) => Promise<T>,
  ): Promise<{ statements: string[]; argon2: string[] }> {
    const ctx = await createContext(services, {
      requestId: `rec-${++n}`,
      ipAddress: ip,
      userAgent: 'vitest',
      cookieHeader: null,
      origin: null,
      secFetchSite: null,
      host: 'localhost:3000',
      setCookie: () => undefined,
    });
    statements.length = 0;
    argon2.calls.length = 0;
    await fn(createCaller(ctx)).catch(() => undefined);
    return { statements: [...statements], argon2: [...argon2.calls] };
  }
  return run;
}

describe('known and unknown addresses cost the same on the request path (item 15)', () => {
  it('requestPasswordReset runs the same statements and argon2 work for an account and for nobody', async () => {
    const run = recordingApi();
    const known = await api.createUser('stakeholder');
    const a = await run('192.0.2.11', (c) => c.auth.requestPasswordReset({ email: known.email }));
    const b = await run('192.0.2.12', (c) => c.auth.requestPasswordReset({ email: fresh('nobody') }));
    expect(a.statements.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('resendConfirmation runs the same for a pending registration, an active account and nobody', async () => {
    const run = recordingApi();
    const pendingEmail = fresh('pending');
    await (await from('192.0.2.20')).caller.auth.register(registration(pendingEmail));
    const active = await api.createUser('stakeholder');
    const a = await run('192.0.2.21', (c) => c.auth.resendConfirmation({ email: pendingEmail }));
    const b = await run('192.0.2.22', (c) => c.auth.resendConfirmation({ email: active.email }));
    const c = await run('192.0.2.23', (c) => c.auth.resendConfirmation({ email: fresh('nobody') }));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('register runs the same for a new address and for an existing account', async () => {
    const run = recordingApi();
    const active = await api.createUser('stakeholder');
    const a = await run('192.0.2.31', (c) => c.auth.register(registration(fresh('new'))));
    const b = await run('192.0.2.32', (c) => c.auth.register(registration(active.email)));
    expect(a.statements.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('signIn costs one argon2 verification and the same statements for an unknown address as for a wrong password', async () => {
    const run = recordingApi();
    const known = await api.createUser('stakeholder');
    const a = await run('192.0.2.41', (c) =>
      c.auth.signIn({ email: known.email, password: 'not the password' }),
    );
    const b = await run('192.0.2.42', (c) =>
      c.auth.signIn({ email: fresh('nobody'), password: 'not the password' }),
    );
    expect(a.argon2).toEqual(['verify']);
    expect(b).toEqual(a);
  });
});

describe('display names in mail (item 16)', () => {
  it('refuses a name with line breaks or a link, field by field', async () => {
    const { caller } = await from('192.0.2.51');
    for (const name of [
      'Bob\n\nClick https://evil.example',
      'Bob www.evil.example',
      'Bob bob@evil.example',
      'Bob\u0007',
    ]) {
      const error = await rejection(caller.auth.register(registration(fresh('bob'), { name })));
      expect(error.code).toBe('BAD_REQUEST');
      expect(JSON.stringify(error.cause ?? error.message)).toMatch(/name/);
    }
    const organisation = await rejection(
      caller.auth.register(registration(fresh('bob'), { organisationName: 'Visit https://evil.example' })),
    );
    expect(organisation.code).toBe('BAD_REQUEST');
  });

  it('prints a stored name with a line break on one line, and never a link from it', async () => {
    const user = await insertUser(api.db, {
      email: fresh('legacy'),
      name: 'Bob\r\n\r\nClick https://evil.example/reset now',
      role: 'stakeholder',
      stakeholderGroup: 'civil_society',
      passwordHash: 'x',
      status: 'active',
    });
    await (await from('192.0.2.52')).caller.auth.requestPasswordReset({ email: user.email });
    const [mail] = await mailsTo(user.email);
    expect(mail?.text_body.split('\n')[0]).toMatch(/^Hello\b/);
    expect(mail?.text_body).not.toContain('evil.example');
    expect(mail?.text_body).not.toMatch(/Hello[^\n]*\n\n*Click/);
  });
});

describe('pre-registration takeover (item 17)', () => {
  it('whoever confirms the address chooses the password; the password of someone who registered it first never works', async () => {
    const victim = fresh('victim');
    const attacker = await from('192.0.2.61');
    await attacker.caller.auth.register(registration(victim, { password: 'attacker chose this' }));
    const mail = await api.latestMailTo(victim);
    const token = api.tokenFromMail(mail!.text_body, '/confirm-email');
    const confirm = await from('192.0.2.62');
    await confirm.caller.auth.confirmEmail({ token, password: 'the owner chose this' });
    const stolen = await rejection(
      (await from('192.0.2.63')).caller.auth.signIn({ email: victim, password: 'attacker chose this' }),
    );
    expect(stolen.code).toBe('UNAUTHORIZED');
    const owner = await (
      await from('192.0.2.64')
    ).caller.auth.signIn({ email: victim, password: 'the owner chose this' });
    expect(owner.user.email).toBe(victim);
  });

  it('confirming needs a password, and registering again replaces the pending registration and its link', async () => {
    const email = fresh('again');
    await (await from('192.0.2.71')).caller.auth.register(registration(email, { name: 'Mallory' }));
    const first = api.tokenFromMail((await api.latestMailTo(email))!.text_body, '/confirm-email');
    await (await from('192.0.2.72')).caller.auth.register(registration(email, { name: 'Siti Aminah' }));
    const second = api.tokenFromMail((await api.latestMailTo(email))!.text_body, '/confirm-email');
    const { caller } = await from('192.0.2.73');
    expect((await rejection(caller.auth.confirmEmail({ token: second } as never))).code).toBe('BAD_REQUEST');
    expect(
      (await rejection(caller.auth.confirmEmail({ token: first, password: 'a fine new password' }))).message,
    ).toMatch(/auth\.link/);
    const { user } = await caller.auth.confirmEmail({
      token: second,
      password: 'a fine new password',
    });
    expect(user.name).toBe('Siti Aminah');
  });
});

describe('invitation mails (sibling of item 14)', () => {
  it('one invitation is sent again at most 3 times an hour; the fourth is refused with a retry time and no mail', async () => {
    const secretariat = await api.signedIn('secretariat');
    const email = fresh('invitee');
    const { invitation } = await secretariat.caller.users.invite({
      email,
      name: 'Kanya Srisuk',
      role: 'secretariat',
    });
    for (let i = 0; i < 3; i += 1)
      expect(await secretariat.caller.users.resendInvitation({ invitationId: invitation.id })).toEqual({
        ok: true,
      });
    const refused = await rejection(
      secretariat.caller.users.resendInvitation({ invitationId: invitation.id }),
    );
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(await mailsTo(email)).toHaveLength(4);
  });
});

describe('links with a password form (sibling of items 14, 15)', () => {
  it('a made-up link costs no argon2 hash: the link is checked before the password is hashed', async () => {
    const { caller } = await from('192.0.2.81');
    const token = 'abcdefghijklmnopqrstuvwxyz234567';
    argon2.calls.length = 0;
    expect(
      (await rejection(caller.auth.completePasswordReset({ token, password: 'a fine new password' })))
        .message,
    ).toBe('auth.linkInvalid');
    expect(
      (await rejection(caller.auth.confirmEmail({ token, password: 'a fine new password' }))).message,
    ).toBe('auth.linkInvalid');
    expect(
      (await rejection(caller.auth.acceptInvitation({ token, password: 'a fine new password' }))).message,
    ).toBe('auth.linkInvalid');
    expect(argon2.calls).toEqual([]);
  });
});

describe('account deletion and the new counters (sibling of item 14)', () => {
  it('deleting an account leaves no throttle row naming its address, mail counters included', async () => {
    const me = await api.signedIn('stakeholder');
    await (await from('192.0.2.91')).caller.auth.requestPasswordReset({ email: me.user.email });
    await me.caller.account.deleteAccount({ confirmEmail: me.user.email, password: TEST_PASSWORD });
    const rows = await api.db
      .selectFrom('login_throttle')
      .select('key')
      .where('key', 'like', `%${me.user.email}%`)
      .execute();
    expect(rows).toEqual([]);
  });
});

describe('mail in the language of the person (issue #13)', () => {
  it("a registration made in Khmer is confirmed in Khmer; a reset for an account follows the account's language, not the page's", async () => {
    const email = fresh('khmer');
    const { caller } = await api.call({ request: { locale: 'km' } });
    await caller.auth.register({ ...registration(email), locale: 'km' });
    const [confirmation] = await mailsTo(email);
    expect(confirmation?.subject).toMatch(/[\u1780-\u17FF]/);
    expect(confirmation?.text_body).toMatch(/[\u1780-\u17FF]/);

    const user = await api.createUser('stakeholder');
    const fromThaiPage = await api.call({ request: { locale: 'th' } });
    await fromThaiPage.caller.auth.requestPasswordReset({ email: user.email });
    const [reset] = await mailsTo(user.email);
    expect(reset?.subject).toBe('Reset your Musyawarah password');
  });
});
