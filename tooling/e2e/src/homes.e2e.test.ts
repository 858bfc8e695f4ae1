import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  axeViolations,
  DEMO_MEMBER_STATE,
  DEMO_PASSWORD,
  DEMO_SECRETARIAT,
  DEMO_STAKEHOLDER,
  launchBrowser,
  startPlatform,
  type BrowserHandle,
  type Platform,
} from './harness';

/**
 * Each role's home on the demo data (issue #14): the Secretariat overview, a Member State representative's home and a
 * participant's home show live tasks that link to where they are done, at 1280 and 375 px, with no axe violations.
 * Set HOMES_SHOTS=/some/dir to keep full-page screenshots (English, and Khmer for the stakeholder homes).
 */

const SHOTS = process.env.HOMES_SHOTS;
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

const WIDTHS = [1280, 375] as const;

describe('homes', () => {
  test('the Secretariat opens the overview and sees what needs attention, each figure linking to its list', async () => {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
      await signIn(page, DEMO_SECRETARIAT.email, '/secretariat');
      await page.goto(`${platform.url}/secretariat/`);
      const attention = page.getByRole('region', { name: 'Needs attention now' });
      await expect.poll(() => attention.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByText('Coming soon').count()).toBe(0);
      // The demo board misses its industry target; the demo review cycle is in its comment period.
      const boards = attention.getByRole('region', { name: 'Advisory boards' });
      await expect.poll(() => boards.getByText('1 composition target not met').count()).toBe(1);
      const review = attention.getByRole('region', { name: 'Review cycles' });
      await expect.poll(() => review.getByText(/have not recorded a position on every edit/).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, 'secretariat-overview');
      if (width === 1280) {
        await review.getByRole('link').first().click();
        await page.waitForURL(/\/review\/cycles\/[^/]+\/positions$/);
      }
      await page.close();
    }
  });

  test('a Member State representative sees their state’s positions to record with the deadline and this year’s self-assessment', async () => {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
      await signIn(page, DEMO_MEMBER_STATE.email, '');
      await page.goto(`${platform.url}/`);
      const tasks = page.getByRole('region', { name: "Your state's tasks" });
      const positions = tasks.getByRole('region', { name: "Edits awaiting Indonesia's position" });
      await expect
        .poll(() => positions.getByText(/3 proposed edits await Indonesia's position/).count())
        .toBe(1);
      await expect.poll(() => positions.getByText(/^Due by /).count()).toBe(1);
      const year = new Date().getUTCFullYear();
      await expect
        .poll(() => tasks.getByRole('link', { name: `Start the ${year} self-assessment` }).count())
        .toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, 'member-state-home');
      await page.close();
    }
  });

  test('a participant sees the board session to answer and the rounds open to them, and follows a task', async () => {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
      await signIn(page, DEMO_STAKEHOLDER.email, '');
      await page.goto(`${platform.url}/`);
      const tasks = page.getByRole('region', { name: 'For you' });
      const sessions = tasks.getByRole('region', { name: 'Advisory board sessions to answer' });
      await expect.poll(() => sessions.getByText(/^Say whether you will attend/).count()).toBe(1);
      await expect.poll(() => sessions.getByText(/^Answer the short satisfaction survey/).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, 'participant-home');
      if (width === 1280) {
        await sessions.getByRole('link').first().click();
        await page.waitForURL(/\/boards\/mine\/sessions\//);
      }
      await page.close();
    }
  });
});
