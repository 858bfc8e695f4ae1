/**
 * Browser-test harness: the whole platform in this process (fresh in-memory database with demo data, built apps served)
 * and Debian's Chromium driven by playwright-core. Typical test file:
 *
 *   let platform: Platform; let browser: BrowserHandle;
 *   beforeAll(async () => { platform = await startPlatform(); browser = await launchBrowser(); });
 *   afterAll(async () => { await browser?.close(); await platform?.close(); });
 *   test('…', async () => { const page = await browser.newPage(); await page.goto(`${platform.url}/`); … });
 *
 * A failing test leaves screenshots of its pages in tooling/e2e/test-results/ (see setup.ts); pages a test opens are
 * closed after it, so open shared pages in beforeAll.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { inject } from 'vitest';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import type { Database, MailOutbox } from '@musyawarah/db';
import { startPlatformServer } from '@musyawarah/api-host';

export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PAGE_TIMEOUT_MS = 10_000;

// ─── demo accounts (seeded by the API host with seedDemo: true) ──────────────────────────────────────────────────────

export const DEMO_PASSWORD = 'asean-demo-2030';
export const DEMO_SECRETARIAT = {
  email: 'secretariat@example.org',
  password: DEMO_PASSWORD,
  role: 'secretariat',
} as const;
export const DEMO_MEMBER_STATE = {
  email: 'member-state.id@example.org',
  password: DEMO_PASSWORD,
  role: 'member_state',
  memberState: 'ID',
} as const;
export const DEMO_STAKEHOLDER = {
  email: 'stakeholder@example.org',
  password: DEMO_PASSWORD,
  role: 'stakeholder',
} as const;
export const DEMO_ACCOUNTS = {
  secretariat: DEMO_SECRETARIAT,
  memberState: DEMO_MEMBER_STATE,
  stakeholder: DEMO_STAKEHOLDER,
} as const;

// ─── platform ────────────────────────────────────────────────────────────────────────────────────────────────────────

export type PlatformOptions = Parameters<typeof startPlatformServer>[0];

export interface Platform {
  /** e.g. http://127.0.0.1:41234 — no trailing slash */
  url: string;
  db: Kysely<Database>;
  close(): Promise<void>;
}

/**
 * The API host in this process on a free port, with its own in-memory database and the demo data: a copy of the
 * snapshot global-setup.ts prepared once for the run, so no file sees another's writes.
 */
export async function startPlatform(overrides: Partial<PlatformOptions> = {}): Promise<Platform> {
  const server = await startPlatformServer({
    port: 0,
    host: '127.0.0.1',
    pgliteDataDir: 'memory://',
    pgliteSnapshot: inject('platformSnapshot'),
    seedDemo: true,
    serveApps: true,
    logLevel: 'warn',
    ...overrides,
  });
  return { url: server.url.replace(/\/+$/, ''), db: server.db, close: () => server.close() };
}

// ─── browser ─────────────────────────────────────────────────────────────────────────────────────────────────────────

export interface BrowserHandle {
  browser: Browser;
  /** A page in a fresh context (own cookies and storage), default timeout 10 s. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Open pages and the test that opened each (undefined: opened in a beforeAll and shared). A failing test gets
 * screenshots of its own and the shared pages; pages a test opened are closed after it, pass or fail.
 */
const openPages = new Map<Page, string | undefined>();
const pageLogs = new WeakMap<Page, string[]>();
let currentTest: string | undefined;

export async function launchBrowser(): Promise<BrowserHandle> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 30_000,
    // The machines' network is closed: without the background-networking flags Chromium keeps calling home.
    // --disable-dev-shm-usage because containers often have a 64 MB /dev/shm, which crashes renderers.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const contexts = new Set<BrowserContext>();
  return {
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ locale: 'en-GB', ...options });
      contexts.add(context);
      context.setDefaultTimeout(PAGE_TIMEOUT_MS);
      context.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS * 2);
      const page = await context.newPage();
      const logs: string[] = [];
      pageLogs.set(page, logs);
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') logs.push(`console.${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => logs.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) =>
        logs.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`),
      );
      openPages.set(page, currentTest);
      page.on('close', () => openPages.delete(page));
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** Called by setup.ts before each test. */
export function testStarted(testName: string): void {
  currentTest = testName;
}

/** Called by setup.ts after each test: on failure a full-page screenshot of the test's pages and what they logged. */
export async function testFinished(failed: boolean): Promise<string[]> {
  const testName = currentTest ?? 'test';
  currentTest = undefined;
  const relevant = [...openPages]
    .filter(([, owner]) => owner === undefined || owner === testName)
    .map(([page]) => page);
  const saved: string[] = [];
  if (failed && relevant.length) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const base = testName
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 120);
    for (const [i, page] of relevant.entries()) {
      const file = join(RESULTS_DIR, `${base}${relevant.length > 1 ? `-${i + 1}` : ''}.png`);
      try {
        await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
        saved.push(file);
        console.error(`screenshot of ${page.url()}: ${file}`);
      } catch (error) {
        console.error(`no screenshot of ${page.url()}: ${(error as Error).message}`);
      }
      const logs = pageLogs.get(page) ?? [];
      if (logs.length) console.error(`${page.url()} logged:\n  ${logs.slice(-20).join('\n  ')}`);
    }
  }
  for (const [page, owner] of openPages) {
    if (owner === testName)
      await page
        .context()
        .close()
        .catch(() => undefined);
  }
  return saved;
}

// ─── mail ────────────────────────────────────────────────────────────────────────────────────────────────────────────

/** The newest mail_outbox row addressed to toAddress (case-insensitive), or undefined. */
export async function readLatestMail(
  db: Kysely<Database>,
  toAddress: string,
): Promise<MailOutbox | undefined> {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where(sql<string>`lower(to_address)`, '=', toAddress.toLowerCase())
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Waits for a mail to toAddress written after `since` (default: any), because the server may write it just after it
 * answers the request that caused it.
 */
export async function waitForMail(
  db: Kysely<Database>,
  toAddress: string,
  { since, timeoutMs = 5_000 }: { since?: Date; timeoutMs?: number } = {},
): Promise<MailOutbox> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = await readLatestMail(db, toAddress);
    if (mail && (!since || new Date(mail.created_at) >= since)) return mail;
    if (Date.now() > deadline)
      throw new Error(`no mail to ${toAddress}${since ? ` since ${since.toISOString()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first URL in a mail's text whose path starts with pathPrefix (e.g. '/confirm-email'); throws if there is none. */
export function extractLink(textBody: string, pathPrefix: string): string {
  const candidates = textBody.match(/https?:\/\/[^\s<>"'()[\]]+/g) ?? [];
  for (const raw of candidates) {
    // A link at the end of a sentence carries the full stop.
    const cleaned = raw.replace(/[.,;:!?]+$/, '');
    try {
      const url = new URL(cleaned);
      if (url.pathname.startsWith(pathPrefix)) return url.toString();
    } catch {
      // not a URL after all
    }
  }
  throw new Error(`no link to ${pathPrefix}… in mail text:\n${textBody}`);
}

// ─── accessibility ───────────────────────────────────────────────────────────────────────────────────────────────────

/** The WCAG 2.2 A/AA tags accessibility.e2e.test.ts runs axe-core with. */
export const AXE_WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * WCAG 2.2 A/AA problems axe-core finds on the page, as readable lines (as accessibility.e2e.test.ts runs it). The page
 * must be opened with `bypassCSP: true` so that the script can be injected.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const { createRequire } = await import('node:module');
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const found = (await page.evaluate(
    async (tags) => (await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations,
    AXE_WCAG_TAGS,
  )) as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  return found.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
