#!/usr/bin/env node
// `npm test`: installs what the tests need and runs every test, then prints a per-suite table and, as the very last
// line, `N passed, N failed` (CI reads only that line and the exit code). Order:
//   install → system packages (PostgreSQL, Chromium) → throwaway PostgreSQL → typecheck + lint → build web apps →
//   vitest per package on PGlite → database packages again on PostgreSQL → reliability suites (own PostgreSQL each) →
//   browser tests → benchmarks hook → summary.
// Options: --skip-install, --skip-checks (typecheck/lint), --only=<dir,...> (e.g. --only=packages/db,tooling/e2e).
// --quick (`pnpm test:quick`, the inner loop): typecheck + lint and every unit, database and API suite on PGlite only –
// no PostgreSQL, no Chromium, no reliability suites, no app build, no benchmarks, no system packages. Same summary.
// Caches (fast lane only): turbo replays a package's typecheck/lint when neither its files nor any workspace package it
// depends on changed (turbo.json: `dependsOn: ["^transit"]`), and prettier skips files it has already checked. The full
// gate passes --force to turbo and runs prettier without a cache, so it re-checks everything every time.
// Concurrency: the PGlite suites run TEST_CONCURRENCY at a time (default 2, in both lanes), slow ones first; each
// suite's output is held back and printed in one piece when it ends.
// Reports: .tmp/test-reports/<suite>-<database>.json. A suite gets TEST_SUITE_TIMEOUT_MIN minutes (default 15), the
// browser suite TEST_E2E_TIMEOUT_MIN (default 30).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  ROOT,
  baseEnv,
  bold,
  dim,
  ensurePnpm,
  formatDuration,
  installDependencies,
  interrupted,
  isRoot,
  pnpm,
  red,
  run,
  signalExitCode,
  step,
} from './lib/common.mjs';
import { findPostgresBin, startThrowawayPostgres } from './lib/postgres.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .filter(Boolean);
const selected = (dir) => !only || only.includes(dir);
const quick = flag('quick');

const REPORT_DIR = join(ROOT, '.tmp', 'test-reports');
// The harness reads the same variable (tooling/e2e/src/harness.ts).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const E2E_DIR = 'tooling/e2e';
// The reliability suite's proxy test runs the host behind a real nginx (tooling/reliability/src/proxy.test.ts).
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
// The report tests read rendered PDFs back as a reader's tool does (packages/api/src/reports.test.ts).
const PDFTOTEXT = '/usr/bin/pdftotext';
/** Packages whose tests run a second time against a real PostgreSQL server. */
const DATABASE_PACKAGES = ['packages/db', 'packages/auth', 'packages/api', 'apps/api'];
/** Packages that run once, not on PGlite: each suite starts its own PostgreSQL server (crash, outage, hostile input). */
const POSTGRES_ONLY_PACKAGES = ['tooling/reliability'];
const SUITE_TIMEOUT_MS = Number(process.env.TEST_SUITE_TIMEOUT_MIN ?? 15) * 60_000;
/** The browser suite runs ~20 files, two at a time (every page in four scripts and the pseudo-locale): more room. */
const SUITE_TIMEOUT_OVERRIDES_MS = { [E2E_DIR]: Number(process.env.TEST_E2E_TIMEOUT_MIN ?? 30) * 60_000 };
const suiteTimeout = (dir) => SUITE_TIMEOUT_OVERRIDES_MS[dir] ?? SUITE_TIMEOUT_MS;
/**
 * Two at a time suits the 2-core machines we have: vitest gives a suite one worker there, so one suite keeps one core
 * busy. Both lanes run the same PGlite suites, so the full gate runs them as the fast lane does before every commit
 * (it used to run them one after another: TEST_CONCURRENCY=1 still does). Each suite's databases are in-memory PGlite
 * and its servers listen on free ports, so two suites share nothing.
 */
const CONCURRENCY = Math.max(1, Math.floor(Number(process.env.TEST_CONCURRENCY ?? 2)) || 1);
/** Started first when suites run side by side, so the longest one isn't left running alone at the end. */
const SLOW_SUITES_FIRST = ['packages/api', 'apps/api', 'packages/db', 'packages/auth'];

/** @type {{ suite: string; database: string; passed: number; failed: number; skipped: number; durationMs: number; durationText?: string; note?: string }[]} */
const results = [];
const started = Date.now();
let postgres;

function record(row) {
  results.push({ skipped: 0, durationMs: 0, ...row });
  if (row.failed > 0 && row.note)
    console.log(red(`✗ ${row.suite}${row.database !== '-' ? ` (${row.database})` : ''}: ${row.note}`));
}

function testEnv(extra = {}) {
  const env = { ...baseEnv, ...extra };
  // Suites pick their database from these; an inherited one would silently move the "embedded" run onto a server.
  for (const key of ['DATABASE_URL', 'TEST_DATABASE_URL', 'PGLITE_DATA_DIR'])
    if (!(key in extra)) delete env[key];
  return env;
}

/** Workspace folders with a `test` script, in dependency-ish order: packages, apps, tooling. */
function testablePackages() {
  const found = [];
  for (const group of ['packages', 'apps', 'tooling']) {
    const groupDir = join(ROOT, group);
    if (!existsSync(groupDir)) continue;
    for (const name of readdirSync(groupDir).sort()) {
      const file = join(groupDir, name, 'package.json');
      if (!existsSync(file)) continue;
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8'));
        if (pkg.scripts?.test) found.push(`${group}/${name}`);
      } catch {
        found.push(`${group}/${name}`); // an unreadable package.json should fail loudly in its own suite
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------------
// a. dependencies

async function install() {
  if (flag('skip-install') && existsSync(join(ROOT, 'node_modules'))) {
    ensurePnpm();
    return true;
  }
  step('Installing dependencies…');
  const t = Date.now();
  const ok = await installDependencies();
  if (!ok)
    record({
      suite: 'pnpm install',
      database: '-',
      passed: 0,
      failed: 1,
      durationMs: Date.now() - t,
      note: 'failed',
    });
  return ok;
}

// ---------------------------------------------------------------------------------------------------------------------
// b. system packages

async function ensureSystemPackages({ needPostgres, needChromium, needNginx, needPdftotext }) {
  if (!needPostgres && !needChromium && !needNginx && !(needPdftotext && !existsSync(PDFTOTEXT)))
    return { postgres: false, chromium: false, nginx: false };
  step('Checking PostgreSQL, Chromium and nginx…');
  const missing = [];
  if (needPostgres && !findPostgresBin())
    missing.push({ what: 'PostgreSQL server', packages: ['postgresql'], recommends: true });
  if (needChromium && !existsSync(CHROMIUM))
    missing.push({ what: 'Chromium', packages: ['chromium', 'fonts-noto-core'], recommends: false });
  if (needNginx && !existsSync(NGINX))
    missing.push({ what: 'nginx', packages: ['nginx'], recommends: false });
  if (needPdftotext && !existsSync(PDFTOTEXT))
    missing.push({ what: 'pdftotext', packages: ['poppler-utils'], recommends: false });
  if (missing.length === 0) {
    if (needPostgres) console.log(`PostgreSQL ${findPostgresBin().split('/').at(-2)} is installed.`);
    if (needChromium) console.log(`${CHROMIUM} is installed.`);
    if (needNginx) console.log(`${NGINX} is installed.`);
    return { postgres: needPostgres, chromium: needChromium, nginx: needNginx };
  }
  if (!isRoot()) {
    console.log(
      red(`Missing: ${missing.map((m) => m.what).join(', ')}. Install as root, then run npm test again:`),
    );
    console.log('  sudo apt-get update');
    for (const m of missing) {
      console.log(
        `  sudo apt-get install -y ${m.recommends ? '' : '--no-install-recommends '}${m.packages.join(' ')}`,
      );
    }
  } else {
    const aptEnv = { ...baseEnv, DEBIAN_FRONTEND: 'noninteractive' };
    console.log(`Installing ${missing.map((m) => m.what).join(' and ')} with apt-get…`);
    const update = await run('apt-get', ['update', '-q'], { env: aptEnv });
    if (update.code === 0) {
      for (const m of missing) {
        const flags = m.recommends ? [] : ['--no-install-recommends'];
        await run('apt-get', ['install', '-y', '-q', ...flags, ...m.packages], { env: aptEnv });
      }
    }
  }
  const state = {
    postgres: needPostgres && Boolean(findPostgresBin()),
    chromium: needChromium && existsSync(CHROMIUM),
    // Without it the proxy suite fails (CI=true) rather than skipping: it says so itself.
    nginx: needNginx && existsSync(NGINX),
  };
  // Not counted here: each suite that needed the missing package counts as one failure ("not run: ...").
  return state;
}

// ---------------------------------------------------------------------------------------------------------------------
// d. typecheck + lint: one check per package and task, read from turbo's run summary

async function typecheckAndLint() {
  step('Type-checking and linting (turbo run typecheck lint)…');
  const runsDir = join(ROOT, '.turbo', 'runs');
  const before = new Set(existsSync(runsDir) ? readdirSync(runsDir) : []);
  const t = Date.now();
  const filters = only ? only.map((dir) => `--filter=./${dir}`) : [];
  const { code } = await pnpm([
    'exec',
    'turbo',
    'run',
    'typecheck',
    'lint',
    '--continue',
    '--summarize',
    // the full gate re-runs every check; the fast lane replays results whose inputs (and dependencies') are unchanged
    ...(quick ? [] : ['--force']),
    ...filters,
  ]);
  const durationMs = Date.now() - t;
  const summaryFile = (existsSync(runsDir) ? readdirSync(runsDir) : [])
    .filter((f) => !before.has(f) && f.endsWith('.json'))
    .map((f) => join(runsDir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  let summary;
  try {
    summary = summaryFile && JSON.parse(readFileSync(summaryFile, 'utf8'));
    // only needed for this count; every run would otherwise leave one behind
    if (summaryFile) rmSync(summaryFile);
  } catch {}
  const tasks = summary?.tasks ?? [];
  if (tasks.length === 0) {
    record({
      suite: 'typecheck + lint',
      database: '-',
      passed: code === 0 ? 1 : 0,
      failed: code === 0 ? 0 : 1,
      durationMs,
      note: code === 0 ? undefined : `turbo exited with ${code}`,
    });
    return;
  }
  for (const task of ['typecheck', 'lint']) {
    const mine = tasks.filter((x) => x.task === task);
    const failed = mine.filter((x) => x.execution?.exitCode !== 0);
    record({
      suite: task,
      database: '-',
      passed: mine.length - failed.length,
      failed: failed.length,
      // both tasks share one turbo run; its time is shown once
      durationMs: task === 'typecheck' ? durationMs : 0,
      durationText: task === 'typecheck' ? undefined : '(same run)',
      note: failed.length
        ? `failed in ${failed.map((x) => x.package.replace('@musyawarah/', '')).join(', ')}`
        : undefined,
    });
  }
  // turbo can fail before any task runs (bad turbo.json); that must not read as "all passed".
  if (code !== 0 && !results.some((r) => (r.suite === 'typecheck' || r.suite === 'lint') && r.failed > 0)) {
    record({ suite: 'turbo', database: '-', passed: 0, failed: 1, note: `turbo exited with ${code}` });
  }
}

/** `prettier --check .`: formatting is a habit the test command enforces (issue #12); `pnpm format` fixes it. */
async function formatCheck() {
  step('Checking formatting (prettier --check .)…');
  // Fast lane: skip files whose content, prettier version and options are unchanged since they last passed.
  const cache = quick ? ['--cache', '--cache-strategy', 'content'] : [];
  const { code, durationMs } = await pnpm(['exec', 'prettier', '--check', '--log-level=warn', ...cache, '.']);
  record({
    suite: 'format',
    database: '-',
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    durationMs,
    note: code === 0 ? undefined : 'files listed above are not formatted: run `pnpm format`',
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// e. web apps

async function buildWebApps() {
  step('Building the web apps (the browser tests serve them)…');
  const { code, durationMs } = await pnpm(
    [
      'exec',
      'turbo',
      'run',
      'build',
      '--filter=@musyawarah/stakeholder',
      '--filter=@musyawarah/secretariat',
      // one app failing to build must not cancel the other: its browser tests can still run
      '--continue',
    ],
    {
      // What an operator builds, and what the reliability suite's production build (production-build.test.ts) asks turbo
      // for: NODE_ENV is part of turbo's task hash (turbo.json globalEnv), so with it unset here that suite missed the
      // cache and built both apps again (30-50 s), writing over the dist the browser tests serve. Vite builds for
      // production either way, so the output is the same.
      env: { ...baseEnv, NODE_ENV: 'production' },
    },
  );
  record({
    suite: 'build web apps',
    database: '-',
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    durationMs,
    note: code === 0 ? undefined : `vite build failed (exit ${code})`,
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// f–h. vitest suites

function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Runs suites `concurrency` at a time (slow ones first) and records their rows in the order given. */
async function vitestSuites(dirs, database, env, concurrency = 1) {
  const buffer = concurrency > 1 && dirs.length > 1;
  const order = [...dirs].sort(
    (a, b) =>
      (SLOW_SUITES_FIRST.includes(a) ? SLOW_SUITES_FIRST.indexOf(a) : Infinity) -
      (SLOW_SUITES_FIRST.includes(b) ? SLOW_SUITES_FIRST.indexOf(b) : Infinity),
  );
  if (buffer)
    step(
      `Tests on ${databaseName(database)}: ${dirs.length} suites, ${concurrency} at a time (each suite's output is printed when it ends)…`,
    );
  const rows = new Map();
  let next = 0;
  const worker = async () => {
    while (next < order.length && !interrupted()) {
      const dir = order[next++];
      rows.set(dir, await vitestSuite(dir, database, env, { buffer }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, order.length) }, worker));
  for (const dir of dirs) if (rows.get(dir)) record(rows.get(dir));
}

const databaseName = (database) => (database === 'pglite' ? 'the embedded database (PGlite)' : database);

/** One vitest suite; returns its summary row (the caller records it). */
async function vitestSuite(dir, database, env, { buffer = false } = {}) {
  if (interrupted()) return;
  const reportFile = join(REPORT_DIR, `${dir.replaceAll('/', '-')}-${database}.json`);
  if (buffer) console.log(dim(`  started: ${dir}`));
  else step(`Tests: ${dir} on ${databaseName(database)}…`);
  // The preset writes the report when VITEST_JSON_OUT is set; the flags cover packages without the preset's config.
  const reporterFlags = ['--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`];
  const { code, durationMs, timedOut, output } = await run(
    join(ROOT, '.tmp', 'bin', 'pnpm'),
    ['run', 'test', ...reporterFlags],
    {
      cwd: join(ROOT, dir),
      env: { ...env, VITEST_JSON_OUT: reportFile },
      timeoutMs: suiteTimeout(dir),
      buffer,
    },
  );
  if (buffer) {
    step(`Tests: ${dir} on ${databaseName(database)} (ended after ${formatDuration(durationMs)})`);
    process.stdout.write(output.endsWith('\n') || output === '' ? output : `${output}\n`);
  }
  const report = readReport(reportFile);
  const row = { suite: dir, database, passed: 0, failed: 0, skipped: 0, durationMs };
  if (!report) {
    row.failed = 1;
    row.note = timedOut
      ? `timed out after ${formatDuration(suiteTimeout(dir))} without a report`
      : code === 0
        ? 'exited 0 but wrote no JSON report (is its test script vitest?)'
        : `crashed without a report (exit ${code})`;
    return row;
  }
  row.passed = report.numPassedTests ?? 0;
  row.failed = report.numFailedTests ?? 0;
  row.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that fails to import (syntax error, missing module) has no failed test, only a failed file.
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  );
  const notes = [];
  if (brokenFiles.length) {
    row.failed += brokenFiles.length;
    notes.push(
      `${brokenFiles.length} file(s) failed to run: ${brokenFiles.map((f) => relative(join(ROOT, dir), f.name)).join(', ')}`,
    );
  }
  // Named in the summary: the end of a long log is often all that is left of a CI run.
  const failedTests = (report.testResults ?? []).flatMap((f) =>
    (f.assertionResults ?? [])
      .filter((a) => a.status === 'failed')
      .map((a) => {
        const why = String(a.failureMessages?.[0] ?? '')
          .split('\n')[0]
          .replace(/\x1b\[[0-9;]*m/g, '')
          .slice(0, 200);
        return `${relative(join(ROOT, dir), f.name)} › ${a.fullName}${why ? ` (${why})` : ''}`;
      }),
  );
  if (failedTests.length) notes.push(`failed: ${failedTests.join('; ')}`);
  if (timedOut) notes.push(`timed out after ${formatDuration(suiteTimeout(dir))}`);
  // Unhandled errors and "no test files found" fail vitest without failing a test; count them once.
  if (code !== 0 && row.failed === 0) {
    row.failed = 1;
    notes.push(`vitest exited with ${code} although no test failed (unhandled error or no test files?)`);
  }
  if (notes.length) row.note = notes.join('; ');
  return row;
}

// ---------------------------------------------------------------------------------------------------------------------
// i. benchmarks

async function benchmarks() {
  // ── HOOK: benchmarks ──────────────────────────────────────────────────────────────────────────────────────────────
  // Runs `pnpm run bench --quick` in bench/ once bench/package.json exists with a "bench" script. It gets no
  // DATABASE_URL: benchmarks start their own PostgreSQL with fsync on (tooling/scripts/lib/postgres.mjs). Counted as one
  // check (exit code). Skip with --skip-bench.
  const file = join(ROOT, 'bench', 'package.json');
  if (flag('skip-bench') || !existsSync(file) || (only && !selected('bench'))) return;
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(file, 'utf8'));
  } catch {}
  if (!pkg?.scripts?.bench) return;
  step('Benchmarks (quick)…');
  const { code, durationMs } = await pnpm(['run', 'bench', '--quick'], {
    cwd: join(ROOT, 'bench'),
    env: testEnv(),
  });
  record({
    suite: 'bench --quick',
    database: '-',
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    durationMs,
    note: code === 0 ? undefined : `exit ${code}`,
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// j. summary

function printSummary() {
  const rows = results.map((r) => [
    r.suite,
    r.database,
    String(r.passed),
    String(r.failed),
    String(r.skipped),
    r.durationText ?? formatDuration(r.durationMs),
  ]);
  const header = ['suite', 'database', 'passed', 'failed', 'skipped', 'duration'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(
    `\n${bold(quick ? 'Summary of the fast lane' : 'Summary')} ${dim(`(reports in ${relative(ROOT, REPORT_DIR)}/)`)}`,
  );
  console.log(bold(line(header)));
  for (const [i, r] of results.entries()) {
    const text = line(rows[i]);
    console.log(r.failed > 0 ? red(text) : text);
  }
  const failures = results.filter((r) => r.failed > 0 && r.note);
  if (failures.length) {
    console.log('');
    for (const r of failures)
      console.log(red(`✗ ${r.suite}${r.database !== '-' ? ` (${r.database})` : ''}: ${r.note}`));
  }
  console.log(
    `\nTotal time: ${formatDuration(Date.now() - started)}${quick ? ' (fast lane: PGlite only; no PostgreSQL, browser, reliability or app build — npm test runs everything)' : ''}`,
  );
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const skipped = results.reduce((n, r) => n + r.skipped, 0);
  console.log('');
  // Plain text, no colour codes: CI matches this line literally and it must be the last one.
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed;
}

// ---------------------------------------------------------------------------------------------------------------------

async function main() {
  rmSync(REPORT_DIR, { recursive: true, force: true });
  mkdirSync(REPORT_DIR, { recursive: true });

  if (!(await install())) return;
  if (interrupted()) return;
  const packages = testablePackages()
    .filter(selected)
    // the fast lane leaves out what needs a browser or a PostgreSQL server of its own
    .filter((dir) => !quick || (dir !== E2E_DIR && !POSTGRES_ONLY_PACKAGES.includes(dir)));
  // …and the second run of the database packages on PostgreSQL
  const dbPackages = quick ? [] : DATABASE_PACKAGES.filter((dir) => packages.includes(dir));
  const postgresOnly = POSTGRES_ONLY_PACKAGES.filter((dir) => packages.includes(dir));
  const system = await ensureSystemPackages({
    needPostgres: dbPackages.length > 0 || postgresOnly.length > 0,
    needChromium: packages.includes(E2E_DIR),
    needNginx: packages.includes('tooling/reliability'),
    needPdftotext: packages.includes('packages/api') || packages.includes(E2E_DIR),
  });
  if (interrupted()) return;
  if (system.postgres) {
    step('Starting a throwaway PostgreSQL (fsync off)…');
    try {
      postgres = await startThrowawayPostgres({ fsync: false, log: (l) => console.log(l) });
    } catch (error) {
      console.log(red(error.message));
      // counted once per database suite below, as not run
    }
  }
  if (interrupted()) return;

  if (!flag('skip-checks')) {
    await typecheckAndLint();
    if (!only) await formatCheck();
  }
  if (interrupted()) return;
  if (!quick && (!only || selected(E2E_DIR) || selected('apps/stakeholder') || selected('apps/secretariat')))
    await buildWebApps();

  await vitestSuites(
    packages.filter((d) => d !== E2E_DIR && !postgresOnly.includes(d)),
    'pglite',
    testEnv(),
    CONCURRENCY,
  );

  // One after another: the suites share this server, and packages/db's listener test ends every connection on it that
  // listens for edition changes (an apps/api suite's host among them, were it running).
  for (const dir of dbPackages) {
    if (postgres) await vitestSuites([dir], 'postgres', testEnv({ TEST_DATABASE_URL: postgres.url }));
    else
      record({
        suite: dir,
        database: 'postgres',
        passed: 0,
        failed: 1,
        note: `not run: ${system.postgres ? 'the throwaway PostgreSQL did not start' : 'PostgreSQL server binaries missing'}`,
      });
  }
  if (postgres) {
    await postgres.stop();
    postgres = undefined;
  }

  for (const dir of postgresOnly) {
    if (system.postgres) await vitestSuites([dir], 'postgres', testEnv());
    else
      record({
        suite: dir,
        database: 'postgres',
        passed: 0,
        failed: 1,
        note: 'not run: PostgreSQL server binaries missing',
      });
  }

  if (packages.includes(E2E_DIR)) {
    if (system.chromium) await vitestSuites([E2E_DIR], 'pglite', testEnv());
    else
      record({
        suite: E2E_DIR,
        database: 'pglite',
        passed: 0,
        failed: 1,
        note: `not run: ${CHROMIUM} missing`,
      });
  }

  if (!interrupted() && !quick) await benchmarks();
}

await main()
  .catch((error) => {
    console.error(red(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    record({ suite: 'test runner', database: '-', passed: 0, failed: 1, note: 'crashed (see above)' });
  })
  .then(async () => {
    if (postgres) await postgres.stop();
    if (interrupted())
      record({ suite: 'interrupted', database: '-', passed: 0, failed: 1, note: `by ${interrupted()}` });
    const failed = printSummary();
    process.exit(interrupted() ? signalExitCode(interrupted()) : failed === 0 ? 0 : 1);
  });
