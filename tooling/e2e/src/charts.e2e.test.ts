import { mkdirSync } from 'node:fs';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEMO_PASSWORD,
  DEMO_SECRETARIAT,
  axeViolations,
  launchBrowser,
  startPlatform,
  type BrowserHandle,
  type Platform,
} from './harness';

/**
 * The Secretariat's dashboards (issue #17, "Charts and maps") on the demo data: every chart is a figure named by its
 * caption, its numbers are in a table that matches the database, and the page passes axe at 1280 and 375 px in English
 * and Khmer. Set CHARTS_SHOTS=/some/dir to keep full-page screenshots.
 */

const SHOTS = process.env.CHARTS_SHOTS;
const DEMO_ROUND = 'Demo: What should the Responsible AI Roadmap protect?';

let platform: Platform;
let browser: BrowserHandle;
/** Counted straight from the tables, not through the API the page uses. */
const expected = {
  total: 0,
  byLanguage: new Map<string, number>(),
  byState: new Map<string, number>(),
  civilSociety: 0,
};

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  const round = await platform.db
    .selectFrom('consultation_round')
    .select('id')
    .where(sql<string>`title->>'en'`, '=', DEMO_ROUND)
    .executeTakeFirstOrThrow();
  const rows = await platform.db
    .selectFrom('contribution')
    .select(['written_in', 'member_state_code', 'stakeholder_group'])
    .where('round_id', '=', round.id)
    .where('status', '=', 'submitted')
    .execute();
  expected.total = rows.length;
  for (const r of rows) {
    expected.byLanguage.set(r.written_in, (expected.byLanguage.get(r.written_in) ?? 0) + 1);
    if (r.member_state_code)
      expected.byState.set(r.member_state_code, (expected.byState.get(r.member_state_code) ?? 0) + 1);
    if (r.stakeholder_group === 'civil_society') expected.civilSociety += 1;
  }
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function signIn(page: Page) {
  await page.goto(`${platform.url}/secretariat/sign-in`);
  await page.getByLabel('E-mail address').fill(DEMO_SECRETARIAT.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/${name}-${page.viewportSize()?.width}.png`, fullPage: true });
}

const row = (page: Page, figure: string, header: string | RegExp) =>
  page
    .getByRole('figure', { name: figure })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: header }) });

async function openDashboards(page: Page) {
  await signIn(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboards' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboards' }).waitFor();
  await page.getByLabel('Round', { exact: true }).selectOption({ label: DEMO_ROUND });
  await page.getByRole('figure', { name: 'Contributions per day' }).waitFor();
}

describe.sequential('dashboards', () => {
  test('every chart is a named figure with a summary, and its table has the demo round’s numbers', async () => {
    const page = await browser.newPage({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    await openDashboards(page);
    for (const name of [
      'Contributions per day',
      'Contributions by Member State',
      'Contributions by stakeholder group, against representation targets',
      'Contributions by language',
      'Feedback by type',
    ])
      await expect(page.getByRole('figure', { name }).isVisible()).resolves.toBe(true);
    await page
      .getByRole('figure', { name: 'Days late per phase' })
      .or(page.getByText('No review cycle has started yet.'))
      .first()
      .waitFor();

    const days = page.getByRole('figure', { name: 'Contributions per day' });
    await expect(days.locator('.chart__summary').textContent()).resolves.toContain(
      `${expected.total} contributions`,
    );

    // Tables sit behind a disclosure; open them as a reader would.
    for (const figure of [
      'Contributions by language',
      'Contributions by Member State',
      'Contributions by stakeholder group, against representation targets',
    ]) {
      await page.getByRole('figure', { name: figure }).locator('summary').click();
    }
    for (const [language, count] of expected.byLanguage) {
      const name =
        language === 'km' ? /Khmer/ : language === 'th' ? /Thai/ : language === 'id' ? /Indonesia/ : null;
      if (!name) continue;
      await expect(
        row(page, 'Contributions by language', name).getByRole('cell').first().textContent(),
      ).resolves.toBe(String(count));
    }
    const cambodia = row(page, 'Contributions by Member State', 'Cambodia').getByRole('cell');
    await expect(cambodia.nth(0).textContent()).resolves.toBe(String(expected.byState.get('KH')));
    await expect(cambodia.nth(2).textContent()).resolves.toBe('30');
    // All 11 Member States are in the table, those with no contributions too.
    await expect(
      page.getByRole('figure', { name: 'Contributions by Member State' }).getByRole('rowheader').count(),
    ).resolves.toBe(11);
    const civil = row(
      page,
      'Contributions by stakeholder group, against representation targets',
      'Civil society',
    ).getByRole('cell');
    await expect(civil.nth(0).textContent()).resolves.toBe(String(expected.civilSociety));
    await expect(civil.nth(3).textContent()).resolves.toBe(
      expected.civilSociety >= 80 ? 'Met' : `${80 - expected.civilSociety} short`,
    );

    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'dashboards-en');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'dashboards-en');
  }, 180_000);

  test('the board measures are four named charts, and the page reads in Khmer', async () => {
    const page = await browser.newPage({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    await openDashboards(page);
    const board = page.getByRole('region', { name: 'Advisory board measures (C2.1)' });
    if (!(await board.getByText('There are no advisory boards yet.').isVisible())) {
      for (const name of [
        'Seats held by marginalised constituencies',
        'Session attendance rate',
        'Member inputs and nominations received',
        'Satisfaction and trust (1 to 5)',
      ])
        await board.getByRole('figure', { name }).waitFor();
    }
    await page.evaluate(() => window.localStorage.setItem('musyawarah.locale', 'km'));
    await page.reload();
    await page.locator('html[lang="km"]').waitFor();
    await page.locator('figure.chart').first().waitFor();
    await expect(page.locator('figure.chart').first().getAttribute('aria-labelledby')).resolves.toBeTruthy();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'dashboards-km');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'dashboards-km');
  }, 180_000);
});
