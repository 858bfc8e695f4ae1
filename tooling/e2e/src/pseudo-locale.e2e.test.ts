import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { BrowserContext, Page } from 'playwright-core';
import type { Database } from '@musyawarah/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asUser, signInCookie } from './fixtures/rounds';
import {
  DEMO_MEMBER_STATE,
  DEMO_SECRETARIAT,
  DEMO_STAKEHOLDER,
  launchBrowser,
  startPlatform,
  type BrowserHandle,
  type Platform,
} from './harness';

/**
 * Every page of both apps in the pseudo-locale (`?pseudo=1`: the English text accented, ~40 % longer, between ⟦…⟧) at a
 * phone's width (375 px). On each page:
 *  (a) every visible text node — and every label a screen reader reads or a pointer shows (aria-label, title, alt,
 *      placeholder), and the document title — is translated text (between the markers) or data: user content of the
 *      demo data, the Roadmap's own text, numbers, dates, names, codes (see isData); anything else is text that
 *      bypasses the translation files;
 *  (b) nothing is wider than the viewport (no sideways scrolling) and no text is clipped (an element with overflow
 *      hidden/clip whose content is wider than its box).
 * All problems of all pages are gathered and compared with [] at the end of each test, so one run lists them all.
 */

const WIDTH = 375;
const OPEN = '⟦';
const CLOSE = '⟧';
const ROOT = new URL('../../../', import.meta.url);

let platform: Platform;
let browser: BrowserHandle;
let data: DataStrings;
let ids: DemoIds;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  ids = await demoIds(platform);
  data = await dataStrings(platform.db);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

// ─── the data a page may show untranslated ─────────────────────────────────────────────────────────────────────────

interface DataStrings {
  /** Whole strings of user content and of the Roadmap (longest first). */
  strings: string[];
  exact: Set<string>;
}

/** Every string inside a value: JSON columns hold `{ en, id }` texts, lists and documents. */
function collectStrings(value: unknown, into: Set<string>) {
  if (typeof value === 'string') {
    const text = value.replace(/\s+/g, ' ').trim();
    if (text) into.add(text);
    // JSON kept as text
    if (/^[[{]/.test(text)) {
      try {
        collectStrings(JSON.parse(text), into);
      } catch {
        // plain text after all
      }
    }
  } else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, into));
  else if (value && typeof value === 'object' && !(value instanceof Date))
    Object.values(value).forEach((v) => collectStrings(v, into));
}

/**
 * Data, not interface text: what people and the Secretariat wrote (the demo data's rows, and the ones this test adds),
 * and the Roadmap itself (the action catalogue and the readiness annex, extracted from the published document and shown
 * as it is written).
 */
async function dataStrings(db: Kysely<Database>): Promise<DataStrings> {
  const into = new Set<string>();
  const tables = [
    'user_account', // names, e-mail addresses
    'organisation',
    'consultation_round', // titles, descriptions written by the Secretariat
    'round_question',
    'contribution',
    'advisory_board',
    'board_seat',
    'board_call',
    'board_nomination',
    'board_session',
    'board_session_input',
    'board_training',
    // Not board_constituency: the demo's are the platform's own, whose names the apps translate.
    'review_framework',
    'review_cycle',
    'review_edit',
    'review_position',
    'roadmap_edition',
    'mail_outbox', // the mails themselves, shown in the Secretariat's outbox
  ] as const;
  for (const table of tables) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every column of each table, whatever its type
    collectStrings(await (db as Kysely<any>).selectFrom(table).selectAll().execute(), into);
  }
  for (const file of [
    'catalogue/data/catalogue.json',
    'catalogue/data/pillars.json',
    'catalogue/data/priorities.json',
    'catalogue/data/timeframe.json',
    // The readiness self-assessment: the Roadmap annex's questions, answers and pillars, as published.
    'readiness/data/criteria.json',
    'readiness/data/assessment-pillars.json',
  ]) {
    collectStrings(JSON.parse(readFileSync(new URL(`packages/core/src/${file}`, ROOT), 'utf8')), into);
  }
  const strings = [...into].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
  return { strings, exact: into };
}

/** The allow-list. Data is text without letters (numbers, times, numeric dates, punctuation), or text made only of: */
const DATA_PATTERNS: RegExp[] = [
  /\bMusyawarah\b/g, // the product's name
  /\bASEAN\b/g, // the organisation's name, in every language
  /\bMSY-[0-9A-Z-]+\b/g, // receipt references
  /\b[A-E]\d+(?:\.\d+)*\b/g, // Roadmap action codes (C2.1, A2.4.6)
  /\bQ\d{1,2}\b/g, // readiness criterion numbers (Q7)
  /\b(?:BN|KH|ID|LA|MY|MM|PH|SG|TH|TL|VN)\b/g, // Member State codes
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail addresses
  /https?:\/\/\S+/g, // web addresses
];

/** Each language in its own name (core's LANGUAGE_AUTONYMS): the language menu and language choices name them so. */
const AUTONYMS = [
  'English',
  'Bahasa Melayu',
  'ខ្មែរ',
  'Bahasa Indonesia',
  'ລາວ',
  'မြန်မာ',
  'Filipino',
  '中文',
  'தமிழ்',
  'ไทย',
  'Tetun',
  'Português',
  'Tiếng Việt',
];

/**
 * Words the browser writes in the interface language (Intl): month, weekday, day-period and time-zone names and the
 * words between them in formatted dates ("Mon 23 November 2026 at 09:00 Coordinated Universal Time"), and language
 * names ("Bahasa Indonesia (Indonesian)").
 */
let intlCache: string[] | undefined;
async function intlWords(page: Page): Promise<string[]> {
  if (intlCache) return intlCache;
  const words = await page.evaluate(() => {
    const found = new Set<string>();
    const styles: Intl.DateTimeFormatOptions[] = [
      { dateStyle: 'full', timeStyle: 'full' },
      { dateStyle: 'medium', timeStyle: 'short' },
      {
        weekday: 'short',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'long',
      },
      { weekday: 'short', month: 'short', hour: 'numeric', hour12: true, timeZoneName: 'short' },
    ];
    for (const locale of ['en-GB', 'en-US']) {
      // Every month in the morning, every weekday in the afternoon.
      const dates = [
        ...Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2030, m, 15, 3))),
        ...Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2030, 0, 6 + d, 15))),
      ];
      for (const date of dates) {
        for (const options of styles) {
          for (const timeZone of ['UTC', Intl.DateTimeFormat().resolvedOptions().timeZone]) {
            for (const part of new Intl.DateTimeFormat(locale, { ...options, timeZone }).formatToParts(
              date,
            )) {
              if (/\p{L}/u.test(part.value)) found.add(part.value.trim());
            }
          }
        }
      }
    }
    for (const code of ['en', 'ms', 'id', 'th', 'vi', 'fil', 'km', 'lo', 'my', 'zh', 'ta', 'tet', 'pt']) {
      const name = new Intl.DisplayNames(['en-GB'], { type: 'language' }).of(code);
      if (name) found.add(name);
    }
    return [...found];
  });
  intlCache = [...AUTONYMS, ...words].sort((a, b) => b.length - a.length);
  return intlCache;
}

/** The text without DATA_PATTERNS' matches at its start and end ("C3.3 Continuously review…" → "Continuously review"). */
function trimCodes(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest;) {
    before = rest;
    for (const pattern of DATA_PATTERNS) {
      const source = pattern.source;
      rest = rest
        .replace(new RegExp(`^[\\s\\p{P}]*(?:${source})`, 'u'), '')
        .replace(new RegExp(`(?:${source})[\\s\\p{P}]*$`, 'u'), '');
    }
    rest = rest.trim();
  }
  return rest;
}

function isData(text: string, intl: string[]): boolean {
  const normalised = text.replace(/\s+/g, ' ').trim();
  if (data.exact.has(normalised)) return true;
  // Each part (a long text may be shown cut with an ellipsis) is user content or the Roadmap, or made of codes, names
  // and the words of formatted dates.
  return normalised.split('…').every((part) => {
    const piece = part.trim();
    for (const candidate of [piece, trimCodes(piece)]) {
      if (!/\p{L}/u.test(candidate) || data.exact.has(candidate)) return true;
      if (candidate.length >= 20 && data.strings.some((s) => s.includes(candidate))) return true;
    }
    let left = piece;
    for (const s of data.strings) if (left.includes(s)) left = left.split(s).join('\n');
    for (const pattern of DATA_PATTERNS) left = left.replace(pattern, '\n');
    for (const word of intl)
      left = left.replace(
        new RegExp(`(?<!\\p{L})${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'gu'),
        '\n',
      );
    return !/\p{L}/u.test(left);
  });
}

// ─── what a page shows ─────────────────────────────────────────────────────────────────────────────────────────────

interface Found {
  untranslated: string[];
  overflow: string[];
}

async function inspect(page: Page): Promise<Found> {
  return page.evaluate(
    ({ open, close }) => {
      const describe = (el: Element) => {
        const parts: string[] = [];
        for (let e: Element | null = el; e && parts.length < 3 && e !== document.body; e = e.parentElement) {
          const cls =
            typeof e.className === 'string' && e.className.trim()
              ? `.${e.className.trim().split(/\s+/)[0]}`
              : '';
          parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls}`);
        }
        return parts.join(' > ');
      };
      /** The text outside ⟦…⟧, with `depth` carried over from the text before (a marker pair may span nodes). */
      let depth = 0;
      const outside = (text: string) => {
        let out = '';
        for (const char of text) {
          if (char === open) depth++;
          else if (char === close) depth = Math.max(0, depth - 1);
          else out += depth > 0 ? '' : char;
        }
        return out.trim();
      };
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent ?? '';
        if (!parent || !text.trim() || parent.closest('script, style, noscript, template, textarea'))
          continue;
        if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        const rest = outside(text);
        if (rest) texts.push(`${rest}  «${describe(parent)}»`);
      }
      for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
        if (el.closest('[hidden]')) continue;
        for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
          depth = 0;
          const rest = outside(el.getAttribute(name) ?? '');
          if (rest) texts.push(`${rest}  «${describe(el)} @${name}»`);
        }
      }
      depth = 0;
      const title = outside(document.title);
      if (title) texts.push(`${title}  «title»`);

      const overflow: string[] = [];
      const { scrollWidth } = document.documentElement;
      if (scrollWidth > window.innerWidth) {
        const wide = [...document.body.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .filter(
            (el) =>
              !el.parentElement || el.parentElement.getBoundingClientRect().right <= window.innerWidth + 1,
          )
          .slice(0, 5)
          .map(describe);
        overflow.push(`page is ${scrollWidth}px wide: ${wide.join(', ')}`);
      }
      for (const el of document.body.querySelectorAll('*')) {
        if (!(el instanceof HTMLElement) || !el.textContent?.trim()) continue;
        const style = getComputedStyle(el);
        if (!['hidden', 'clip'].includes(style.overflowX)) continue;
        // Visually hidden text (for screen readers) is clipped to one pixel on purpose.
        if (el.clientWidth <= 1 || el.clientHeight <= 1 || style.clipPath !== 'none' || style.clip !== 'auto')
          continue;
        if (!el.checkVisibility({ visibilityProperty: true })) continue;
        if (el.scrollWidth > el.clientWidth + 1) {
          overflow.push(
            `clipped ${el.scrollWidth}px > ${el.clientWidth}px: ${describe(el)} “${el.textContent.trim().slice(0, 60)}”`,
          );
        }
      }
      return { untranslated: texts, overflow };
    },
    { open: OPEN, close: CLOSE },
  );
}

const problems: string[] = [];

async function check(page: Page, path: string) {
  await page.goto(`${platform.url}${path}`);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  // The page, not its loading state.
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
  // The pseudo-locale is on (the heading of most pages is interface text; every page has the skip link).
  await expect.poll(() => page.locator('body').innerText()).toContain(OPEN);
  await checkHere(page, path);
}

/** The page as it is now, under `label` in the problems. */
async function checkHere(page: Page, label: string) {
  const intl = await intlWords(page);
  const found = await inspect(page);
  for (const entry of found.untranslated) {
    const text = entry.slice(0, entry.lastIndexOf('  «'));
    if (!isData(text, intl)) problems.push(`${label}: untranslated “${entry}”`);
  }
  for (const entry of found.overflow) problems.push(`${label}: ${entry}`);
}

/** States a page reaches in use: the error summary of a form sent empty, a refused sign-in (the API's message). */
async function checkFormErrors(page: Page, path: string, formId: string, fill?: Record<string, string>) {
  await check(page, path);
  for (const [name, value] of Object.entries(fill ?? {}))
    await page.locator(`#${formId} [name="${name}"]`).fill(value);
  await page.locator(`#${formId} button[type="submit"]`).last().click();
  await page.locator('.error-summary').waitFor();
  await page.waitForLoadState('networkidle');
  await checkHere(page, `${path} (sent${fill ? ' with a wrong password' : ' empty'})`);
}

// ─── pages ─────────────────────────────────────────────────────────────────────────────────────────────────────────

interface DemoIds {
  round: string;
  receipt: string;
  board: string;
  sessionPast: string;
  sessionNext: string;
  cycle: string;
  edit: string;
  edition: number;
  readiness: string;
  ownAssessment: string;
  mail: string;
}

async function demoIds(p: Platform): Promise<DemoIds> {
  const { db } = p;
  const round = await db
    .selectFrom('consultation_round')
    .select('id')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const questions = await db
    .selectFrom('round_question')
    .select(['id', 'kind'])
    .where('round_id', '=', round.id)
    .orderBy('position')
    .execute();
  // A contribution of the demo stakeholder, for the receipt page, My contributions and the Secretariat's tabs.
  const submitted = await asUser<{ receiptReference: string }>(p, DEMO_STAKEHOLDER, 'contributions.submit', {
    roundId: round.id,
    answers: Object.fromEntries(
      questions.map((q) => [
        q.id,
        q.kind === 'likert'
          ? 4
          : q.kind === 'multiple_choice'
            ? [0, 2]
            : 'Sessions in Tagalog and Cebuano, and a stipend for travel.',
      ]),
    ),
    stakeholderGroup: 'civil_society',
    memberState: 'PH',
    writtenIn: 'en',
    idempotencyKey: randomUUID(),
  });
  // The Indonesian representative's own (draft) assessment, for the saved-assessment pages.
  const own = await asUser<{ id: string }>(p, DEMO_MEMBER_STATE, 'assessments.start', { year: 2026 });
  const board = await db.selectFrom('advisory_board').select('id').executeTakeFirstOrThrow();
  const sessions = await db
    .selectFrom('board_session')
    .select(['id', 'starts_at'])
    .where('board_id', '=', board.id)
    .orderBy('starts_at')
    .execute();
  const cycle = await db.selectFrom('review_cycle').select('id').executeTakeFirstOrThrow();
  const edit = await db
    .selectFrom('review_edit')
    .select('id')
    .where('cycle_id', '=', cycle.id)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  const edition = await db
    .selectFrom('roadmap_edition')
    .select('number')
    .orderBy('number', 'desc')
    .executeTakeFirstOrThrow();
  const readiness = await db
    .selectFrom('readiness_assessment')
    .select('id')
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow();
  const mail = await db
    .selectFrom('mail_outbox')
    .select('id')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return {
    round: round.id,
    receipt: submitted.receiptReference,
    board: board.id,
    sessionPast: sessions[0]!.id,
    sessionNext: sessions.at(-1)!.id,
    cycle: cycle.id,
    edit: edit.id,
    edition: edition.number,
    readiness: readiness.id,
    ownAssessment: own.id,
    mail: String(mail.id),
  };
}

/** A phone-sized page in the pseudo-locale, signed in as `account` when given (the session cookie from the API). */
async function pseudoPage(account?: { email: string; password: string }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: 800 } });
  // A page that failed to render shows the error page, whose text is translated: its error counts as a problem.
  page.on('pageerror', (error) =>
    problems.push(`${new URL(page.url()).pathname}: page error ${error.message}`),
  );
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('React Router caught')) {
      problems.push(`${new URL(page.url()).pathname}: ${message.text().slice(0, 200)}`);
    }
  });
  const context: BrowserContext = page.context();
  await context.addInitScript(() => window.localStorage.setItem('musyawarah.pseudo', '1'));
  if (account) {
    const cookie = await signInCookie(platform, account.email, account.password);
    await context.addCookies(
      cookie.split('; ').map((pair) => {
        const [name, ...value] = pair.split('=');
        return { name: name!, value: value.join('='), url: platform.url };
      }),
    );
  }
  return page;
}

describe(`every page in the pseudo-locale at ${WIDTH}px`, () => {
  test('public pages of the stakeholder app', { timeout: 120_000 }, async () => {
    problems.length = 0;
    const page = await pseudoPage();
    const token = 'a'.repeat(32);
    for (const path of [
      '/',
      '/actions',
      '/actions/C2.1',
      '/assessment',
      '/consultations',
      `/consultations/${ids.round}`,
      '/boards',
      `/boards/${ids.board}`,
      '/editions',
      '/review',
      `/review/${ids.cycle}`,
      `/review/editions/${ids.edition}`,
      '/privacy',
      '/register',
      '/register/check-email',
      `/confirm-email?token=${token}`,
      '/sign-in',
      '/forgot-password',
      `/reset-password?token=${token}`,
      `/accept-invitation?token=${token}`,
      '/account/deleted',
      '/no-such-page',
    ]) {
      await check(page, path);
    }
    await checkFormErrors(page, '/register', 'register');
    await checkFormErrors(page, '/sign-in', 'sign-in', {
      email: DEMO_STAKEHOLDER.email,
      password: 'not the right password',
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('pages of a signed-in stakeholder', { timeout: 120_000 }, async () => {
    problems.length = 0;
    const page = await pseudoPage(DEMO_STAKEHOLDER);
    for (const path of [
      '/account',
      '/my-contributions',
      `/consultations/${ids.round}/receipt/${ids.receipt}`,
      `/boards/${ids.board}/apply`,
      '/boards/mine',
      `/boards/mine/${ids.board}`,
      `/boards/mine/sessions/${ids.sessionPast}`,
      `/boards/mine/sessions/${ids.sessionNext}`,
      '/editions/compare',
    ]) {
      await check(page, path);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('pages of a Member State representative', { timeout: 120_000 }, async () => {
    problems.length = 0;
    const page = await pseudoPage(DEMO_MEMBER_STATE);
    for (const path of [
      '/assessment',
      '/assessment/compare',
      `/assessment/${ids.ownAssessment}`,
      `/assessment/${ids.ownAssessment}/edit`,
      `/review/${ids.cycle}/assessment`,
    ]) {
      await check(page, path);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('the secretariat app', { timeout: 240_000 }, async () => {
    problems.length = 0;
    const signedOut = await pseudoPage();
    await checkFormErrors(signedOut, '/secretariat/sign-in', 'sign-in');
    const page = await pseudoPage(DEMO_SECRETARIAT);
    const round = `/secretariat/consultations/${ids.round}`;
    const board = `/secretariat/boards/${ids.board}`;
    const cycle = `/secretariat/review/cycles/${ids.cycle}`;
    for (const path of [
      '/secretariat/',
      '/secretariat/users',
      '/secretariat/users/invite',
      '/secretariat/invitations',
      '/secretariat/mail',
      `/secretariat/mail/${ids.mail}`,
      '/secretariat/readiness',
      `/secretariat/readiness/${ids.readiness}`,
      '/secretariat/consultations',
      '/secretariat/consultations/new',
      ...[
        'overview',
        'documents',
        'summary',
        'participation',
        'moderation',
        'registrations',
        'on-behalf',
      ].map((tab) => `${round}?tab=${tab}`),
      `${round}/edit`,
      `${round}/questions`,
      '/secretariat/boards',
      '/secretariat/boards/new',
      '/secretariat/boards/constituencies',
      ...['overview', 'seats', 'representation', 'nominations', 'sessions', 'training', 'measures'].map(
        (tab) => `${board}?tab=${tab}`,
      ),
      `${board}/edit`,
      `${board}/sessions/new`,
      `${board}/sessions/${ids.sessionPast}`,
      `${board}/sessions/${ids.sessionNext}/edit`,
      '/secretariat/review',
      '/secretariat/review/framework',
      '/secretariat/review/cycles/new',
      cycle,
      `${cycle}/plan`,
      `${cycle}/assessments`,
      `${cycle}/edits`,
      `${cycle}/edits/new`,
      `${cycle}/edits/${ids.edit}/edit`,
      `${cycle}/edits/${ids.edit}/resolve`,
      `${cycle}/positions`,
      `${cycle}/adoption`,
      '/secretariat/no-such-page',
    ]) {
      await check(page, path);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

test('the checks find what they look for (English outside the markers, a page too wide, clipped text)', async () => {
  const page = await pseudoPage();
  await page.goto(`${platform.url}/`);
  await page.locator('h1').first().waitFor();
  await expect.poll(() => page.locator('h1').first().innerText()).toContain(OPEN);
  await page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    main.insertAdjacentHTML(
      'beforeend',
      '<p>Hard-coded words</p><div style="width: 600px">wide</div>' +
        '<div style="width: 50px; overflow: hidden; white-space: nowrap">⟦Ţééxţ ţöö ļöñĝ ţöö ƒîîţ⟧</div>' +
        '<p>⟦Šééñţ⟧ by Maria Dela Cruz, 5 December 2026 at 09:00 – C2.1 ⟦and⟧ more</p>',
    );
  });
  const found = await inspect(page);
  const intl = await intlWords(page);
  const flagged = found.untranslated
    .map((e) => e.slice(0, e.lastIndexOf('  «')))
    .filter((t) => !isData(t, intl));
  expect(flagged).toContain('Hard-coded words');
  // Text outside the markers in a node that has some: "by" and "more" are English, the rest is data.
  expect(flagged.some((t) => t.includes('more'))).toBe(true);
  expect(isData('by Maria Dela Cruz, 5 December 2026 at 09:00 – C2.1', intl)).toBe(false);
  expect(isData('Maria Dela Cruz, 5 December 2026 at 09:00 – C2.1', intl)).toBe(true);
  expect(found.overflow.some((o) => o.startsWith('page is'))).toBe(true);
  expect(found.overflow.some((o) => o.startsWith('clipped') && o.includes('Ţééxţ'))).toBe(true);
});
