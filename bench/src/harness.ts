// Shared by the benchmark's measures: sizes, the result rows, child processes and the load generator (autocannon).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';

export const QUICK = process.argv.includes('--quick');
export const BENCH_DIR = path.resolve(import.meta.dirname, '..');
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
export const SIZES = QUICK
  ? {
      loadSeconds: 3,
      rateSeconds: 3,
      warmupSeconds: 1,
      connections: 64,
      rounds: 20,
      users: 64,
      dashboardContributions: 20_000,
      dashboardRepeats: 5,
      background: 5_000,
    }
  : {
      loadSeconds: 20,
      /**
       * Per side, for a p99 at an offered rate (loadAtRateInterleaved). Longer than a load test: a side's p99 is decided
       * by the few moments in which the machine stalls for 100–300 ms, and in 20 s each side met only two or three of
       * them, so single runs disagreed by a factor of two either way (bench/README.md).
       */
      rateSeconds: 60,
      warmupSeconds: 5,
      connections: 64,
      rounds: 200,
      users: 500,
      dashboardContributions: 1_000_000,
      dashboardRepeats: 15,
      background: 100_000,
    };

export interface Row {
  id: string;
  measure: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  goal: string;
  met: boolean | null;
  note?: string;
  raw?: unknown;
}
export const rows: Row[] = [];
export const problems: string[] = [];
export const log = (line: string) =>
  console.error(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const t0 = performance.now();

// ---------------------------------------------------------------------------------------------------------------------
// processes

export interface Child {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startChild(
  name: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  ready: string,
): Promise<Child> {
  // BENCH_PROFILE=1: the API writes a V8 CPU profile to bench/results/profiles/ when it exits (open it in Chrome DevTools).
  const profile =
    process.env.BENCH_PROFILE && name === 'API'
      ? ['--cpu-prof', `--cpu-prof-dir=${path.join(BENCH_DIR, 'results', 'profiles')}`]
      : [];
  // BENCH_API_FLAGS / BENCH_BASELINE_FLAGS: Node flags for the API or the bare handler alone (a GC setting, an
  // `--import` of a monitor such as src/diagnostics/request-trace.ts) to try a change or see where time goes.
  const flags = { API: process.env.BENCH_API_FLAGS, baseline: process.env.BENCH_BASELINE_FLAGS }[name];
  const extra = flags ? flags.split(' ') : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', ...extra, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-10_000)));
  child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-10_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}${ready}`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status < 500) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer within 90 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

export function rssMb(pid: number | undefined): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// load

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  /** 304 Not Modified answers (revalidation) — autocannon counts them among non2xx. */
  notModified: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  peakRssMb: number | null;
  /**
   * The server process's CPU time (user + system) per answered request during the measured run: unlike req/s it
   * hardly moves with what else runs on the machine, so it compares the API with the bare handler on a busy host too.
   */
  cpuMsPerRequest: number | null;
}

export interface LoadOptions {
  method?: 'GET' | 'POST';
  path: string;
  body?: () => string;
  cookie?: () => string;
  headers?: Record<string, string>;
  pid?: number;
  connections?: number;
  seconds?: number;
  warmupSeconds?: number;
}

export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  return loadRequests(url, options, [
    {
      method: options.method ?? 'GET',
      path: options.path,
      setupRequest: (req) => ({
        ...req,
        headers: {
          ...req.headers,
          'content-type': 'application/json',
          ...options.headers,
          ...(options.cookie ? { cookie: options.cookie() } : {}),
        },
        ...(options.body ? { body: options.body() } : {}),
      }),
    },
  ]);
}

/** A warm-up, then the measured run (with the API's RSS sampled), of a sequence of requests every connection repeats. */
export async function loadRequests(
  url: string,
  options: Pick<LoadOptions, 'pid' | 'connections' | 'seconds' | 'warmupSeconds'>,
  requests: autocannon.Request[],
): Promise<LoadResult> {
  const request = (duration: number) =>
    autocannon({
      url,
      connections: options.connections ?? SIZES.connections,
      duration,
      timeout: 10,
      requests,
    });
  return measureRun(options, request, (result) => ({
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    notModified: result['3xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }));
}

/**
 * A warm-up run, then the measured run with the server process's peak RSS sampled every 250 ms and its CPU time per
 * answered request (`ok` + `notModified`) read from /proc around it.
 */
async function measureRun<R>(
  options: Pick<LoadOptions, 'pid' | 'seconds' | 'warmupSeconds'>,
  run: (seconds: number) => Promise<R>,
  figures: (result: R) => Omit<LoadResult, 'peakRssMb' | 'cpuMsPerRequest'>,
): Promise<LoadResult> {
  const warmup = options.warmupSeconds ?? SIZES.warmupSeconds;
  if (warmup > 0) await run(warmup);
  let peak: number | null = null;
  const cpuBefore = cpuMs(options.pid);
  const sampler = setInterval(() => {
    const now = rssMb(options.pid);
    if (now !== null) peak = Math.max(peak ?? 0, now);
  }, 250);
  const measured = figures(await run(options.seconds ?? SIZES.loadSeconds));
  clearInterval(sampler);
  const cpuAfter = cpuMs(options.pid);
  const answered = measured.ok + measured.notModified;
  return {
    ...measured,
    peakRssMb: peak,
    cpuMsPerRequest:
      cpuBefore !== null && cpuAfter !== null && answered > 0
        ? Math.round(((cpuAfter - cpuBefore) / answered) * 100) / 100
        : null,
  };
}

/**
 * Requests offered at a fixed rate, evenly spaced (open loop): request i is due at start + i ÷ rate and is sent then,
 * whatever the earlier ones are doing, on up to `connections` keep-alive sockets; its latency counts from when it was
 * due, so a server that falls behind is charged for the wait (no coordinated omission).
 *
 * Why not autocannon's `overallRate`: it gives each connection a quota per second, which the connection spends back
 * to back at the start of every second and then pauses — the server sees a burst of all 64 connections every second,
 * and the p99 becomes the time to drain that burst, i.e. the throughput ratio again, not a latency at a load.
 */
async function openLoop(
  target: URL,
  options: LoadOptions & { rate: number },
  agent: http.Agent,
  seconds: number,
): Promise<{ latencies: number[]; counts: Counts; seconds: number }> {
  const latencies: number[] = [];
  const counts: Counts = { ok: 0, notModified: 0, non2xx: 0, errors: 0, timeouts: 0 };
  const total = Math.round(seconds * options.rate);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const body = options.body?.();
      const req = http.request(
        target,
        {
          method: options.method ?? 'GET',
          agent,
          timeout: 10_000,
          headers: {
            'content-type': 'application/json',
            ...options.headers,
            ...(options.cookie ? { cookie: options.cookie() } : {}),
            ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) counts.ok++;
            else {
              counts.non2xx++;
              if (status === 304) counts.notModified++;
            }
            resolve();
          });
        },
      );
      req.on('timeout', () => {
        counts.timeouts++;
        req.destroy(new Error('timeout'));
      });
      req.on('error', () => {
        counts.errors++;
        resolve();
      });
      req.end(body);
    });
  for (let i = 0; i < total;) {
    const now = performance.now();
    // Everything due by now goes out now (a timer that fired late catches up; each latency counts from its due time).
    while (i < total && started + (i * 1000) / options.rate <= now) {
      inFlight.push(send(started + (i * 1000) / options.rate));
      i++;
    }
    if (i < total)
      await new Promise((r) => setTimeout(r, Math.max(0, started + (i * 1000) / options.rate - now)));
  }
  await Promise.all(inFlight);
  return { latencies, counts, seconds: (performance.now() - started) / 1000 };
}

interface Counts {
  ok: number;
  notModified: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

function percentile(sorted: number[], q: number): number {
  return sorted.length ? Math.round(sorted[Math.floor(q * (sorted.length - 1))]!) : 0;
}

export interface RateSide extends LoadOptions {
  url: string;
}

/** A `LoadResult` at a fixed offered rate, with the p99 of each slice it was measured in. */
export interface RateResult extends LoadResult {
  sliceP99s: number[];
}

/**
 * Two servers offered the same rate (`openLoop`), measured in alternating slices — A B B A A B … — rather than one
 * after the other. Both are bound by the WAL's fsync on this machine, whose stalls come and go with the kernel's
 * write-back of what ran before (the closed-loop rows leave tens of MB of dirty pages): measured back to back, the
 * first server met the write-back of the previous row and the second a calmer disk, and the "same load" was not the
 * same. Interleaved, both meet the machine's weather in equal measure. Each side warms up first; its p99 is over all
 * of its slices' requests together, and its CPU time and peak RSS are read during its own slices only.
 */
export async function loadAtRateInterleaved(
  sides: [RateSide, RateSide],
  rate: number,
  {
    slices = QUICK ? 2 : 12,
    onSlice,
  }: {
    slices?: number;
    /** Called as each measured slice starts (with its side's index) and ends (null): a diagnostic's hook. */
    onSlice?: (side: number | null) => Promise<void>;
  } = {},
): Promise<[RateResult, RateResult]> {
  const agents = sides.map(
    () => new http.Agent({ keepAlive: true, maxSockets: sides[0].connections ?? SIZES.connections }),
  );
  const measured = sides.map(
    (): {
      latencies: number[];
      counts: Counts;
      seconds: number;
      cpuMs: number | null;
      peakRssMb: number | null;
      sliceP99s: number[];
    } => ({
      latencies: [],
      counts: { ok: 0, notModified: 0, non2xx: 0, errors: 0, timeouts: 0 },
      seconds: 0,
      cpuMs: 0,
      peakRssMb: null,
      sliceP99s: [],
    }),
  );
  let current = -1;
  const sampler = setInterval(() => {
    if (current < 0) return;
    const now = rssMb(sides[current]!.pid);
    const side = measured[current]!;
    if (now !== null) side.peakRssMb = Math.max(side.peakRssMb ?? 0, now);
  }, 250);
  try {
    for (const [i, side] of sides.entries()) {
      const warmup = side.warmupSeconds ?? SIZES.warmupSeconds;
      if (warmup > 0) await openLoop(new URL(side.path, side.url), { ...side, rate }, agents[i]!, warmup);
    }
    const sliceSeconds = (sides[0].seconds ?? SIZES.rateSeconds) / slices;
    for (let slice = 0; slice < slices; slice++) {
      // A B, B A, A B …: neither side is always the one that follows the other.
      const order = slice % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) {
        const side = sides[i]!;
        const into = measured[i]!;
        current = i;
        await onSlice?.(i);
        const cpuBefore = cpuMs(side.pid);
        const run = await openLoop(new URL(side.path, side.url), { ...side, rate }, agents[i]!, sliceSeconds);
        const cpuAfter = cpuMs(side.pid);
        await onSlice?.(null);
        current = -1;
        into.cpuMs =
          into.cpuMs !== null && cpuBefore !== null && cpuAfter !== null
            ? into.cpuMs + cpuAfter - cpuBefore
            : null;
        for (const latency of run.latencies) into.latencies.push(latency);
        for (const key of Object.keys(into.counts) as (keyof Counts)[]) into.counts[key] += run.counts[key];
        into.seconds += run.seconds;
        into.sliceP99s.push(
          percentile(
            run.latencies.sort((a, b) => a - b),
            0.99,
          ),
        );
      }
    }
  } finally {
    clearInterval(sampler);
    for (const agent of agents) agent.destroy();
  }
  const results = measured.map((side): RateResult => {
    side.latencies.sort((a, b) => a - b);
    const answered = side.counts.ok + side.counts.notModified;
    return {
      ...side.counts,
      rps: Math.round(answered / side.seconds),
      p50: percentile(side.latencies, 0.5),
      p99: percentile(side.latencies, 0.99),
      peakRssMb: side.peakRssMb,
      cpuMsPerRequest:
        side.cpuMs !== null && answered > 0 ? Math.round((side.cpuMs / answered) * 100) / 100 : null,
      sliceP99s: side.sliceP99s,
    };
  });
  return [results[0]!, results[1]!];
}

/** utime + stime of a process in ms, from /proc (Linux); null where that is not readable. */
export function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * A latency row: the API's and the baseline's p99 at the same offered rate (`loadAtRateInterleaved`), against
 * `p99 ≤ factor × baseline p99`. A side that could not carry the rate (answered under 95 % of it) fails the row: its
 * p99 would be a queue's, not a latency.
 */
export function addLatencyRow(
  id: string,
  measure: string,
  rate: number,
  api: RateResult,
  base: RateResult,
  factor: number,
) {
  const carried = (result: LoadResult) => result.rps >= 0.95 * rate;
  for (const [side, result] of [
    ['API', api],
    ['baseline', base],
  ] as const) {
    const failed = result.non2xx - result.notModified + result.errors + result.timeouts;
    if (failed > 0) problems.push(`${id}: the ${side} failed ${failed} requests at ${rate} req/s`);
    if (!carried(result)) problems.push(`${id}: the ${side} answered ${result.rps} of ${rate} req/s offered`);
  }
  const ratio = base.p99 ? api.p99 / base.p99 : null;
  rows.push({
    id,
    measure,
    value: api.p99,
    unit: 'ms p99',
    baseline: base.p99,
    ratio,
    goal: `p99 ≤ ${factor} × baseline p99 at the same offered rate`,
    met: ratio !== null && ratio <= factor && carried(api) && carried(base),
    note: `${rate} req/s offered; answered API ${api.rps} / baseline ${base.rps} req/s; p50 ${api.p50} / ${base.p50} ms; CPU per request ${api.cpuMsPerRequest ?? '?'} / ${base.cpuMsPerRequest ?? '?'} ms; non-2xx ${api.non2xx} / ${base.non2xx}, errors ${api.errors} / ${base.errors}; p99 of each slice (interleaved) API ${api.sliceP99s.join(' ')} / baseline ${base.sliceP99s.join(' ')} ms`,
    raw: { api, baseline: base },
  });
}

/** A throughput row: API ÷ baseline req/s against `goalRatio` (0: reported only), and optionally p99 ≤ factor × the baseline's. */
export function addLoadRow(
  id: string,
  measure: string,
  api: LoadResult,
  base: LoadResult,
  goalRatio: number,
  p99Factor?: number,
) {
  // A baseline that fails is no baseline: a bare handler answering errors fast makes every ratio meaningless (its
  // ON CONFLICT target outlived a schema change once, and every "submission" of it was a quick 500 for days).
  const baseFailed = base.non2xx - base.notModified + base.errors + base.timeouts;
  if (baseFailed > 0)
    problems.push(
      `${id}: the baseline failed ${baseFailed} requests (non-2xx ${base.non2xx - base.notModified}, errors ${base.errors}, timeouts ${base.timeouts}); its figures are not comparable`,
    );
  const ratio = base.rps && baseFailed === 0 ? api.rps / base.rps : null;
  const met =
    goalRatio === 0
      ? null
      : ratio !== null && ratio >= goalRatio && (p99Factor === undefined || api.p99 <= p99Factor * base.p99);
  rows.push({
    id,
    measure,
    value: api.rps,
    unit: 'req/s',
    baseline: base.rps,
    ratio,
    goal:
      goalRatio === 0
        ? 'reported'
        : `≥ ${goalRatio * 100} % of baseline${p99Factor ? `, p99 ≤ ${p99Factor} × baseline p99` : ''}`,
    met,
    note: `p50 ${api.p50} ms, p99 ${api.p99} ms (baseline p99 ${base.p99} ms); CPU per request ${api.cpuMsPerRequest ?? '?'} ms (baseline ${base.cpuMsPerRequest ?? '?'} ms); API peak RSS ${api.peakRssMb ?? '?'} MB; 304 ${api.notModified}, other non-2xx ${api.non2xx - api.notModified}, errors ${api.errors}`,
    raw: { api, baseline: base },
  });
}
