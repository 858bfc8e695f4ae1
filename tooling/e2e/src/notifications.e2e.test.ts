import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { asSecretariat, createOpenRound, type CreatedRound } from './fixtures/rounds';
import {
  axeViolations,
  DEMO_PASSWORD,
  DEMO_SECRETARIAT,
  DEMO_STAKEHOLDER,
  extractLink,
  launchBrowser,
  PAGE_TIMEOUT_MS,
  startPlatform,
  type BrowserHandle,
  type Platform,
} from './harness';

/**
 * Notifications (issue #15): a stakeholder follows a round from its page; when the Secretariat publishes the round's
 * summary the bell counts it and one mail is written, carrying RFC 8058 headers; the mail's unsubscribe link (no
 * sign-in) stops the next mail of that kind, while the bell still lists the news.
 */

let platform: Platform;
let browser: BrowserHandle;
let first: CreatedRound;
let second: CreatedRound;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  first = await createOpenRound(platform, { title: { en: 'Consultation on community AI boards' } });
  second = await createOpenRound(platform, { title: { en: 'Consultation on AI skills for teachers' } });
  // Closed before anyone follows, so the summary is the one piece of news the follower gets.
  await asSecretariat(platform, 'rounds.transition', { roundId: first.id, action: 'close_early' });
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function mailsTo(email: string) {
  return platform.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .execute();
}

async function signIn(page: Page) {
  await page.goto(`${platform.url}/sign-in`);
  await page.getByLabel('E-mail address').fill(DEMO_STAKEHOLDER.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

test('a stakeholder follows a round, sees the published summary under the bell and in one mail, and the mail’s unsubscribe link stops the next one', async () => {
  // A phone's width: the bell must work in the compact header. CSP bypassed only so axe-core can be injected.
  const page = await browser.newPage({ viewport: { width: 375, height: 800 }, bypassCSP: true });
  await signIn(page);
  const before = (await mailsTo(DEMO_STAKEHOLDER.email)).length;

  await page.goto(`${platform.url}/consultations/${first.id}`);
  await page.getByRole('heading', { level: 1, name: first.title.en }).waitFor();
  const follow = page.getByRole('button', { name: `Follow: ${first.title.en}` });
  await follow.click();
  await page.getByRole('button', { name: `Unfollow: ${first.title.en}` }).waitFor();
  await expect.poll(() => page.getByRole('link', { name: 'Notifications', exact: true }).count()).toBe(1);

  await asSecretariat(platform, 'rounds.transition', {
    roundId: first.id,
    action: 'publish_summary',
    summary: { en: 'What we heard: communities want seats on the boards.' },
  });

  await page.reload();
  const bell = page.getByRole('link', { name: 'Notifications, 1 unread' });
  await expect.poll(() => bell.isVisible(), { timeout: PAGE_TIMEOUT_MS }).toBe(true);
  const mails = await mailsTo(DEMO_STAKEHOLDER.email);
  expect(mails.length - before).toBe(1);
  const [mail] = mails;
  expect(mail!.subject).toBe(`The summary of “${first.title.en}” is published`);
  expect(mail!.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

  await bell.click();
  await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  const item = page.getByRole('link', { name: `The summary of “${first.title.en}” is published` });
  await item.waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await item.click();
  await page.getByRole('heading', { level: 1, name: first.title.en }).waitFor();
  await expect.poll(() => page.getByRole('link', { name: 'Notifications', exact: true }).count()).toBe(1);

  // The unsubscribe link, opened by someone not signed in (a mail client on another device): opening changes nothing,
  // the button does.
  const unsubscribeUrl = extractLink(mail!.text_body, '/unsubscribe');
  const visitor = await browser.newPage({ viewport: { width: 375, height: 800 }, bypassCSP: true });
  await visitor.goto(unsubscribeUrl);
  await visitor.getByRole('heading', { level: 1, name: 'Stop e-mails' }).waitFor();
  expect(await axeViolations(visitor)).toEqual([]);
  await visitor.getByRole('button', { name: 'Stop these e-mails' }).click();
  await visitor.getByText('Done: you will no longer get these e-mails.').waitFor();

  // The next news of that kind reaches the bell but no mailbox.
  await page.goto(`${platform.url}/consultations/${second.id}`);
  await page.getByRole('button', { name: `Follow: ${second.title.en}` }).click();
  await page.getByRole('button', { name: `Unfollow: ${second.title.en}` }).waitFor();
  await asSecretariat(platform, 'rounds.transition', { roundId: second.id, action: 'close_early' });
  await page.reload();
  await page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor();
  expect((await mailsTo(DEMO_STAKEHOLDER.email)).length - before).toBe(1);
});

test('a mail client’s one-click POST to the List-Unsubscribe address unsubscribes; a forged token is refused', async () => {
  const [mail] = await mailsTo(DEMO_STAKEHOLDER.email);
  const header = (mail!.headers as Record<string, string>)['List-Unsubscribe']!;
  const oneClick = header.slice(1, -1);
  expect(new URL(oneClick).pathname).toBe('/unsubscribe/one-click');
  const post = (url: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
  expect((await post(oneClick)).status).toBe(200);
  const forged = new URL(oneClick);
  forged.searchParams.set('token', `${forged.searchParams.get('token')!.slice(0, -2)}AA`);
  expect((await post(forged.toString())).status).toBe(400);
  // A GET (a link scanner) changes nothing: it is sent to the confirmation page.
  const scanned = await fetch(oneClick, { redirect: 'manual' });
  expect(scanned.status).toBe(303);
  expect(scanned.headers.get('location')).toMatch(/^\/unsubscribe\?token=/);
});

test('the notification settings page lets a person choose a digest, and passes axe at desktop width', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await signIn(page);
  await page.goto(`${platform.url}/account/notifications`);
  await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
  const group = page.getByRole('group', { name: 'New rounds on actions I follow' });
  await group.getByLabel('Weekly summary').check();
  await group.getByText('Saved.').waitFor();
  await page.reload();
  await expect
    .poll(() =>
      page
        .getByRole('group', { name: 'New rounds on actions I follow' })
        .getByLabel('Weekly summary')
        .isChecked(),
    )
    .toBe(true);
  expect(await axeViolations(page)).toEqual([]);
});

test('the Secretariat follows a round it runs from its own page, hears of the closing under its bell, opens it there, and reaches the settings', async () => {
  const round = await createOpenRound(platform, { title: { en: 'Consultation on AI in public hospitals' } });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await page.goto(`${platform.url}/secretariat/sign-in`);
  await page.getByLabel('E-mail address').fill(DEMO_SECRETARIAT.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));

  await page.goto(`${platform.url}/secretariat/consultations/${round.id}`);
  await page.getByRole('heading', { level: 1, name: round.title.en }).waitFor();
  await page.getByRole('button', { name: `Follow: ${round.title.en}` }).click();
  await page.getByRole('button', { name: `Unfollow: ${round.title.en}` }).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  await asSecretariat(platform, 'rounds.transition', { roundId: round.id, action: 'close_early' });
  await page.reload();
  const bell = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
  await bell.click();
  await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  // It opens the round's page here, where the Secretariat runs it, and counts as read.
  await page.getByRole('link', { name: `“${round.title.en}” has closed` }).click();
  await page.getByRole('heading', { level: 1, name: round.title.en }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/secretariat/consultations/${round.id}`);
  await page.goto(`${platform.url}/secretariat/notifications`);
  await page.getByRole('link', { name: `“${round.title.en}” has closed` }).waitFor();
  expect(
    await page
      .getByRole('listitem')
      .filter({ hasText: `“${round.title.en}” has closed` })
      .getByText('Unread')
      .count(),
  ).toBe(0);

  await page.getByRole('link', { name: 'Notification settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
  await page.getByRole('link', { name: 'Consultation round' }).first().waitFor();
});
