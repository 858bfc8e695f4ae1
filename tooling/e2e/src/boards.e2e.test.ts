import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asSecretariat, signInCookie } from './fixtures/rounds';
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
 * AI advisory boards (Roadmap C2.1) in both apps. The Secretariat creates a board with representation targets and opens
 * a call; a stakeholder applies; the Secretariat accepts the application and sees the representation monitor change,
 * schedules a session and records attendance; the new member replies to the next session's invitation and sends input
 * tied to an agenda item. The pages are checked with axe-core (WCAG 2.2 A/AA) at 1280 and 375 px.
 *
 * The tests run in order and share the board they build. Set BOARDS_SHOTS=/some/dir to keep full-page screenshots.
 */

const SHOTS = process.env.BOARDS_SHOTS;

let platform: Platform;
let browser: BrowserHandle;
const board = {
  id: '',
  name: 'Inclusive AI Advisory Board for Southeast Asia',
  sessionId: '',
  nextSessionId: '',
};
const MEMBER_NAME = 'Maria Dela Cruz'; // the demo stakeholder

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
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
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function signIn(page: Page, email: string, app: '' | '/secretariat') {
  await page.goto(`${platform.url}${app}/sign-in`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/${name}-${page.viewportSize()?.width}.png`, fullPage: true });
}

const monitorRow = (page: Page, target: string | RegExp) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: target }) });

describe.sequential('advisory boards', () => {
  test('the Secretariat creates a board with representation targets and opens a call for nominations', async () => {
    const page = await browser.newPage({ timezoneId: 'Asia/Jakarta' });
    await signIn(page, DEMO_SECRETARIAT.email, '/secretariat');
    await page.getByRole('navigation').getByRole('link', { name: 'Advisory boards' }).click();
    await page.getByRole('heading', { level: 1, name: 'Advisory boards' }).waitFor();
    await shot(page, 'sec-list');
    await page.getByRole('link', { name: 'Create a board' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create an advisory board' }).waitFor();

    // Sent empty, the problems are listed and each shows next to its field.
    await page.getByLabel('Number of seats').fill('');
    await page.getByRole('button', { name: 'Create the board' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect(summary.getByRole('link').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(page.locator('#board-name-en-error').textContent()).resolves.toContain('English');

    await page.getByLabel('Name', { exact: true }).fill(board.name);
    await page
      .getByLabel('Mandate', { exact: true })
      .fill('Advises the Secretariat on local AI needs and priorities of at-risk communities.');
    await page.getByLabel('The board ends on').fill(day(730));
    await page.getByLabel('Number of seats').fill('9');

    await page.getByRole('button', { name: 'Add a target' }).click();
    const first = page.getByRole('group', { name: 'Target 1' });
    for (const c of [
      'Persons with disabilities',
      'Indigenous peoples',
      'Women',
      'Youth',
      'Rural communities',
    ]) {
      await first.getByLabel(c, { exact: true }).check();
    }
    await first.getByLabel('At least (% of counted seats)').fill('40');
    await page.getByRole('button', { name: 'Add a target' }).click();
    const second = page.getByRole('group', { name: 'Target 2' });
    await second.getByLabel('Kind of target').selectOption('min_count');
    await second.getByLabel('Constituency', { exact: true }).selectOption('industry');
    await second.getByLabel('At least (seats)').fill('1');
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    await page
      .getByRole('group', { name: 'Criterion 1' })
      .getByLabel('Criterion', { exact: true })
      .fill('Lived experience of the community');
    await page.getByRole('group', { name: 'Criterion 1' }).getByLabel('Weight').fill('3');
    await shot(page, 'sec-editor');
    await page.getByRole('button', { name: 'Create the board' }).click();

    await page.getByRole('heading', { level: 1, name: board.name }).waitFor();
    await page.getByText('The board has been created.').waitFor();
    board.id = new URL(page.url()).pathname.split('/').pop()!;
    // Nobody sits on it yet: both targets are flagged on every tab.
    await page.getByText('2 representation targets are not met').first().waitFor();

    await page.getByRole('tab', { name: 'Nominations' }).click();
    await page.getByRole('button', { name: 'Open a call for nominations' }).click();
    await page
      .getByLabel('What the call asks for')
      .fill('We look for people who speak for communities the Roadmap must not leave behind.');
    await page.getByLabel('Opens', { exact: true }).fill(jakartaLocal(new Date(Date.now() - 3600_000)));
    await page
      .getByLabel('Closes', { exact: true })
      .fill(jakartaLocal(new Date(Date.now() + 14 * 86_400_000)));
    await page.getByRole('button', { name: 'Open the call' }).click();
    await page.getByText('The call for nominations has been opened.').waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: /Open from .*: 0 nominations/ })
      .getByRole('button', { name: 'Close the call now' })
      .waitFor();
  });

  test('a stakeholder applies for a seat, after being told what is missing', async () => {
    const page = await browser.newPage({ timezoneId: 'Asia/Manila' });
    await signIn(page, DEMO_STAKEHOLDER.email, '');
    await page.getByRole('navigation').getByRole('link', { name: 'Advisory boards' }).click();
    await page.getByRole('heading', { level: 1, name: 'Advisory boards' }).waitFor();
    await shot(page, 'stk-list');
    await page.getByRole('link', { name: board.name }).click();
    await page.getByRole('heading', { level: 1, name: board.name }).waitFor();
    await shot(page, 'stk-board');
    await page.getByRole('link', { name: 'Apply or nominate someone' }).click();
    await page.getByRole('heading', { level: 1, name: 'Apply or nominate someone' }).waitFor();

    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.error-summary').waitFor();
    await page.locator('.field-error').filter({ hasText: 'Select at least one constituency' }).waitFor();
    await shot(page, 'stk-apply-errors');

    await page.getByLabel('Myself').check();
    await page.getByLabel('Persons with disabilities').check();
    await page
      .getByLabel('Motivation', { exact: false })
      .or(page.getByLabel('Why should this person sit on the board?'))
      .first()
      .fill('I coordinate a network of organisations of persons with disabilities in Luzon.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { level: 1, name: 'Application sent' }).waitFor();
    await shot(page, 'stk-apply-done');

    await page.getByRole('link', { name: 'See your applications' }).click();
    await page.getByRole('heading', { level: 1, name: 'My boards' }).waitFor();
    const application = page.getByRole('article', { name: board.name });
    await application.getByText('Being reviewed').waitFor();
  });

  test('the Secretariat accepts the nomination and sees the representation monitor change', async () => {
    const page = await browser.newPage({ timezoneId: 'Asia/Jakarta' });
    await signIn(page, DEMO_SECRETARIAT.email, '/secretariat');
    await page.goto(`${platform.url}/secretariat/boards/${board.id}?tab=representation`);
    await page.getByRole('heading', { level: 2, name: 'Representation monitor' }).waitFor();
    const share = /^At least 40 % of seats: /;
    await monitorRow(page, share).getByText('Not met').waitFor();
    await monitorRow(page, 'At least 1 seat: Industry').getByText('Not met').waitFor();
    await shot(page, 'sec-monitor-before');

    await page.getByRole('tab', { name: 'Nominations' }).click();
    const nomination = page.getByRole('article', { name: MEMBER_NAME });
    await nomination.getByText('Applied themself').waitFor();
    await nomination.getByLabel('Lived experience of the community').selectOption('4');
    await nomination.getByRole('button', { name: 'Save scores' }).click();
    await page.getByText(`The scores for ${MEMBER_NAME} have been saved.`).waitFor();
    await nomination.getByText('80 % of the best possible score').waitFor();
    await shot(page, 'sec-nominations');
    await nomination.getByRole('button', { name: `Accept ${MEMBER_NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: `Accept ${MEMBER_NAME}?` });
    await dialog.getByRole('button', { name: 'Accept and give a seat' }).click();
    await page.getByText(`${MEMBER_NAME} has been accepted and holds a seat.`).waitFor();

    // The monitor follows at once: the share target is met by the new seat, the industry seat is still missing.
    await page.getByRole('tab', { name: 'Representation' }).click();
    await monitorRow(page, share).getByText('Met', { exact: true }).waitFor();
    await monitorRow(page, 'At least 1 seat: Industry').getByText('Not met').waitFor();
    await page.getByText('1 representation target is not met').first().waitFor();
    await shot(page, 'sec-monitor-after');

    await page.getByRole('tab', { name: 'Seats' }).click();
    await page.getByRole('rowheader', { name: MEMBER_NAME }).waitFor();
    await shot(page, 'sec-seats');
  });

  test('the Secretariat schedules a session, invites the members and records attendance', async () => {
    const page = await browser.newPage({ timezoneId: 'Asia/Jakarta' });
    await signIn(page, DEMO_SECRETARIAT.email, '/secretariat');
    await page.goto(`${platform.url}/secretariat/boards/${board.id}?tab=sessions`);
    await page.getByRole('link', { name: 'Schedule a session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schedule a session' }).waitFor();
    await page.getByLabel('Title').fill('Inaugural meeting');
    // The first session of a board is its inaugural meeting.
    await expect.poll(() => page.getByLabel('Inaugural meeting').isChecked()).toBe(true);
    await page.getByLabel('Engagement method').selectOption('workshop');
    await page.getByLabel('Starts', { exact: true }).fill(jakartaLocal(new Date(Date.now() - 30 * 60_000)));
    await page.getByLabel('Ends', { exact: true }).fill(jakartaLocal(new Date(Date.now() + 90 * 60_000)));
    await page.getByLabel('Link to join').fill('https://meet.example.org/inclusive-ai-board');
    await page.getByRole('button', { name: 'Add an agenda item' }).click();
    await page
      .getByRole('group', { name: 'Agenda item 1' })
      .getByLabel('Item', { exact: true })
      .fill('Introductions and the board’s goals');
    await shot(page, 'sec-session-editor');
    await page.getByRole('button', { name: 'Schedule the session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inaugural meeting' }).waitFor();
    board.sessionId = new URL(page.url()).pathname.split('/').pop()!;

    await page.getByRole('button', { name: 'Invite all current members' }).click();
    await page.getByText('1 member invited.').waitFor();
    const row = page.getByRole('group', { name: MEMBER_NAME });
    await row.getByLabel('Present').check();
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByText('Attendance has been saved.').waitFor();
    await page.getByText('Participation: 100 % (1 of 1 invited were present).').waitFor();
    await shot(page, 'sec-session');

    await page.goto(`${platform.url}/secretariat/boards/${board.id}?tab=sessions`);
    await page.getByRole('row').filter({ hasText: 'Inaugural meeting' }).getByText('100 %').waitFor();
    await page.getByRole('tab', { name: 'Measures' }).click();
    await page.getByRole('table', { name: 'Participation per period' }).getByText('100 %').first().waitFor();
    await shot(page, 'sec-measures');
    for (const tab of ['Overview', 'Training']) {
      await page.getByRole('tab', { name: tab }).click();
      await shot(page, `sec-${tab.toLowerCase()}`);
    }
  });

  test('the new member replies to an invitation and sends input on an agenda item', async () => {
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const created = await asSecretariat<{ id: string; agenda: { id: string; title: string }[] }>(
      platform,
      'boards.createSession',
      {
        boardId: board.id,
        kind: 'consultation',
        mode: 'hybrid',
        method: 'focus_group',
        title: { en: 'Focus group: AI in public services' },
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
        venue: 'ASEAN Secretariat, Jakarta',
        link: 'https://meet.example.org/focus-group',
        languages: ['en', 'fil'],
        accommodations: ['captioning', 'sign_language'],
        agenda: [
          { title: 'Access to benefits decided by algorithms' },
          { title: 'Complaints and redress', actionId: 'C2.1.1' },
        ],
        actionIds: ['C2.1.1'],
      },
    );
    board.nextSessionId = created.id;
    await asSecretariat(platform, 'boards.invite', { sessionId: created.id, userIds: [] });

    const page = await browser.newPage({ timezoneId: 'Asia/Manila' });
    await signIn(page, DEMO_STAKEHOLDER.email, '');
    await page.getByRole('navigation').getByRole('link', { name: 'My boards' }).click();
    await page.getByRole('heading', { level: 1, name: 'My boards' }).waitFor();
    const section = page.getByRole('region', { name: board.name });
    await section.getByText('Reply needed').waitFor();
    await shot(page, 'stk-mine');
    await section.getByRole('link', { name: 'Focus group: AI in public services' }).click();
    await page.getByRole('heading', { level: 1, name: 'Focus group: AI in public services' }).waitFor();

    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.locator('.field-error').filter({ hasText: 'Select whether you will attend' }).waitFor();
    await page.getByLabel('Yes, I will attend').check();
    await page.getByLabel('Live captions').check();
    await page.getByLabel('Anything else you need').fill('A seat near the front');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Your reply has been sent.').waitFor();
    await page.getByText('Your reply: You are attending.').waitFor();

    await page.getByLabel('Agenda item').selectOption({ label: 'Complaints and redress' });
    await page
      .getByLabel('Your input', { exact: true })
      .fill('Deaf people cannot use the phone line to contest a decision.');
    await page.getByRole('button', { name: 'Send input' }).click();
    await page.getByText('Your input has been sent.').waitFor();
    await page.getByText('You have sent 1 input').waitFor();
    await page.getByText('on “Complaints and redress”').waitFor();
    await shot(page, 'stk-session');

    // After the inaugural meeting (under way), the satisfaction and trust survey, answered without a name.
    await page.goto(`${platform.url}/boards/mine/sessions/${board.sessionId}`);
    await page.getByRole('heading', { level: 2, name: 'How did the session go?' }).waitFor();
    await page
      .getByRole('group', { name: 'How satisfied are you with this session?' })
      .getByLabel('4 – high')
      .check();
    await page
      .getByRole('group', { name: /How much do you trust/ })
      .getByLabel('3 – neither high nor low')
      .check();
    await expect(page.getByLabel('Stay anonymous').isChecked()).resolves.toBe(true);
    await shot(page, 'stk-survey');
    await page.getByRole('button', { name: 'Send answers' }).click();
    await page.getByText('Thank you. Your answers have been sent.').waitFor();
    await page.getByText('You have answered the survey for this session.').waitFor();

    await page.goto(`${platform.url}/boards/mine/${board.id}`);
    await page.getByRole('heading', { level: 1, name: board.name }).waitFor();
    await shot(page, 'stk-member-board');

    // The Secretariat sees the reply, the support asked for and the input tied to its agenda item.
    const cookie = await signInCookie(platform, DEMO_SECRETARIAT.email, DEMO_PASSWORD);
    const response = await fetch(
      `${platform.url}/trpc/boards.session?input=${encodeURIComponent(JSON.stringify({ sessionId: created.id }))}`,
      {
        headers: { cookie },
      },
    );
    const session = (
      (await response.json()) as {
        result: {
          data: {
            invitations: { rsvp: string; accommodationsNeeded: string[] }[];
            inputs: { agendaItemId: string; text: string }[];
          };
        };
      }
    ).result.data;
    expect(session.invitations).toEqual([
      expect.objectContaining({ rsvp: 'yes', accommodationsNeeded: ['captioning'] }),
    ]);
    expect(session.inputs).toEqual([
      expect.objectContaining({
        agendaItemId: created.agenda.find((a) => a.title === 'Complaints and redress')!.id,
      }),
    ]);
  });

  test('the Secretariat withdraws an invitation: the member is no longer invited, and a session not yet held shows no rate', async () => {
    for (const width of [1280, 375]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, timezoneId: 'Asia/Jakarta' });
      await signIn(page, DEMO_SECRETARIAT.email, '/secretariat');
      await page.goto(`${platform.url}/secretariat/boards/${board.id}?tab=sessions`);
      await page
        .getByRole('row')
        .filter({ hasText: 'Focus group: AI in public services' })
        .getByText('Not held yet')
        .waitFor();
      await page.getByRole('row').filter({ hasText: 'Inaugural meeting' }).getByText('100 %').waitFor();
      await shot(page, 'sec-sessions-list');
      await page.goto(`${platform.url}/secretariat/boards/${board.id}/sessions/${board.nextSessionId}`);
      await page.getByRole('heading', { level: 1, name: 'Focus group: AI in public services' }).waitFor();
      // The member recorded present at the inaugural meeting keeps that invitation: no withdraw button there.
      if (width === 1280) {
        await page.goto(`${platform.url}/secretariat/boards/${board.id}/sessions/${board.sessionId}`);
        await page.getByRole('heading', { level: 1, name: 'Inaugural meeting' }).waitFor();
        await expect(page.getByRole('button', { name: /Withdraw/ }).count()).resolves.toBe(0);
        await page.goto(`${platform.url}/secretariat/boards/${board.id}/sessions/${board.nextSessionId}`);
        await page.getByRole('heading', { level: 1, name: 'Focus group: AI in public services' }).waitFor();
        await shot(page, 'sec-session-invited');
        await page.getByRole('button', { name: `Withdraw the invitation of ${MEMBER_NAME}` }).click();
        const dialog = page.getByRole('dialog', { name: `Withdraw the invitation of ${MEMBER_NAME}?` });
        await dialog.waitFor();
        await shot(page, 'sec-session-withdraw-dialog');
        await dialog.getByRole('button', { name: 'Withdraw the invitation' }).click();
        await page.getByText(`The invitation of ${MEMBER_NAME} has been withdrawn.`).waitFor();
        await page.getByText('Nobody has been invited yet.').waitFor();
      }
      await shot(page, 'sec-session-withdrawn');
      await page.close();
    }
    // The member sees no invitation any more.
    const member = await browser.newPage({ timezoneId: 'Asia/Manila' });
    await signIn(member, DEMO_STAKEHOLDER.email, '');
    await member.goto(`${platform.url}/boards/mine/sessions/${board.nextSessionId}`);
    await member.getByRole('heading', { level: 1, name: 'Focus group: AI in public services' }).waitFor();
    await expect(member.getByRole('button', { name: 'Send reply' }).count()).resolves.toBe(0);
    await member.close();
  });

  for (const width of [1280, 375]) {
    test(`the board pages pass axe (WCAG 2.2 A/AA) at ${width}px`, async () => {
      const secretariat = await browser.newPage({
        viewport: { width, height: 900 },
        bypassCSP: true,
        timezoneId: 'Asia/Jakarta',
      });
      await signIn(secretariat, DEMO_SECRETARIAT.email, '/secretariat');
      const secretariatPages = [
        '/secretariat/boards',
        '/secretariat/boards/new',
        '/secretariat/boards/constituencies',
        ...['overview', 'seats', 'representation', 'nominations', 'sessions', 'training', 'measures'].map(
          (tab) => `/secretariat/boards/${board.id}?tab=${tab}`,
        ),
        `/secretariat/boards/${board.id}/edit`,
        `/secretariat/boards/${board.id}/sessions/new`,
        `/secretariat/boards/${board.id}/sessions/${board.sessionId}`,
      ];
      const member = await browser.newPage({
        viewport: { width, height: 900 },
        bypassCSP: true,
        timezoneId: 'Asia/Manila',
      });
      await signIn(member, DEMO_STAKEHOLDER.email, '');
      const memberPages = [
        '/boards',
        `/boards/${board.id}`,
        `/boards/${board.id}/apply`,
        '/boards/mine',
        `/boards/mine/${board.id}`,
        `/boards/mine/sessions/${board.nextSessionId}`,
      ];
      for (const [page, paths] of [
        [secretariat, secretariatPages],
        [member, memberPages],
      ] as const) {
        for (const path of paths) {
          await page.goto(`${platform.url}${path}`);
          await page.locator('h1').first().waitFor();
          await page.waitForLoadState('networkidle');
          if (width === 375)
            await shot(
              page,
              `narrow${path
                .replace(board.id, 'board')
                .replace(board.sessionId, 'session')
                .replace(board.nextSessionId, 'next')
                .replace(/[^a-z0-9]+/gi, '-')}`,
            );
          expect(await axeViolations(page), `${path} at ${width}px`).toEqual([]);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
        }
      }
      // Nineteen pages, each loaded and audited: over a minute on a busy two-core machine. A limit, not a wait.
    }, 180_000);
  }

  test('a stale edit of a board is refused in the form’s error summary, which reloads the latest version', async () => {
    const first = await browser.newPage();
    await signIn(first, DEMO_SECRETARIAT.email, '/secretariat');
    const second = await first.context().newPage();
    const editUrl = `${platform.url}/secretariat/boards/${board.id}/edit`;
    await first.goto(editUrl);
    await second.goto(editUrl);
    const renamed = `${board.name} (renamed)`;
    await first.getByLabel('Name', { exact: true }).fill(renamed);
    await first.getByRole('button', { name: 'Save changes' }).click();
    await first.getByRole('tab', { name: 'Overview' }).waitFor();

    await second.getByLabel('Name', { exact: true }).fill('A stale name');
    await second.getByRole('button', { name: 'Save changes' }).click();
    const summary = second.locator('.error-summary');
    await summary
      .getByText('Someone else saved this board while you were editing it.', { exact: false })
      .waitFor();
    await summary.getByRole('button', { name: 'Reload the board' }).click();
    await expect.poll(() => second.getByLabel('Name', { exact: true }).inputValue()).toBe(renamed);
    await expect.poll(() => second.locator('.error-summary').count()).toBe(0);
    await first.close();
  });
});
