import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  DEMO_PASSWORD,
  DEMO_SECRETARIAT,
  launchBrowser,
  startPlatform,
  type BrowserHandle,
  type Platform,
} from './harness';

/**
 * Reports (issue #17): the Secretariat publishes the demo round's "What we heard"; the job renders it in every
 * language; a participant whose browser asks for Khmer finds the Khmer PDF on the round's page and downloads it.
 */

let platform: Platform;
let browser: BrowserHandle;
let roundId: string;

beforeAll(async () => {
  platform = await startPlatform({ jobs: { pollIntervalMs: 200 } });
  browser = await launchBrowser();
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

/** Khmer's pre-base vowels come out of pdftotext before their consonant; the letters keep their order. */
const letters = (text: string) => text.replace(/[\p{M}\s]/gu, '');

test('the Secretariat publishes the round report; a participant whose browser asks for Khmer downloads the Khmer PDF', async () => {
  const staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await staff.goto(`${platform.url}/secretariat/sign-in`);
  await staff.getByLabel('E-mail address').fill(DEMO_SECRETARIAT.email);
  await staff.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await staff.getByRole('button', { name: 'Sign in' }).click();
  await staff.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
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
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'report-e2e-')), 'km.pdf');
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
