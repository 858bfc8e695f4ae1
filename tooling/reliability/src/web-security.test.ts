// Web security of the real host over HTTP, on PostgreSQL: what a browser and an attacker actually see. The unit
// tests in packages/auth check the pieces; this suite checks that they are wired into every response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@musyawarah/auth';
import { startPlatformServer, type PlatformServer } from '@musyawarah/api-host';
import { insertUser, listOutboxMail } from '@musyawarah/db';
import { startPostgres, type Postgres } from './support';

// A public https address makes the host issue Secure cookies, as in production behind a TLS-terminating proxy.
const PUBLIC_URL = 'https://consult.example.org';
const PASSWORD = 'a long enough password 2030';

let postgres: Postgres;
let platform: PlatformServer;

beforeAll(async () => {
  postgres = await startPostgres();
  platform = await startPlatformServer({
    port: 0,
    databaseUrl: postgres.url,
    seedDemo: false,
    serveApps: true,
    logLevel: 'silent',
    nodeEnv: 'production',
    publicUrl: PUBLIC_URL,
    // Behind a proxy the Host header is the internal one; the public origin is listed, as the README says to.
    trustedOrigins: [PUBLIC_URL],
  });
  await insertUser(platform.db, {
    email: 'known@example.org',
    name: 'Known Person',
    role: 'stakeholder',
    stakeholderGroup: 'civil_society',
    passwordHash: await hashPassword(PASSWORD),
    status: 'active',
    emailVerifiedAt: new Date(),
  });
}, 120_000);
afterAll(async () => {
  await platform?.close();
  await postgres?.stop();
});

const sameSite = { origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' };

async function mutation(path: string, input: unknown, headers: Record<string, string> = sameSite) {
  const response = await fetch(`${platform.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { error?: { message: string; data: { httpStatus: number } } };
  return { status: response.status, body, headers: response.headers };
}

function expectSecurityHeaders(headers: Headers, what: string) {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("frame-ancestors 'none'");
  const scriptSrc =
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src')) ??
    csp.split(';').find((d) => d.trim().startsWith('default-src')) ??
    '';
  expect(scriptSrc, what).not.toBe('');
  expect(scriptSrc, what).not.toContain("'unsafe-inline'");
  expect(scriptSrc, what).not.toContain("'unsafe-eval'");
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toMatch(
    /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
  );
  // PUBLIC_URL is https here: browsers must keep to https (two years, subdomains too).
  expect(headers.get('strict-transport-security'), what).toBe('max-age=63072000; includeSubDomains');
  expect(headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
    expect(headers.get('permissions-policy'), what).toContain(`${feature}=()`);
  }
}

describe('security headers', () => {
  it('are on every kind of response: app pages, API answers and errors, health check, file routes, unknown paths', async () => {
    const probes: [string, RequestInit?][] = [
      ['/'],
      ['/consultations'],
      ['/secretariat/'],
      ['/healthz'],
      ['/trpc/catalogue.overview'],
      ['/trpc/rounds.get?input=%7B%22roundId%22%3A%22nope%22%7D'],
      ['/trpc/no.such.procedure'],
      ['/files/round-documents/00000000-0000-0000-0000-000000000000/x.pdf'],
      ['/definitely-not-here.js'],
      [
        '/trpc/auth.signIn',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' },
      ],
      ['/trpc/catalogue.ids', { method: 'PUT' }],
      ['/healthz', { method: 'DELETE' }],
      ['/consultations', { method: 'POST' }],
      [`/trpc/${Array(100).fill('catalogue.ids').join(',')}?batch=1`],
    ];
    for (const [path, init] of probes) {
      const response = await fetch(`${platform.url}${path}`, init);
      await response.arrayBuffer();
      expect(response.status, path).toBeLessThan(500);
      expectSecurityHeaders(response.headers, path);
    }
  });
});

describe('CSRF', () => {
  it('refuses a cross-site mutation (by Origin, and by Sec-Fetch-Site without Origin) and stores nothing', async () => {
    const register = (email: string) => ({
      email,
      name: 'Cross Site',
      password: PASSWORD,
      stakeholderGroup: 'civil_society',
      privacyConsent: true,
    });
    const byOrigin = await mutation('auth.register', register('csrf-origin@example.org'), {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    const byFetchSite = await mutation('auth.register', register('csrf-site@example.org'), {
      'sec-fetch-site': 'cross-site',
    });
    for (const refused of [byOrigin, byFetchSite]) {
      expect(refused.status).toBe(403);
      expect(refused.body.error?.message).toBe('errors.crossSite');
    }
    const stored = await platform.db
      .selectFrom('user_account')
      .select('email')
      .where('email', 'like', 'csrf-%')
      .execute();
    expect(stored).toEqual([]);
  });
});

describe('sessions', () => {
  it('sets the session cookie HttpOnly, Secure, SameSite=Lax, Path=/ with an expiry', async () => {
    const signedIn = await mutation('auth.signIn', { email: 'known@example.org', password: PASSWORD });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('musyawarah_session='));
    expect(cookie).toBeDefined();
    const attributes = cookie!.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('secure');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
    expect(attributes.some((a) => a.startsWith('expires=') || a.startsWith('max-age='))).toBe(true);
  });
});

describe('no account enumeration', () => {
  it('answers a wrong password for a known address exactly like an unknown address', async () => {
    const known = await mutation('auth.signIn', {
      email: 'known@example.org',
      password: 'wrong password 12345',
    });
    const unknown = await mutation('auth.signIn', {
      email: 'nobody-here@example.org',
      password: 'wrong password 12345',
    });
    expect(known.status).toBe(unknown.status);
    expect(known.body.error?.message).toBe('auth.invalidCredentials');
    expect(unknown.body.error?.message).toBe('auth.invalidCredentials');
  });

  it('answers a password reset request the same whether or not the address has an account', async () => {
    const known = await mutation('auth.requestPasswordReset', { email: 'known@example.org' });
    const unknown = await mutation('auth.requestPasswordReset', { email: 'nobody-here@example.org' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.headers.get('content-length')).toBe(unknown.headers.get('content-length'));
    expect(await listOutboxMail(platform.db, { limit: 5, toAddress: 'nobody-here@example.org' })).toEqual([]);
  });
});

describe('password reset links', () => {
  async function latestResetToken(): Promise<string> {
    const [mail] = await listOutboxMail(platform.db, { limit: 1, toAddress: 'reset@example.org' });
    const match = mail?.text_body.match(/reset-password\?token=([a-z2-7]{32})/);
    if (!match?.[1]) throw new Error('no reset link in the mail');
    return match[1];
  }

  it('work once, and not after they expire', async () => {
    await insertUser(platform.db, {
      email: 'reset@example.org',
      name: 'Reset Person',
      role: 'stakeholder',
      stakeholderGroup: 'academia',
      passwordHash: await hashPassword(PASSWORD),
      status: 'active',
      emailVerifiedAt: new Date(),
    });
    await mutation('auth.requestPasswordReset', { email: 'reset@example.org' });
    const token = await latestResetToken();
    const first = await mutation('auth.completePasswordReset', {
      token,
      password: 'a brand new password 2031',
    });
    expect(first.status).toBe(200);
    const again = await mutation('auth.completePasswordReset', {
      token,
      password: 'yet another password 2032',
    });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
    expect(again.body.error?.message).toBe('auth.linkUsed');

    await mutation('auth.requestPasswordReset', { email: 'reset@example.org' });
    const stale = await latestResetToken();
    await platform.db
      .updateTable('email_token')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('purpose', '=', 'password_reset')
      .where('used_at', 'is', null)
      .execute();
    const expired = await mutation('auth.completePasswordReset', {
      token: stale,
      password: 'yet another password 2032',
    });
    expect(expired.body.error?.message).toBe('auth.linkExpired');
    // The password set through the first link is the one that works.
    expect(
      (await mutation('auth.signIn', { email: 'reset@example.org', password: 'a brand new password 2031' }))
        .status,
    ).toBe(200);
  });
});

describe('login throttling', () => {
  it('locks an address out after repeated failures, even for the right password, with a clear 429', async () => {
    await insertUser(platform.db, {
      email: 'target@example.org',
      name: 'Target Person',
      role: 'stakeholder',
      stakeholderGroup: 'industry',
      passwordHash: await hashPassword(PASSWORD),
      status: 'active',
      emailVerifiedAt: new Date(),
    });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await mutation('auth.signIn', { email: 'target@example.org', password: `guess number ${i} wrong` }))
          .status,
      );
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses[5]).toBe(429);
    const right = await mutation('auth.signIn', { email: 'target@example.org', password: PASSWORD });
    expect(right.status).toBe(429);
    expect(right.body.error?.message).toMatch(/^auth\.throttled/);
  });
});

describe('sign-in attempts and account mails under load (issue #11 items 14, 15)', () => {
  // Every request here comes from 127.0.0.1, which these limits also count (20 failed sign-ins / 30 account mails per
  // client an hour), so the numbers stay small enough for the whole file to fit under them.
  it('of 8 simultaneous wrong guesses at one account at most 5 are answered "wrong password", the rest 429', async () => {
    await insertUser(platform.db, {
      email: 'parallel@example.org',
      name: 'Parallel Person',
      role: 'stakeholder',
      stakeholderGroup: 'academia',
      passwordHash: await hashPassword(PASSWORD),
      status: 'active',
      emailVerifiedAt: new Date(),
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        mutation('auth.signIn', { email: 'parallel@example.org', password: `parallel guess ${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it('8 simultaneous reset requests for one address all get the same neutral answer and send at most 3 mails', async () => {
    await insertUser(platform.db, {
      email: 'flood@example.org',
      name: 'Flood Person',
      role: 'stakeholder',
      stakeholderGroup: 'academia',
      passwordHash: await hashPassword(PASSWORD),
      status: 'active',
      emailVerifiedAt: new Date(),
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => mutation('auth.requestPasswordReset', { email: 'flood@example.org' })),
    );
    expect(results.every((r) => r.status === 200 && !r.body.error)).toBe(true);
    expect(new Set(results.map((r) => r.headers.get('content-length'))).size).toBe(1);
    const mails = await listOutboxMail(platform.db, { limit: 20, toAddress: 'flood@example.org' });
    expect(mails.length).toBeGreaterThanOrEqual(1);
    expect(mails.length).toBeLessThanOrEqual(3);
  });

  it('registration and resending the confirmation answer alike for a known and an unknown address', async () => {
    const registration = (email: string) => ({
      email,
      name: 'Same Answer',
      stakeholderGroup: 'civil_society',
      privacyConsent: true,
    });
    const known = await mutation('auth.register', registration('known@example.org'));
    const unknown = await mutation('auth.register', registration('brand-new@example.org'));
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(known.headers.get('content-length')).toBe(unknown.headers.get('content-length'));
    const resendKnown = await mutation('auth.resendConfirmation', { email: 'known@example.org' });
    const resendUnknown = await mutation('auth.resendConfirmation', { email: 'nobody-at-all@example.org' });
    expect([resendKnown.status, resendUnknown.status]).toEqual([200, 200]);
    expect(resendKnown.headers.get('content-length')).toBe(resendUnknown.headers.get('content-length'));
  });
});
