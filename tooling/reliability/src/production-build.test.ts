// The production build (issue #12): `pnpm build`, then tooling/scripts/package-server.mjs assembles a folder with the
// bundled host, a production-only install (pnpm deploy --prod) and both built apps — the very steps the Dockerfile
// runs. The folder lives outside the repository, so nothing can be resolved from the workspace's node_modules, and the
// host is started from it with plain `node` (no tsx, no TypeScript sources) on PostgreSQL and on the embedded database;
// the worker starts from the same folder.
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
  // vitest runs with NODE_ENV=test, and Vite builds what NODE_ENV says: React's development build, three times the
  // bytes, written over the apps' dist that the browser tests serve next. An operator builds for production.
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    TURBO_TELEMETRY_DISABLED: '1',
  };
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

/** A plain `node` process in the production folder, with only the environment an operator would give it. */
function startInFolder(script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [script], {
    cwd: folder,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { child, stop, output: () => out };
}

/** `node apps/api/dist/main.js`, once `/healthz` answers. */
async function startProduction(extraEnv: Record<string, string>) {
  const port = await freePort();
  const started = startInFolder('apps/api/dist/main.js', {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (started.child.exitCode !== null)
      throw new Error(`the production host exited with ${started.child.exitCode}:\n${started.output()}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline)
      throw new Error(`the production host did not answer /healthz within 120 s:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: started.stop, output: started.output };
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
    'apps/api/dist/worker.js',
    'apps/stakeholder/dist/index.html',
    'apps/secretariat/dist/index.html',
  ])
    expect(existsSync(path.join(folder, file)), file).toBe(true);
  const installed = readdirSync(modules);
  // Workspace packages are inside the bundle; build and test tools are not installed.
  expect(installed).not.toContain('@musyawarah');
  for (const devTool of ['tsx', 'typescript', 'esbuild', 'vitest', 'typescript-eslint', 'vite'])
    expect(installed).not.toContain(devTool);
  for (const runtime of ['pg', 'pino', 'nodemailer', 'sirv', 'zod', 'kysely'])
    expect(installed).toContain(runtime);
  expect(existsSync(path.join(modules, '@electric-sql/pglite'))).toBe(true);
  expect(existsSync(path.join(modules, '@node-rs/argon2'))).toBe(true);
  expect(readFileSync(path.join(folder, 'apps/api/dist/main.js'), 'utf8')).not.toMatch(
    /from ["']@musyawarah\//,
  );
  // Outside the installed npm packages, no TypeScript source came along: the translation trees are copied as JSON only.
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(file);
      } else if (/\.(ts|tsx|mts)$/.test(entry.name)) sources.push(path.relative(folder, file));
    }
  };
  walk(folder);
  expect(sources).toEqual([]);
});

/** What a visitor and the apps rely on: both apps with their scripts, deep links, the API reading the database. */
async function expectServes(url: string, database: 'postgres' | 'pglite') {
  const health = await fetch(`${url}/healthz`);
  expect(health.status).toBe(200);
  // `queued` (PGlite only) counts statements waiting for the embedded database while it is busy: timing, not the build.
  expect(await health.json()).toMatchObject({ status: 'ok', database });
  await expectPage(`${url}/`, /<html/i);
  await expectPage(`${url}/secretariat/`, /<html/i);
  // A deep link into each app gets its index.html.
  await expectPage(`${url}/actions/C2.1`, /<html/i);
  await expectPage(`${url}/secretariat/users`, /<html/i);
  // The bundled tRPC router answers (the process started, so @node-rs/argon2 found its native binary: it loads on import).
  const me = await fetch(`${url}/trpc/auth.me`);
  expect(me.status).toBe(200);
  expect(await me.json()).toMatchObject({ result: { data: null } });
  // A query that reads the migrated database: the catalogue's current edition (the bundled catalogue JSON seeds it).
  const ids = await fetch(`${url}/trpc/catalogue.ids`);
  expect(ids.status).toBe(200);
  const areas = ((await ids.json()) as { result: { data: { id: string }[] } }).result.data;
  expect(areas.map((a) => a.id)).toContain('C2.1');
  // Bad input is a field error with a translation key, as in development: the bundle installs zod's messages too.
  const refused = await fetch(`${url}/trpc/catalogue.actionArea?input=${encodeURIComponent('{"id":""}')}`);
  expect(refused.status).toBe(400);
  expect(JSON.stringify(await refused.json())).toContain('validation.required');
}

it('NODE_ENV=production node apps/api/dist/main.js starts on PostgreSQL: /healthz, both apps and the API answer', async () => {
  const started = Date.now();
  const host = await startProduction({ DATABASE_URL: pg.url });
  timings['start on PostgreSQL'] = Date.now() - started;
  try {
    await expectServes(host.url, 'postgres');
  } finally {
    expect(await host.stop(), host.output()).toBe(0);
  }
});

it('starts on the embedded database too (PGlite loads its wasm and data files from the installed package)', async () => {
  const started = Date.now();
  const host = await startProduction({ PGLITE_DATA_DIR: 'memory://' });
  timings['start on PGlite'] = Date.now() - started;
  try {
    await expectServes(host.url, 'pglite');
  } finally {
    expect(await host.stop(), host.output()).toBe(0);
  }
});

it('the worker (`pnpm worker` in a checkout: node apps/api/dist/worker.js) starts from the same folder and stops on SIGTERM', async () => {
  const worker = startInFolder('apps/api/dist/worker.js', { DATABASE_URL: pg.url, LOG_LEVEL: 'info' });
  const deadline = Date.now() + 60_000;
  while (!worker.output().includes('worker started')) {
    if (worker.child.exitCode !== null)
      throw new Error(`the worker exited with ${worker.child.exitCode}:\n${worker.output()}`);
    if (Date.now() > deadline) throw new Error(`the worker did not start within 60 s:\n${worker.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await worker.stop(), worker.output()).toBe(0);
  expect(worker.output()).toContain('worker stopping');
});
