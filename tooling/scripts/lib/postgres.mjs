// A throwaway PostgreSQL server for tests and benchmarks: its own data folder and free port, stopped by pid and deleted
// when the caller stops it or the process ends. Plain Node, no dependencies: it runs before `pnpm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin folder (Debian layout), or undefined. */
export function findPostgresBin() {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] ? join(PG_ROOT, versions[0], 'bin') : undefined;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

// initdb refuses to run as root, so as root everything runs as the `postgres` user (the Debian package creates it).
function runPg(bin, args) {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `${bin.split('/').pop()} ${args[0]} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

function readPid(dataDir) {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0], 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

// Synchronous on purpose: it also runs from the process 'exit' handler, where nothing asynchronous gets to finish.
function stopSync(dataDir) {
  const pid = readPid(dataDir);
  if (pid && alive(pid)) {
    // SIGINT is PostgreSQL's "fast" shutdown; SIGTERM ("smart") would wait for pools a crashed test left open.
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + 15_000;
    while (alive(pid) && Date.now() < deadline) spawnSync('sleep', ['0.05']);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Starts a fresh PostgreSQL server on 127.0.0.1 (trust auth, user `postgres`, database `postgres`).
 * @param {{ fsync?: boolean; log?: (line: string) => void; settings?: Record<string, string | number> }} [options]
 *   fsync: keep it on (the default) for benchmarks; tests may turn it off for speed.
 * @returns {Promise<{ url: string; port: number; dataDir: string; version: string; stop(): Promise<void> }>}
 */
export async function startThrowawayPostgres(options = {}) {
  const { fsync = true, log = () => {}, settings = {} } = options;
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin. Install them: apt-get update && apt-get install -y postgresql',
    );
  }
  const version = bin.split('/').at(-2);
  const dataDir = mkdtempSync(join(tmpdir(), 'musyawarah-pg-'));
  let stopped = false;
  let signalHandlers = [];
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    for (const [signal, handler] of signalHandlers) process.off(signal, handler);
    stopSync(dataDir);
  };
  // Registered before initdb so that a failure or a Ctrl-C half-way still removes the folder.
  process.on('exit', stop);
  signalHandlers = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => {
    const handler = () => {
      stop();
      // If nobody else handles this signal, behave as the default would (terminate), now that the server is gone.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, handler);
    return [signal, handler];
  });

  try {
    if (isRoot) spawnSync('chown', ['postgres:postgres', dataDir], { stdio: 'inherit' });
    log(`PostgreSQL ${version}: initdb in ${dataDir}`);
    runPg(join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    const serverSettings = {
      fsync: fsync ? 'on' : 'off',
      ...(fsync ? {} : { synchronous_commit: 'off', full_page_writes: 'off' }),
      max_connections: 200,
      ...settings,
    };
    const extra = Object.entries(serverSettings).map(([k, v]) => `-c ${k}=${v}`);
    // Another process can take the free port between the probe and the bind; retry with a new one.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      try {
        runPg(join(bin, 'pg_ctl'), [
          'start',
          '-D',
          dataDir,
          '-l',
          join(dataDir, 'server.log'),
          '-w',
          '-t',
          '60',
          '-o',
          [`-h 127.0.0.1 -p ${port} -k ${dataDir}`, ...extra].join(' '),
        ]);
        const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
        log(`PostgreSQL ${version}: ${url} (fsync ${fsync ? 'on' : 'off'})`);
        return { url, port, dataDir, version, stop: () => Promise.resolve(stop()) };
      } catch (error) {
        let serverLog = '';
        try {
          serverLog = readFileSync(join(dataDir, 'server.log'), 'utf8').split('\n').slice(-15).join('\n');
        } catch {}
        if (attempt >= 3) throw new Error(`${error.message}\n--- server.log ---\n${serverLog}`);
        log(`PostgreSQL did not start on port ${port}, retrying`);
      }
    }
  } catch (error) {
    stop();
    throw error;
  }
}
