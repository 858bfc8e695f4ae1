import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
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
 * Background documents and reach (Roadmap C3.2.1, "knowledge sharing — resources accessed, downloads"): the Secretariat
 * attaches a document to a published round (a disguised file is refused), a visitor reads the round in Khmer and
 * downloads the document, and the round's dashboard counts one visit and one download.
 */

let platform: Platform;
let browser: BrowserHandle;
const SHOTS = process.env.E2E_SHOTS_DIR;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function api<T>(path: string, body: unknown, cookie: string): Promise<T> {
  const response = await fetch(`${platform.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !json.result)
    throw new Error(`${path}: ${response.status} ${JSON.stringify(json.error)}`);
  return json.result.data;
}

async function signInSecretariat(page: Page) {
  await page.goto(`${platform.url}/secretariat/sign-in`);
  await page.getByLabel('E-mail address').fill(DEMO_SECRETARIAT.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test('the Secretariat uploads a document, a visitor reads the round in Khmer and downloads it, the dashboard counts both', async () => {
  const secretariatPage = await browser.newPage({ bypassCSP: true });
  await signInSecretariat(secretariatPage);
  const cookie = (await secretariatPage.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

  const round = await api<{ id: string }>(
    'rounds.create',
    {
      title: { en: 'AI in rural health services', km: 'បញ្ញាសិប្បនិម្មិតក្នុងសេវាសុខាភិបាលជនបទ' },
      description: { en: 'How should C3.2 reach rural clinics?', km: 'តើ C3.2 គួរទៅដល់គ្លីនិកជនបទយ៉ាងដូចម្តេច?' },
      format: 'online_consultation',
      audience: 'public',
      languages: ['en', 'km'],
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 14 * 86400_000).toISOString(),
    },
    cookie,
  );
  await api(
    'rounds.saveQuestions',
    {
      roundId: round.id,
      questions: [
        { kind: 'free_text', prompt: { en: 'What would help your clinic?', km: 'តើអ្វីនឹងជួយគ្លីនិករបស់អ្នក?' } },
      ],
    },
    cookie,
  );
  await api('rounds.transition', { roundId: round.id, action: 'publish' }, cookie);

  // ── Secretariat: the Documents tab refuses a disguised file, then takes a real PDF ──
  await secretariatPage.goto(`${platform.url}/secretariat/consultations/${round.id}?tab=documents`);
  await secretariatPage.getByRole('heading', { level: 2, name: 'Background documents' }).waitFor();
  await secretariatPage.getByText('No documents yet.').waitFor();
  await secretariatPage.getByLabel('Title', { exact: true }).fill('Rural clinics brief');
  await secretariatPage.getByLabel('Language of the document').selectOption('km');
  await secretariatPage.getByLabel('File', { exact: true }).setInputFiles({
    name: 'brief.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<html><script>alert(1)</script>'),
  });
  await secretariatPage.getByRole('button', { name: 'Upload the document' }).click();
  const summary = secretariatPage.locator('.error-summary');
  await summary.getByRole('link', { name: /content does not match its type/ }).waitFor();
  await shot(secretariatPage, 'secretariat-documents-refused');
  expect(await axeViolations(secretariatPage)).toEqual([]);

  await secretariatPage
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'សង្ខេប brief.pdf', mimeType: 'application/pdf', buffer: PDF });
  await secretariatPage.getByRole('button', { name: 'Upload the document' }).click();
  // Said in a polite status region right after the upload form, where the button was pressed.
  await secretariatPage
    .locator('form + [data-notice-region] [role="status"]')
    .getByText('“Rural clinics brief” was added to the round.')
    .waitFor();
  const row = secretariatPage.getByRole('row', { name: /Rural clinics brief/ });
  await row.getByRole('cell', { name: 'PDF', exact: true }).waitFor();
  await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toBe('0');
  await shot(secretariatPage, 'secretariat-documents');
  expect(await axeViolations(secretariatPage)).toEqual([]);

  // ── A visitor: reads the round in Khmer, downloads the document ──
  const visitor = await browser.newPage({ bypassCSP: true });
  await visitor.goto(`${platform.url}/consultations/${round.id}`);
  await visitor.getByRole('heading', { level: 1, name: /AI in rural health services/ }).waitFor();
  await visitor.getByLabel('Read this round in').selectOption('km');
  const heading = visitor.getByRole('heading', { level: 1 }).locator('[lang="km"]');
  await expect.poll(() => heading.textContent()).toBe('បញ្ញាសិប្បនិម្មិតក្នុងសេវាសុខាភិបាលជនបទ');
  await visitor.locator('.question-preview li[lang="km"]', { hasText: 'តើអ្វីនឹងជួយគ្លីនិករបស់អ្នក?' }).waitFor();

  const documents = visitor.getByRole('region', { name: 'Background documents' });
  const link = documents.getByRole('link', { name: 'Rural clinics brief' });
  await expect.poll(() => link.getAttribute('lang')).toBe('km');
  await documents.getByText(/PDF, 0\.1 kB/).waitFor();
  // The language is named in its own script where the browser has the data (Debian's headless Chromium may not).
  await documents.locator('.document-list__meta [lang="km"]').waitFor();
  await shot(visitor, 'stakeholder-round-khmer');
  expect(await axeViolations(visitor)).toEqual([]);
  const [download] = await Promise.all([visitor.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('សង្ខេប brief.pdf');
  expect(readFileSync(await download.path())).toEqual(PDF);

  // A reload in the same session keeps the choice and does not count a second visit.
  await visitor.reload();
  // The choice is restored after the first render: wait for it rather than reading the control once.
  await expect.poll(() => visitor.getByLabel('Read this round in').inputValue()).toBe('km');

  // A participant chooses Khmer on the answer form: the question's label is the Khmer wording, marked as Khmer.
  const participant = await browser.newPage({ bypassCSP: true });
  await participant.goto(
    `${platform.url}/sign-in?next=${encodeURIComponent(`/consultations/${round.id}/respond`)}`,
  );
  await participant.getByLabel('E-mail address').fill(DEMO_STAKEHOLDER.email);
  await participant.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await participant.getByRole('button', { name: 'Sign in' }).click();
  await participant.waitForURL(`**/consultations/${round.id}/respond`);
  await participant.getByLabel('What would help your clinic?').waitFor();
  await participant.getByLabel('Read this round in').selectOption('km');
  const answer = participant.getByLabel('តើអ្វីនឹងជួយគ្លីនិករបស់អ្នក?');
  await answer.waitFor();
  await participant.locator('label [lang="km"]', { hasText: 'តើអ្វីនឹងជួយគ្លីនិករបស់អ្នក?' }).waitFor();
  await shot(participant, 'stakeholder-respond-khmer');
  expect(await axeViolations(participant)).toEqual([]);

  // ── Secretariat: the dashboard shows the visit and the download ──
  await secretariatPage.goto(`${platform.url}/secretariat/consultations/${round.id}?tab=participation`);
  const reach = secretariatPage.getByRole('region', { name: 'Reach' });
  await reach.waitFor();
  const totals = reach.locator('.summary-list, dl').first();
  await expect
    .poll(async () => (await totals.textContent())?.replace(/\s+/g, ' '))
    .toMatch(/Visits\s*1.*Document downloads\s*1/);
  const perDocument = reach.getByRole('table', { name: 'Downloads of each background document' });
  await perDocument
    .getByRole('row', { name: /Rural clinics brief/ })
    .getByRole('cell', { name: '1', exact: true })
    .waitFor();
  await shot(secretariatPage, 'secretariat-reach');
  expect(await axeViolations(secretariatPage)).toEqual([]);

  await secretariatPage.getByRole('tab', { name: 'Documents' }).click();
  await expect
    .poll(() =>
      secretariatPage
        .getByRole('row', { name: /Rural clinics brief/ })
        .getByRole('cell')
        .nth(3)
        .textContent(),
    )
    .toBe('1');

  // Deleting asks first; afterwards the document is no longer offered and its link is gone.
  await secretariatPage.getByRole('button', { name: 'Delete Rural clinics brief' }).click();
  const confirm = secretariatPage.getByRole('alertdialog', { name: 'Delete this document?' });
  await confirm.getByText(/downloaded 1 time/).waitFor();
  await confirm.getByRole('button', { name: 'Delete the document' }).click();
  // Said politely just above the list it was deleted from, not by moving focus.
  await secretariatPage.getByRole('status').getByText('“Rural clinics brief” was deleted.').waitFor();
  await secretariatPage.getByText('No documents yet.').waitFor();
  expect(
    (await fetch(`${platform.url}/files/round-documents/${download.url().split('/').at(-2)}/x`)).status,
  ).toBe(404);
});
