// Reads the files request-trace.ts wrote and prints, for each stretch of load a server answered (requests with no gap
// over 0.8 s: a closed-loop run, a warm-up, an interleaved slice or several back to back), its rate, p50 and p99, and
// where its slowest 1 % spent their time: waiting for a pooled connection, in each statement (from the call to its
// result, so a busy event loop shows there too), garbage collection and event-loop delay meanwhile, and the rest (the
// host's own work).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Trace, TracedRequest } from './request-trace';

const GAP_MS = 800;
const LOOP_TICK_MS = 2;

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function stretches(requests: TracedRequest[]): TracedRequest[][] {
  const sorted = [...requests].sort((a, b) => a.arrived - b.arrived);
  const out: TracedRequest[][] = [];
  let stretch: TracedRequest[] = [];
  for (const request of sorted) {
    const last = stretch[stretch.length - 1];
    if (last && request.arrived - last.arrived > GAP_MS) {
      out.push(stretch);
      stretch = [];
    }
    stretch.push(request);
  }
  if (stretch.length) out.push(stretch);
  return out;
}

function whereTimeWent(
  slowest: TracedRequest[],
  collections: Trace['collections'],
  loopDelays: Trace['loopDelays'] | [number, number][],
): string {
  const totals = new Map<string, number>();
  const add = (key: string, value: number) => totals.set(key, (totals.get(key) ?? 0) + value);
  for (const request of slowest) {
    let accounted = 0;
    for (const step of request.steps) {
      const ms = (step.ended ?? request.answered) - step.started;
      add(step.kind === 'connect' ? 'pool wait' : step.kind, ms);
      if (step.kind === 'connect') add('checkouts', 1);
      accounted += ms;
    }
    add('host (rest)', request.answered - request.arrived - accounted);
    add(
      'gc meanwhile',
      collections
        .filter(([start, duration]) => start < request.answered && start + duration > request.arrived)
        .reduce((sum, [, duration]) => sum + duration, 0),
    );
    // How late the event loop was while the request waited (overlapping the request only), and how much CPU the
    // process used in those late ticks: close to the lateness, the loop was busy; well below, it waited for a core.
    let late = 0;
    let lateCpu = 0;
    for (const [due, lateness, cpu = 0] of loopDelays) {
      if (due >= request.answered || due + lateness <= request.arrived) continue;
      const overlap = Math.min(due + lateness, request.answered) - Math.max(due, request.arrived);
      late += overlap;
      lateCpu += (cpu * overlap) / (lateness + LOOP_TICK_MS);
    }
    add('loop late meanwhile', late);
    add('CPU in those ticks', lateCpu);
  }
  return [...totals]
    .map(([key, total]) => `${key} ${(total / slowest.length).toFixed(1)}${key === 'checkouts' ? '' : ' ms'}`)
    .join(', ');
}

// The files named, or every trace the last run wrote.
const tracesDir = path.resolve(import.meta.dirname, '../../results/traces');
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(tracesDir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => path.join(tracesDir, name));

for (const file of files) {
  const { requests, collections, loopDelays = [] } = JSON.parse(readFileSync(file, 'utf8')) as Trace;
  console.log(`\n${path.basename(file)}: ${requests.length} submissions`);
  for (const stretch of stretches(requests)) {
    if (stretch.length < 200) continue;
    const latencies = stretch.map((r) => r.answered - r.arrived).sort((a, b) => a - b);
    const seconds = (stretch[stretch.length - 1]!.arrived - stretch[0]!.arrived) / 1000;
    const p99 = percentile(latencies, 0.99);
    const slowest = stretch.filter((r) => r.answered - r.arrived >= p99);
    console.log(
      `  from ${(stretch[0]!.arrived / 1000).toFixed(1)} s: ${stretch.length} in ${seconds.toFixed(1)} s ` +
        `(${Math.round(stretch.length / seconds)}/s), p50 ${percentile(latencies, 0.5).toFixed(1)} ms, ` +
        `p99 ${p99.toFixed(1)} ms`,
    );
    console.log(`    slowest 1 %: ${whereTimeWent(slowest, collections, loopDelays)}`);
  }
}
