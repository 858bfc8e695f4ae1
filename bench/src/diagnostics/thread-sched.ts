// Where each server's one JavaScript thread spends a run, from the kernel's own accounting: run it beside
// `pnpm bench --only=submit` (another terminal), stop it with Ctrl-C after the bench ends, and it prints, for the API
// and the bare handler, the main thread's user and system CPU, its time runnable but waiting for a core, and its
// context switches, summed over the seconds it was busy (bench/results/thread-sched.json has every second).
//
//   corepack pnpm --filter @musyawarah/bench exec tsx src/diagnostics/thread-sched.ts
//
// Divide by the requests each side answered in the run (bench/results/latest.json, warm-ups included) for figures per
// request. Linux only (/proc).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SERVERS = [
  ['api', 'apps/api/src/main.ts'],
  ['baseline', 'baselines/server.ts'],
] as const;
/** A second in which the thread ran less than this is the server idle between rows, not serving load. */
const BUSY_MS = 200;
const TICK_MS = 10; // USER_HZ = 100

interface Sample {
  userMs: number;
  systemMs: number;
  runningMs: number;
  waitingMs: number;
  voluntary: number;
  involuntary: number;
}

function findServer(needle: string): string | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (
        readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'node' &&
        readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)
      )
        return entry;
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
}

function sampleMainThread(pid: string): Sample | null {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const [running, waiting] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').trim().split(' ');
    const status = readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8');
    const count = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return {
      userMs: Number(stat[11]) * TICK_MS,
      systemMs: Number(stat[12]) * TICK_MS,
      runningMs: Number(running) / 1e6,
      waitingMs: Number(waiting) / 1e6,
      voluntary: count('voluntary_ctxt_switches'),
      involuntary: count('nonvoluntary_ctxt_switches'),
    };
  } catch {
    return null;
  }
}

const seconds: ({ at: string; server: string } & Sample)[] = [];
const last = new Map<string, { pid: string; sample: Sample }>();

setInterval(() => {
  for (const [server, needle] of SERVERS) {
    const pid = findServer(needle);
    const sample = pid ? sampleMainThread(pid) : null;
    const before = last.get(server);
    if (pid && sample) last.set(server, { pid, sample });
    if (!pid || !sample || !before || before.pid !== pid) continue;
    const delta = Object.fromEntries(
      Object.entries(sample).map(([key, value]) => [key, value - before.sample[key as keyof Sample]]),
    ) as unknown as Sample;
    seconds.push({ at: new Date().toISOString(), server, ...delta });
  }
}, 1000);

process.on('SIGINT', () => {
  const out = path.resolve(import.meta.dirname, '../../results/thread-sched.json');
  writeFileSync(out, JSON.stringify(seconds, null, 1));
  for (const [server] of SERVERS) {
    const busy = seconds.filter((s) => s.server === server && s.runningMs > BUSY_MS);
    const sum = (key: keyof Sample) => Math.round(busy.reduce((total, s) => total + s[key], 0));
    console.log(
      `${server}: ${busy.length} busy seconds; main thread user ${sum('userMs')} ms, system ${sum('systemMs')} ms, ` +
        `waiting for a core ${sum('waitingMs')} ms; switches ${sum('voluntary')} voluntary, ${sum('involuntary')} involuntary`,
    );
  }
  console.log(`every second: ${out}`);
  process.exit(0);
});
