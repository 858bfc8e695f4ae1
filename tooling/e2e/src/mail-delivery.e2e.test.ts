import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSmtpSink, type SmtpSink } from '@musyawarah/api/testing/smtp-sink';
import type { Page } from 'playwright-core';
import { insertOutboxMail } from '@musyawarah/db';
import {
  axeViolations,
  DEMO_PASSWORD,
  DEMO_SECRETARIAT,
  launchBrowser,
  RESULTS_DIR,
  startPlatform,
  type BrowserHandle,
  type Platform,
} from './harness';

/**
 * Mail goes out through the job queue to a real SMTP server (issue #15). One the server refuses for good (550) shows
 * as given up on the Secretariat's Mail screen, with the server's answer and the job among those needing attention;
 * the Secretariat presses "Retry now" and, the server accepting it now, the e-mail arrives once and shows as sent.
 */

let platform: Platform;
let browser: BrowserHandle;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  sink.answer = (_attempt, session) =>
    session.envelope.rcptTo.some((r) => r.address === 'refused@example.org')
      ? { code: 550, message: 'Mailbox unavailable' }
      : 'accept';
  platform = await startPlatform({ smtpUrl: sink.url, jobs: { pollIntervalMs: 200 } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await sink?.close();
});

async function signInSecretariat(page: Page) {
  await page.goto(`${platform.url}/secretariat/sign-in`);
  await page.getByLabel('E-mail address').fill(DEMO_SECRETARIAT.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
}

test('the Secretariat sees an e-mail the mail server refused, retries it now, and it arrives once', async () => {
  const mail = await insertOutboxMail(platform.db, {
    to: 'refused@example.org',
    subject: 'Your feedback receipt',
    text: 'Thank you for your feedback.',
    transport: 'smtp',
  });
  await expect
    .poll(
      async () =>
        (
          await platform.db
            .selectFrom('mail_outbox')
            .select('status')
            .where('id', '=', mail.id)
            .executeTakeFirst()
        )?.status,
      { timeout: 15_000 },
    )
    .toBe('dead');

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await signInSecretariat(page);
  await page.goto(`${platform.url}/secretariat/mail`);
  const problems = page.getByRole('region', { name: 'Deliveries and jobs needing attention' });
  await expect.poll(() => problems.getByRole('row', { name: /Send an e-mail/ }).count()).toBe(1);
  await expect.poll(() => problems.getByText('550 Mailbox unavailable').count()).toBeGreaterThan(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${RESULTS_DIR}/mail-jobs-en-1280.png`, fullPage: true });

  await page.getByRole('link', { name: 'Your feedback receipt' }).click();
  await expect.poll(() => page.getByText('Given up').count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByText('550 Mailbox unavailable').count()).toBeGreaterThan(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${RESULTS_DIR}/mail-message-en-375.png`, fullPage: true });

  sink.answer = () => 'accept';
  await page.getByRole('button', { name: 'Retry now' }).click();
  await expect.poll(() => page.getByText('It will be tried again now.').count()).toBe(1);
  await sink.waitFor(1);
  await page.reload();
  await expect.poll(() => page.getByText('Sent', { exact: true }).count()).toBeGreaterThan(0);
  expect(sink.received.map((r) => r.to)).toEqual(['refused@example.org']);
  expect(sink.received[0]!.messageId).toBe(`<${mail.id}@musyawarah.example.org>`);
  // The retry is on the record, by whom.
  const audit = await platform.db
    .selectFrom('audit_log')
    .select(['action'])
    .where('entity_id', '=', mail.id)
    .execute();
  expect(audit.map((a) => a.action)).toContain('mail.retry');
});

test('the Mail screen in Khmer at 375 and 1280 px', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 }, bypassCSP: true });
  await signInSecretariat(page);
  // The account's language wins over the browser's: the screen follows the person's chosen language.
  await platform.db
    .updateTable('user_account')
    .set({ locale: 'km' })
    .where('email', '=', DEMO_SECRETARIAT.email)
    .execute();
  await page.goto(`${platform.url}/secretariat/mail`);
  await expect.poll(() => page.getByText('ការផ្ញើ និងការងារ').count()).toBeGreaterThan(0);
  await page.screenshot({ path: `${RESULTS_DIR}/mail-jobs-km-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${RESULTS_DIR}/mail-jobs-km-1280.png`, fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
});
