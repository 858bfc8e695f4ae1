import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECENT_WRITE_COOKIE, RECENT_WRITE_SECONDS } from '@musyawarah/api';
import { createSession } from '@musyawarah/auth';
import { insertUser } from '@musyawarah/db';
import { createScratchDatabaseUrl, insertOpenRound } from '@musyawarah/db/testing';
import { CACHE_FIXED, CACHE_REVALIDATE, matchesIfNoneMatch, ROUND_PAGE_MS } from './public-reads';
import { startPlatformServer, type PlatformServer } from './server';

// HTTP caching of the hot public reads (issue #16): same bytes as tRPC's own handler, ETag and 304, Cache-Control by
// how the answer can change, and everything else left to tRPC.
let platform: PlatformServer;
let scratch: Awaited<ReturnType<typeof createScratchDatabaseUrl>>;
let roundId: string;

beforeAll(async () => {
  scratch = await createScratchDatabaseUrl();
  platform = await startPlatformServer({
    port: 0,
    pgliteDataDir: 'memory://',
    databaseUrl: scratch.url,
    serveApps: false,
    logLevel: 'silent',
    nodeEnv: 'test',
  });
  roundId = await insertOpenRound(platform.db, { title: 'Cached round' });
});
afterAll(async () => {
  await platform.close();
  await scratch.drop();
});

const get = (procedure: string, input?: unknown, headers: Record<string, string> = {}) =>
  fetch(
    `${platform.url}/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
    { headers },
  );

/** The same read through tRPC's own handler (a batch of one never takes the fast path). */
async function viaTrpc(procedure: string, input?: unknown): Promise<unknown> {
  const res = await fetch(
    `${platform.url}/trpc/${procedure}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input }))}`,
  );
  expect(res.headers.get('etag')).toBeNull();
  expect(res.headers.get('cache-control')).toBe('no-store');
  return ((await res.json()) as unknown[])[0];
}

describe('cached public reads', () => {
  it.each([
    ['catalogue.list', undefined],
    ['catalogue.list', { query: 'data' }],
    ['catalogue.overview', undefined],
    ['catalogue.actionArea', { id: 'C3.3' }],
    ['catalogue.ids', undefined],
  ])(
    '%s %j: the bytes tRPC gives, an ETag, revalidated on every use, 304 when unchanged',
    async (procedure, input) => {
      const res = await get(procedure, input);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(res.headers.get('cache-control')).toBe(CACHE_REVALIDATE);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]{27}(-br|-gzip)?"$/);
      expect(await res.json()).toEqual(await viaTrpc(procedure, input));

      const again = await get(procedure, input, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      // A stale tag gets the full answer.
      expect((await get(procedure, input, { 'if-none-match': '"stale"' })).status).toBe(200);
    },
  );

  it('lets browsers and a CDN keep a catalogue named by edition number; an overview (it names the current edition) is revalidated', async () => {
    expect((await get('catalogue.list', { edition: 1 })).headers.get('cache-control')).toBe(CACHE_FIXED);
    expect((await get('catalogue.actionArea', { id: 'C3.3', edition: 1 })).headers.get('cache-control')).toBe(
      CACHE_FIXED,
    );
    expect((await get('catalogue.overview', { edition: 1 })).headers.get('cache-control')).toBe(
      CACHE_REVALIDATE,
    );
  });

  it('changes the round page’s ETag when the round changes: at once for whoever wrote, within a second for others', async () => {
    const first = await get('rounds.get', { roundId });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe(CACHE_REVALIDATE);
    const etag = first.headers.get('etag')!;
    expect(await first.json()).toEqual(await viaTrpc('rounds.get', { roundId }));
    expect((await get('rounds.get', { roundId }, { 'if-none-match': etag })).status).toBe(304);

    await sql`update consultation_round set title = ${JSON.stringify({ en: 'Renamed round' })} where id = ${roundId}`.execute(
      platform.db,
    );
    const titleOf = async (res: Response) =>
      ((await res.json()) as { result: { data: { title: { en: string } } } }).result.data.title.en;
    // The writer carries the read-your-writes cookie the host set on their write: no cached page for them.
    const writer = await get('rounds.get', { roundId }, { 'if-none-match': etag, cookie: 'musyawarah_rw=1' });
    expect(writer.status).toBe(200);
    expect(writer.headers.get('etag')).not.toBe(etag);
    expect(await titleOf(writer)).toBe('Renamed round');

    await new Promise((r) => setTimeout(r, ROUND_PAGE_MS + 50));
    const changed = await get('rounds.get', { roundId }, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe(writer.headers.get('etag'));
    expect(await titleOf(changed)).toBe('Renamed round');
  });

  it('sets the read-your-writes cookie on a signed-in person’s write, not on an anonymous one', async () => {
    const anonymous = await fetch(`${platform.url}/trpc/roundDocuments.recordVisit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roundId }),
    });
    expect(anonymous.headers.getSetCookie().some((c) => c.startsWith(`${RECENT_WRITE_COOKIE}=`))).toBe(false);
    const user = await insertUser(platform.db, {
      email: 'writer@example.org',
      name: 'Writer',
      role: 'stakeholder',
      stakeholderGroup: 'civil_society',
      passwordHash: null,
      status: 'active',
      emailVerifiedAt: new Date(),
    });
    const { token } = await createSession(platform.db, user.id);
    const signedIn = await fetch(`${platform.url}/trpc/roundDocuments.recordVisit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `musyawarah_session=${token}` },
      body: JSON.stringify({ roundId }),
    });
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith(`${RECENT_WRITE_COOKIE}=`));
    expect(cookie).toBe(
      `${RECENT_WRITE_COOKIE}=1; Max-Age=${RECENT_WRITE_SECONDS}; Path=/; HttpOnly; SameSite=Lax`,
    );
  });

  it('leaves refusals, bad input and unknown parameters to tRPC: its error format, never cached', async () => {
    const cases: [string, unknown, number, string][] = [
      ['rounds.get', { roundId: 'not-a-uuid' }, 400, 'validation.failed'],
      ['rounds.get', { roundId: '00000000-0000-4000-8000-000000000000' }, 404, 'round.notFound'],
      ['catalogue.actionArea', { id: 'Z9.9' }, 404, 'errors.actionNotFound'],
      ['catalogue.overview', { edition: 999 }, 404, 'edition.notFound'],
      ['catalogue.overview', { stray: true }, 400, 'validation.failed'],
    ];
    for (const [procedure, input, status, message] of cases) {
      const res = await get(procedure, input);
      expect(res.status, `${procedure} ${JSON.stringify(input)}`).toBe(status);
      expect(res.headers.get('etag')).toBeNull();
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(message);
    }
    const malformed = await fetch(`${platform.url}/trpc/catalogue.list?input=%7Bnot-json`);
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('etag')).toBeNull();
  });

  it('compares If-None-Match as RFC 9110 says (lists, weak tags, *)', () => {
    expect(matchesIfNoneMatch('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('"a"', '"b"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"b"')).toBe(false);
  });
});
