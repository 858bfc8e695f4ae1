// The host's own answers, before and around tRPC: methods it does not serve, and the headers on every kind of response.
import http from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaderValues, startPlatformServer, type PlatformServer } from './server';

let platform: PlatformServer;
const logLines: { level: number; msg?: string; err?: unknown }[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logLines.push(JSON.parse(line) as (typeof logLines)[number]);
      done();
    },
  });
  platform = await startPlatformServer({
    port: 0,
    pgliteDataDir: 'memory://',
    databaseUrl: undefined,
    seedDemo: false,
    serveApps: true,
    nodeEnv: 'test',
    logger: pino({ level: 'info' }, sink),
  });
}, 60_000);
afterAll(async () => {
  await platform?.close();
});

/** Any method, as a raw HTTP request (fetch refuses TRACE and CONNECT on the client side). */
function raw(
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  const url = new URL(path, platform.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const errorsLogged = () => logLines.filter((l) => l.level >= 50);

describe('methods the host does not serve (issue #11 item 18)', () => {
  it('answers TRACE and other unsupported methods on /trpc with 405 and an Allow header, logging no error', async () => {
    const before = errorsLogged().length;
    for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      for (const path of [
        '/trpc/catalogue.ids',
        '/trpc/auth.signIn',
        '/trpc/catalogue.ids,catalogue.ids?batch=1',
      ]) {
        const response = await raw(method, path);
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.allow, `${method} ${path}`).toBe('GET, HEAD, POST');
        expect(JSON.parse(response.text), `${method} ${path}`).toMatchObject({
          error: { message: 'errors.methodNotAllowed' },
        });
      }
    }
    expect(errorsLogged().slice(before)).toEqual([]);
  });

  it('answers 405 on the health check, the apps and the download path for methods they do not serve', async () => {
    const before = errorsLogged().length;
    const cases: [string, string, string][] = [
      ['POST', '/healthz', 'GET, HEAD'],
      ['TRACE', '/healthz', 'GET, HEAD'],
      ['POST', '/', 'GET, HEAD'],
      ['DELETE', '/secretariat/', 'GET, HEAD'],
      ['TRACE', '/consultations', 'GET, HEAD'],
      ['PUT', '/files/round-documents/00000000-0000-0000-0000-000000000000/x.pdf', 'GET'],
      ['TRACE', '/files/round-documents/00000000-0000-0000-0000-000000000000/x.pdf', 'GET'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await raw(method, path);
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.allow, `${method} ${path}`).toBe(allow);
    }
    // What they do serve still works.
    expect((await raw('GET', '/healthz')).status).toBe(200);
    expect((await raw('HEAD', '/healthz')).status).toBe(200);
    expect((await raw('GET', '/trpc/catalogue.ids')).status).toBe(200);
    expect(errorsLogged().slice(before)).toEqual([]);
  });
});

describe('browser security headers (issue #11 item 18)', () => {
  it('sends Permissions-Policy and Cross-Origin-Opener-Policy on every kind of response, and no HSTS on plain http', async () => {
    const probes: [string, string, string?][] = [
      ['GET', '/'],
      ['GET', '/healthz'],
      ['GET', '/trpc/catalogue.ids'],
      ['GET', '/trpc/no.such.procedure'],
      ['POST', '/trpc/auth.signIn', '{not json'],
      ['TRACE', '/trpc/catalogue.ids'],
      ['GET', '/files/round-documents/00000000-0000-0000-0000-000000000000/x.pdf'],
      ['GET', `/trpc/${Array(100).fill('catalogue.ids').join(',')}?batch=1`],
    ];
    for (const [method, path, body] of probes) {
      const { headers, status } = await raw(method, path, body);
      const what = `${method} ${path.slice(0, 40)} (${status})`;
      expect(headers['permissions-policy'], what).toMatch(/camera=\(\)/);
      expect(headers['permissions-policy'], what).toMatch(
        /microphone=\(\).*geolocation=\(\)|geolocation=\(\).*microphone=\(\)/,
      );
      expect(headers['cross-origin-opener-policy'], what).toBe('same-origin');
      expect(headers['strict-transport-security'], what).toBeUndefined();
    }
  });

  it('adds HSTS only when the public address is https', () => {
    expect(securityHeaderValues('https://consult.example.org')['Strict-Transport-Security']).toBe(
      'max-age=63072000; includeSubDomains',
    );
    expect(securityHeaderValues('http://localhost:3000')['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaderValues(undefined)['Strict-Transport-Security']).toBeUndefined();
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      expect(securityHeaderValues(undefined)['Permissions-Policy']).toContain(`${feature}=()`);
    }
  });
});
