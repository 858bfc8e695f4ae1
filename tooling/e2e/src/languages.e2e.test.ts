import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOpenRound, type CreatedRound } from './fixtures/rounds';
import {
  axeViolations,
  DEMO_PASSWORD,
  DEMO_STAKEHOLDER,
  extractLink,
  launchBrowser,
  startPlatform,
  waitForMail,
  type BrowserHandle,
  type Platform,
} from './harness';

/**
 * The languages whose scripts a bare machine may not have (issue #13): Thai, Khmer, Lao and Burmese. With the browser
 * set to the language (th-TH, km-KH, lo-LA, my-MM), a newcomer registers, confirms the address from the e-mail, chooses
 * a password, answers an open round and reads the receipt — every page and both e-mails written in that script, the
 * page's <html lang> set, the self-hosted Noto face for the script loaded. Screenshots at 1280 and 375 px go to
 * .tmp/screenshots/. Then axe-core (WCAG 2.2 A/AA, as accessibility.e2e.test.ts) on the main pages in th, km and my.
 */

interface Language {
  code: 'th' | 'km' | 'lo' | 'my';
  browserLocale: string;
  /** The script's Unicode block. */
  script: RegExp;
  font: string;
  name: string;
  answer: string;
}

const LANGUAGES: Language[] = [
  {
    code: 'th',
    browserLocale: 'th-TH',
    script: /[\u0E00-\u0E7F]/g,
    font: 'Noto Sans Thai',
    name: 'สมศรี ใจดี',
    answer: 'ควรจัดการประชุมเป็นภาษาท้องถิ่นและมีล่ามภาษามือ',
  },
  {
    code: 'km',
    browserLocale: 'km-KH',
    script: /[\u1780-\u17FF]/g,
    font: 'Noto Sans Khmer',
    name: 'សុខ ចាន់ថា',
    answer: 'គួររៀបចំកិច្ចប្រជុំជាភាសាខ្មែរ និងនៅតាមខេត្ត',
  },
  {
    code: 'lo',
    browserLocale: 'lo-LA',
    script: /[\u0E80-\u0EFF]/g,
    font: 'Noto Sans Lao',
    name: 'ສົມພອນ ແກ້ວມະນີ',
    answer: 'ຄວນຈັດກອງປະຊຸມເປັນພາສາລາວ ແລະ ຢູ່ຕາມແຂວງ',
  },
  {
    code: 'my',
    browserLocale: 'my-MM',
    script: /[\u1000-\u109F]/g,
    font: 'Noto Sans Myanmar',
    name: 'အောင်ကျော်',
    answer: 'ဒေသခံဘာသာစကားဖြင့် အစည်းအဝေးများ ကျင်းပသင့်သည်',
  },
];

const SCREENSHOTS = fileURLToPath(new URL('../../../.tmp/screenshots/', import.meta.url));

let platform: Platform;
let browser: BrowserHandle;
let round: CreatedRound;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  round = await createOpenRound(platform, {
    title: {
      en: 'Consultations in your own language',
      th: 'การปรึกษาหารือในภาษาของคุณ',
      km: 'ការពិគ្រោះយោបល់ជាភាសារបស់អ្នក',
      lo: 'ການປຶກສາຫາລືໃນພາສາຂອງທ່ານ',
      my: 'သင့်ဘာသာစကားဖြင့် တိုင်ပင်ဆွေးနွေးခြင်း',
    },
    languages: ['en', 'th', 'km', 'lo', 'my'],
    questions: [
      {
        kind: 'free_text',
        prompt: {
          en: 'How should consultations reach people in their own language?',
          th: 'การปรึกษาหารือควรเข้าถึงผู้คนในภาษาของพวกเขาอย่างไร',
          km: 'តើការពិគ្រោះយោបល់គួរទៅដល់ប្រជាជនជាភាសារបស់ពួកគេដោយរបៀបណា',
          lo: 'ການປຶກສາຫາລືຄວນເຂົ້າເຖິງປະຊາຊົນໃນພາສາຂອງເຂົາເຈົ້າແນວໃດ',
          my: 'တိုင်ပင်ဆွေးနွေးမှုများသည် လူများထံ သူတို့၏ဘာသာစကားဖြင့် မည်သို့ရောက်ရှိသင့်သနည်း',
        },
        required: true,
      },
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** How many characters of the script a text has. */
const inScript = (text: string, language: Language) => (text.match(language.script) ?? []).length;

/** The page's own text (main content and title), once it is written in the language's script. */
async function expectPageInScript(page: Page, language: Language) {
  await expect
    .poll(() =>
      page
        .locator('h1')
        .first()
        .innerText()
        .then((h1) => inScript(h1, language)),
    )
    .toBeGreaterThan(0);
  await expect
    .poll(() =>
      page
        .locator('main')
        .innerText()
        .then((text) => inScript(text, language)),
    )
    .toBeGreaterThan(20);
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(language.code);
}

/** The script's Noto face is in use: some of its unicode-range subsets loaded (the ones for the text on the page). */
async function expectFontLoaded(page: Page, language: Language) {
  await expect
    .poll(() =>
      page.evaluate(async (family) => {
        await document.fonts.ready;
        return [...document.fonts].filter(
          (f) => f.family.replace(/["']/g, '') === family && f.status === 'loaded',
        ).length;
      }, language.font),
    )
    .toBeGreaterThan(0);
}

async function screenshots(page: Page, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SCREENSHOTS}languages-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('a newcomer takes part in Thai, Khmer, Lao and Burmese', () => {
  for (const language of LANGUAGES) {
    test(`${language.code} (${language.browserLocale})`, { timeout: 120_000 }, async () => {
      const page = await browser.newPage({
        locale: language.browserLocale,
        viewport: { width: 1280, height: 900 },
      });
      const email = `newcomer.${language.code}.${Date.now()}@example.org`;

      // Registration, in the browser's language.
      await page.goto(`${platform.url}/register`);
      await expectPageInScript(page, language);
      await expectFontLoaded(page, language);
      await screenshots(page, `${language.code}-register`);
      await page.locator('#register-name').fill(language.name);
      await page.locator('#register-email').fill(email);
      await page.locator('input[name="stakeholderGroup"][value="civil_society"]').check();
      await page.locator('input[name="privacyConsent"]').check();
      const since = new Date(Date.now() - 1000);
      await page.locator('#register button[type="submit"]').click();
      await page.waitForURL('**/register/check-email');
      await expectPageInScript(page, language);

      // The confirmation e-mail is written in the language.
      const confirmation = await waitForMail(platform.db, email, { since });
      expect(inScript(confirmation.subject, language), confirmation.subject).toBeGreaterThan(0);
      expect(inScript(confirmation.text_body, language), confirmation.text_body).toBeGreaterThan(40);

      // Confirming the address and choosing the password.
      await page.goto(extractLink(confirmation.text_body, '/confirm-email'));
      await expectPageInScript(page, language);
      await page.locator('input[name="password"]').fill(`${language.code} lotus pond at dawn`);
      await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
      await page.locator('input[name="password"]').waitFor({ state: 'detached' });
      await expectPageInScript(page, language);
      await screenshots(page, `${language.code}-confirmed`);

      // The open round, answered in the language.
      await page.goto(`${platform.url}/consultations/${round.id}/respond`);
      await expectPageInScript(page, language);
      await expect(page.locator('h1').first().innerText()).resolves.toContain(round.title[language.code]);
      await page.locator('#respond textarea').first().fill(language.answer);
      await screenshots(page, `${language.code}-respond`);
      const submitted = new Date(Date.now() - 1000);
      await page.locator('#respond button[type="submit"]').last().click();
      await page.waitForURL(new RegExp(`/consultations/${round.id}/receipt/`));
      await expectPageInScript(page, language);
      await expectFontLoaded(page, language);
      const reference =
        (await page.locator('[data-receipt-reference]').getAttribute('data-receipt-reference')) ?? '';
      expect(reference).toMatch(/^MSY-/);
      await screenshots(page, `${language.code}-receipt`);

      // The receipt by e-mail, in the language, with the same reference.
      const receipt = await waitForMail(platform.db, email, { since: submitted });
      expect(receipt.text_body).toContain(reference);
      expect(inScript(receipt.subject, language), receipt.subject).toBeGreaterThan(0);
      expect(inScript(receipt.text_body, language), receipt.text_body).toBeGreaterThan(40);

      // The account remembers the language: the API stored it with the registration.
      const stored = await platform.db
        .selectFrom('user_account')
        .select('locale')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      expect(stored.locale).toBe(language.code);
    });
  }
});

describe('accessibility of the main pages in Thai, Khmer and Burmese (axe-core, WCAG 2.2 A/AA)', () => {
  const PAGES = [
    '/',
    '/register',
    '/sign-in',
    '/consultations',
    '/actions',
    '/actions/C2.1',
    '/assessment',
    '/privacy',
    '/secretariat/sign-in',
  ];

  async function audit(page: Page, path: string, language: Language, problems: string[]) {
    await page.goto(`${platform.url}${path}`);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    // The page, not its loading state, and in the language.
    await expect.poll(() => page.locator('.loading').count()).toBe(0);
    await expectPageInScript(page, language);
    for (const violation of await axeViolations(page))
      problems.push(`${path} in ${language.code}: ${violation}`);
  }

  for (const language of LANGUAGES.filter((l) => l.code !== 'lo')) {
    test(
      `${language.code}: public pages, a round, and a signed-in stakeholder's pages`,
      { timeout: 120_000 },
      async () => {
        const problems: string[] = [];
        const page = await browser.newPage({ locale: language.browserLocale, bypassCSP: true });
        for (const path of [...PAGES, `/consultations/${round.id}`])
          await audit(page, path, language, problems);

        // Signed in: the demo stakeholder's account and contributions, in the language this browser asked for (the
        // demo account's own language is English, which would win at sign-in, so the account is switched first).
        const signedIn = await browser.newPage({ locale: language.browserLocale, bypassCSP: true });
        const signIn = await fetch(`${platform.url}/trpc/auth.signIn`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: platform.url },
          body: JSON.stringify({ email: DEMO_STAKEHOLDER.email, password: DEMO_PASSWORD }),
        });
        const cookies = signIn.headers.getSetCookie().map((c) => c.split(';')[0]!);
        await fetch(`${platform.url}/trpc/account.setLocale`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: platform.url, cookie: cookies.join('; ') },
          body: JSON.stringify({ locale: language.code }),
        });
        await signedIn.context().addCookies(
          cookies.map((pair) => {
            const [name, ...value] = pair.split('=');
            return { name: name!, value: value.join('='), url: platform.url };
          }),
        );
        for (const path of ['/account', '/my-contributions', `/consultations/${round.id}/respond`]) {
          await audit(signedIn, path, language, problems);
        }
        expect(problems, problems.join('\n')).toEqual([]);
      },
    );
  }
});
