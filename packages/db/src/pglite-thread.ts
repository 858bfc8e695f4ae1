import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The embedded database on a thread of its own (issue #16). PGlite computes on the thread that calls it; on the host's
 * event loop a burst of submissions kept static pages and /healthz waiting for seconds. Here PGlite runs in a worker
 * thread and the host only posts statements to it and awaits their rows, so the event loop stays free for sockets.
 *
 * The worker's code is a string (an `eval` worker) that loads PGlite from the path resolved here: no separate file has
 * to be found beside a bundle (`apps/api/dist/main.js`), under tsx or under vitest.
 */
export interface EmbeddedDatabase {
  query(sqlText: string, parameters: readonly unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
  /** LISTEN on `channel`; resolves with a function that stops listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

type Request =
  | { id: number; type: 'query'; sql: string; params: unknown[] }
  | { id: number; type: 'listen'; channel: string }
  | { id: number; type: 'unlisten'; listenId: number }
  | { id: number; type: 'close' };

type RequestWithoutId = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

type Reply =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: Record<string, unknown> }
  | { type: 'notify'; listenId: number; payload: string };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { mkdirSync } = require('node:fs');
const { PGlite } = require(workerData.pglitePath);
// 'date' columns stay ISO strings, as the pg driver is configured for PostgreSQL.
const options = { parsers: { 1082: (value) => value } };
const dataDir = workerData.dataDir;
if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true });
// A snapshot (dumpDataDir) replaces initdb, which is most of the time a fresh database takes to start.
if (workerData.snapshot) options.loadDataDir = new Blob([require('node:fs').readFileSync(workerData.snapshot)]);
const pglite = dataDir === 'memory://' ? new PGlite(options) : new PGlite(dataDir, options);
const unlisteners = new Map();
// A database error keeps its SQLSTATE, constraint and the rest: callers branch on them (e.g. 23505 on a retry).
const describe = (error) => {
  const out = { message: error && error.message ? error.message : String(error), name: error && error.name };
  if (error && typeof error === 'object')
    for (const [key, value] of Object.entries(error))
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) out[key] = value;
  return out;
};
const reply = (id, run) =>
  Promise.resolve()
    .then(run)
    .then(
      (value) => parentPort.postMessage({ type: 'reply', id, ok: true, value }),
      (error) => parentPort.postMessage({ type: 'reply', id, ok: false, error: describe(error) }),
    );
pglite.waitReady.then(
  () => parentPort.postMessage({ type: 'ready' }),
  (error) => parentPort.postMessage({ type: 'failed', error: describe(error) }),
);
parentPort.on('message', (request) => {
  switch (request.type) {
    case 'query':
      return reply(request.id, async () => {
        const result = await pglite.query(request.sql, request.params);
        return { rows: result.rows, affectedRows: result.affectedRows };
      });
    case 'listen':
      return reply(request.id, async () => {
        const unlisten = await pglite.listen(request.channel, (payload) =>
          parentPort.postMessage({ type: 'notify', listenId: request.id, payload }),
        );
        unlisteners.set(request.id, unlisten);
        return request.id;
      });
    case 'unlisten':
      return reply(request.id, async () => {
        const unlisten = unlisteners.get(request.listenId);
        unlisteners.delete(request.listenId);
        if (unlisten) await unlisten();
      });
    case 'close':
      return reply(request.id, () => pglite.close());
  }
});
`;

function rebuildError(fields: Record<string, unknown>): Error {
  const error = new Error(typeof fields.message === 'string' ? fields.message : 'database error');
  Object.assign(error, fields);
  return error;
}

/**
 * Starts PGlite in a worker thread on `dataDir` (`memory://` for an in-memory database) and waits until it is ready.
 * With `snapshot` (a file written by `writeEmbeddedSnapshot`) the database starts as a copy of it.
 */
export async function startEmbeddedDatabase(dataDir: string, snapshot?: string): Promise<EmbeddedDatabase> {
  const require = createRequire(import.meta.url);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pglitePath: require.resolve('@electric-sql/pglite'), dataDir, snapshot },
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Map<number, (payload: string) => void>();
  let exited: Error | null = null;

  const ready = new Promise<void>((resolve, reject) => {
    worker.on(
      'message',
      (message: Reply | { type: 'ready' } | { type: 'failed'; error: Record<string, unknown> }) => {
        if (message.type === 'ready') return resolve();
        if (message.type === 'failed') return reject(rebuildError(message.error));
        if (message.type === 'notify') return listeners.get(message.listenId)?.(message.payload);
        const pending = waiting.get(message.id);
        if (!pending) return;
        waiting.delete(message.id);
        if (waiting.size === 0) worker.unref();
        if (message.ok) pending.resolve(message.value);
        else pending.reject(rebuildError(message.error));
      },
    );
    const fail = (error: Error) => {
      exited = error;
      reject(error);
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) =>
      fail(new Error(`the embedded database's thread stopped (exit code ${code})`)),
    );
  });

  const send = <T>(request: RequestWithoutId): Promise<T> => {
    if (exited) return Promise.reject(exited);
    const id = nextId++;
    // The thread keeps the process alive only while a statement is under way, as a socket would: a script that
    // forgets to close the database still ends, and one that awaits a statement is not cut short.
    if (waiting.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  };

  await ready;
  worker.unref();
  return {
    query: (sqlText, parameters) =>
      send<{ rows: unknown[]; affectedRows?: number }>({
        type: 'query',
        sql: sqlText,
        params: [...parameters],
      }),
    async listen(channel, onNotify) {
      const listenId = await send<number>({ type: 'listen', channel });
      listeners.set(listenId, onNotify);
      return async () => {
        listeners.delete(listenId);
        await send({ type: 'unlisten', listenId }).catch(() => undefined);
      };
    },
    async close() {
      if (!exited) await send({ type: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

/**
 * PGlite on the calling thread, behind the same interface: for test suites, where a database answers one test at a
 * time and the thread hop per statement would cost a third of the run (measured on packages/api's suites).
 */
export async function startInlineEmbeddedDatabase(
  dataDir: string,
  snapshot?: string,
): Promise<EmbeddedDatabase & { writeSnapshot(file: string): Promise<void> }> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir !== 'memory://') await mkdir(dataDir, { recursive: true });
  // 'date' columns stay ISO strings, as in the worker and the pg driver.
  const options = {
    parsers: { 1082: (value: string) => value },
    ...(snapshot ? { loadDataDir: new Blob([await readFile(snapshot)]) } : {}),
  };
  const pglite = dataDir === 'memory://' ? new PGlite(options) : new PGlite(dataDir, options);
  await pglite.waitReady;
  return {
    query: (sqlText, parameters) => pglite.query(sqlText, [...parameters]),
    listen: (channel, onNotify) => pglite.listen(channel, onNotify),
    close: () => pglite.close(),
    // Uncompressed: gzip would cost more time on every load than the larger file costs to read.
    writeSnapshot: async (file) => writeFile(file, await (await pglite.dumpDataDir('none')).bytes()),
  };
}
