// How the host sends the built apps (issue #14, "fast on a phone"): pre-compressed assets chosen by Accept-Encoding,
// immutable caching for hashed bundles, pages revalidated with an ETag, and every security header kept on each answer.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabaseUrl } from '@musyawarah/db/testing';
import { securityHeaderValues, startPlatformServer, type PlatformServer } from './server';

let platform: PlatformServer;
let scratch: Awaited<ReturnType<typeof createScratchDatabaseUrl>>;
const dir = mkdtempSync(path.join(os.tmpdir(), 'musyawarah-static-'));
const BUNDLE = `console.log(${JSON.stringify('a hashed bundle '.repeat(400))});\n`;
const PLAIN = 'export const tiny = 1;\n';
const INDEX =
  '<!doctype html><html lang="en"><head><title>Musyawarah</title>' +
  '<script type="module" crossorigin src="/assets/app-AbC123.js"></script></head>' +
  '<body><div id="root"></div><noscript><p lang="en">Musyawarah needs JavaScript.</p></noscript></body></html>';

beforeAll(async () => {
  for (const app of ['stakeholder', 'secretariat']) {
    mkdirSync(path.join(dir, app, 'assets'), { recursive: true });
    writeFileSync(path.join(dir, app, 'index.html'), INDEX);
    writeFileSync(path.join(dir, app, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(dir, app, 'assets', 'app-AbC123.js'), BUNDLE);
    writeFileSync(path.join(dir, app, 'assets', 'app-AbC123.js.br'), brotliCompressSync(BUNDLE));
    writeFileSync(path.join(dir, app, 'assets', 'app-AbC123.js.gz'), gzipSync(BUNDLE));
    writeFileSync(path.join(dir, app, 'assets', 'tiny-XyZ789.js'), PLAIN);
  }
  scratch = await createScratchDatabaseUrl();
  platform = await startPlatformServer({
    port: 0,
    pgliteDataDir: 'memory://',
    databaseUrl: scratch.url,
    seedDemo: false,
    serveApps: true,
    appDists: { stakeholder: path.join(dir, 'stakeholder'), secretariat: path.join(dir, 'secretariat') },
    logLevel: 'silent',
    nodeEnv: 'test',
  });
}, 60_000);
afterAll(async () => {
  await platform?.close();
  await scratch?.drop();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw request: fetch would add its own Accept-Encoding and decompress the body. */
function get(target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(target, platform.url), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const CHROME = 'gzip, deflate, br, zstd';
const IMMUTABLE = 'public, max-age=31536000, immutable';

function expectSecurityHeaders(answer: Answer) {
  for (const [name, value] of Object.entries(securityHeaderValues(undefined)))
    expect(answer.headers[name.toLowerCase()], name).toBe(value);
}

describe('hashed assets', () => {
  it('sends the brotli file to a browser that accepts br, with its own length, Vary and immutable caching', async () => {
    const answer = await get('/assets/app-AbC123.js', { 'accept-encoding': CHROME });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(BUNDLE.length / 5);
    expect(brotliDecompressSync(answer.body).toString()).toBe(BUNDLE);
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.headers['cache-control']).toBe(IMMUTABLE);
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expectSecurityHeaders(answer);
  });

  it('sends gzip when brotli is not accepted, or refused with q=0', async () => {
    for (const accept of ['gzip', 'gzip, deflate', 'br;q=0, gzip']) {
      const answer = await get('/assets/app-AbC123.js', { 'accept-encoding': accept });
      expect(answer.headers['content-encoding'], accept).toBe('gzip');
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
      expect(gunzipSync(answer.body).toString()).toBe(BUNDLE);
    }
  });

  it('sends the file as built without Accept-Encoding, with identity, or with every coding refused', async () => {
    const cases: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
    ];
    for (const headers of cases) {
      const answer = await get('/assets/app-AbC123.js', headers);
      expect(answer.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
      expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(BUNDLE));
      expect(answer.body.toString()).toBe(BUNDLE);
      expect(answer.headers.vary).toBe('Accept-Encoding');
    }
  });

  it('sends a file the build did not compress (too small) as it is, to any client', async () => {
    const answer = await get('/assets/tiny-XyZ789.js', { 'accept-encoding': CHROME });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe(PLAIN);
    expect(answer.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('answers a repeated request with 304, no body, and the ETag, Vary and caching headers', async () => {
    const first = await get('/assets/app-AbC123.js', { 'accept-encoding': CHROME });
    const again = await get('/assets/app-AbC123.js', {
      'accept-encoding': CHROME,
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers.vary).toBe('Accept-Encoding');
    expect(again.headers['cache-control']).toBe(IMMUTABLE);
    expectSecurityHeaders(again);
    // Each encoding is its own representation: the gzip file's tag does not validate the brotli one.
    const gzip = await get('/assets/app-AbC123.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers.etag).not.toBe(first.headers.etag);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get_ = await get('/assets/app-AbC123.js', { 'accept-encoding': CHROME });
    const head = await get('/assets/app-AbC123.js', { 'accept-encoding': CHROME }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of [
      'content-length',
      'content-encoding',
      'etag',
      'cache-control',
      'vary',
      'content-type',
    ])
      expect(head.headers[name], name).toBe(get_.headers[name]);
  });

  it('answers a Range request from the file itself (identity), so the bytes are the ones asked for', async () => {
    const answer = await get('/assets/app-AbC123.js', { 'accept-encoding': CHROME, range: 'bytes=0-11' });
    expect(answer.status).toBe(206);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['content-range']).toBe(`bytes 0-11/${Buffer.byteLength(BUNDLE)}`);
    expect(answer.body.toString()).toBe(BUNDLE.slice(0, 12));
  });

  it('answers 404 for a bundle that does not exist, never the app page (a browser would run it as a script)', async () => {
    for (const target of ['/assets/gone-000000.js', '/secretariat/assets/gone-000000.js', '/robots.txt']) {
      const answer = await get(target, { 'accept-encoding': CHROME });
      expect(answer.status, target).toBe(404);
      expect(answer.body.toString(), target).not.toContain('<html');
      expectSecurityHeaders(answer);
    }
  });

  it('serves the secretariat app its own assets under /secretariat/', async () => {
    const answer = await get('/secretariat/assets/app-AbC123.js', { 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['cache-control']).toBe(IMMUTABLE);
  });
});

describe('pages', () => {
  it('sends every page compressed, revalidated on each visit (no-cache) with a strong ETag', async () => {
    for (const [accept, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const answer = await get('/', { 'accept-encoding': accept });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe(accept);
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(answer.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(decode(answer.body).toString()).toContain('<noscript>');
      expectSecurityHeaders(answer);
    }
    const plain = await get('/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
  });

  it('answers 304 when the page has not changed, and HEAD with no body', async () => {
    const first = await get('/consultations', { 'accept-encoding': CHROME });
    const again = await get('/consultations', {
      'accept-encoding': CHROME,
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(again);
    const head = await get('/consultations', { 'accept-encoding': CHROME }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(first.headers['content-length']);
  });

  it('sends the app page for deep links, including ids with a dot when a browser asks for a page', async () => {
    expect((await get('/boards/mine')).body.toString()).toContain('<div id="root">');
    expect((await get('/actions/C2.1', { accept: 'text/html' })).body.toString()).toContain(
      '<div id="root">',
    );
    expect((await get('/secretariat/rounds/new')).body.toString()).toContain('<div id="root">');
  });

  it('ignores Range on a page (it is generated per request) and sends it whole', async () => {
    const answer = await get('/', { range: 'bytes=0-9' });
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toContain('</html>');
  });
});

describe('API answers', () => {
  // Two ways an answer leaves: the public-reads fast path (cached bytes, compressed once) and tRPC's handler (compressed
  // on the way out). A phone on a slow link must get both compressed.
  const answers = [
    { way: 'the fast path', url: '/trpc/catalogue.ids', cacheControl: 'public, no-cache' },
    {
      way: "tRPC's handler",
      url: `/trpc/catalogue.ids?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: {} }))}`,
      cacheControl: 'no-store',
    },
  ];
  for (const { way, url, cacheControl } of answers) {
    it(`compresses JSON from ${way} for a client that accepts it, and leaves it as it is otherwise`, async () => {
      const plain = await get(url);
      const gzip = await get(url, { 'accept-encoding': 'gzip' });
      const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.length).toBeGreaterThan(1024);
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(br.headers['content-encoding']).toBe('br');
      for (const compressed of [gzip, br]) {
        expect(compressed.headers.vary).toMatch(/Accept-Encoding/);
        expect(compressed.body.length).toBeLessThan(plain.body.length / 2);
        expect(compressed.headers['cache-control']).toBe(cacheControl);
        expectSecurityHeaders(compressed);
      }
      expect(JSON.parse(gunzipSync(gzip.body).toString())).toEqual(JSON.parse(plain.body.toString()));
      expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(JSON.parse(plain.body.toString()));
    });
  }

  it('revalidates a compressed fast-path answer by its own ETag, which differs from the plain one', async () => {
    const plain = await get('/trpc/catalogue.ids');
    const gzip = await get('/trpc/catalogue.ids', { 'accept-encoding': 'gzip' });
    expect(gzip.headers.etag).not.toBe(plain.headers.etag);
    const again = await get('/trpc/catalogue.ids', {
      'accept-encoding': 'gzip',
      'if-none-match': String(gzip.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });
});
