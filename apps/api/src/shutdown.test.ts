import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(path.join(tmpdir(), 'musyawarah-shutdown-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function startHost() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'main.ts')], {
    // info: the test waits for the "shutting down" line, not for time
    env: {
      ...process.env,
      PORT: '0',
      PGLITE_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      TEST_DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      const match = output.match(waiter.pattern);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  };
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  /** Resolves when the host has printed something matching `pattern`; rejects if it exits first. */
  const printed = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      waiters.push({ pattern, resolve });
      check();
      void exited.then((code) =>
        reject(new Error(`host exited (${code}) before printing ${pattern}:\n${output}`)),
      );
    });
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    check();
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = printed(/Health check:\s+(http:\/\/\S+)\/healthz/).then((match) => match[1]!);
  return { child, url, exited, printed, output: () => output };
}

/** A GET on `agent`; resolves with the status once the body has been read. */
function get(agent: http.Agent, url: string) {
  return new Promise<number>((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

describe('the host process', () => {
  it('refuses to start with a bad environment, naming the variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'main.ts')], {
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: '', TEST_DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT/);
  });

  it('on SIGTERM finishes in-flight requests, closes the embedded database, exits 0, and its data reopens', async () => {
    const first = startHost();
    const url = await first.url;
    // A browser-like client: one kept-alive connection, reused for the second request.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect(await get(agent, `${url}/healthz`)).toBe(200);

    // A request that is in flight when the signal arrives is still answered. "In flight" is made certain, not timed:
    // with `Expect: 100-continue` the host confirms it has read the request's headers before the client sends the
    // body, and the body is sent only once the host has logged that it is shutting down.
    const body = JSON.stringify({ email: 'secretariat@example.org', password: 'asean-demo-2030' });
    let headersRead!: () => void;
    const hostHasHeaders = new Promise<void>((resolve) => (headersRead = resolve));
    let sendBody!: () => void;
    const bodyMaySend = new Promise<void>((resolve) => (sendBody = resolve));
    const inFlight = new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
      (resolve, reject) => {
        const req = http.request(
          `${url}/trpc/auth.signIn`,
          {
            agent,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              expect: '100-continue',
            },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.on('continue', () => {
          headersRead();
          void bodyMaySend.then(() => req.end(body));
        });
        req.flushHeaders();
      },
    );
    await hostHasHeaders;
    first.child.kill('SIGTERM');
    await first.printed(/shutting down: finishing in-flight requests/);
    // It no longer accepts connections…
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    sendBody();
    // …but answers the request it had, and tells the client not to reuse the connection.
    const answered = await inFlight;
    expect(answered.status, answered.body).toBe(200);
    expect(answered.headers.connection).toBe('close');
    // It exits 0 by itself: the kept-alive connection does not hold it open.
    expect(await first.exited, first.output()).toBe(0);
    expect(first.output()).not.toMatch(/shutdown failed/);
    agent.destroy();

    const second = startHost();
    const again = await second.url;
    expect(await (await fetch(`${again}/healthz`)).json()).toMatchObject({
      status: 'ok',
      database: 'pglite',
    });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 240_000); // two host starts (migrations, demo seeding with argon2) take ~100 s on a busy 2-core machine
});
