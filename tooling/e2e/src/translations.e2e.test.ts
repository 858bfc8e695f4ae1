import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  DEMO_PASSWORD,
  DEMO_SECRETARIAT,
  launchBrowser,
  startPlatform,
  type BrowserHandle,
  type Platform,
  axeViolations,
} from './harness';

/**
 * Translation review (issue #13): the Secretariat opens Translations, picks Khmer by its own name, shows the texts not
 * reviewed yet, edits a machine-drafted translation (a lost placeholder is refused next to the field) and approves it;
 * the list shows it reviewed. Each state of the page is checked with axe (WCAG 2.2 A/AA) and photographed at 1280 and
 * 375 px for review. The approval goes to the in-memory database only: the repository's locale files are not written.
 */

const SHOTS = process.env.TRANSLATIONS_SHOTS_DIR ?? '/tmp/translations-ui-shots';
const KEY = 'validation.passwordTooShort';

let platform: Platform;
let browser: BrowserHandle;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function axe(page: Page, what: string) {
  await page.waitForLoadState('networkidle');
  expect(await axeViolations(page), `${what} at ${page.viewportSize()?.width}px`).toEqual([]);
}

/** Axe and a full-page screenshot at 1280 px, then the same at phone width (nothing wider than the screen). */
async function checkPage(page: Page, name: string) {
  await axe(page, name);
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await axe(page, name);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} scrolls sideways at 375px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/${name}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the Secretariat picks Khmer, shows the texts not reviewed yet, edits a translation and approves it', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await page.goto(`${platform.url}/secretariat/sign-in`);
  await page.getByLabel('E-mail address').fill(DEMO_SECRETARIAT.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));

  await page.getByRole('navigation').getByRole('link', { name: 'Translations' }).click();
  await page.getByRole('heading', { level: 1, name: 'Translations' }).waitFor();
  await page
    .getByRole('table', { name: 'Review progress by language' })
    .getByRole('link', { name: 'ខ្មែរ (Khmer)' })
    .waitFor();
  await checkPage(page, 'translations-languages');

  // Khmer, by its own name; only the texts not reviewed yet.
  const filter = page.getByRole('search', { name: 'Choose the translations to show' });
  await filter.getByLabel('Language', { exact: true }).selectOption({ label: 'ខ្មែរ' });
  await filter.getByLabel('Show', { exact: true }).selectOption({ label: 'Not reviewed yet' });
  await filter.getByRole('button', { name: 'Show translations' }).click();
  await page.waitForURL(
    (url) => url.searchParams.get('locale') === 'km' && url.searchParams.get('filter') === 'unreviewed',
  );
  await page.getByRole('heading', { level: 2, name: 'ខ្មែរ (Khmer)' }).waitFor();
  const table = page.getByRole('table', { name: 'Texts in ខ្មែរ (Khmer)' });
  await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(2);
  await expect(table.getByText('Reviewed', { exact: true }).count()).resolves.toBe(0);
  await checkPage(page, 'translations-khmer-unreviewed');

  // Narrow to one text (still unreviewed) and edit it.
  await filter.getByLabel('Search', { exact: true }).fill(KEY);
  await filter.getByRole('button', { name: 'Show translations' }).click();
  await page.waitForURL((url) => url.searchParams.get('search') === KEY);
  const row = table.getByRole('row').filter({ hasText: KEY });
  await row.getByText('Draft', { exact: true }).waitFor();
  await expect(row.getByText('Your password must be at least {{min}} characters long').count()).resolves.toBe(
    1,
  );
  await row.getByRole('button', { name: `Edit ui:${KEY}` }).click();
  const field = row.getByRole('textbox', { name: 'Translation in ខ្មែរ (Khmer)' });
  await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);

  // A text that loses the {{min}} placeholder is refused next to the field.
  await field.fill('ពាក្យសម្ងាត់ខ្លីពេក');
  await row.getByRole('button', { name: 'Approve', exact: true }).click();
  await row
    .locator('.field-error')
    .filter({ hasText: 'Keep the placeholders and tags of the English text' })
    .waitFor();
  await checkPage(page, 'translations-khmer-edit-error');

  const text = 'ពាក្យសម្ងាត់ត្រូវមានយ៉ាងហោចណាស់ {{min}} តួអក្សរ';
  await field.fill(text);
  await row.getByRole('button', { name: 'Approve', exact: true }).click();
  await row.getByText('Reviewed', { exact: true }).waitFor();
  await row.getByText(text).waitFor();
  await row.getByText('by Siti Rahmawati').waitFor();
  await page.getByText(`Approved the translation of ui:${KEY}.`).waitFor({ state: 'attached' });
  await checkPage(page, 'translations-khmer-approved');

  const stored = await platform.db
    .selectFrom('translation_review')
    .selectAll()
    .where('locale', '=', 'km')
    .where('key', '=', KEY)
    .executeTakeFirstOrThrow();
  expect(stored).toMatchObject({ scope: 'ui', text });

  // Shown again: no longer among the unreviewed texts; among all, reviewed.
  await page.reload();
  await page.getByText('No texts match.').waitFor();
  await filter.getByLabel('Show', { exact: true }).selectOption({ label: 'All texts' });
  await filter.getByRole('button', { name: 'Show translations' }).click();
  await table.getByRole('row').filter({ hasText: KEY }).getByText('Reviewed', { exact: true }).waitFor();
});
