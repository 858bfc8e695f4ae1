// The embedded database under load (issue #16): PGlite runs inside the host's process, so while it works through a
// queue of submissions, does the host still answer its health check and a static page? Measured as their latency,
// probed one at a time, during a submission load on a host started without DATABASE_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSession } from '@musyawarah/auth';
import { insertUser, migrateToLatest, openDatabase, seedReferenceData } from '@musyawarah/db';
import { freePort } from '../../../tooling/scripts/lib/postgres.mjs';
import { load, log, QUICK, rows, SIZES, startChild } from '../harness';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length
    ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!)
    : NaN;
}

export async function measurePgliteResponsiveness(
  createRound: (db: Awaited<ReturnType<typeof openDatabase>>['db'], title: string) => Promise<string>,
  submission: (roundId: string, withKey: boolean) => string,
): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'musyawarah-bench-pglite-'));
  try {
    // Seeded before the host opens the folder: PGlite is one process's database.
    const seeding = await openDatabase({ pgliteDataDir: dir });
    await migrateToLatest(seeding.db);
    await seedReferenceData(seeding.db);
    const roundId = await createRound(seeding.db, 'Embedded round');
    const tokens: string[] = [];
    for (let i = 0; i < 50; i++) {
      const user = await insertUser(seeding.db, {
        email: `pglite-${i}@example.org`,
        name: `Embedded ${i}`,
        role: 'stakeholder',
        stakeholderGroup: 'civil_society',
        passwordHash: null,
        status: 'active',
        emailVerifiedAt: new Date(),
      });
      tokens.push((await createSession(seeding.db, user.id)).token);
    }
    await seeding.close();

    const port = await freePort();
    const host = await startChild(
      'API (PGlite)',
      ['apps/api/src/main.ts'],
      {
        DATABASE_URL: '',
        PGLITE_DATA_DIR: dir,
        NODE_ENV: 'production',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://localhost:${port}`,
      },
      port,
      '/healthz',
    );
    const connections = Number(process.env.BENCH_PGLITE_CONNECTIONS ?? (QUICK ? 100 : 500));
    const probes: Record<'/healthz' | '/', number[]> = { '/healthz': [], '/': [] };
    let loading = true;
    const probe = async () => {
      while (loading) {
        for (const target of ['/healthz', '/'] as const) {
          const started = performance.now();
          try {
            const res = await fetch(`${host.url}${target}`, { signal: AbortSignal.timeout(60_000) });
            await res.arrayBuffer();
          } catch {}
          probes[target].push(performance.now() - started);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      log(`load: ${connections} submissions in flight on the embedded database, probing /healthz and /`);
      const pick = () => tokens[Math.floor(Math.random() * tokens.length)]!;
      const probing = new Promise((r) => setTimeout(r, SIZES.warmupSeconds * 1000)).then(probe);
      const result = await load(host.url, {
        method: 'POST',
        path: '/trpc/contributions.submit',
        cookie: () => `musyawarah_session=${pick()}`,
        body: () => submission(roundId, true),
        pid: host.child.pid,
        connections,
      });
      loading = false;
      await probing;
      const health = percentile(probes['/healthz'], 99);
      const page = percentile(probes['/'], 99);
      rows.push({
        id: 'pglite-responsive',
        measure: `embedded database: p99 of /healthz and a static page during ${connections} submissions in flight`,
        value: Math.max(health, page),
        unit: 'ms',
        baseline: null,
        ratio: null,
        goal: '≤ 1,000 ms',
        met: Math.max(health, page) <= 1_000,
        note: `/healthz p50 ${percentile(probes['/healthz'], 50)} ms, p99 ${health} ms; static page p50 ${percentile(probes['/'], 50)} ms, p99 ${page} ms (${probes['/'].length} probes each); submissions ${result.rps} req/s, p99 ${result.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
        raw: { probes, submissions: result },
      });
    } finally {
      loading = false;
      await host.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
