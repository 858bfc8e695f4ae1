import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEMO_MEMBER_STATE,
  DEMO_PASSWORD,
  DEMO_SECRETARIAT,
  axeViolations,
  launchBrowser,
  startPlatform,
  type BrowserHandle,
  type Platform,
} from './harness';

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

type Points = 3 | 1.5 | 0;

/** Chooses, for criterion `id`, the option worth `points` (Q6 scores Yes = 0 and No = 3, so pick by points). */
async function answer(page: Page, id: string, points: Points) {
  const fieldset = page.locator(`fieldset[id="${id}"]`);
  await fieldset.locator('label', { hasText: `${points} points` }).click();
  await expect.poll(() => fieldset.locator('input[type="radio"]:checked').count()).toBe(1);
}

/** Q1–Q10: 3+3+3+1.5 = 10.5 → Emerging (the printed bands leave 10.5 between 0–10 and 11–20). */
const PILLAR_1: Points[] = [3, 3, 3, 1.5, 0, 0, 0, 0, 0, 0];
/** Q11–Q20: 7 × 3 = 21 → Advanced. */
const PILLAR_2: Points[] = [3, 3, 3, 3, 3, 3, 3, 0, 0, 0];
/** Q21–Q30: 5 × 3 = 15 → Promising. */
const PILLAR_3: Points[] = [3, 3, 3, 3, 3, 0, 0, 0, 0, 0];
/** Q31–Q34 only: 7.5 from 4 of 10 answered → provisional, no tier. */
const PILLAR_4: Points[] = [3, 3, 1.5, 0];

async function signIn(page: Page, url: string, email: string) {
  await page.goto(url);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
}

describe('the readiness self-assessment', () => {
  test('a public visitor completes it without saving and sees each pillar’s tier, the band rule and the recommendations', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/assessment`);
    await page.getByRole('heading', { name: 'AI readiness self-assessment', level: 1 }).waitFor();
    // The heading comes first; the criteria follow once the API has answered: wait for them, do not count once.
    // One pillar per step (issue #14): ten questions at a time, the scoring rules behind "How scores work".
    await expect.poll(() => page.locator('fieldset[id^="Q"]').count()).toBe(10);
    await expect.poll(() => page.getByText('Pillar 1 of 4').count()).toBe(1);
    expect(await page.getByText('Each question scores 3 points').isVisible()).toBe(false);

    // The running scores (scored by the server as the answers change) are announced per pillar.
    const liveStatus = page.locator('.pillar-progress__text');
    const plan = [PILLAR_1, PILLAR_2, PILLAR_3, PILLAR_4];
    for (const [p, points] of plan.entries()) {
      await page.locator(`fieldset[id="Q${p * 10 + 1}"]`).waitFor();
      for (const [i, value] of points.entries()) await answer(page, `Q${p * 10 + i + 1}`, value);
      if (p === 0) {
        await expect.poll(() => liveStatus.first().textContent()).toContain('10.5 out of 30 points');
        await expect.poll(() => liveStatus.first().textContent()).toContain('Emerging');
      }
      if (p < plan.length - 1) await page.getByRole('button', { name: 'Next pillar' }).click();
    }
    await expect
      .poll(() => liveStatus.first().textContent())
      .toContain('4 of 10 answered · 7.5 out of 30 points · Provisional');
    // Answers are kept while moving between steps.
    await page.getByRole('button', { name: /^Assessment pillar 1 / }).click();
    await expect.poll(() => page.locator('fieldset[id="Q1"] input:checked').count()).toBe(1);
    await expect
      .poll(() => page.getByRole('button', { name: /^Assessment pillar 2 .*10 of 10 answered/ }).count())
      .toBe(1);

    await page.getByRole('link', { name: 'See your results' }).click();
    await page.getByRole('heading', { name: 'Your self-assessment results', level: 1 }).waitFor();
    // The answers travel in the link, not in any store.
    expect(new URL(page.url()).searchParams.get('answers')).toMatch(/^[ypn-]+$/);

    const cards = page.locator('.pillar-card');
    await expect.poll(() => cards.count()).toBe(4);
    const card = async (i: number) => (await cards.nth(i).innerText()).replace(/\s+/g, ' ');
    await expect.poll(() => card(0)).toMatch(/10\.5 out of 30 Emerging/);
    await expect.poll(() => card(1)).toMatch(/21 out of 30 Advanced/);
    await expect.poll(() => card(2)).toMatch(/15 out of 30 Promising/);
    await expect.poll(() => card(3)).toMatch(/7\.5 out of 30 Provisional 4 of 10 answered, no tier yet/);

    await page
      .getByText(
        'Advanced from 21 points, Promising from 11, Emerging below 11. Scores move in steps of 1.5, so 10.5 is Emerging',
      )
      .first()
      .waitFor();
    await page.getByText('There is no overall tier and the pillars are not weighted').first().waitFor();

    // Targeted recommendations follow each pillar's tier, each with its reason.
    const e14 = page.getByRole('link', { name: /^E1\.4 / });
    await e14.waitFor();
    await page
      .getByText('assessment pillar 1 (Internal Governance Structures and Measures) is Emerging.')
      .first()
      .waitFor();
    await page.getByRole('link', { name: /^A2\.1 / }).waitFor();
    await page.getByRole('link', { name: /^P3\.3 / }).waitFor();
    await page.getByText('No tier yet: answer the 6 remaining questions of pillar 4').waitFor();
    await page.getByRole('link', { name: /^C1\.1 / }).waitFor();

    await e14.click();
    await page.getByRole('heading', { name: 'Develop a National AI Strategy', level: 1 }).waitFor();
  });

  test('a Member State representative answers a pillar per step, saves a draft, meets a conflicting save, submits; the Secretariat sees the row', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await signIn(page, `${platform.url}/sign-in?next=/assessment`, DEMO_MEMBER_STATE.email);
    await page.goto(`${platform.url}/assessment`);
    await page.getByRole('heading', { name: 'Indonesia’s assessments' }).waitFor();
    await page.getByText('Indonesia has no saved assessments yet.').waitFor();

    const year = new Date().getFullYear();
    await page.getByRole('combobox', { name: 'Year' }).selectOption(String(year));
    await page.getByRole('button', { name: 'Start assessment' }).click();
    await page.waitForURL(/\/assessment\/[0-9a-f-]{36}\/edit$/);
    const editUrl = page.url();
    const id = editUrl.split('/').at(-2)!;
    await page.getByRole('heading', { name: `Indonesia’s ${year} self-assessment`, level: 1 }).waitFor();

    // Autosave: a change is saved shortly after, and says so.
    const status = page.locator('.save-bar__status');
    await answer(page, 'Q1', 3);
    await expect.poll(() => status.getAttribute('data-state')).toBe('saved');
    await expect.poll(() => status.textContent()).toMatch(/^Saved/);

    await page.getByText('Evidence for Q1 (optional)').click();
    await page.getByLabel('Note').first().fill('National AI Strategy (Stranas KA) 2020–2045');
    await page.getByLabel('Links to sources').first().fill('https://ai-innovation.id/strategi');
    await expect.poll(() => status.getAttribute('data-state')).toBe('saved');

    // One pillar per step (issue #14), the step in the address; an answer survives moving between steps and a reload.
    const shownIds = () =>
      page.locator('fieldset[id^="Q"]').evaluateAll((sets) => sets.map((f) => f.id).join(' '));
    const ids = (from: number) => Array.from({ length: 10 }, (_, i) => `Q${from + i}`).join(' ');
    await expect.poll(shownIds).toBe(ids(1));
    await page.getByText('Pillar 1 of 4').waitFor();
    expect(await page.getByText('Each question scores 3 points').isVisible()).toBe(false);
    await page.getByRole('button', { name: /^Assessment pillar 3 / }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('3');
    await expect.poll(shownIds).toBe(ids(21));
    await page.getByText('Pillar 3 of 4').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('assessment-pillar-3');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Previous pillar' }).click();
    await expect.poll(shownIds).toBe(ids(11));
    await page.getByRole('button', { name: /^Assessment pillar 1 .*1 of 10 answered/ }).click();
    await page.locator('fieldset[id="Q1"] input:checked').waitFor();
    await page.goto(`${editUrl}?step=3`);
    await expect.poll(shownIds).toBe(ids(21));
    await page.getByRole('button', { name: /^Assessment pillar 1 / }).click();
    await page.locator('fieldset[id="Q1"] input:checked').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('1');

    // A second tab of the same draft is now stale: its save is refused and it offers to reload.
    const other = await browser.newPage();
    await signIn(other, `${platform.url}/sign-in`, DEMO_MEMBER_STATE.email);
    await other.goto(editUrl);
    await other.locator('fieldset[id="Q2"]').waitFor();
    await answer(page, 'Q2', 1.5);
    await expect.poll(() => status.getAttribute('data-state')).toBe('saved');
    await answer(other, 'Q3', 3);
    await other.getByText('Someone else saved this assessment').waitFor();
    await other.getByRole('button', { name: 'Reload the latest version' }).click();
    await other
      .locator('[data-notice="success"]')
      .getByText('You are now looking at the latest saved version.')
      .waitFor();
    await other.locator('fieldset[id="Q2"] input:checked').waitFor();
    await other.close();

    // The draft keeps answers and evidence across a reload.
    await page.reload();
    await page.locator('fieldset[id="Q1"] input:checked').waitFor();
    await expect
      .poll(() => page.getByLabel('Note').first().inputValue())
      .toBe('National AI Strategy (Stranas KA) 2020–2045');

    // The last step lists what is still unanswered; submitting then makes it an error summary whose links lead to
    // each question on its step.
    await page.getByRole('button', { name: /^Review and submit/ }).click();
    await page.getByText('38 questions have no answer yet.').waitFor();
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Answer Q13', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('2');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('assessment-answers-Q13');
    await page.getByText('Answer Q13 before you submit').waitFor();
    await page.getByRole('button', { name: /^Assessment pillar 1 / }).click();

    // Answer the rest: pillar 1 = 28.5 (Advanced), 2 = 21 (Advanced), 3 = 15 (Promising), 4 = 12 (Promising).
    const plan: Points[] = [
      ...[3, 1.5, 3, 3, 3, 3, 3, 3, 3, 3],
      ...PILLAR_2,
      ...PILLAR_3,
      ...[3, 3, 3, 3, 0, 0, 0, 0, 0, 0],
    ] as Points[];
    for (let n = 3; n <= 40; n++) {
      await answer(page, `Q${n}`, plan[n - 1]!);
      if (n % 10 === 0 && n < 40) await page.getByRole('button', { name: 'Next pillar' }).click();
    }
    await page.getByRole('button', { name: 'Next: review and submit' }).click();
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    await page.getByText('Every question has an answer.').waitFor();
    expect(await page.getByText('There is a problem').count()).toBe(0);

    // Submitting asks for confirmation in a dialog that says the assessment becomes read-only.
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    const dialog = page.getByRole('dialog', { name: `Submit Indonesia’s ${year} assessment?` });
    await dialog.getByText('Once submitted, the assessment becomes read-only').waitFor();
    await dialog.getByRole('button', { name: 'Yes, submit it' }).click();
    await page.waitForURL(`${platform.url}/assessment/${id}`);
    await page.getByText('Assessment submitted').first().waitFor();
    await page.getByText('This assessment has been submitted and is read-only.').waitFor();
    await expect.poll(() => page.locator('input[type="radio"]').count()).toBe(0);
    await page.getByText('National AI Strategy (Stranas KA) 2020–2045').waitFor();

    // The Secretariat sees the state's row in the regional table, and can open and export it.
    const secretariat = await browser.newPage();
    await signIn(secretariat, `${platform.url}/secretariat/sign-in`, DEMO_SECRETARIAT.email);
    await secretariat.goto(`${platform.url}/secretariat/readiness`);
    await secretariat.getByRole('heading', { name: 'Regional AI readiness', level: 1 }).waitFor();
    const row = secretariat
      .getByRole('row')
      .filter({ has: secretariat.getByRole('rowheader', { name: /Indonesia/ }) });
    const rowText = async () => (await row.innerText()).replace(/\s+/g, ' ');
    await expect.poll(rowText).toContain(String(year));
    await expect
      .poll(rowText)
      .toMatch(
        /28\.5 out of 30 Advanced.*21 out of 30 Advanced.*15 out of 30 Promising.*12 out of 30 Promising/,
      );

    await secretariat.getByRole('combobox', { name: 'Year' }).selectOption(String(year));
    await secretariat.getByRole('rowheader', { name: 'Viet Nam' }).waitFor();
    await expect.poll(() => new URL(secretariat.url()).searchParams.get('year')).toBe(String(year));

    const [download] = await Promise.all([
      secretariat.waitForEvent('download'),
      secretariat.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`readiness-regional-${year}.csv`);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(path, 'utf8')).toContain('ID,Indonesia');

    await row.getByRole('link').click();
    await secretariat
      .getByRole('heading', { name: `Indonesia’s ${year} self-assessment`, level: 1 })
      .waitFor();
    await secretariat.getByText('National AI Strategy (Stranas KA) 2020–2045').waitFor();
  }, 120_000);
});
