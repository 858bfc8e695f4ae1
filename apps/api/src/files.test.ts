import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, hashPassword } from '@musyawarah/auth';
import { insertUser } from '@musyawarah/db';
import { createScratchDatabaseUrl } from '@musyawarah/db/testing';
import { startPlatformServer, type PlatformServer } from './server';

let platform: PlatformServer;
let scratch: Awaited<ReturnType<typeof createScratchDatabaseUrl>>;
let secretariatCookie = '';

beforeAll(async () => {
  scratch = await createScratchDatabaseUrl();
  platform = await startPlatformServer({
    port: 0,
    pgliteDataDir: 'memory://',
    databaseUrl: scratch.url,
    seedDemo: false,
    serveApps: false,
    logLevel: 'silent',
    nodeEnv: 'test',
  });
  const user = await insertUser(platform.db, {
    email: 'secretariat-files@example.org',
    name: 'Secretariat',
    role: 'secretariat',
    memberStateCode: null,
    passwordHash: await hashPassword('files test password'),
    status: 'active',
  });
  secretariatCookie = `musyawarah_session=${(await createSession(platform.db, user.id)).token}`;
});
afterAll(async () => {
  await platform.close();
  await scratch.drop();
});

const PDF_HEAD = '%PDF-1.7\n';

async function mutation(path: string, input: unknown) {
  const response = await fetch(`${platform.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: secretariatCookie },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as {
    result?: { data: Record<string, unknown> };
    error?: { message: string; data: Record<string, unknown> };
  };
  return { status: response.status, body };
}

async function createRound(publish: boolean): Promise<string> {
  const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const { body } = await mutation('rounds.create', {
    title: { en: 'Round with documents' },
    description: { en: 'Background reading' },
    format: 'online_consultation',
    audience: 'public',
    opensAt: hours(-1),
    closesAt: hours(24),
  });
  const id = body.result!.data.id as string;
  if (publish)
    expect((await mutation('rounds.transition', { roundId: id, action: 'publish' })).status).toBe(200);
  return id;
}

async function uploadOverHttp(roundId: string, file: { name: string; content: Uint8Array | string }) {
  const form = new FormData();
  form.set('roundId', roundId);
  form.set('title', 'Background brief');
  form.set('language', 'en');
  form.set('file', new File([file.content], file.name));
  const response = await fetch(`${platform.url}/trpc/roundDocuments.upload`, {
    method: 'POST',
    headers: { cookie: secretariatCookie },
    body: form,
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      result?: { data: { id: string; url: string } };
      error?: { message: string; data: Record<string, unknown> };
    },
  };
}

const downloadCount = async (id: string) =>
  (
    await platform.db
      .selectFrom('round_document')
      .select('download_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).download_count;

describe('uploading a document over HTTP', () => {
  it('accepts a multipart body above the 1 MB limit of other procedures, on the upload path only', async () => {
    const roundId = await createRound(false);
    const content = new Uint8Array(3_000_000);
    content.set(new TextEncoder().encode(PDF_HEAD));
    const { status, body } = await uploadOverHttp(roundId, { name: 'large brief.pdf', content });
    expect(status).toBe(200);
    expect(body.result?.data).toMatchObject({ kind: 'pdf', sizeBytes: 3_000_000 });

    const elsewhere = await fetch(`${platform.url}/trpc/rounds.update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: secretariatCookie },
      body: JSON.stringify({ padding: 'x'.repeat(3_000_000) }),
    });
    expect(elsewhere.status).toBe(413);
  });

  it('answers 413 above 11 MB, and 400 with field errors for JSON or a disguised file', async () => {
    const roundId = await createRound(false);
    expect(
      (await uploadOverHttp(roundId, { name: 'huge.pdf', content: new Uint8Array(11_500_000) })).status,
    ).toBe(413);

    const json = await mutation('roundDocuments.upload', { roundId, title: 'x', file: 'AAAA' });
    expect(json.status).toBe(400);
    expect(json.body.error?.message).toBe('validation.failed');
    // Only a multipart body gets the larger limit: 3 MB of JSON to the same path is refused unread.
    expect((await mutation('roundDocuments.upload', { padding: 'x'.repeat(3_000_000) })).status).toBe(413);

    const disguised = await uploadOverHttp(roundId, {
      name: 'invoice.pdf',
      content: '<html><script>alert(1)</script></html>',
    });
    expect(disguised.status).toBe(400);
    expect(disguised.body.error?.data.fieldErrors).toEqual({ file: ['round.documentContent'] });
  });
});

describe('GET /files/round-documents/:id/:filename', () => {
  it('serves a published round’s document as an attachment with strict headers and counts each download', async () => {
    const roundId = await createRound(true);
    const { body } = await uploadOverHttp(roundId, { name: 'ສະຫຼຸບ brief.pdf', content: `${PDF_HEAD}content` });
    const { id, url } = body.result!.data;
    expect(url).toBe(`/files/round-documents/${id}/${encodeURIComponent('ສະຫຼຸບ brief.pdf')}`);

    const response = await fetch(`${platform.url}${url}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`${PDF_HEAD}content`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="______ brief.pdf"; filename*=UTF-8''${encodeURIComponent('ສະຫຼຸບ brief.pdf')}`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await downloadCount(id)).toBe(1);

    // The filename segment does not matter; the id does.
    expect((await fetch(`${platform.url}/files/round-documents/${id}/anything.pdf`)).status).toBe(200);
    expect((await fetch(`${platform.url}/files/round-documents/${id}`)).status).toBe(200);
    expect(await downloadCount(id)).toBe(3);
    const today = new Date().toISOString().slice(0, 10);
    const stat = await platform.db
      .selectFrom('round_daily_stat')
      .selectAll()
      .where('round_id', '=', roundId)
      .execute();
    expect(stat.map((s) => [String(s.day).slice(0, 10), s.downloads])).toEqual([[today, 3]]);
  });

  it('counts simultaneous downloads without losing any', async () => {
    const roundId = await createRound(true);
    const { body } = await uploadOverHttp(roundId, { name: 'popular.pdf', content: `${PDF_HEAD}popular` });
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => fetch(`${platform.url}${body.result!.data.url}`)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(200));
    await Promise.all(responses.map((r) => r.arrayBuffer()));
    expect(await downloadCount(body.result!.data.id)).toBe(12);
    const stat = await platform.db
      .selectFrom('round_daily_stat')
      .select('downloads')
      .where('round_id', '=', roundId)
      .executeTakeFirstOrThrow();
    expect(stat.downloads).toBe(12);
  });

  it('is 404 for a draft round’s document, an unknown id and a malformed id; other methods are 405; nothing is counted', async () => {
    const roundId = await createRound(false);
    const { body } = await uploadOverHttp(roundId, { name: 'draft.pdf', content: `${PDF_HEAD}draft` });
    const id = body.result!.data.id;
    for (const path of [
      `/files/round-documents/${id}/draft.pdf`,
      '/files/round-documents/00000000-0000-4000-8000-000000000000/x.pdf',
      '/files/round-documents/not-a-uuid/x.pdf',
      "/files/round-documents/'%20or%201=1--/x",
      '/files/round-documents/%00',
    ]) {
      const response = await fetch(`${platform.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe('Not found');
    }
    expect(
      (await fetch(`${platform.url}/files/round-documents/${id}/draft.pdf`, { method: 'POST' })).status,
    ).toBe(405);
    expect(await downloadCount(id)).toBe(0);
  });
});
