import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, startPlatform, type BrowserHandle, type Platform } from './harness';

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

describe('the Roadmap catalogue', () => {
  test('a visitor searches the catalogue; the search and filters are in the URL and the results link to sub-actions', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/actions`);
    await page.getByRole('heading', { name: 'The Roadmap’s actions', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: '38 actions' }).waitFor();

    await page.getByRole('searchbox', { name: 'Search the Roadmap' }).fill('advisory board');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1 action found for “advisory board”').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('advisory board');

    const result = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
    await expect.poll(() => result.count()).toBe(1);
    await expect.poll(() => result.getByRole('link').first().textContent()).toContain('C2.1');
    await expect.poll(() => result.getByText('Regional action').count()).toBe(1);
    await result.getByRole('link', { name: 'C2.1.1' }).waitFor();

    // A filter narrows the list and is written to the URL; a national-only filter empties this search.
    await page.getByLabel('National action').check();
    await page.getByText('No actions match your search.').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('targeted');

    // Filters from a link are applied on load, and shown in the controls.
    await page.goto(`${platform.url}/actions?kind=targeted&pillar=2&tier=emerging`);
    await page.getByRole('status').filter({ hasText: '1 action' }).waitFor();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Readiness tier' }).inputValue())
      .toBe('emerging');
    await page.getByRole('link', { name: /E2\.7/ }).waitFor();
  });

  test('an action opens by deep link, scrolled and focused to the sub-action in the address', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/actions/C2.1#C2.1.1`);
    await page
      .getByRole('heading', {
        level: 1,
        name: /Launch Regional Initiatives to Promote Inclusive Community Engagement/,
      })
      .waitFor();
    const sub = page.locator('[id="C2.1.1"]');
    await sub.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('C2.1.1');
    await expect.poll(() => sub.textContent()).toContain('Inclusive Community Engagement');
    // Scrolled into view: wait for the scroll to land rather than measuring once.
    await expect.poll(async () => (await sub.boundingBox())?.y).toBeGreaterThanOrEqual(0);
    await expect.poll(async () => (await sub.boundingBox())?.y).toBeLessThan(200);

    // Breadcrumbs, milestones by term with the indicative years, measures of progress.
    const breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await breadcrumbs.getByRole('link', { name: 'The Roadmap' }).waitFor();
    await page
      .getByRole('heading', { name: /Short term\s*Indicative years 2025–2026/, level: 4 })
      .first()
      .waitFor();
    await page
      .getByRole('heading', { name: /Long term\s*Indicative years 2027–2030/, level: 4 })
      .first()
      .waitFor();
    await page.getByRole('heading', { name: 'Measures of progress' }).first().waitFor();

    // The breadcrumb leads back to the list.
    await breadcrumbs.getByRole('link', { name: 'The Roadmap' }).click();
    await page.getByRole('heading', { name: 'The Roadmap’s actions', level: 1 }).waitFor();
  });

  test('linked readiness criteria lead into the self-assessment; an unknown action is a clear 404', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/actions/E1.4`);
    await page.getByRole('heading', { name: 'Readiness criteria this can raise' }).first().waitFor();
    const criterionLink = page.locator('.criteria-links a').first();
    const href = await criterionLink.getAttribute('href');
    expect(href).toMatch(/^\/assessment#Q\d+$/);
    await criterionLink.click();
    const id = href!.split('#')[1]!;
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(id);

    await page.goto(`${platform.url}/actions/Z9.9`);
    await page.getByRole('heading', { name: 'Action not found', level: 1 }).waitFor();
    await page.getByText('There is no action “Z9.9” in the Roadmap.').waitFor();
  });
});
