import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  DEMO_MEMBER_STATE,
  DEMO_PASSWORD,
  DEMO_SECRETARIAT,
  DEMO_STAKEHOLDER,
  launchBrowser,
  startPlatform,
  type BrowserHandle,
  type Platform,
} from './harness';

/**
 * The Secretariat runs a consultation round (Roadmap C3.2) in its app: creates a round with one question (deadlines typed
 * in the user's own time zone), publishes it; contributions arrive through the API; it hides one with a reason, answers
 * another publicly, closes the round early and publishes "What we heard", which the public round API then carries.
 */

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

const pad = (n: number) => String(n).padStart(2, '0');
/** The wall time in Asia/Jakarta (UTC+7, no daylight saving) that a datetime-local input there shows for `date`. */
function jakartaLocal(date: Date): string {
  const d = new Date(date.getTime() + 7 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

async function api<T>(path: string, body: unknown, cookie?: string): Promise<T> {
  const response = await fetch(`${platform.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !json.result)
    throw new Error(`${path}: ${response.status} ${JSON.stringify(json.error)}`);
  return json.result.data;
}

async function publicRound(roundId: string) {
  const response = await fetch(
    `${platform.url}/trpc/rounds.get?input=${encodeURIComponent(JSON.stringify({ roundId }))}`,
  );
  expect(response.status).toBe(200);
  const json = (await response.json()) as {
    result: {
      data: {
        phase: string;
        closesAt: string;
        opensAt: string;
        summary: Record<string, string> | null;
        questions: { id: string }[];
      };
    };
  };
  return json.result.data;
}

async function signInAs(email: string): Promise<string> {
  const response = await fetch(`${platform.url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')?.split(';')[0] ?? '';
}

async function signInSecretariat(page: Page) {
  await page.goto(`${platform.url}/secretariat/sign-in`);
  await page.getByLabel('E-mail address').fill(DEMO_SECRETARIAT.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
}

test('the Secretariat creates, publishes, moderates, closes a round and publishes what we heard', async () => {
  const page = await browser.newPage({ timezoneId: 'Asia/Jakarta' });
  await signInSecretariat(page);

  // The nav entry is a real link now.
  await page.getByRole('navigation').getByRole('link', { name: 'Consultations' }).click();
  await page.getByRole('heading', { level: 1, name: 'Consultations' }).waitFor();
  await page.getByRole('link', { name: 'Create a round' }).click();
  await page.getByRole('heading', { level: 1, name: 'Create a consultation round' }).waitFor();

  // Sending it empty lists the problems, each linking to its field.
  await page.getByRole('button', { name: 'Create the round' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  await expect(summary.getByRole('link').count()).resolves.toBeGreaterThanOrEqual(3);

  const title = 'Inclusive AI skills: what should C1.1 deliver?';
  const opensAt = new Date(Date.now() - 3600_000);
  opensAt.setSeconds(0, 0);
  const closesAt = new Date(Date.now() + 14 * 86400_000);
  closesAt.setSeconds(0, 0);
  await page.getByLabel('Title in English').fill(title);
  await page
    .getByLabel('Description in English')
    .fill('Tell us how the Roadmap should build AI skills across ASEAN.');
  await page.getByRole('option', { name: 'C1.1 (the whole action area)' }).click();
  await page.getByLabel('Opens', { exact: true }).fill(jakartaLocal(opensAt));
  await page.getByLabel('Closes', { exact: true }).fill(jakartaLocal(closesAt));
  // The UTC equivalent is shown next to the local time.
  const utcTime = new Intl.DateTimeFormat('en', { timeStyle: 'short', timeZone: 'UTC' }).format(closesAt);
  await page.getByText(`${utcTime} UTC`).first().waitFor();
  await page.getByRole('button', { name: 'Add a target' }).click();
  await page.getByLabel('Group, Member State or language').selectOption('academia');
  await page.getByLabel('At least').fill('3');
  await page.getByRole('button', { name: 'Create the round' }).click();

  await page.waitForURL(/\/secretariat\/consultations\/[0-9a-f-]{36}$/);
  const roundId = new URL(page.url()).pathname.split('/').at(-1)!;
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByText('The round was created as a draft.').waitFor();
  await page.locator('.consult-phase').getByText('Draft', { exact: true }).waitFor();

  // One question.
  await page.getByRole('link', { name: 'Edit the questions' }).click();
  await page.getByRole('heading', { level: 1, name: 'Questions' }).waitFor();
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByLabel('Question in English').fill('Which AI skills matter most where you live?');
  await page.getByRole('button', { name: 'Save the questions' }).click();
  await page.waitForURL(new RegExp(`/consultations/${roundId}$`));
  await page.getByText('1 question', { exact: true }).waitFor();

  // Publish, after confirming.
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish this round?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Publish the round' }).click();
  await page.getByText('The round was published.').waitFor();
  await page.locator('.consult-phase').getByText('Open', { exact: true }).waitFor();

  // The deadlines typed in Jakarta time are the intended instants.
  const published = await publicRound(roundId);
  expect(published.phase).toBe('open');
  expect(new Date(published.closesAt).getTime()).toBe(closesAt.getTime());
  expect(new Date(published.opensAt).getTime()).toBe(opensAt.getTime());
  const questionId = published.questions[0]!.id;

  // Two contributions arrive through the API: the demo stakeholder's and a Member State representative's.
  const stakeholder = await signInAs(DEMO_STAKEHOLDER.email);
  const first = await api<{ receiptReference: string }>(
    'contributions.submit',
    {
      roundId,
      answers: { [questionId]: 'Contact me on +63 912 345 6789 — my home address is 12 Rizal St.' },
      items: [{ type: 'concern', text: 'Personal details that should not be public.' }],
      stakeholderGroup: 'civil_society',
      memberState: 'PH',
      writtenIn: 'en',
      idempotencyKey: crypto.randomUUID(),
    },
    stakeholder,
  );
  const representative = await signInAs(DEMO_MEMBER_STATE.email);
  const second = await api<{ id: string; receiptReference: string }>(
    'contributions.submit',
    {
      roundId,
      answers: { [questionId]: 'Data literacy for civil servants.' },
      items: [
        {
          type: 'suggestion',
          text: 'Fund bilingual AI literacy courses for civil servants.',
          actionId: 'C1.1',
        },
      ],
      stakeholderGroup: 'government_agency',
      memberState: 'ID',
      writtenIn: 'en',
      idempotencyKey: crypto.randomUUID(),
    },
    representative,
  );

  // Moderation queue: hide the first with a reason and a note.
  await page.reload();
  await page.getByRole('tab', { name: 'Moderation' }).click();
  await page.getByRole('heading', { level: 2, name: 'Moderation' }).waitFor();
  await page.getByText('All (2)').waitFor();
  await page.getByRole('button', { name: `Hide ${first.receiptReference}` }).click();
  const hideDialog = page.getByRole('alertdialog', { name: `Hide ${first.receiptReference}?` });
  await hideDialog.waitFor();
  // A reason is required.
  await hideDialog.getByRole('button', { name: 'Hide the contribution' }).click();
  await hideDialog.getByText('Choose the reason for hiding it').waitFor();
  await hideDialog.getByLabel('Contains personal data').check();
  await hideDialog.getByLabel('Note for the record').fill('Phone number and home address.');
  await hideDialog.getByRole('button', { name: 'Hide the contribution' }).click();
  await page.getByText(`${first.receiptReference} is hidden.`).waitFor();
  await page.getByLabel('Hidden (1)').check();
  await expect.poll(() => page.getByRole('article').count()).toBe(1);
  await page
    .getByRole('article', { name: new RegExp(first.receiptReference) })
    .getByText('Hidden: Contains personal data')
    .waitFor();
  await page.getByLabel('All (2)').check();
  await expect.poll(() => page.getByRole('article').count()).toBe(2);

  // A participant reports the second; the Secretariat finds nothing wrong, dismisses the report with a note, and the
  // contribution's report history keeps the reason for the next moderator.
  await api(
    'contributions.report',
    { contributionId: second.id, reason: 'spam', note: 'Looks like an advert.' },
    await signInAs(DEMO_STAKEHOLDER.email),
  );
  await page.reload();
  await page.getByRole('tab', { name: 'Moderation' }).click();
  const reported = page.getByRole('article', { name: new RegExp(second.receiptReference) });
  await reported.getByText('Reported 1 time').waitFor();
  await reported.getByText('The reports are unfounded: dismiss them and keep the contribution shown').click();
  await reported.getByLabel('Why the reports are dismissed').fill('A genuine proposal, not an advert.');
  await reported.getByRole('button', { name: 'Dismiss the reports' }).click();
  await page.getByText(`The reports on ${second.receiptReference} were dismissed; it stays shown.`).waitFor();
  await reported.getByText('Reports on this contribution (1)').click();
  await reported.getByText('“Looks like an advert.”').waitFor();
  await reported
    .getByText(new RegExp(`^Dismissed .* by Siti Rahmawati: A genuine proposal, not an advert\\.$`))
    .waitFor();

  // Respond publicly to the second.
  const response = 'Thank you: bilingual courses are now part of the C1.1 work plan for 2026.';
  await page.getByLabel(`Public response ${second.receiptReference}`).fill(response);
  await page.getByRole('button', { name: `Publish response ${second.receiptReference}` }).click();
  await page.getByText(`Your response to ${second.receiptReference} was published.`).waitFor();

  // Close early.
  await page.getByRole('button', { name: 'Close early' }).click();
  const closeDialog = page.getByRole('alertdialog', { name: 'Close this round early?' });
  await closeDialog.getByRole('button', { name: 'Close the round now' }).click();
  await page.getByText('The round was closed.').waitFor();
  await page.locator('.consult-phase').getByText('Closed', { exact: true }).waitFor();

  // "What we heard", started by the system with the counts, edited and published.
  await page.getByRole('tab', { name: 'What we heard' }).click();
  const text = page.getByLabel('Summary in English');
  await expect.poll(() => text.inputValue()).toMatch(/We received \d+ contributions? to this round\./);
  // Settled: the draft is written whole, the count and the kinds of feedback together.
  await expect(text.inputValue()).resolves.toMatch(/suggestion/);
  const heard =
    'We heard that AI skills courses must be offered in national languages. We will fund bilingual courses.';
  await text.fill(heard);
  await page.getByRole('button', { name: 'Publish the summary' }).click();
  const summaryDialog = page.getByRole('dialog', { name: 'Publish the summary?' });
  await summaryDialog.getByRole('button', { name: 'Publish the summary' }).click();
  await page.getByText('The summary was published.').waitFor();
  await page.locator('.consult-phase').getByText('Summary published', { exact: true }).waitFor();

  // The public round API carries it.
  const finished = await publicRound(roundId);
  expect(finished.phase).toBe('summary_published');
  expect(finished.summary?.en).toBe(heard);

  // The list shows the round's phase and count: everything received, the hidden one stated (issue #11 item 9).
  await page.getByRole('link', { name: 'Consultations', exact: true }).first().click();
  const row = page.getByRole('row', { name: new RegExp(title.replace(/[?.]/g, '\\$&')) });
  await row.getByText('Summary published').waitFor();
  await row.getByText('2 received (1 hidden by moderation)', { exact: true }).waitFor();
});

test('a stale edit of a round is refused: the editor says someone else saved and reloads the latest version', async () => {
  const secretariat = await signInAs(DEMO_SECRETARIAT.email);
  const created = await api<{ id: string }>(
    'rounds.create',
    {
      title: { en: 'Fairness in public-sector AI' },
      description: { en: 'What should C2.2 require of government AI systems?' },
      format: 'online_consultation',
      audience: 'public',
      opensAt: new Date(Date.now() + 86400_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
    },
    secretariat,
  );
  const editUrl = `${platform.url}/secretariat/consultations/${created.id}/edit`;
  const first = await browser.newPage();
  await signInSecretariat(first);
  const second = await first.context().newPage();
  await first.goto(editUrl);
  await second.goto(editUrl);

  await first.getByLabel('Title in English').fill('Fairness in public-sector AI (C2.2)');
  await first.getByRole('button', { name: 'Save changes' }).click();
  await first.getByText('Your changes were saved.').waitFor();

  await second.getByLabel('Title in English').fill('A stale title');
  await second.getByRole('button', { name: 'Save changes' }).click();
  // Said once, in the form's error summary, with the way to the latest version beside it.
  const summary = second.locator('.error-summary');
  await summary.getByText('Someone else saved this round while you were editing it.').waitFor();
  await expect
    .poll(() => second.getByText('Someone else saved this round while you were editing it.').count())
    .toBe(1);
  await summary.getByRole('button', { name: 'Reload the latest version' }).click();
  await second
    .getByRole('status')
    .getByText('You are now looking at the latest saved version of the round.')
    .waitFor();
  await expect
    .poll(() => second.getByLabel('Title in English').inputValue())
    .toBe('Fairness in public-sector AI (C2.2)');
  await expect.poll(() => second.locator('.error-summary').count()).toBe(0);
});

test('the Secretariat sees who registered for the event and what they need, exports them and cancels one; the first waiting gets the place', async () => {
  const secretariat = await signInAs(DEMO_SECRETARIAT.email);
  const day = 86400_000;
  const created = await api<{ id: string }>(
    'rounds.create',
    {
      title: { en: 'Town hall on accessible AI services' },
      description: { en: 'An in-person town hall with sign language interpretation and live captions.' },
      format: 'town_hall',
      audience: 'public',
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 14 * day).toISOString(),
      event: {
        mode: 'in_person',
        venue: 'ASEAN Secretariat, Jakarta',
        capacity: 1,
        startsAt: new Date(Date.now() + 7 * day).toISOString(),
        endsAt: new Date(Date.now() + 7 * day + 3 * 3600_000).toISOString(),
        timezone: 'Asia/Jakarta',
        accommodationsOffered: ['sign_language', 'captioning', 'wheelchair_access'],
      },
    },
    secretariat,
  );
  await api('rounds.transition', { roundId: created.id, action: 'publish' }, secretariat);
  const stakeholder = await signInAs(DEMO_STAKEHOLDER.email);
  const representative = await signInAs(DEMO_MEMBER_STATE.email);
  await api(
    'contributions.registerForEvent',
    {
      roundId: created.id,
      accommodationsNeeded: ['sign_language', 'wheelchair_access'],
      otherNeeds: 'Step-free route from the car park',
    },
    stakeholder,
  );
  await api(
    'contributions.registerForEvent',
    { roundId: created.id, accommodationsNeeded: ['captioning'] },
    representative,
  );

  // At a phone's width first (screenshot only), then at a desktop's width the whole job.
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, timezoneId: 'Asia/Jakarta' });
    await signInSecretariat(page);
    await page.goto(`${platform.url}/secretariat/consultations/${created.id}?tab=registrations`);
    await page.getByRole('heading', { name: 'Event registrations' }).waitFor();
    await page.getByText('1 of 1 places taken').waitFor();
    await page.getByText('1 person waiting').waitFor();
    const table = page.getByRole('table', { name: 'Registered and waiting' });
    await table.getByText(DEMO_STAKEHOLDER.email).waitFor();
    await table.getByText('Step-free route from the car park').waitFor();
    await table.getByText(DEMO_MEMBER_STATE.email).waitFor();
    await page.screenshot({ path: `test-results/secretariat-registrations-${width}.png`, fullPage: true });
    if (width === 375) {
      await page.close();
      continue;
    }

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download registrations (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`registrations-${created.id.slice(0, 8)}.csv`);

    await table
      .getByRole('button', { name: /^Cancel registration/ })
      .first()
      .click();
    const dialog = page.getByRole('alertdialog', { name: /^Cancel the registration of / });
    await dialog.getByText(/the first person on the waiting list/).waitFor();
    await dialog.getByRole('button', { name: 'Yes, cancel the registration' }).click();
    await page.getByText(/^The registration of .* was cancelled\.$/).waitFor();
    await page.getByText('0 people waiting').waitFor();
    await page.close();
  }
  const rows = await platform.db
    .selectFrom('event_registration')
    .innerJoin('user_account', 'user_account.id', 'event_registration.user_id')
    .select(['user_account.email', 'event_registration.status'])
    .where('event_registration.round_id', '=', created.id)
    .orderBy('user_account.email')
    .execute();
  expect(rows).toEqual(
    [
      { email: DEMO_MEMBER_STATE.email, status: 'registered' },
      { email: DEMO_STAKEHOLDER.email, status: 'cancelled' },
    ].sort((a, b) => a.email.localeCompare(b.email)),
  );
  // Settled: the mail is queued in the transaction that cancelled the registration, before the page heard back.
  const mail = await platform.db
    .selectFrom('mail_outbox')
    .select(['subject'])
    .where('to_address', '=', DEMO_MEMBER_STATE.email)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  expect(mail?.subject).toBe('A place at the event is now yours');
});

test('closing a round someone else has just closed is refused, and the page then shows the round as it is', async () => {
  const secretariat = await signInAs(DEMO_SECRETARIAT.email);
  const created = await api<{ id: string }>(
    'rounds.create',
    {
      title: { en: 'Round closed from another tab' },
      description: { en: 'Two colleagues manage this round at the same time.' },
      format: 'online_consultation',
      audience: 'public',
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 14 * 86400_000).toISOString(),
    },
    secretariat,
  );
  await api('rounds.transition', { roundId: created.id, action: 'publish' }, secretariat);
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  try {
    await signInSecretariat(page);
    await page.goto(`${platform.url}/secretariat/consultations/${created.id}`);
    await page.getByRole('button', { name: 'Close early' }).waitFor();
    // A colleague closes it meanwhile.
    await api('rounds.transition', { roundId: created.id, action: 'close_early' }, secretariat);

    await page.getByRole('button', { name: 'Close early' }).click();
    const closeDialog = page.getByRole('alertdialog', { name: 'Close this round early?' });
    await closeDialog.getByRole('button', { name: 'Close the round now' }).click();
    await page.getByRole('alert').waitFor();
    // The refusal is said, and the page no longer offers what cannot be done: it shows the round closed.
    await page.locator('.consult-phase').getByText('Closed', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Close early' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    // It says why, and does not send the user to reload a page that has already refreshed itself.
    const refusal = await page.getByRole('alert').textContent();
    expect(refusal).toContain("That step is not possible in the round's current phase.");
    expect(refusal).not.toMatch(/reload/i);
    await page.screenshot({ path: 'test-results/secretariat-round-moved-on-375.png', fullPage: true });
  } finally {
    await page.close();
  }
});
