import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createOpenRound, signInCookie, type CreatedRound } from './fixtures/rounds';
import { DEMO_ACCOUNTS, launchBrowser, startPlatform, type BrowserHandle, type Platform } from './harness';

/**
 * Text people type is shown as text, everywhere, in both apps: a contribution, an organisation name, a moderator's
 * public response and a round title made of HTML and script payloads come back from the API byte for byte and appear
 * on the pages literally, without creating a single element or running a single script.
 */

const PAYLOADS = {
  title: `Round <img src=x onerror="window.__pwned='title'"> & "quotes"`,
  item: `<script>window.__pwned='item'</script><b>bold?</b> ' OR 1=1; -- \u202Eevil\u202C 👩🏽‍💻`,
  organisation: `<svg onload="window.__pwned='organisation'"></svg>Org & Co`,
  response: `<a href="javascript:window.__pwned='response'">click</a> thanks`,
};

let platform: Platform;
let browser: BrowserHandle;
let round: CreatedRound;
let contributionId: string;

async function trpc<T>(
  cookie: string,
  path: string,
  input: unknown,
  type: 'query' | 'mutation' = 'mutation',
): Promise<T> {
  const response =
    type === 'query'
      ? await fetch(`${platform.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers: { cookie },
        })
      : await fetch(`${platform.url}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: platform.url, cookie },
          body: JSON.stringify(input),
        });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !body.result)
    throw new Error(`${path} failed (${response.status}): ${JSON.stringify(body.error)}`);
  return body.result.data;
}

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  round = await createOpenRound(platform, { title: { en: PAYLOADS.title }, questions: [] });
  const stakeholder = await signInCookie(
    platform,
    DEMO_ACCOUNTS.stakeholder.email,
    DEMO_ACCOUNTS.stakeholder.password,
  );
  const receipt = await trpc<{ id: string }>(stakeholder, 'contributions.submit', {
    roundId: round.id,
    idempotencyKey: crypto.randomUUID(),
    answers: {},
    items: [{ type: 'concern', text: PAYLOADS.item }],
    stakeholderGroup: 'civil_society',
    memberState: 'TL',
    organisationName: PAYLOADS.organisation,
    writtenIn: 'en',
    namedPublicly: true,
  });
  contributionId = receipt.id;
  const secretariat = await signInCookie(
    platform,
    DEMO_ACCOUNTS.secretariat.email,
    DEMO_ACCOUNTS.secretariat.password,
  );
  await trpc(secretariat, 'contributions.respond', { contributionId, text: PAYLOADS.response });
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function expectInert(page: Page, texts: string[]) {
  for (const text of texts) {
    await expect
      .poll(() => page.evaluate(() => document.body.innerText))
      .toContain(text.replace(/\s+/g, ' ').trim().slice(0, 20));
  }
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(
    await page
      .locator('main img[src="x"], main script, main svg[onload], main a[href^="javascript:"]')
      .count(),
  ).toBe(0);
}

test('the API returns what was stored byte for byte', async () => {
  const stakeholder = await signInCookie(
    platform,
    DEMO_ACCOUNTS.stakeholder.email,
    DEMO_ACCOUNTS.stakeholder.password,
  );
  const detail = await trpc<{ items: { text: string }[]; organisationName: string | null }>(
    stakeholder,
    'contributions.mineDetail',
    { contributionId },
    'query',
  );
  expect(detail.items[0]!.text).toBe(PAYLOADS.item);
  expect(detail.organisationName).toBe(PAYLOADS.organisation);
  const publicList = await trpc<unknown>('', 'contributions.listPublic', { roundId: round.id }, 'query');
  expect(JSON.stringify(publicList)).toContain(JSON.stringify(PAYLOADS.response).slice(1, -1));
});

test('the stakeholder app shows the payloads as text on the round page and under My contributions', async () => {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${platform.url}/consultations/${round.id}`);
  // The h1 may render before the round has loaded: wait for the title rather than reading the heading once.
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain(PAYLOADS.title);
  await expectInert(page, [PAYLOADS.title, 'bold?', 'thanks']);

  await page.goto(`${platform.url}/sign-in?next=/my-contributions`);
  await page.getByLabel('E-mail address').fill(DEMO_ACCOUNTS.stakeholder.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_ACCOUNTS.stakeholder.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/my-contributions/);
  await expectInert(page, [PAYLOADS.title]);
  expect(dialogs).toEqual([]);
});

test('the secretariat app shows them as text in moderation', async () => {
  const page = await browser.newPage();
  await page.goto(`${platform.url}/secretariat/sign-in`);
  await page.getByLabel('E-mail address').fill(DEMO_ACCOUNTS.secretariat.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_ACCOUNTS.secretariat.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
  await page.goto(`${platform.url}/secretariat/consultations/${round.id}?tab=moderation`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await expectInert(page, [PAYLOADS.title, 'bold?']);
});
