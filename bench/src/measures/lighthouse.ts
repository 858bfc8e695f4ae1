// Lighthouse (mobile preset: a mid-range phone on slow 4G, simulated throttling) on the public pages a newcomer lands on,
// against the built apps served by the real host with the demo data. Full `pnpm bench` only: a run takes minutes, and
// the scores move with the machine's load, so `--quick` (inside `npm test`) leaves it out.
//
// Run alone: `pnpm --filter @musyawarah/bench bench:lighthouse` (the apps must be built).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { freePort } from '../../../tooling/scripts/lib/postgres.mjs';

export interface LighthousePage {
  page: string;
  url: string;
  performance: number;
  accessibility: number;
  /** Bytes over the network for the whole page load (Lighthouse's total-byte-weight: transfer sizes, compressed). */
  transferredKb: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  runs: number;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The host as in production (a child process), on an in-memory database with the demo data. */
async function startHost(repoRoot: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: 'development',
      SEED_DEMO: 'true',
      PGLITE_DATA_DIR: 'memory://',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-10_000)));
  child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-10_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`host exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`host did not answer within 120 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** A published round of the demo data, open if there is one: the busiest public page. */
async function demoRoundId(base: string): Promise<string> {
  const res = await fetch(`${base}/trpc/rounds.listPublic`);
  const body = (await res.json()) as { result?: { data?: { id: string; phase: string }[] } };
  const rounds = body.result?.data ?? [];
  const round = rounds.find((r) => r.phase === 'open') ?? rounds[0];
  if (!round) throw new Error(`no published round in the demo data: ${JSON.stringify(body).slice(0, 300)}`);
  return round.id;
}

export async function measureLighthouse(options: {
  repoRoot: string;
  runs?: number;
  log?: (line: string) => void;
}): Promise<LighthousePage[]> {
  const log = options.log ?? ((line: string) => console.error(line));
  const runs = options.runs ?? 3;
  for (const app of ['stakeholder']) {
    if (!existsSync(path.join(options.repoRoot, 'apps', app, 'dist', 'index.html')))
      throw new Error(`apps/${app} is not built: run \`pnpm build\` first`);
  }
  const host = await startHost(options.repoRoot);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const roundId = await demoRoundId(host.url);
    const pages = [
      { page: 'home', url: `${host.url}/` },
      { page: 'catalogue', url: `${host.url}/actions` },
      { page: 'round', url: `${host.url}/consultations/${roundId}` },
    ];
    const results: LighthousePage[] = [];
    for (const { page, url } of pages) {
      const samples: Omit<LighthousePage, 'runs'>[] = [];
      for (let i = 0; i < runs; i++) {
        log(`lighthouse: ${page} (${i + 1}/${runs})`);
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`lighthouse gave no result for ${url}`);
        if (lhr.runtimeError) throw new Error(`lighthouse on ${url}: ${lhr.runtimeError.message}`);
        // Every report kept for reading (bench/results is git-ignored): which request or task cost the points.
        const reports = path.join(options.repoRoot, 'bench', 'results', 'lighthouse');
        mkdirSync(reports, { recursive: true });
        writeFileSync(path.join(reports, `${page}-${i + 1}.json`), JSON.stringify(lhr));
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        samples.push({
          page,
          url: url.replace(host.url, ''),
          performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
          transferredKb: Math.round(audit('total-byte-weight') / 102.4) / 10,
          firstContentfulPaintMs: Math.round(audit('first-contentful-paint')),
          largestContentfulPaintMs: Math.round(audit('largest-contentful-paint')),
          totalBlockingTimeMs: Math.round(audit('total-blocking-time')),
          cumulativeLayoutShift: Math.round(audit('cumulative-layout-shift') * 1000) / 1000,
        });
      }
      // The median run by performance score, reported whole (its figures belong together).
      const score = median(samples.map((s) => s.performance));
      results.push({ ...samples.find((s) => s.performance === score)!, runs });
    }
    return results;
  } finally {
    chrome.kill();
    await host.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const repoRoot = path.resolve(import.meta.dirname, '../../..');
  const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 1);
  measureLighthouse({ repoRoot, runs })
    .then((pages) => {
      console.table(pages);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
