import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { asSecretariat, createOpenRound, signInCookie, type CreatedRound } from './fixtures/rounds';
import {
  DEMO_MEMBER_STATE,
  DEMO_PASSWORD,
  DEMO_STAKEHOLDER,
  launchBrowser,
  startPlatform,
  waitForMail,
  type BrowserHandle,
  type Platform,
  axeViolations,
} from './harness';

/**
 * A stakeholder gives feedback on a consultation round (Roadmap C3.2): from the home page to the round, sign-in with
 * the way back, the answer form saved as they type, one submission with a receipt whose reference is the stored one,
 * and the receipt under My contributions. A submission whose answer was lost, retried after a reload, is stored once.
 */

let platform: Platform;
let browser: BrowserHandle;
let round: CreatedRound;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  round = await createOpenRound(platform);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function submittedContributions(roundId: string) {
  return platform.db
    .selectFrom('contribution')
    .innerJoin('user_account', 'user_account.id', 'contribution.author_user_id')
    .select([
      'contribution.id',
      'contribution.receipt_reference',
      'contribution.answers',
      'contribution.status',
    ])
    .where('contribution.round_id', '=', roundId)
    .where('contribution.status', '=', 'submitted')
    .where('user_account.email', '=', DEMO_STAKEHOLDER.email)
    .execute();
}

/** How many draft saves the page has sent (counted by the script countDraftSaves puts in the page). */
async function draftSaves(page: Page): Promise<number> {
  return page.evaluate(() => (window as { draftSaves?: number }).draftSaves ?? 0);
}

/**
 * Counts in the page itself each draft save it sends: a save is counted the moment the page calls fetch, before it
 * reaches the network or the database, so "none was sent" can be read at once.
 */
async function countDraftSaves(page: Page) {
  await page.addInitScript(() => {
    const counted = window as { draftSaves?: number };
    counted.draftSaves = 0;
    const send = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('contributions.saveDraft')) counted.draftSaves = (counted.draftSaves ?? 0) + 1;
      return send(input, init);
    };
  });
}

async function signInOnPage(page: Page) {
  await page.getByLabel('E-mail address').fill(DEMO_STAKEHOLDER.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a stakeholder answers an open round from the home page, sees it saved, submits once and gets a receipt', async () => {
  // At a phone's width; CSP bypassed only so that axe-core can be injected.
  const page = await browser.newPage({ viewport: { width: 375, height: 800 }, bypassCSP: true });
  await page.goto(`${platform.url}/`);
  const open = page.getByRole('region', { name: 'Open consultations' });
  await open.getByRole('link', { name: round.title.en }).click();
  await page.getByRole('heading', { level: 1, name: round.title.en }).waitFor();
  await expect(page.getByRole('link', { name: 'C2.1', exact: true }).getAttribute('href')).resolves.toBe(
    '/actions/C2.1',
  );
  expect(await axeViolations(page)).toEqual([]);

  // Signed out: "Give your feedback" goes through sign-in and comes back to the form.
  await page.getByRole('link', { name: 'Give your feedback' }).click();
  await page.waitForURL(/\/sign-in\?next=/);
  await signInOnPage(page);
  await page.waitForURL(`**/consultations/${round.id}/respond`);
  await page.getByRole('heading', { level: 1, name: /Give your feedback/ }).waitFor();

  // Nothing answered: the error summary takes focus and links to the required question.
  await page.getByRole('button', { name: 'Send feedback' }).click();
  const summary = page.locator('.error-summary');
  await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
  await expect(summary.textContent()).resolves.toContain('Enter this information');
  expect(await axeViolations(page)).toEqual([]);

  // A draft cannot be stored without the participant's group: the status says so instead of failing every save.
  const group = page.getByLabel('Which group do you belong to?');
  await group.selectOption('');
  await expect.poll(() => page.locator('.save-status__text').textContent()).toContain('Choose your group');
  await group.selectOption('civil_society');

  // Every kind of question, by keyboard-reachable controls.
  await page
    .getByLabel(/What should the Roadmap do first/)
    .fill('Pay for community interpreters and easy-read versions.');
  await page
    .getByRole('group', { name: /How familiar are you/ })
    .getByLabel('Somewhat familiar')
    .check();
  const groups = page.getByRole('group', { name: /Which groups should the advisory boards include/ });
  await groups.getByLabel('Persons with disabilities').check();
  await groups.getByLabel('Rural communities').check();
  await page
    .getByRole('group', { name: /timeline is realistic/ })
    .getByLabel(/^2$/)
    .check();
  const ranking = page.getByRole('group', { name: /Rank these priorities/ });
  // By keyboard: the move is announced, and focus stays on the moved option (on its Down button, as it is now first).
  await ranking.getByRole('button', { name: /^Up — Fairness and inclusion/ }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => ranking.locator('[aria-live="polite"]').textContent())
    .toBe('Fairness and inclusion moved to number 1 of 3.');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
    .toMatch(/Down — Fairness and inclusion, now number 1$/);
  await expect
    .poll(() => ranking.locator('.ranking__label').first().textContent())
    .toBe('Fairness and inclusion');

  await page.getByRole('button', { name: 'Add a point' }).click();
  await page.getByLabel('Type').selectOption('recommendation');
  await page.getByLabel('Your point').fill('Publish the advisory board membership criteria.');
  await page.getByLabel(/Roadmap action it is about/).selectOption('C2.1');

  // Autosave: a polite status says when it was saved.
  const status = page.locator('.save-status__text');
  await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
  await expect.poll(() => status.textContent()).toMatch(/^Saved at \d{1,2}:\d{2}/);

  // A double press sends one submission.
  await page.getByRole('button', { name: 'Send feedback' }).dblclick();
  await page.waitForURL(new RegExp(`/consultations/${round.id}/receipt/`));
  await page.getByRole('heading', { level: 1, name: 'Your feedback has been received' }).waitFor();
  const reference =
    (await page.locator('[data-receipt-reference]').getAttribute('data-receipt-reference')) ?? '';
  expect(reference).toMatch(/^MSY-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(await axeViolations(page)).toEqual([]);

  const stored = await submittedContributions(round.id);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.receipt_reference).toBe(reference);
  const answers = stored[0]!.answers;
  const ids = Object.fromEntries(round.questions.map((q) => [q.kind, q.id]));
  expect(answers[ids.single_choice!]).toBe(1);
  expect(answers[ids.multiple_choice!]).toEqual([0, 2]);
  expect(answers[ids.likert!]).toBe(2);
  expect(answers[ids.ranking!]).toEqual([1, 0, 2]);

  // The copy by e-mail carries the same reference.
  const mail = await waitForMail(platform.db, DEMO_STAKEHOLDER.email);
  expect(mail.text_body).toContain(reference);

  // My contributions lists it with the receipt.
  await page.getByRole('link', { name: 'See all your contributions' }).click();
  await page.waitForURL('**/my-contributions');
  const entry = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: round.title.en }) });
  await expect.poll(() => entry.textContent()).toContain(reference);
  await expect(entry.textContent()).resolves.toContain('Published');
  expect(await axeViolations(page)).toEqual([]);
  // On a phone the service navigation folds behind its Menu button; the page is reachable from it either way.
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation').getByRole('link', { name: 'My contributions' }).waitFor();
});

test('a submission whose answer was lost, sent again after a reload, is stored once with one receipt', async () => {
  const second = await createOpenRound(platform, {
    title: { en: 'Consulting on the Roadmap’s review cycle' },
  });
  const page = await browser.newPage();
  // Playwright's clock runs like the real one until the test moves it on, past the autosave delay, further down.
  await page.clock.install();
  await countDraftSaves(page);
  await page.goto(
    `${platform.url}/sign-in?next=${encodeURIComponent(`/consultations/${second.id}/respond`)}`,
  );
  await signInOnPage(page);
  await page.waitForURL(`**/consultations/${second.id}/respond`);
  await page.getByLabel(/What should the Roadmap do first/).fill('Hold sessions in national languages.');
  await expect.poll(() => page.locator('.save-status__text').textContent()).toMatch(/^Saved at/);
  // The count sees autosave, so the "no save" below cannot pass for want of counting.
  expect(await draftSaves(page)).toBeGreaterThan(0);

  // The API stores the feedback but the answer never reaches the browser (a dropped connection).
  let sentKey: string | undefined;
  await page.route('**/trpc/contributions.submit*', async (route) => {
    const body = route.request().postDataJSON() as
      Record<string, { idempotencyKey?: string }> | { idempotencyKey?: string };
    sentKey = 'idempotencyKey' in body ? body.idempotencyKey : Object.values(body)[0]?.idempotencyKey;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect
    .poll(() => page.locator('.error-summary').textContent())
    .toContain('could not reach Musyawarah');
  expect(await submittedContributions(second.id)).toHaveLength(1);
  await page.unroute('**/trpc/contributions.submit*');

  // The outcome is unknown to the page, so it stops autosaving: typing on must not start a second, orphan draft.
  await expect.poll(() => page.locator('.save-status__text').textContent()).toContain('Saving is paused');
  const savesBefore = await draftSaves(page);
  await page
    .getByLabel(/What should the Roadmap do first/)
    .fill('Hold sessions in national languages, and publish easy-read summaries.');
  // Ten times the autosave delay (AUTOSAVE_DELAY_MS, 1 s, in respond/formId.ts) passes on the page's clock at once, its
  // timers firing in order: a save the typing had scheduled has been sent, and counted, when this returns.
  await page.clock.runFor(10_000);
  expect(await draftSaves(page)).toBe(savesBefore);
  const drafts = await platform.db
    .selectFrom('contribution')
    .select('id')
    .where('round_id', '=', second.id)
    .where('status', '=', 'draft')
    .execute();
  expect(drafts).toHaveLength(0);

  // Reload: the key is still in sessionStorage; sending again gets the first receipt instead of a second copy.
  await page.reload();
  await page.getByText(/You pressed “Send feedback” earlier/).waitFor();
  const retried = page.waitForRequest((r) => r.url().includes('/trpc/contributions.submit'));
  await page.getByRole('button', { name: 'Send feedback' }).click();
  const retryBody = (await retried).postDataJSON() as Record<string, { idempotencyKey?: string }>;
  const retryKey =
    'idempotencyKey' in retryBody
      ? (retryBody as { idempotencyKey?: string }).idempotencyKey
      : Object.values(retryBody)[0]?.idempotencyKey;
  expect(retryKey).toBe(sentKey);
  await page.waitForURL(new RegExp(`/consultations/${second.id}/receipt/`));

  const stored = await submittedContributions(second.id);
  expect(stored).toHaveLength(1);
  await expect(page.locator('[data-receipt-reference]').getAttribute('data-receipt-reference')).resolves.toBe(
    stored[0]!.receipt_reference,
  );
  // The receipt arrived: the key is gone, so new feedback later is a new submission.
  expect(
    await page.evaluate((id) => sessionStorage.getItem(`musyawarah.submission.${id}`), second.id),
  ).toBeNull();
});

test('feedback sent after the deadline is refused with a clear message and nothing is stored', async () => {
  const third = await createOpenRound(platform, { title: { en: 'Short round on captioning standards' } });
  const page = await browser.newPage();
  await page.goto(`${platform.url}/sign-in?next=${encodeURIComponent(`/consultations/${third.id}/respond`)}`);
  await signInOnPage(page);
  await page.waitForURL(`**/consultations/${third.id}/respond`);
  await page.getByLabel(/What should the Roadmap do first/).fill('Caption every session.');
  await expect.poll(() => page.locator('.save-status__text').textContent()).toMatch(/^Saved at/);

  // The Secretariat closes the round while the participant is still on the form.
  await asSecretariat(platform, 'rounds.transition', { roundId: third.id, action: 'close_early' });
  await page.getByRole('button', { name: 'Send feedback' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'The deadline has passed' });
  await banner.waitFor();
  await expect.poll(() => banner.evaluate((el) => el === document.activeElement)).toBe(true);
  await expect(banner.textContent()).resolves.toContain('we could not accept your feedback');
  await expect(page.getByRole('button', { name: 'Send feedback' }).isDisabled()).resolves.toBe(true);
  expect(await submittedContributions(third.id)).toHaveLength(0);
});

test('a participant registers for the event with the support they need and reports a contribution from the dialog', async () => {
  const day = 24 * 3600_000;
  const withEvent = await createOpenRound(platform, {
    title: { en: 'Town hall on AI in public services' },
    format: 'town_hall',
    event: {
      mode: 'hybrid',
      venue: 'ASEAN Secretariat, Jakarta',
      link: 'https://meet.example.org/town-hall',
      capacity: 100,
      startsAt: new Date(Date.now() + 7 * day).toISOString(),
      endsAt: new Date(Date.now() + 7 * day + 3 * 3600_000).toISOString(),
      timezone: 'Asia/Jakarta',
      accommodationsOffered: ['sign_language', 'captioning'],
    },
  });
  const page = await browser.newPage();
  await page.goto(
    `${platform.url}/sign-in?next=${encodeURIComponent(`/consultations/${withEvent.id}/respond`)}`,
  );
  await signInOnPage(page);
  await page.waitForURL(`**/consultations/${withEvent.id}/respond`);
  await page
    .getByLabel(/What should the Roadmap do first/)
    .fill('Caption every session and publish transcripts.');
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await page.waitForURL(new RegExp(`/consultations/${withEvent.id}/receipt/`));

  await page.goto(`${platform.url}/consultations/${withEvent.id}`);
  const registration = page.getByRole('form', { name: 'Register for the event' });
  await registration.getByLabel('Sign language interpretation').check();
  await registration.getByLabel('Childcare').check();
  await registration.getByLabel(/Anything else we should know/).fill('Step-free route from the car park.');
  await registration.getByRole('button', { name: 'Register' }).click();
  await page.getByText('You are registered for the event.').waitFor();
  const row = await platform.db
    .selectFrom('event_registration')
    .selectAll()
    .where('round_id', '=', withEvent.id)
    .executeTakeFirstOrThrow();
  expect(row.status).toBe('registered');
  expect([...row.accommodations_needed].sort()).toEqual(['childcare', 'sign_language']);
  expect(row.other_needs).toBe('Step-free route from the car park.');

  // Report: the dialog asks for a reason first, then thanks; the report is stored.
  await page
    .getByRole('button', { name: /^Report this contribution/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Report this contribution' });
  await dialog.getByRole('button', { name: 'Send report' }).click();
  // The error summary links to the reasons.
  await dialog.getByRole('link', { name: 'Select why you are reporting this contribution' }).waitFor();
  await dialog.getByLabel('It is off-topic').check();
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await page.getByText('Thank you. The Secretariat will review this contribution.').waitFor();
  await expect(dialog.count()).resolves.toBe(0);
  const reports = await platform.db
    .selectFrom('contribution_report')
    .innerJoin('contribution', 'contribution.id', 'contribution_report.contribution_id')
    .select(['contribution_report.reason'])
    .where('contribution.round_id', '=', withEvent.id)
    .execute();
  expect(reports).toEqual([{ reason: 'off_topic' }]);
});

test('a participant cancels their registration after confirming; the first person waiting gets the place and an e-mail', async () => {
  const day = 24 * 3600_000;
  const full = await createOpenRound(platform, {
    title: { en: 'Forum on AI and persons with disabilities' },
    format: 'town_hall',
    event: {
      mode: 'in_person',
      venue: 'Dili Convention Centre',
      capacity: 1,
      startsAt: new Date(Date.now() + 5 * day).toISOString(),
      endsAt: new Date(Date.now() + 5 * day + 2 * 3600_000).toISOString(),
      timezone: 'Asia/Dili',
      accommodationsOffered: ['sign_language'],
    },
  });
  const register = async (email: string, password: string, accommodationsNeeded: string[]) => {
    const cookie = await signInCookie(platform, email, password);
    const response = await fetch(`${platform.url}/trpc/contributions.registerForEvent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: platform.url, cookie },
      body: JSON.stringify({ roundId: full.id, accommodationsNeeded }),
    });
    expect(response.status).toBe(200);
  };
  await register(DEMO_STAKEHOLDER.email, DEMO_PASSWORD, ['sign_language']);
  await register(DEMO_MEMBER_STATE.email, DEMO_PASSWORD, []);

  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${platform.url}/sign-in?next=${encodeURIComponent(`/consultations/${full.id}`)}`);
    await signInOnPage(page);
    await page.getByText('You are registered for the event.').waitFor();
    await page.getByRole('button', { name: /^Cancel my registration/ }).waitFor();
    await page.screenshot({ path: `test-results/stakeholder-round-registered-${width}.png`, fullPage: true });
    await page.goto(`${platform.url}/my-contributions`);
    const events = page.getByRole('region', { name: 'Your event registrations' });
    await events.getByRole('link', { name: full.title.en }).waitFor();
    await page.screenshot({ path: `test-results/stakeholder-my-registrations-${width}.png`, fullPage: true });
    if (width === 375) {
      await page.close();
      continue;
    }
    // Changing one's mind in the dialog keeps the place.
    await events.getByRole('button', { name: `Cancel my registration — ${full.title.en}` }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Cancel your registration?' });
    await dialog.getByRole('button', { name: 'No, keep my place' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await events.getByRole('button', { name: `Cancel my registration — ${full.title.en}` }).click();
    await dialog.getByRole('button', { name: 'Yes, cancel my registration' }).click();
    await page.getByText(`Your registration for “${full.title.en}” was cancelled.`).waitFor();
    // Settled: the page says so only once the list has been fetched again.
    await expect(events.getByRole('link', { name: full.title.en }).count()).resolves.toBe(0);
    await page.screenshot({
      path: `test-results/stakeholder-my-registrations-cancelled-${width}.png`,
      fullPage: true,
    });
  }
  const rows = await platform.db
    .selectFrom('event_registration')
    .innerJoin('user_account', 'user_account.id', 'event_registration.user_id')
    .select(['user_account.email', 'event_registration.status'])
    .where('event_registration.round_id', '=', full.id)
    .execute();
  expect(Object.fromEntries(rows.map((r) => [r.email, r.status]))).toEqual({
    [DEMO_STAKEHOLDER.email]: 'cancelled',
    [DEMO_MEMBER_STATE.email]: 'registered',
  });
  const mail = await waitForMail(platform.db, DEMO_MEMBER_STATE.email);
  expect(mail.subject).toBe('A place at the event is now yours');
  expect(mail.text_body).toContain(`/consultations/${full.id}#event`);
});
