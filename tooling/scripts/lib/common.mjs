// Shared by start.mjs and test-all.mjs. Plain Node, no dependencies: these run in a fresh clone before `pnpm install`.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const PNPM_FALLBACK = 'pnpm@10.34.9';

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (useColour ? `\x1b[${code}m${text}\x1b[0m` : text);
export const bold = (t) => paint('1', t);
export const red = (t) => paint('31', t);
export const green = (t) => paint('32', t);
export const dim = (t) => paint('2', t);

const startedAt = Date.now();

/** A progress line with the time since the script started, so slow steps show up in CI logs. */
export function step(message) {
  const s = Math.round((Date.now() - startedAt) / 1000);
  const clock = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  console.log(`\n${bold(`▶ ${message}`)} ${dim(`[${clock}]`)}`);
}

export function formatDuration(ms) {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** Every variable the children need on top of the caller's environment. */
export const baseEnv = {
  ...process.env,
  COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
  TURBO_TELEMETRY_DISABLED: '1',
  // Nothing here may wait for a keyboard: CI runs without stdin.
  CI: process.env.CI ?? 'true',
};

// turbo (and scripts that call `pnpm`) look pnpm up on PATH, and a fresh machine has none installed globally. A
// shim folder in the repo gives every child the same pnpm: corepack's (pinned by packageManager) or npx's.
const SHIM_DIR = join(ROOT, '.tmp', 'bin');

function works(cmd, args) {
  const r = spawnSync(cmd, args, {
    env: baseEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 180_000,
  });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

let pnpmReady = false;

/** Puts a `pnpm` on PATH for this process and its children; returns pnpm's version. */
export function ensurePnpm() {
  let version = works('corepack', ['pnpm', '--version']);
  let target = 'exec corepack pnpm "$@"';
  if (!version) {
    console.log(dim(`corepack did not provide pnpm; using npx -y ${PNPM_FALLBACK}`));
    version = works('npx', ['-y', PNPM_FALLBACK, '--version']);
    target = `exec npx -y ${PNPM_FALLBACK} "$@"`;
  }
  if (!version)
    throw new Error(
      `Could not run pnpm through corepack or npx -y ${PNPM_FALLBACK}. Is the npm registry reachable?`,
    );
  const shim = join(SHIM_DIR, 'pnpm');
  const content = `#!/bin/sh\n${target}\n`;
  let current;
  try {
    current = readFileSync(shim, 'utf8');
  } catch {}
  // Rewritten only when it changes: a checkout shared between users may hold another user's shim.
  if (current !== content) {
    mkdirSync(SHIM_DIR, { recursive: true });
    writeFileSync(shim, content);
    chmodSync(shim, 0o755);
  }
  if (!(baseEnv.PATH ?? '').split(':').includes(SHIM_DIR)) baseEnv.PATH = `${SHIM_DIR}:${baseEnv.PATH ?? ''}`;
  pnpmReady = true;
  return version;
}

const children = new Set();
let interruptedBy;
/** The signal that interrupted this run, if any; callers stop starting new steps once it is set. */
export const interrupted = () => interruptedBy;

// A terminal's Ctrl-C reaches the whole process group anyway; this matters when only this process is signalled
// (a supervisor, `kill <pid>`). A second signal means "now": the children are killed.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    const again = interruptedBy !== undefined;
    interruptedBy ??= signal;
    for (const child of children) killTree(child.pid, again ? 'SIGKILL' : signal);
    if (children.size === 0) process.exit(signalExitCode(signal));
  });
}

export function signalExitCode(signal) {
  return 128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal] ?? 1);
}

/** pid and all its descendants, children first (read from /proc: pnpm → sh → vitest → workers don't relay signals). */
function processTree(pid) {
  const byParent = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!byParent.has(ppid)) byParent.set(ppid, []);
      byParent.get(ppid).push(Number(entry));
    } catch {} // the process ended while we looked
  }
  const order = [];
  const visit = (p) => {
    for (const c of byParent.get(p) ?? []) visit(c);
    order.push(p);
  };
  visit(pid);
  return order;
}

export function killTree(pid, signal) {
  let pids = [pid];
  try {
    pids = processTree(pid);
  } catch {} // no /proc: the direct child only
  for (const p of pids) {
    try {
      process.kill(p, signal);
    } catch {}
  }
}

/**
 * Runs a command with its output streamed and no stdin. With timeoutMs, the whole process tree gets SIGTERM when time
 * is up and SIGKILL 10 s later. With buffer, stdout and stderr are collected (interleaved, in arrival order) and
 * returned as `output` instead of printed, so two commands running at once don't mix their lines.
 * @returns {Promise<{ code: number; durationMs: number; timedOut: boolean; output: string }>} code is 128+n when killed
 *   by a signal
 */
export function run(cmd, args, { cwd = ROOT, env = baseEnv, timeoutMs, buffer = false } = {}) {
  const started = Date.now();
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, {
      cwd,
      env,
      stdio: ['ignore', buffer ? 'pipe' : 'inherit', buffer ? 'pipe' : 'inherit'],
    });
    children.add(child);
    const chunks = [];
    if (buffer) {
      child.stdout.on('data', (chunk) => chunks.push(chunk));
      child.stderr.on('data', (chunk) => chunks.push(chunk));
    }
    let timedOut = false;
    const timers = [];
    if (timeoutMs) {
      timers.push(
        setTimeout(() => {
          timedOut = true;
          console.error(
            red(`\n${cmd} ${args.join(' ')}: no result after ${formatDuration(timeoutMs)}, stopping it`),
          );
          killTree(child.pid, 'SIGTERM');
          timers.push(setTimeout(() => killTree(child.pid, 'SIGKILL'), 10_000));
        }, timeoutMs),
      );
    }
    child.on('error', (error) => {
      console.error(red(`could not start ${cmd}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      children.delete(child);
      resolvePromise({
        code: code ?? signalExitCode(signal),
        durationMs: Date.now() - started,
        timedOut,
        output: Buffer.concat(chunks).toString('utf8'),
      });
    });
  });
}

export function pnpm(args, options) {
  if (!pnpmReady) ensurePnpm();
  return run(join(SHIM_DIR, 'pnpm'), args, options);
}

/** `pnpm install --frozen-lockfile`; a no-op in about a second when node_modules is current. */
export async function installDependencies() {
  const version = ensurePnpm();
  console.log(dim(`pnpm ${version}`));
  const { code } = await pnpm(['install', '--frozen-lockfile']);
  return code === 0;
}

export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
