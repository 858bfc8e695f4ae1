import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  axeViolations,
  DEMO_MEMBER_STATE,
  DEMO_PASSWORD,
  DEMO_SECRETARIAT,
  launchBrowser,
  startPlatform,
  type BrowserHandle,
  type Platform,
} from './harness';

/**
 * What a newcomer tripped on (issue #14), each checked in the browser on the demo data. Set NEWCOMER_SHOTS=/some/dir
 * to keep screenshots of the pages at 1280 and 375 px.
 */

const SHOTS = process.env.NEWCOMER_SHOTS;
let platform: Platform;
let browser: BrowserHandle;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function signIn(page: Page, email: string, app: '' | '/secretariat') {
  await page.goto(`${platform.url}${app}/sign-in`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/${name}-${page.viewportSize()?.width}.png`, fullPage: true });
}

const pageOverflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function demoCycleId(page: Page) {
  await page.goto(`${platform.url}/secretariat/review`);
  const link = page.getByRole('link', { name: /Demo: first review/ }).first();
  const href = await link.getAttribute('href');
  return href!.split('/').pop()!;
}

describe('what a newcomer hit', () => {
  test('the positions matrix scrolls inside its labelled region at 1280 and 375 px, every column reachable', async () => {
    for (const width of [1280, 375]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
      await signIn(page, DEMO_SECRETARIAT.email, '/secretariat');
      const cycleId = await demoCycleId(page);
      await page.goto(`${platform.url}/secretariat/review/cycles/${cycleId}/positions`);
      const region = page.getByRole('region', { name: 'Proposed edits by Member State position' });
      await expect.poll(() => region.getByRole('row').count()).toBeGreaterThan(1);
      expect(await pageOverflows(page)).toBe(false);
      await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      const last = region.getByRole('columnheader', { name: 'Not yet responded' });
      await expect
        .poll(() =>
          last.evaluate((el) => {
            const box = el.getBoundingClientRect();
            return box.right <= window.innerWidth + 1 && box.left >= 0;
          }),
        )
        .toBe(true);
      // No row is stretched tall by a narrow column of eleven names.
      const heights = await region
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
      expect(Math.max(...heights)).toBeLessThan(200);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, 'positions');
      await page.close();
    }
  });

  test('a round page opened directly has styled breadcrumbs, not a numbered list', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${platform.url}/consultations`);
    const href = await page
      .getByRole('link', { name: /Demo: AI advisory boards/ })
      .first()
      .getAttribute('href');
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await fresh.goto(`${platform.url}${href}`);
    const list = fresh.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('list');
    await expect
      .poll(() => list.evaluate((el) => [getComputedStyle(el).display, getComputedStyle(el).listStyleType]))
      .toEqual(['flex', 'none']);
    await page.close();
    await fresh.close();
  });

  test('comparing editions while there is only one says so once, with no error box', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${platform.url}/editions/compare?from=1&to=2`);
    await expect
      .poll(() => page.getByText('There is only one edition of the Roadmap so far').count())
      .toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('heading', { name: /Changes from edition/ }).count()).toBe(0);
    await page.close();
  });

  test('the readiness table lists all 11 Member States, with "not submitted" for those that have not', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, DEMO_SECRETARIAT.email, '/secretariat');
    for (const query of ['', '?year=2025', `?year=${new Date().getUTCFullYear()}`]) {
      await page.goto(`${platform.url}/secretariat/readiness${query}`);
      const rows = page.locator('table tbody tr');
      await expect
        .poll(() =>
          rows
            .locator('th')
            .allTextContents()
            .then((names) => new Set(names).size),
        )
        .toBe(11);
    }
    // No state has submitted for this year yet (the demo assessments are for 2025).
    expect(await page.getByText('No submitted assessment for this year').count()).toBe(11);
    await page.close();
  });

  test('the cycle timeline speaks plainly about a phase still running', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, DEMO_SECRETARIAT.email, '/secretariat');
    const cycleId = await demoCycleId(page);
    await page.goto(`${platform.url}/secretariat/review/cycles/${cycleId}`);
    await expect.poll(() => page.getByText(/^Started .+, still running$/).count()).toBe(1);
    await expect.poll(() => page.getByText(/ended 2 days later than planned/).count()).toBe(1);
    expect(await page.getByText(/ended \(or is\)|to still running/).count()).toBe(0);
    await page.close();
  });

  test('a representative’s position form states the explanation rule, and the radios are named by their labels alone', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, DEMO_MEMBER_STATE.email, '');
    const home = page.getByRole('region', { name: "Edits awaiting Indonesia's position" });
    await home.getByRole('link').first().click();
    const object = page.getByRole('radio', { name: 'Object', exact: true }).first();
    await expect.poll(() => object.count()).toBe(1);
    await expect
      .poll(() =>
        page
          .getByLabel('Explanation (required if you object or support with an amendment, optional otherwise)')
          .count(),
      )
      .toBeGreaterThan(0);
    await object.check();
    await expect.poll(() => page.getByLabel('Explanation (required: say why)').count()).toBe(1);
    await page.close();
  });

  test('a representative reads the closed assessment phase’s ratings instead of a form', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, DEMO_MEMBER_STATE.email, '');
    await page.goto(`${platform.url}/review`);
    const href = await page
      .getByRole('link', { name: /Demo: first review/ })
      .first()
      .getAttribute('href');
    await page.goto(`${platform.url}${href}/assessment`);
    await expect.poll(() => page.getByRole('link', { name: /Back/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('combobox').count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await page.close();
  });

  test('the Secretariat closes a round early from the foot of the page, after confirming', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, DEMO_SECRETARIAT.email, '/secretariat');
    await page.goto(`${platform.url}/secretariat/consultations`);
    await page
      .getByRole('link', { name: /Demo: AI advisory boards/ })
      .first()
      .click();
    const status = page.getByRole('region', { name: 'Change the status' });
    const close = status.getByRole('button', { name: 'Close early' });
    await expect.poll(() => close.count()).toBe(1);
    // Below the tabs, not above the work.
    const tabs = await page.getByRole('tablist').boundingBox();
    const button = await close.boundingBox();
    expect(button!.y).toBeGreaterThan(tabs!.y);
    await close.click();
    await expect.poll(() => page.getByRole('heading', { name: 'Close this round early?' }).count()).toBe(1);
    await page.close();
  });

  test('on a phone the header and a Menu button take little room; the menu opens and closes', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 }, bypassCSP: true });
    await signIn(page, DEMO_MEMBER_STATE.email, '');
    await page.goto(`${platform.url}/`);
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'My contributions' }).isVisible()).toBe(false);
    // The header and the folded navigation end well before the ~300 px the header and nine links took.
    const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    expect(nav!.y + nav!.height).toBeLessThan(170);
    await menu.click();
    await expect.poll(() => page.getByRole('link', { name: 'My contributions' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'phone-menu-open');
    await page.getByRole('link', { name: 'My contributions' }).click();
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });
});
