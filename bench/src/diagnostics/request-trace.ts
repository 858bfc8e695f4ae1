// A per-request timeline of submissions, for finding where a tail waits. Preload it into either server of the bench:
//
//   BENCH_API_FLAGS="--import ./bench/src/diagnostics/request-trace.ts" \
//   BENCH_BASELINE_FLAGS="--import ./bench/src/diagnostics/request-trace.ts" corepack pnpm bench --only=submit
//   corepack pnpm --filter @musyawarah/bench exec tsx src/diagnostics/request-trace-report.ts
//
// For every submission request (`/trpc/contributions.submit`, the bare handler's `/submit`) it records when it
// arrived and was answered, each wait for a pooled connection and each statement with its duration (a `pool.query`
// as one step, its wait included); and the
// process's garbage collections and event-loop delays (a 2 ms timer that fired late). Written when the process exits, one file per process. A diagnostic only: it patches
// `pg` and `http.Server` in the process it is loaded into.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import pg from 'pg';

export interface TracedStep {
  /** `connect` for a wait for a pooled connection; else the statement's name, or its first words. */
  kind: string;
  started: number;
  ended: number | null;
}
export interface TracedRequest {
  arrived: number;
  answered: number;
  steps: TracedStep[];
}
export interface Trace {
  requests: TracedRequest[];
  /** [start, duration] of each garbage collection, in ms since the process started. */
  collections: [number, number][];
  /**
   * [when, how late, CPU ms the process used meanwhile] of each time a 2 ms timer fired more than 2 ms late: the event
   * loop was busy (CPU close to the lateness) or the process was waiting for a core (CPU well below it).
   */
  loopDelays: [number, number, number][];
}

const TRACED = ['/trpc/contributions.submit', '/submit'];
const isBaseline = process.argv.some((arg) => arg.includes('baselines'));
const current = new AsyncLocalStorage<TracedRequest>();
const trace: Trace = { requests: [], collections: [], loopDelays: [] };

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) trace.collections.push([entry.startTime, entry.duration]);
}).observe({ entryTypes: ['gc'] });

const LOOP_TICK_MS = 2;
let tickDue = performance.now() + LOOP_TICK_MS;
let cpuAtTick = process.cpuUsage();
setInterval(() => {
  const now = performance.now();
  const cpu = process.cpuUsage(cpuAtTick);
  if (now - tickDue > LOOP_TICK_MS)
    trace.loopDelays.push([tickDue, now - tickDue, (cpu.user + cpu.system) / 1000]);
  tickDue = now + LOOP_TICK_MS;
  cpuAtTick = process.cpuUsage();
}, LOOP_TICK_MS).unref();

type Emit = (this: http.Server, event: string, ...args: unknown[]) => boolean;
const emit = Reflect.get(http.Server.prototype, 'emit') as Emit;
(http.Server.prototype as unknown as { emit: Emit }).emit = function (
  this: http.Server,
  event: string,
  ...args: unknown[]
) {
  const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
  if (event !== 'request' || !TRACED.some((prefix) => req.url?.startsWith(prefix))) {
    return emit.call(this, event, ...args);
  }
  const request: TracedRequest = { arrived: performance.now(), answered: 0, steps: [] };
  res.on('finish', () => {
    request.answered = performance.now();
    trace.requests.push(request);
  });
  return current.run(request, () => emit.call(this, event, ...args));
};

// Kysely's pool checks out with a promise; pg's own `pool.query` passes a callback and is left untimed.
type Connect = (this: pg.Pool, ...args: unknown[]) => Promise<pg.PoolClient> | undefined;
const connect = Reflect.get(pg.Pool.prototype, 'connect') as Connect;
(pg.Pool.prototype as unknown as { connect: Connect }).connect = function (
  this: pg.Pool,
  ...args: unknown[]
) {
  const request = current.getStore();
  if (!request || args.length > 0) return connect.apply(this, args);
  const step: TracedStep = { kind: 'connect', started: performance.now(), ended: null };
  request.steps.push(step);
  return connect.apply(this, args)!.then((client) => {
    step.ended = performance.now();
    return client;
  });
};

/** Runs `call` and, inside a traced request, records it as a step from before the call (its socket write included). */
function timed(request: TracedRequest | undefined, kind: () => string, call: () => unknown): unknown {
  const started = performance.now();
  const result = call();
  if (!request || !(result instanceof Promise)) return result;
  const step: TracedStep = { kind: kind(), started, ended: null };
  request.steps.push(step);
  const end = () => {
    step.ended = performance.now();
  };
  result.then(end, end);
  return result;
}

type Query = (this: unknown, ...args: unknown[]) => unknown;
const query = Reflect.get(pg.Client.prototype, 'query') as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: unknown, ...args: unknown[]) {
  const config = args[0] as string | { name?: string; text?: string } | undefined;
  // A named statement by its name; anything else by its first words.
  const kind = () =>
    typeof config === 'string' ? config.slice(0, 40) : (config?.name ?? (config?.text ?? '').slice(0, 40));
  return timed(current.getStore(), kind, () => query.apply(this, args));
};

// `pool.query` (the bare handler's session lookup) checks out, runs and releases in one call: timed as one step,
// pool wait included, and its inner statement not again.
const poolQuery = Reflect.get(pg.Pool.prototype, 'query') as Query;
(pg.Pool.prototype as unknown as { query: Query }).query = function (this: unknown, ...args: unknown[]) {
  const kind = () => `pool.query ${typeof args[0] === 'string' ? args[0].slice(0, 30) : ''}`;
  return timed(current.getStore(), kind, () => current.exit(() => poolQuery.apply(this, args)));
};

process.on('exit', () => {
  const dir = process.env.BENCH_TRACE_DIR ?? path.resolve('bench/results/traces');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `${isBaseline ? 'baseline' : 'api'}-${process.pid}.json`),
    JSON.stringify(trace),
  );
});
// The bare handler has no SIGTERM handler of its own: without this it would end without writing.
if (isBaseline) process.once('SIGTERM', () => process.exit(0));
