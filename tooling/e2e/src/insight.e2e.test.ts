import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
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
 * Theme suggestions (issue #17): on the demo round with 300 contributions in six languages the Secretariat runs the
 * analysis, reads the suggestions per language, merges two across languages and accepts one as a theme; the screen
 * passes axe at 1280 and 375 px, in English and in Khmer.
 */

let platform: Platform;
let browser: BrowserHandle;
let roundId: string;
const SHOTS = process.env.E2E_SHOTS_DIR;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  const round = await platform.db
    .selectFrom('consultation_round')
    .select('id')
    .where((eb) => eb(eb.ref('title', '->>').key('en'), 'like', 'Demo: What should%'))
    .executeTakeFirstOrThrow();
  roundId = round.id;
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function signInSecretariat(page: Page) {
  await page.goto(`${platform.url}/secretariat/sign-in`);
  await page.getByLabel('E-mail address').fill(DEMO_SECRETARIAT.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
}

test('the Secretariat runs the analysis on the demo round, merges suggestions across languages and accepts a theme', async () => {
  const page = await browser.newPage({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  await signInSecretariat(page);
  await page.goto(`${platform.url}/secretariat/consultations/${roundId}/themes`);
  await page.getByRole('heading', { name: 'Themes in the feedback', level: 1 }).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Run the analysis' }).click();
  await page
    .getByRole('heading', { name: /Suggestions in .*Khmer|Suggestions in ខ្មែរ/ })
    .waitFor({ timeout: 60_000 });
  await expect.poll(() => page.getByText('300 contributions analysed', { exact: false }).count()).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, 'insight-themes-en-1280');

  // Merge the first Thai and the first Khmer suggestion into one theme across languages.
  const thai = page.locator('section', {
    has: page.getByRole('heading', { name: /Suggestions in .*Thai|ไทย/ }),
  });
  const khmer = page.locator('section', {
    has: page.getByRole('heading', { name: /Suggestions in .*Khmer|ខ្មែរ/ }),
  });
  await thai.getByRole('checkbox').first().check();
  await khmer.getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Merge the selected suggestions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge suggestions' });
  await dialog.getByLabel('Theme name').fill('Personal data');
  await dialog.getByRole('button', { name: 'Merge the selected suggestions' }).click();
  await page.getByText('Merged 2 suggestions.').waitFor();
  const merged = page.locator('section', {
    has: page.getByRole('heading', { name: 'Merged across languages' }),
  });
  await merged.getByRole('heading', { name: /Personal data/ }).waitFor();

  await merged.getByRole('button', { name: 'Accept as a theme' }).click();
  const accept = page.getByRole('dialog', { name: 'Accept as a theme' });
  await expect.poll(() => accept.getByLabel('Theme name').inputValue()).toBe('Personal data');
  await accept.getByRole('button', { name: 'Accept as a theme' }).click();
  await page.getByText('Accepted “Personal data”: its contributions are tagged.').waitFor();
  const themes = page.locator('section', { has: page.getByRole('heading', { name: 'Themes of the round' }) });
  await themes.getByText('Personal data').waitFor();
  const tagged = await platform.db
    .selectFrom('contribution_theme')
    .innerJoin('round_theme', 'round_theme.id', 'contribution_theme.theme_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('round_theme.round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  expect(Number(tagged.n)).toBeGreaterThan(1);
  expect(await axeViolations(page)).toEqual([]);

  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await shot(page, 'insight-themes-en-375');

  // The same screen in Khmer: the account's language wins after a reload.
  await platform.db
    .updateTable('user_account')
    .set({ locale: 'km' })
    .where('email', '=', DEMO_SECRETARIAT.email)
    .execute();
  await page.reload();
  await page.locator('html[lang="km"]').waitFor();
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await shot(page, 'insight-themes-km-375');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'insight-themes-km-1280');
  await platform.db
    .updateTable('user_account')
    .set({ locale: 'en' })
    .where('email', '=', DEMO_SECRETARIAT.email)
    .execute();
}, 180_000);

test('a visitor finds a closed round’s published results on /open-data and reads its CSV, in Burmese too', async () => {
  await platform.db
    .updateTable('consultation_round')
    .set({ summary: JSON.stringify({ en: 'What we heard.' }), summary_published_at: new Date() })
    .where('id', '=', roundId)
    .execute();
  const page = await browser.newPage({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  // Found from any page: the footer links to it.
  await page.goto(`${platform.url}/`);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Open data' }).click();
  await page.getByRole('heading', { name: 'Open data', level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/open-data');
  const csvLink = page.getByRole('link', { name: /Download CSV — Demo: What should/ });
  await csvLink.waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, 'opendata-en-1280');
  const href = await csvLink.getAttribute('href');
  expect(href).toMatch(new RegExp(`^https?://[^/]+/files/open-data/rounds/${roundId}\\.csv$`));
  const csv = await (await fetch(`${platform.url}/files/open-data/rounds/${roundId}.csv`)).text();
  expect(csv.split('\r\n')[0]).toContain('contribution_id');
  expect(csv.split('\r\n').length).toBeGreaterThan(300);
  const json = (await (await fetch(`${platform.url}/files/open-data/rounds/${roundId}.json`)).json()) as {
    dataset: { licence: { id: string } };
    aggregates: { contributions: number };
  };
  expect(json.dataset.licence.id).toBe('CC-BY-4.0');
  expect(json.aggregates.contributions).toBe(300);

  await page.setViewportSize({ width: 375, height: 800 });
  await page.evaluate(() => window.localStorage.setItem('musyawarah.locale', 'my'));
  await page.reload();
  await page.locator('html[lang="my"]').waitFor();
  await page.getByRole('heading', { level: 1, name: 'ပွင့်လင်းဒေတာ' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await shot(page, 'opendata-my-375');
}, 120_000);
