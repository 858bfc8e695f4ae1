import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '@musyawarah/db';
import { createTestApi, TEST_PASSWORD, type TestApi, rejection } from './test-support';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

const registration = (email: string) => ({
  name: 'Ananda Chanthavong',
  email,
  stakeholderGroup: 'civil_society' as const,
  organisationName: 'Lao Rural Voices',
  memberState: 'LA' as const,
  privacyConsent: true as const,
});

describe('self-registration with e-mail confirmation', () => {
  it('registers, confirms through the single-use link choosing the password there, and signs in', async () => {
    const email = 'ananda@example.org';
    const { caller } = await api.call();
    expect(await caller.auth.register(registration(email))).toEqual({ ok: true });

    // No password exists before the address is confirmed.
    const refused = await rejection(caller.auth.signIn({ email, password: 'rice fields at dawn' }));
    expect(refused.message).toBe('auth.invalidCredentials');

    const mail = await api.latestMailTo(email);
    expect(mail?.subject).toMatch(/confirm/i);
    const token = api.tokenFromMail(mail!.text_body, '/confirm-email');

    const confirm = await api.call();
    const { user } = await confirm.caller.auth.confirmEmail({ token, password: 'rice fields at dawn' });
    expect(user).toMatchObject({
      email,
      role: 'stakeholder',
      stakeholderGroup: 'civil_society',
      organisationName: 'Lao Rural Voices',
      memberState: 'LA',
    });
    const sessionToken = api.sessionTokenFromCookies(confirm.cookies);
    expect(sessionToken).toBeTruthy();
    const me = await (await api.call({ token: sessionToken })).caller.auth.me();
    expect(me?.email).toBe(email);

    const again = await rejection(
      (await api.call()).caller.auth.confirmEmail({ token, password: 'rice fields at dawn' }),
    );
    expect(again.message).toBe('auth.linkUsed');

    const signIn = await api.call();
    expect(
      (await signIn.caller.auth.signIn({ email: ' ANANDA@example.org ', password: 'rice fields at dawn' }))
        .user.email,
    ).toBe(email);
    expect(signIn.cookies[0]).toMatch(/HttpOnly; SameSite=Lax/);
  });

  it('answers a registration for an existing address exactly like a new one, and tells the owner by e-mail', async () => {
    const existing = await api.createUser('stakeholder');
    const { caller } = await api.call();
    expect(await caller.auth.register(registration(existing.email))).toEqual({ ok: true });
    const mail = await api.latestMailTo(existing.email);
    expect(mail?.subject).toMatch(/already have/i);
    // The existing account is untouched.
    const signIn = await (
      await api.call()
    ).caller.auth.signIn({ email: existing.email, password: TEST_PASSWORD });
    expect(signIn.user.name).toBe(existing.name);
  });

  it('rejects bad registrations field by field', async () => {
    const { caller } = await api.call();
    const error = await rejection(
      caller.auth.register({ ...registration('x@example.org'), privacyConsent: false as never }),
    );
    expect(error.code).toBe('BAD_REQUEST');
  });
});

describe('sign-in', () => {
  it('refuses a wrong password and an unknown address with the same message', async () => {
    const user = await api.createUser('stakeholder');
    const wrong = await rejection(
      (await api.call()).caller.auth.signIn({ email: user.email, password: 'not the password' }),
    );
    const unknown = await rejection(
      (await api.call()).caller.auth.signIn({ email: 'nobody@example.org', password: 'whatever it is' }),
    );
    expect(wrong.message).toBe('auth.invalidCredentials');
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.code).toBe(wrong.code);
  });

  it('throttles an account after repeated failures with a retry time, and does not create a session', async () => {
    const user = await api.createUser('stakeholder');
    for (let i = 0; i < 5; i++) {
      await rejection(
        (await api.call({ request: { ipAddress: `198.51.100.${i}` } })).caller.auth.signIn({
          email: user.email,
          password: 'wrong password',
        }),
      );
    }
    const attempt = await api.call({ request: { ipAddress: '198.51.100.99' } });
    const throttled = await rejection(
      attempt.caller.auth.signIn({ email: user.email, password: TEST_PASSWORD }),
    );
    expect(throttled.code).toBe('TOO_MANY_REQUESTS');
    expect(throttled.message).toBe('auth.throttled');
    expect((throttled as unknown as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect(attempt.cookies).toEqual([]);
  });

  it('the secretariat app refuses non-secretariat accounts without starting a session', async () => {
    const user = await api.createUser('member_state');
    const attempt = await api.call();
    const refused = await rejection(
      attempt.caller.auth.signIn({ email: user.email, password: TEST_PASSWORD, requiredRole: 'secretariat' }),
    );
    expect(refused.message).toBe('auth.notSecretariat');
    expect(attempt.cookies).toEqual([]);
  });

  it('refuses a cross-site mutation before anything runs', async () => {
    const user = await api.createUser('stakeholder');
    const attempt = await api.call({
      request: { origin: 'https://attacker.example', secFetchSite: 'cross-site' },
    });
    const refused = await rejection(
      attempt.caller.auth.signIn({ email: user.email, password: TEST_PASSWORD }),
    );
    expect(refused.message).toBe('errors.crossSite');
    // Queries stay readable cross-site (they change nothing).
    await expect(attempt.caller.reference.memberStates()).resolves.toHaveLength(11);
  });
});

describe('sessions', () => {
  it('sign-out ends this session only; sign-out everywhere ends them all', async () => {
    const first = await api.signedIn('stakeholder');
    const second = await (
      await api.call()
    ).caller.auth
      .signIn({ email: first.user.email, password: TEST_PASSWORD })
      .then(async () => {
        const { createSession } = await import('@musyawarah/auth');
        return createSession(api.db, first.user.id);
      });
    const third = await (await import('@musyawarah/auth')).createSession(api.db, first.user.id);

    const sessions = await first.caller.account.sessions();
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.length).toBeGreaterThanOrEqual(3);

    await (await api.call({ token: second.token })).caller.auth.signOut();
    const signOuts = await listAuditEntries(api.db, { actorUserId: first.user.id, limit: 50 });
    expect(signOuts.map((a) => a.action)).toContain('user.sign_out');
    expect(await (await api.call({ token: second.token })).caller.auth.me()).toBeNull();
    expect(await (await api.call({ token: third.token })).caller.auth.me()).not.toBeNull();

    await first.caller.auth.signOutEverywhere();
    expect(await (await api.call({ token: first.token })).caller.auth.me()).toBeNull();
    expect(await (await api.call({ token: third.token })).caller.auth.me()).toBeNull();
  });

  it("cannot revoke somebody else's session", async () => {
    const mine = await api.signedIn('stakeholder');
    const theirs = await api.signedIn('stakeholder');
    const [theirSession] = await theirs.caller.account.sessions();
    const refused = await rejection(mine.caller.account.revokeSession({ sessionId: theirSession!.id }));
    expect(refused.code).toBe('NOT_FOUND');
    expect(await (await api.call({ token: theirs.token })).caller.auth.me()).not.toBeNull();
  });
});

describe('invitations', () => {
  it('the secretariat invites a member-state representative, who sets a password through the link and acts for that state', async () => {
    const secretariat = await api.signedIn('secretariat');
    const email = 'rep.thailand@example.org';
    const { invitation } = await secretariat.caller.users.invite({
      email,
      name: 'Kanya Srisuk',
      role: 'member_state',
      memberState: 'TH',
    });
    expect(invitation).toMatchObject({ email, role: 'member_state', memberState: 'TH' });

    const listed = await secretariat.caller.users.invitations();
    expect(listed.find((i) => i.id === invitation.id)).toMatchObject({
      acceptedAt: null,
      revokedAt: null,
      expired: false,
      invitedByName: secretariat.user.name,
    });

    const token = api.tokenFromMail((await api.latestMailTo(email))!.text_body, '/accept-invitation');
    const visitor = await api.call();
    expect(await visitor.caller.auth.invitationDetails({ token })).toEqual({
      email,
      name: 'Kanya Srisuk',
      role: 'member_state',
      memberState: 'TH',
      invitedByName: secretariat.user.name,
    });

    // Nobody can sign in to the invited account before it is accepted.
    await rejection(visitor.caller.auth.signIn({ email, password: 'anything at all' }));

    const accepted = await visitor.caller.auth.acceptInvitation({ token, password: 'sawasdee from bangkok' });
    expect(accepted.user).toMatchObject({ email, role: 'member_state', memberState: 'TH' });
    expect(api.sessionTokenFromCookies(visitor.cookies)).toBeTruthy();
    const reuse = await rejection(
      (await api.call()).caller.auth.acceptInvitation({ token, password: 'another password here' }),
    );
    expect(reuse.message).toBe('auth.linkUsed');

    const audit = await listAuditEntries(api.db, {
      entityType: 'invitation',
      entityId: invitation.id,
      limit: 10,
    });
    expect(audit.map((a) => a.action).sort()).toEqual(['invitation.accept', 'invitation.create']);
  });

  it('requires a Member State for a member-state invitation, and refuses an address that already has an account', async () => {
    const secretariat = await api.signedIn('secretariat');
    const missingState = await rejection(
      secretariat.caller.users.invite({ email: 'x1@example.org', name: 'X', role: 'member_state' }),
    );
    expect(missingState.code).toBe('BAD_REQUEST');
    const existing = await api.createUser('stakeholder');
    const taken = await rejection(
      secretariat.caller.users.invite({ email: existing.email, name: 'X', role: 'secretariat' }),
    );
    expect(taken.code).toBe('CONFLICT');
    expect((taken as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      email: ['validation.emailTaken'],
    });
  });

  it("a revoked invitation's link stops working; the address can be invited again", async () => {
    const secretariat = await api.signedIn('secretariat');
    const email = 'revoked@example.org';
    const { invitation } = await secretariat.caller.users.invite({ email, name: 'R', role: 'secretariat' });
    const token = api.tokenFromMail((await api.latestMailTo(email))!.text_body, '/accept-invitation');
    await secretariat.caller.users.revokeInvitation({ invitationId: invitation.id });
    const refused = await rejection(
      (await api.call()).caller.auth.acceptInvitation({ token, password: 'too late for this one' }),
    );
    expect(refused.message).toBe('auth.linkUsed');
    await expect(
      secretariat.caller.users.invite({ email, name: 'R again', role: 'secretariat' }),
    ).resolves.toBeTruthy();
  });
});

describe('password reset', () => {
  it('resets through the link, ends every session, and the old password stops working', async () => {
    const user = await api.createUser('stakeholder');
    const session = await api.signedIn('stakeholder');
    void session;
    const { caller } = await api.call();
    await caller.auth.requestPasswordReset({ email: user.email });
    const token = api.tokenFromMail((await api.latestMailTo(user.email))!.text_body, '/reset-password');
    await caller.auth.completePasswordReset({ token, password: 'a brand new passphrase' });
    await rejection(caller.auth.signIn({ email: user.email, password: TEST_PASSWORD }));
    await expect(
      caller.auth.signIn({ email: user.email, password: 'a brand new passphrase' }),
    ).resolves.toBeTruthy();
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const { caller } = await api.call();
    expect(await caller.auth.requestPasswordReset({ email: 'ghost@example.org' })).toEqual({ ok: true });
    expect(await api.latestMailTo('ghost@example.org')).toBeUndefined();
  });
});

describe('my account', () => {
  it('updates the profile with an audit entry holding the before and after values', async () => {
    const me = await api.signedIn('stakeholder');
    const { user } = await me.caller.account.updateProfile({
      name: 'New Name',
      locale: 'id',
      stakeholderGroup: 'academia',
      organisationName: 'Universitas Contoh',
      memberState: 'ID',
    });
    expect(user).toMatchObject({
      name: 'New Name',
      locale: 'id',
      organisationName: 'Universitas Contoh',
      memberState: 'ID',
    });
    const [entry] = await listAuditEntries(api.db, { entityType: 'user', entityId: me.user.id, limit: 1 });
    expect(entry?.action).toBe('user.update_profile');
    expect(entry?.before_value).toMatchObject({ name: me.user.name, password_hash: '[redacted]' });
    expect(entry?.after_value).toMatchObject({ name: 'New Name' });
  });

  it("saves the language chosen in the switcher as the account's language, and refuses one the platform does not speak", async () => {
    const me = await api.signedIn('stakeholder');
    const { user } = await me.caller.account.setLocale({ locale: 'km' });
    expect(user.locale).toBe('km');
    // The next request (any device) reads it from the account.
    expect((await (await api.call({ token: me.token })).caller.auth.me())?.locale).toBe('km');
    await expect(me.caller.account.setLocale({ locale: 'xx' } as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const anonymous = await api.call();
    await expect(anonymous.caller.account.setLocale({ locale: 'th' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('a member-state representative cannot move themselves to another state', async () => {
    const rep = await api.signedIn('member_state', { memberState: 'VN' });
    const { user } = await rep.caller.account.updateProfile({ name: 'Rep', locale: 'vi', memberState: 'SG' });
    expect(user.memberState).toBe('VN');
  });

  it('exports my data and deletes my account by anonymising it', async () => {
    const me = await api.signedIn('stakeholder');
    const exported = await me.caller.account.exportData();
    expect(exported.profile?.email).toBe(me.user.email);
    expect(exported.sessions.length).toBeGreaterThan(0);

    const wrong = await rejection(
      me.caller.account.deleteAccount({ confirmEmail: me.user.email, password: 'not my password' }),
    );
    expect((wrong as unknown as { fieldErrors: object }).fieldErrors).toEqual({
      password: ['validation.passwordIncorrect'],
    });

    await me.caller.account.deleteAccount({ confirmEmail: me.user.email, password: TEST_PASSWORD });
    expect(await (await api.call({ token: me.token })).caller.auth.me()).toBeNull();
    const row = await api.db
      .selectFrom('user_account')
      .selectAll()
      .where('id', '=', me.user.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'deleted', name: 'Deleted user', password_hash: null });
    expect(row.email).not.toContain(me.user.email);
    // The address is free to register again.
    await expect((await api.call()).caller.auth.register(registration(me.user.email))).resolves.toEqual({
      ok: true,
    });
  });

  it('guesses at my password through account deletion are limited like sign-in (a stolen session cannot try many)', async () => {
    const me = await api.signedIn('stakeholder');
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const refused = await rejection(
        me.caller.account.deleteAccount({ confirmEmail: me.user.email, password: `guess number ${i}` }),
      );
      codes.push(refused.code);
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('BAD_REQUEST'));
    expect(codes.slice(5)).toEqual(Array(3).fill('TOO_MANY_REQUESTS'));
    // Even the right password waits until the window has passed.
    expect(
      (
        await rejection(
          me.caller.account.deleteAccount({ confirmEmail: me.user.email, password: TEST_PASSWORD }),
        )
      ).code,
    ).toBe('TOO_MANY_REQUESTS');
  });
});
