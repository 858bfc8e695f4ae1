import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  adoptEdition,
  findEdition,
  listReviewEdits,
  markReviewCycleAdopted,
  setCyclePhaseActuals,
  upsertReviewResolution,
} from '@musyawarah/db';
import {
  DEMO_PASSWORD,
  DEMO_SECRETARIAT,
  RESULTS_DIR,
  launchBrowser,
  startPlatform,
  type BrowserHandle,
  type Platform,
} from './harness';

/**
 * Reports (issue #17): the Secretariat publishes the demo round's "What we heard" and the demo review cycle's "You said,
 * we did"; the job renders each in every language; a participant whose browser asks for Khmer finds the Khmer PDF on
 * the round's page and on the edition's "You said, we did" page, and downloads it.
 */

let platform: Platform;
let browser: BrowserHandle;
let roundId: string;
let cycleId: string;
let adoptedEdition: number;

/**
 * The demo review cycle taken to adoption in the database (the review's own e2e test walks these screens): every phase
 * run, the first and third edits accepted, the second rejected, and a new edition adopted.
 */
async function adoptDemoCycle(db: Platform['db']) {
  return db.transaction().execute(async (tx) => {
    const cycle = await tx
      .selectFrom('review_cycle')
      .select('id')
      .where((eb) => eb(eb.ref('title', '->>').key('en'), 'like', 'Demo: first review%'))
      .executeTakeFirstOrThrow();
    const secretariat = await tx
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', DEMO_SECRETARIAT.email)
      .executeTakeFirstOrThrow();
    const now = new Date();
    const phases = await tx
      .selectFrom('review_cycle_phase')
      .select('phase')
      .where('cycle_id', '=', cycle.id)
      .orderBy('planned_start')
      .execute();
    for (const [i, { phase }] of phases.entries())
      await setCyclePhaseActuals(tx, cycle.id, phase, {
        actual_start: new Date(now.getTime() - (6 - i) * 7 * 86_400_000),
        actual_end: new Date(now.getTime() - (5 - i) * 7 * 86_400_000),
      });
    const edits = await listReviewEdits(tx, cycle.id);
    for (const [i, edit] of edits.entries())
      await upsertReviewResolution(tx, edit.id, {
        kind: i === 1 ? 'rejected' : 'accepted',
        finalPayload: null,
        answer:
          i === 1 ? 'Member States asked to keep the milestone in the short term.' : 'Adopted as proposed.',
        resolvedBy: secretariat.id,
        resolvedAt: now,
      });
    const current = await findEdition(tx, 'current');
    const edition = await adoptEdition(
      tx,
      {
        catalogue: current!.catalogue,
        title: 'Reviewed edition (test)',
        notes: null,
        reviewCycleId: cycle.id,
      },
      { actorUserId: secretariat.id },
    );
    await markReviewCycleAdopted(tx, cycle.id, edition.number, now);
    return { cycleId: cycle.id, edition: edition.number };
  });
}

/** The part of the screen under test, in test-results/reports/ to look at. */
async function shot(part: Locator, name: string) {
  await part.screenshot({ path: path.join(RESULTS_DIR, 'reports', `${name}.png`) });
}

async function signInAsSecretariat(page: Page) {
  await page.goto(`${platform.url}/secretariat/sign-in`);
  // By field rather than label: the same steps sign in whatever language the browser asks for.
  await page.locator('input[autocomplete="username"]').fill(DEMO_SECRETARIAT.email);
  await page.locator('input[autocomplete="current-password"]').fill(DEMO_PASSWORD);
  await page.locator('main button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
}

beforeAll(async () => {
  platform = await startPlatform({ jobs: { pollIntervalMs: 200 } });
  browser = await launchBrowser();
  const round = await platform.db
    .selectFrom('consultation_round')
    .select('id')
    .where((eb) => eb(eb.ref('title', '->>').key('en'), 'like', 'Demo: What should%'))
    .executeTakeFirstOrThrow();
  roundId = round.id;
  ({ cycleId, edition: adoptedEdition } = await adoptDemoCycle(platform.db));
});

/** The downloaded reports, read with pdftotext; removed with the platform. */
const downloads = mkdtempSync(path.join(tmpdir(), 'report-e2e-'));
afterAll(async () => {
  await browser?.close();
  await platform?.close();
  rmSync(downloads, { recursive: true, force: true });
});

/** Khmer's pre-base vowels come out of pdftotext before their consonant; the letters keep their order. */
const letters = (text: string) => text.replace(/[\p{M}\s]/gu, '');

test('the Secretariat publishes the round report; a participant whose browser asks for Khmer downloads the Khmer PDF', async () => {
  const staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInAsSecretariat(staff);
  await staff.goto(`${platform.url}/secretariat/consultations/${roundId}?tab=summary`);
  await staff.getByRole('button', { name: 'Publish the report' }).click();
  // Rendering runs in the job runner, off the request: the page follows it until every language is ready.
  await staff.getByText('Ready in 13 of 13 languages.').waitFor({ timeout: 120_000 });
  await expect.poll(() => staff.getByRole('link', { name: 'PDF', exact: true }).count()).toBe(13);

  // A participant whose browser asks for Khmer (the report is public: no account needed to read it).
  const reader = await browser.newPage({ viewport: { width: 375, height: 800 }, locale: 'km-KH' });
  await reader.goto(`${platform.url}/consultations/${roundId}`);
  await reader.locator('html[lang="km"]').waitFor();
  const pdfLink = reader.getByRole('link', { name: 'ទាញយករបាយការណ៍ជា PDF (ខ្មែរ)' });
  const href = await pdfLink.getAttribute('href');
  expect(href).toBe(`/files/reports/rounds/${roundId}/km.pdf`);
  await reader.getByRole('link', { name: 'អានរបាយការណ៍ជាទំព័រវេប (ខ្មែរ)' }).waitFor();

  const response = await reader.request.get(`${platform.url}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toMatch(
    /^attachment; filename="what-we-heard-.*-km\.pdf"$/,
  );
  const file = path.join(downloads, 'km.pdf');
  writeFileSync(file, await response.body());
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(letters(text)).toContain(letters('អ្វីដែលយើងបានឮ'));
  expect(letters(text)).toContain(letters('អ្នកដែលបានចូលរួម'));

  // A revalidation with the ETag costs no body; an unpublished language or round is not there.
  const again = await reader.request.get(`${platform.url}${href}`, {
    headers: { 'If-None-Match': response.headers()['etag']! },
  });
  expect(again.status()).toBe(304);
  const missing = await reader.request.get(
    `${platform.url}/files/reports/rounds/00000000-0000-4000-8000-000000000000/km.pdf`,
  );
  expect(missing.status()).toBe(404);
}, 180_000);

test('the Secretariat publishes the adopted cycle\'s "You said, we did"; a reader whose browser asks for Khmer downloads it from the edition\'s page', async () => {
  const staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInAsSecretariat(staff);
  await staff.goto(`${platform.url}/secretariat/review/cycles/${cycleId}`);
  const section = staff.getByRole('region', { name: 'Report for participants' });
  await section.getByRole('button', { name: 'Publish the report' }).click();
  await section.getByText('Ready in 13 of 13 languages.').waitFor({ timeout: 120_000 });
  await expect.poll(() => section.getByRole('link', { name: 'PDF', exact: true }).count()).toBe(13);
  await shot(section, 'cycle-section-en-1280');
  await staff.setViewportSize({ width: 375, height: 800 });
  await shot(section, 'cycle-section-en-375');

  for (const width of [1280, 375]) {
    const english = await browser.newPage({ viewport: { width, height: 800 }, locale: 'en-GB' });
    await english.goto(`${platform.url}/review/editions/${adoptedEdition}`);
    await english.getByRole('link', { name: 'Download the report as PDF (English)' }).waitFor();
    await shot(english.locator('main'), `you-said-en-${width}`);
  }

  const reader = await browser.newPage({ viewport: { width: 375, height: 800 }, locale: 'km-KH' });
  await reader.goto(`${platform.url}/review/editions/${adoptedEdition}`);
  await reader.locator('html[lang="km"]').waitFor();
  const pdfLink = reader.getByRole('link', { name: 'ទាញយករបាយការណ៍ជា PDF (ខ្មែរ)' });
  const href = await pdfLink.getAttribute('href');
  expect(href).toBe(`/files/reports/cycles/${cycleId}/km.pdf`);
  await reader.getByRole('heading', { name: 'របាយការណ៍៖ អ្នកបាននិយាយ យើងបានធ្វើ' }).waitFor();
  await shot(reader.getByRole('region', { name: 'របាយការណ៍៖ អ្នកបាននិយាយ យើងបានធ្វើ' }), 'you-said-km-375');
  await reader.setViewportSize({ width: 1280, height: 800 });
  await shot(reader.locator('main'), 'you-said-km-1280');

  const response = await reader.request.get(`${platform.url}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toMatch(
    /^attachment; filename="you-said-we-did-.*-km\.pdf"$/,
  );
  const file = path.join(downloads, 'cycle-km.pdf');
  writeFileSync(file, await response.body());
  // In drawing order: pdftotext's reading order moves Khmer marks drawn above a line onto lines of their own.
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(letters(text)).toContain(letters('អ្នកបាននិយាយ យើងបានធ្វើ'));
  expect(text).toContain('Publish a “you said, we did” record');
  const html = await reader.request.get(`${platform.url}/files/reports/cycles/${cycleId}/km.html`);
  expect(html.status()).toBe(200);
  expect(await html.text()).toContain('<html lang="km">');

  // The Secretariat's screen in Khmer, at both widths (the account's language is English: switched in the header).
  const khmerStaff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInAsSecretariat(khmerStaff);
  await khmerStaff.goto(`${platform.url}/secretariat/review/cycles/${cycleId}`);
  await khmerStaff.locator('button.lang-button').click();
  await khmerStaff.getByRole('menuitemradio', { name: /ខ្មែរ/ }).click();
  await khmerStaff.locator('html[lang="km"]').waitFor();
  const khmerSection = khmerStaff.getByRole('region', { name: 'របាយការណ៍សម្រាប់អ្នកចូលរួម' });
  await shot(khmerSection, 'cycle-section-km-1280');
  await khmerStaff.setViewportSize({ width: 375, height: 800 });
  await shot(khmerSection, 'cycle-section-km-375');
}, 240_000);
