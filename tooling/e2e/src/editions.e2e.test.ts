import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adoptEdition, findEdition } from '@musyawarah/db';
import { axeViolations, launchBrowser, startPlatform, type BrowserHandle, type Platform } from './harness';

/**
 * Editions of the Roadmap (C3.3): the catalogue shows the current edition and marks what it changed; earlier editions
 * stay readable; two editions compare word by word. Edition 2 is adopted here through the db package's adoptEdition,
 * as the review cycle's adoption does, with a real edit of each kind the comparison shows.
 */
const SHOTS = process.env.E2E_SHOTS_DIR;

let platform: Platform;
let browser: BrowserHandle;
let movedMilestone: string;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  const first = await findEdition(platform.db, 'current');
  if (!first) throw new Error('edition 1 was not seeded');
  const catalogue = structuredClone(first.catalogue);
  const area = (id: string) => {
    const found = catalogue.actionAreas.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no ${id}`);
    return found;
  };
  const c33 = area('C3.3');
  c33.subActions[0]!.title = `${c33.subActions[0]!.title} every two years`;
  const objective = area('C2.1').objectives[0]!;
  objective.text = objective.text.replace(/\bdiverse\b/, 'marginalised and diverse');
  const c111 = area('C1.1').subActions[0]!;
  movedMilestone = c111.milestones.short.shift()!;
  c111.milestones.long.push(movedMilestone);
  catalogue.actionAreas = catalogue.actionAreas.filter((candidate) => candidate.id !== 'E4.4');
  catalogue.actionAreas.splice(catalogue.actionAreas.indexOf(area('C4.4')) + 1, 0, {
    id: 'C4.5',
    kind: 'cross-cutting',
    pillar: 4,
    tier: null,
    title: 'Share AI incident reports across ASEAN',
    objectives: [
      { name: 'Learning from incidents', text: 'Member States learn from each other’s AI incidents.' },
    ],
    subActions: [
      {
        id: 'C4.5.1',
        title: 'A regional AI incident register',
        targetAreas: [],
        milestones: { short: ['Agree a common incident format.'], medium: [], long: [] },
        measures: [],
        caseStudies: [],
        linkedCriteria: [],
      },
    ],
  });
  await platform.db
    .transaction()
    .execute((trx) =>
      adoptEdition(
        trx,
        { catalogue, title: 'Second edition (test)', notes: 'Adopted after the first review cycle.' },
        { actorUserId: null },
      ),
    );
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function shot(page: Page, name: string, fullPage = true) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

/** The text a sighted reader sees in an element, without its visually hidden words. */
const visibleText = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) =>
      [...element.childNodes]
        .filter((node) => !(node instanceof Element && node.classList.contains('visually-hidden')))
        .map((node) => node.textContent)
        .join(''),
    );

describe('editions of the Roadmap', () => {
  test('the editions page lists both editions and leads to a word-level comparison', async () => {
    // CSP bypassed only so the axe-core audit below can be injected.
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${platform.url}/editions`);
    await page.getByRole('heading', { name: 'Editions of the Roadmap', level: 1 }).waitFor();
    const rows = page.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    await page
      .getByRole('row', { name: /Edition 2/ })
      .getByText('Current')
      .waitFor();
    await page
      .getByRole('row', { name: /Edition 1/ })
      .getByText('Superseded')
      .waitFor();
    await page.getByText('Adopted after the first review cycle.').waitFor();
    await shot(page, 'editions-list');

    await page.getByRole('link', { name: 'What changed since edition 1' }).click();
    await page.waitForURL(/\/editions\/compare\?from=1&to=2$/);
    await page.getByRole('heading', { name: 'Changes from edition 1 to edition 2', level: 2 }).waitFor();

    const added = page.locator('section[aria-labelledby="C4.5"]');
    await added.getByText('Added', { exact: true }).first().waitFor();
    await added.getByText('C4.5.1 A regional AI incident register').waitFor();
    await page
      .locator('section[aria-labelledby="E4.4"]')
      .getByText('Retired', { exact: true })
      .first()
      .waitFor();

    // A changed title: the inserted words are in <ins>, announced as inserted by hidden text, not by colour alone.
    const c33 = page.locator('section[aria-labelledby="C3.3"]');
    const inserted = c33.locator('ins');
    await expect
      .poll(() => inserted.first().textContent())
      .toBe('inserted: every two years (end of insertion)');
    await expect.poll(() => visibleText(page, 'section[aria-labelledby="C3.3"] ins')).toBe('every two years');

    // A changed objective shows the words that came in; a milestone moved between terms is shown as moved.
    await expect
      .poll(() => visibleText(page, 'section[aria-labelledby="C2.1"] ins'))
      .toBe('marginalised and');
    const moved = page
      .locator('section[aria-labelledby="C1.1"]')
      .getByRole('listitem')
      .filter({ hasText: 'Moved' });
    await expect.poll(() => moved.innerText()).toContain('from Short term to Long term');
    await expect.poll(() => moved.innerText()).toContain(movedMilestone.slice(0, 40));

    await expect
      .poll(() => page.locator('.compare-summary').innerText())
      .toContain('1 added, 3 changed, 1 retired');
    await shot(page, 'editions-compare');
    expect(await axeViolations(page)).toEqual([]);

    // The other way round, chosen in the form: what edition 2 added is now what edition 1 lacks.
    await page.getByLabel('Earlier edition').selectOption('2');
    await page.getByLabel('Later edition').selectOption('1');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('heading', { name: 'Changes from edition 2 to edition 1', level: 2 }).waitFor();
    await page
      .locator('section[aria-labelledby="C4.5"]')
      .getByText('Retired', { exact: true })
      .first()
      .waitFor();
  });

  test('the catalogue reads the current edition, marks what changed, and switches to an earlier edition in the URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/actions`);
    await page.getByRole('heading', { name: /^Edition 2\s+Current edition$/ }).waitFor();
    await page.getByRole('status').filter({ hasText: '38 actions' }).waitFor();
    await page.getByRole('link', { name: /^C4\.5 / }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: /^E4\.4 / }).count()).toBe(0);

    const c33 = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /C3\.3/, level: 3 }) });
    await c33.getByText('Changed in edition 2', { exact: true }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /C4\.5/ }) })
      .getByText('New in edition 2')
      .waitFor();
    await shot(page, 'catalogue-current', false);
    if (SHOTS) await c33.screenshot({ path: `${SHOTS}/catalogue-changed-item.png` });

    await c33.getByRole('link', { name: 'See what changed in C3.3' }).click();
    await page.waitForURL(/\/editions\/compare\?from=1&to=2#C3\.3$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('C3.3');

    await page.goto(`${platform.url}/actions`);
    await page.getByLabel('Read another edition').selectOption('1');
    await page.getByRole('button', { name: 'Show edition' }).click();
    await page.waitForURL(/\/actions\?edition=1$/);
    await page.getByRole('heading', { name: /^Edition 1\s+Superseded$/ }).waitFor();
    await page.getByText('You are reading edition 1, which has been replaced by edition 2.').waitFor();
    await page.getByRole('link', { name: /^E4\.4 / }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: /^C4\.5 / }).count()).toBe(0);
    await expect.poll(() => page.getByText(/^(Changed|New) in edition/).count()).toBe(0);
    await shot(page, 'catalogue-edition-1', false);

    // An action read in edition 1 stays in edition 1; the retired one is still there.
    await page.getByRole('link', { name: /^E4\.4 / }).click();
    await page.waitForURL(/\/actions\/E4\.4\?edition=1$/);
    await page
      .getByRole('heading', {
        level: 1,
        name: /Develop and Maintain a Regional Repository of Use Cases on AI/i,
      })
      .waitFor();
    await page.getByRole('heading', { name: /^Edition 1\s+Superseded$/ }).waitFor();

    // In the current edition it is gone: the page says when it was retired and where it can still be read.
    await page.goto(`${platform.url}/actions/e4.4`);
    await page.getByRole('heading', { level: 1, name: 'E4.4 was retired' }).waitFor();
    await page.getByText('retired from the Roadmap in edition 2').waitFor();
    await page.getByRole('link', { name: 'Read E4.4 in edition 1' }).click();
    await page.waitForURL(/\/actions\/E4\.4\?edition=1$/);
    await page.getByRole('heading', { name: /^Edition 1\s+Superseded$/ }).waitFor();
    // An id in no edition at all is still plainly not found.
    await page.goto(`${platform.url}/actions/C4.9`);
    await page.getByText('an action may be in another edition').waitFor();

    // The action page marks the area and the sub-action that changed, each linked to its part of the comparison.
    await page.goto(`${platform.url}/actions/C3.3`);
    await expect.poll(() => page.getByText('Changed in edition 2', { exact: true }).count()).toBe(2);
    await expect
      .poll(() => page.getByRole('link', { name: 'See what changed in C3.3.1' }).getAttribute('href'))
      .toBe('/editions/compare?from=1&to=2#C3.3.1');
    await shot(page, 'action-changed', false);
  });

  test('the edition pages pass the WCAG 2.2 A/AA audit on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 }, bypassCSP: true });
    for (const path of [
      '/editions',
      '/editions/compare?from=1&to=2',
      '/actions?edition=1',
      '/actions/C3.3',
    ]) {
      await page.goto(`${platform.url}${path}`);
      await page.locator('h1').first().waitFor();
      await page
        .getByRole('heading', { name: /^Edition \d|Editions of|Changes from/ })
        .first()
        .waitFor();
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page), path).toEqual([]);
      // Reflow (WCAG 1.4.10): nothing wider than the phone, so no sideways scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
    await page.goto(`${platform.url}/editions/compare?from=1&to=2`);
    await page.locator('section[aria-labelledby="C3.3"]').waitFor();
    await shot(page, 'editions-compare-375');
  });
});
