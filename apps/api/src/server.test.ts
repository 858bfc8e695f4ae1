import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_POLICY, appRouter } from '@musyawarah/api';
import { createSession, hashPassword } from '@musyawarah/auth';
import { insertUser, type Db } from '@musyawarah/db';
import { createScratchDatabaseUrl } from '@musyawarah/db/testing';
import { startPlatformServer, type PlatformServer } from './server';

let platform: PlatformServer;
const cookies: Record<'stakeholder' | 'secretariat' | 'member_state', string> = {
  stakeholder: '',
  secretariat: '',
  member_state: '',
};

async function sessionCookieFor(db: Db, role: keyof typeof cookies) {
  const user = await insertUser(db, {
    email: `${role}-http@example.org`,
    name: role,
    role,
    memberStateCode: role === 'member_state' ? 'MY' : null,
    passwordHash: await hashPassword('http test password'),
    status: 'active',
  });
  const { token } = await createSession(db, user.id);
  return `musyawarah_session=${token}`;
}

let scratch: Awaited<ReturnType<typeof createScratchDatabaseUrl>>;
beforeAll(async () => {
  scratch = await createScratchDatabaseUrl();
  platform = await startPlatformServer({
    port: 0,
    pgliteDataDir: 'memory://',
    databaseUrl: scratch.url,
    seedDemo: true,
    serveApps: false,
    logLevel: 'silent',
    nodeEnv: 'test',
  });
  for (const role of Object.keys(cookies) as (keyof typeof cookies)[])
    cookies[role] = await sessionCookieFor(platform.db, role);
});
afterAll(async () => {
  await platform.close();
  await scratch.drop();
});

async function trpc(
  path: string,
  input: unknown,
  options: { type: 'query' | 'mutation'; cookie?: string; headers?: Record<string, string> },
) {
  const headers: Record<string, string> = {
    ...(options.cookie ? { cookie: options.cookie } : {}),
    ...options.headers,
  };
  const response =
    options.type === 'query'
      ? await fetch(`${platform.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers,
        })
      : await fetch(`${platform.url}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(input),
        });
  return {
    status: response.status,
    body: (await response.json()) as {
      error?: { message: string; data: Record<string, unknown> };
      result?: { data: unknown };
    },
    headers: response.headers,
  };
}

describe('HTTP host', () => {
  it('answers the health check with the database kind', async () => {
    const response = await fetch(`${platform.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('signs in a demo account and sets an HttpOnly, SameSite=Lax cookie (no Secure on localhost)', async () => {
    const { status, headers, body } = await trpc(
      'auth.signIn',
      { email: 'secretariat@example.org', password: 'asean-demo-2030' },
      { type: 'mutation' },
    );
    expect(status).toBe(200);
    expect(body.result?.data).toMatchObject({ user: { role: 'secretariat' } });
    const cookie = headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^musyawarah_session=[a-z2-7]{32}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
  });

  it('refuses a cross-site mutation by its Origin and Sec-Fetch-Site headers', async () => {
    const { status, body } = await trpc(
      'auth.signIn',
      { email: 'secretariat@example.org', password: 'asean-demo-2030' },
      {
        type: 'mutation',
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      },
    );
    expect(status).toBe(403);
    expect(body.error?.message).toBe('errors.crossSite');
  });

  it('accepts a same-origin browser mutation', async () => {
    const { status } = await trpc(
      'auth.requestPasswordReset',
      { email: 'someone@example.org' },
      {
        type: 'mutation',
        headers: { origin: platform.url, 'sec-fetch-site': 'same-origin' },
      },
    );
    expect(status).toBe(200);
  });

  it('refuses a body over 1 MB with 413 before parsing it', async () => {
    const { status, body } = await trpc(
      'auth.register',
      { name: 'x'.repeat(1_100_000) },
      { type: 'mutation' },
    );
    expect(status).toBe(413);
    expect(body.error?.data.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('never answers a 500 with internals: unknown procedures are 404, malformed JSON is 400', async () => {
    expect((await fetch(`${platform.url}/trpc/nope.nothing`)).status).toBe(404);
    const malformed = await fetch(`${platform.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('batch size (issue #11 item 13)', () => {
  const mailsTo = async (address: string) =>
    (await platform.db.selectFrom('mail_outbox').select('id').where('to_address', '=', address).execute())
      .length;

  it('refuses a 1,000-procedure batch (an 8 KB URL) with a small 4xx JSON error', async () => {
    const response = await fetch(`${platform.url}/trpc/${Array(1000).fill('auth.me').join(',')}?batch=1`);
    expect(response.status).toBe(413);
    const text = await response.text();
    expect(text.length).toBeLessThan(2_000);
    expect(JSON.parse(text)).toMatchObject({ error: { message: 'errors.batchTooLarge' } });
  });

  it('runs none of the procedures of a refused batch (500 password-reset mails: none queued)', async () => {
    const address = 'member-state.id@example.org';
    const before = await mailsTo(address);
    const n = 500; // the longest batch of this procedure whose URL Node still accepts (16 KB of headers)
    const paths = Array(n).fill('auth.requestPasswordReset').join(',');
    const inputs = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { email: address }]));
    const response = await fetch(`${platform.url}/trpc/${paths}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: platform.url, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify(inputs),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { message: 'errors.batchTooLarge' } });
    expect(await mailsTo(address)).toBe(before);
  });

  it('refuses a GET batch over the limit, also when the commas are percent-encoded', async () => {
    for (const separator of [',', '%2C']) {
      const paths = Array(100).fill('catalogue.ids').join(separator);
      const input = encodeURIComponent(
        JSON.stringify(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [i, {}]))),
      );
      const response = await fetch(`${platform.url}/trpc/${paths}?batch=1&input=${input}`);
      expect(response.status, separator).toBe(413);
      expect(await response.json(), separator).toMatchObject({ error: { message: 'errors.batchTooLarge' } });
    }
  });

  it('still answers a batch as large as the apps send', async () => {
    const n = 20;
    const paths = Array(n).fill('catalogue.ids').join(',');
    const input = encodeURIComponent(
      JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]))),
    );
    const response = await fetch(`${platform.url}/trpc/${paths}?batch=1&input=${input}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as unknown[];
    expect(body).toHaveLength(n);
  });
});

describe('bad input to every procedure gets field-level errors, never a 500', () => {
  const procedures = (
    appRouter as unknown as {
      _def: { procedures: Record<string, { _def: { type: 'query' | 'mutation'; inputs: unknown[] } }> };
    }
  )._def.procedures;
  const badInputs: [string, unknown][] = [
    ['a number instead of an object', 12345],
    [
      'fields of the wrong type',
      {
        email: 42,
        password: [],
        token: { deep: true },
        name: null,
        role: 7,
        invitationId: 'x',
        sessionId: 1,
        limit: 'many',
        query: 42,
        year: 'soon',
        kind: 5,
        pillar: 'x',
        answers: 'x',
        format: 1,
        id: 5,
        fromId: 1,
        expectedVersion: 'v',
      },
    ],
    [
      'a huge string',
      {
        email: '',
        name: '',
        token: '',
        password: '',
        search: '',
        entityType: '',
        toAddress: '',
        sessionId: '',
        invitationId: '',
        confirmEmail: '',
        organisationName: '',
        query: '',
        year: '',
        id: '',
        filter: '',
        limit: '',
        format: '',
      },
    ],
  ];
  // Queries carry their input in the URL, so their "huge" string is as long as a URL may be, not 100 kB.
  const huge = (type: 'query' | 'mutation') => (type === 'query' ? 300 : 20_000);
  for (const [path, procedure] of Object.entries(procedures)) {
    if (procedure._def.inputs.length === 0) continue;
    const access = ACCESS_POLICY[path];
    const actor =
      access === 'public'
        ? null
        : access === 'authed'
          ? 'stakeholder'
          : access === 'member_state'
            ? 'member_state'
            : 'secretariat';
    for (const [label, input] of badInputs) {
      it(`${path}: ${label}`, async () => {
        const sized =
          label === 'a huge string'
            ? Object.fromEntries(
                Object.keys(input as object).map((k) => [k, 'x'.repeat(huge(procedure._def.type))]),
              )
            : input;
        const { status, body } = await trpc(path, sized, {
          type: procedure._def.type,
          ...(actor ? { cookie: cookies[actor] } : {}),
        });
        expect(status).toBe(400);
        expect(body.error?.message).toBe('validation.failed');
        const fieldErrors = body.error?.data.fieldErrors as Record<string, string[]>;
        expect(Object.keys(fieldErrors).length).toBeGreaterThan(0);
        for (const messages of Object.values(fieldErrors))
          for (const m of messages) expect(m).toMatch(/^validation\./);
      });
    }
  }
});
