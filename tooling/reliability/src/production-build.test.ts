// The production build (issue #12): `pnpm build`, then tooling/scripts/package-server.mjs assembles a folder with the
// bundled host, a production-only install (pnpm deploy --prod) and both built apps — the very steps the Dockerfile
// runs. The folder lives outside the repository, so nothing can be resolved from the workspace's node_modules, and the
// host is started from it with plain `node` (no tsx, no TypeScript sources) on PostgreSQL and on the embedded database.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, REPO_ROOT, startPostgres, type Postgres } from './support';

let pg: Postgres;
let work: string;
let folder: string;
const timings: Record<string, number> = {};
const children = new Set<ChildProcess>();

function timed<T>(label: string, fn: () => T): T {
  const started = Date.now();
  try {
    return fn();
  } finally {
    timings[label] = Date.now() - started;
  }
}

function runOrThrow(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { cwd: REPO_ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0)
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stdout}${r.stderr}`,
    );
  return r.stdout;
}

beforeAll(async () => {
  pg = await startPostgres();
  work = mkdtempSync(path.join(os.tmpdir(), 'musyawarah-production-'));
  folder = path.join(work, 'server');
  // turbo looks for a `pnpm` binary on PATH; outside test-all.mjs (which puts its own shim there) there may be none.
  const bin = path.join(work, 'bin');
  runOrThrow('mkdir', ['-p', bin], process.env);
  writeFileSync(path.join(bin, 'pnpm'), '#!/bin/sh\nexec corepack pnpm "$@"\n');
  chmodSync(path.join(bin, 'pnpm'), 0o755);
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, TURBO_TELEMETRY_DISABLED: '1' };
  // The web apps are usually cached by turbo (test-all.mjs builds them before this suite); the host bundle takes ~2 s.
  timed('pnpm build', () => runOrThrow('corepack', ['pnpm', 'build'], env));
  timed('package-server', () =>
    runOrThrow(process.execPath, ['tooling/scripts/package-server.mjs', folder], env),
  );
}, 600_000);

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await pg?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
  console.log(`production build timings: ${JSON.stringify(timings)}`);
});

/** `node apps/api/dist/main.js` in the production folder, with only the environment an operator would give it. */
async function startProduction(extraEnv: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: folder,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the production host exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline)
      throw new Error(`the production host did not answer /healthz within 120 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { url, stop, output: () => out };
}

async function expectPage(url: string, marker: RegExp) {
  const res = await fetch(url, { headers: { Accept: 'text/html' } });
  expect(res.status, url).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await res.text();
  expect(html).toMatch(marker);
  // The page's script bundle is served too (not the single-page fallback).
  const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
  expect(script, `a script in ${url}`).toBeTruthy();
  const asset = await fetch(new URL(script!, url));
  expect(asset.status, script).toBe(200);
  expect(asset.headers.get('content-type')).toMatch(/javascript/);
}

it('the production folder holds the bundle, both apps and runtime npm packages only', () => {
  const modules = path.join(folder, 'apps/api/node_modules');
  for (const file of [
    'apps/api/dist/main.js',
    'apps/stakeholder/dist/index.html',
    'apps/secretariat/dist/index.html',
  ])
    expect(existsSync(path.join(folder, file)), file).toBe(true);
  const installed = readdirSync(modules);
  // Workspace packages are inside the bundle; build and test tools are not installed.
  expect(installed).not.toContain('@musyawarah');
  for (const devTool of ['tsx', 'esbuild', 'vitest', 'typescript-eslint', 'vite'])
    expect(installed).not.toContain(devTool);
  for (const runtime of ['pg', 'pino', 'nodemailer', 'sirv', 'zod', 'kysely'])
    expect(installed).toContain(runtime);
  expect(existsSync(path.join(modules, '@electric-sql/pglite'))).toBe(true);
  expect(existsSync(path.join(modules, '@node-rs/argon2'))).toBe(true);
  expect(readFileSync(path.join(folder, 'apps/api/dist/main.js'), 'utf8')).not.toMatch(
    /from ["']@musyawarah\//,
  );
});

it('NODE_ENV=production node apps/api/dist/main.js starts on PostgreSQL: /healthz, both apps and the API answer', async () => {
  const started = Date.now();
  const host = await startProduction({ DATABASE_URL: pg.url });
  timings['start on PostgreSQL'] = Date.now() - started;
  try {
    const health = await fetch(`${host.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'postgres' });
    await expectPage(`${host.url}/`, /<html/i);
    await expectPage(`${host.url}/secretariat/`, /<html/i);
    // A deep link into each app gets its index.html.
    await expectPage(`${host.url}/actions/C2.1`, /<html/i);
    await expectPage(`${host.url}/secretariat/users`, /<html/i);
    // The bundled tRPC router answers (the process started, so @node-rs/argon2 found its native binary: it loads on import).
    const me = await fetch(`${host.url}/trpc/auth.me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ result: { data: null } });
  } finally {
    expect(await host.stop(), host.output()).toBe(0);
  }
});

it('starts on the embedded database too (PGlite loads its wasm and data files from the installed package)', async () => {
  const started = Date.now();
  const host = await startProduction({ PGLITE_DATA_DIR: 'memory://' });
  timings['start on PGlite'] = Date.now() - started;
  try {
    const health = await fetch(`${host.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
  } finally {
    expect(await host.stop(), host.output()).toBe(0);
  }
});
