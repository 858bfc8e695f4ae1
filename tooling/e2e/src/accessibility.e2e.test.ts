import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEMO_MEMBER_STATE,
  DEMO_PASSWORD,
  DEMO_SECRETARIAT,
  DEMO_STAKEHOLDER,
  launchBrowser,
  startPlatform,
  type BrowserHandle,
  type Platform,
  axeViolations,
} from './harness';

/**
 * WCAG 2.2 A/AA rules that a machine can check (axe-core), on every page of both apps, in real Chromium, at a desktop
 * and a phone width. A machine finds perhaps a third of accessibility problems; the rest is design and review, but
 * this third must never regress.
 */

let platform: Platform;
let browser: BrowserHandle;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});

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

async function check(page: Page, path: string) {
  await page.goto(`${platform.url}${path}`);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  // Audit the page, not its loading state: every query's "Loading…" indicator must be gone.
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
  expect(await axeViolations(page), `${path} at ${page.viewportSize()?.width}px`).toEqual([]);
}

const PUBLIC_PAGES = [
  '/',
  '/register',
  '/sign-in',
  '/forgot-password',
  '/privacy',
  '/actions',
  '/actions/C2.1',
  '/assessment',
  '/confirm-email?token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  '/no-such-page',
  '/secretariat/sign-in',
];

describe('accessibility (axe-core, WCAG 2.2 A/AA)', () => {
  for (const width of [1280, 375]) {
    test(`public pages at ${width}px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
      for (const path of PUBLIC_PAGES) await check(page, path);
    });
  }

  test('a stakeholder’s account page', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await signIn(page, DEMO_STAKEHOLDER.email, '');
    await check(page, '/account');
  });

  test('a member-state representative’s self-assessment', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await signIn(page, DEMO_MEMBER_STATE.email, '');
    await check(page, '/assessment');
  });

  test('the secretariat app', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await signIn(page, DEMO_SECRETARIAT.email, '/secretariat');
    for (const path of [
      '/secretariat/',
      '/secretariat/users',
      '/secretariat/users/invite',
      '/secretariat/invitations',
      '/secretariat/mail',
    ]) {
      await check(page, path);
    }
  });
});
