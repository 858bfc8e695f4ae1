import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  acceptEdits,
  advanceCycle,
  contributionToLink,
  createCycle,
  createRepresentative,
  draftEdits,
} from './fixtures/review';
import { signInCookie } from './fixtures/rounds';
import {
  DEMO_MEMBER_STATE,
  DEMO_PASSWORD,
  DEMO_SECRETARIAT,
  DEMO_STAKEHOLDER,
  launchBrowser,
  PAGE_TIMEOUT_MS,
  startPlatform,
  type BrowserHandle,
  type Platform,
  axeViolations,
} from './harness';

/**
 * A Roadmap review cycle end to end (Roadmap action C3.3), in both apps: the Secretariat drafts an edit linked to a
 * consultation contribution; Indonesia and Malaysia record their positions in the comment period; the Secretariat
 * answers, resolves the edit and adopts the new edition, which the catalogue then shows with its word-level diff.
 * Each page is checked with axe (WCAG 2.2 A/AA) and photographed at 1280 and 375 px for review.
 */

const SHOTS = process.env.REVIEW_SHOTS_DIR ?? '/tmp/review-ui-shots';
const MALAYSIA = 'member-state.my@example.org';

let platform: Platform;
let browser: BrowserHandle;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  await createRepresentative(platform.db, MALAYSIA, 'MY', 'Aisyah Rahman');
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function axe(page: Page, what: string) {
  await page.waitForLoadState('networkidle');
  expect(await axeViolations(page), `${what} at ${page.viewportSize()?.width}px`).toEqual([]);
}

/** Axe and a full-page screenshot at the current width, then the same at phone width. */
async function checkPage(page: Page, name: string) {
  await page.locator('h1').first().waitFor();
  await axe(page, name);
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await axe(page, name);
  await page.screenshot({ path: `${SHOTS}/${name}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function signIn(page: Page, email: string, app: '' | '/secretariat') {
  await page.goto(`${platform.url}${app}/sign-in`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}

async function startPhase(page: Page, cycleId: string, action: string, phase: string) {
  await page.goto(`${platform.url}/secretariat/review/cycles/${cycleId}`);
  await page.getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: `${action}?` });
  await dialog.getByRole('button', { name: action }).click();
  await page.getByText(`${phase} has started.`).waitFor();
}

async function recordPosition(email: string, state: string, cycleId: string, kind: string, text?: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await signIn(page, email, '');
  await page.goto(`${platform.url}/review/${cycleId}`);
  await page.getByRole('heading', { level: 2, name: '1 proposed edit' }).waitFor();
  const form = page.getByRole('form', { name: `Position of ${state}` });
  // The hints sit beside the labels (described-by), so a radio's name is its label alone.
  await form.getByRole('radio', { name: kind, exact: true }).check();
  if (text) await form.getByLabel('Explanation').fill(text);
  await form.getByRole('button', { name: `Record the position of ${state}` }).click();
  await page.getByText(`The position of ${state} was recorded.`).waitFor();
  return page;
}

test('a secretariat user drafts an edit linked to a contribution; two states take positions; the edit is resolved and edition 2 adopted', async () => {
  const source = await contributionToLink(platform, 'Reviewing the Roadmap in the open');
  const cycle = await createCycle(platform, 'Second review of the Roadmap', 'drafting');
  const newText =
    'Establish an open working group, with civil society, to develop the initial framework for the Regional Review of the ASEAN Responsible AI Roadmap (2025–2030).';

  // ── Secretariat: the draft edition ──
  const sec = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await signIn(sec, DEMO_SECRETARIAT.email, '/secretariat');
  await sec.getByRole('navigation').getByRole('link', { name: 'Roadmap review' }).click();
  await sec.getByRole('heading', { level: 1, name: 'Roadmap review' }).waitFor();
  await checkPage(sec, 'sec-review-home');
  await sec.getByRole('link', { name: cycle.title }).click();
  await sec.getByRole('heading', { level: 1, name: cycle.title }).waitFor();
  await sec.getByText('Drafting of edits', { exact: true }).first().waitFor();
  await checkPage(sec, 'sec-cycle-timeline');

  await sec
    .getByRole('navigation', { name: 'Parts of this review cycle' })
    .getByRole('link', { name: 'Proposed edits' })
    .click();
  await sec.getByRole('link', { name: 'Propose an edit' }).click();
  await sec.getByRole('heading', { level: 1, name: 'Propose an edit' }).waitFor();
  await sec.getByLabel('Kind of edit').selectOption('changeEntry');
  await sec.getByLabel('Action area').selectOption('C3.3');
  await sec.getByLabel('Which part').selectOption('milestones');
  await sec.getByLabel('Sub-action').selectOption('C3.3.1');
  await sec.getByLabel('Term', { exact: true }).selectOption('short');
  await sec.getByLabel('Entry', { exact: true }).selectOption('0');
  await sec.getByRole('button', { name: 'Start from the current text' }).click();
  await expect
    .poll(() => sec.getByLabel('New text').inputValue())
    .toContain('Establish working groups or committees');
  await sec.getByLabel('New text').fill(newText);
  // The live preview shows the change word by word.
  await sec.locator('ins').filter({ hasText: 'with civil society' }).first().waitFor();
  await sec
    .getByLabel('Rationale')
    .fill('Stakeholders asked for reviews run in the open, with civil society at the table.');
  await sec.getByText('Link a consultation contribution').click();
  await sec.getByLabel('Consultation round').selectOption({ label: source.roundTitle });
  await sec.getByRole('button', { name: `Link ${source.receiptReference}` }).click();
  await sec.getByText(`Contribution ${source.receiptReference} (${source.roundTitle})`).first().waitFor();
  await checkPage(sec, 'sec-edit-editor');
  await sec.getByRole('button', { name: 'Add the edit' }).click();
  await sec.getByText('The edit was added to the draft edition.').waitFor();
  const card = sec.getByRole('article').filter({ hasText: 'Edit 1: Change an entry (C3.3.1)' });
  await card.locator('ins').filter({ hasText: 'with civil society' }).first().waitFor();
  await card.getByText(`Contribution ${source.receiptReference}`).first().waitFor();
  await checkPage(sec, 'sec-edits');

  // Another secretariat user saves the same edit first: the second save is refused and says so.
  const editLink = card.getByRole('link', { name: /Change/ });
  await editLink.click();
  await sec.getByRole('heading', { level: 1, name: 'Change a proposed edit' }).waitFor();
  const other = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await signIn(other, DEMO_SECRETARIAT.email, '/secretariat');
  await other.goto(sec.url());
  await other.getByLabel('Rationale').fill('Stakeholders and two Member States asked for open reviews.');
  await other.getByRole('button', { name: 'Save the edit' }).click();
  await other.getByText('The edit was saved.').waitFor();
  await sec.getByLabel('Rationale').fill('A change that must not overwrite the other one.');
  await sec.getByRole('button', { name: 'Save the edit' }).click();
  // Said once, in the form's error summary with the other refusals, the way to the latest version beside it.
  const summary = sec.locator('.error-summary');
  await summary
    .getByText('Your changes were not saved, so nothing was overwritten.', { exact: false })
    .waitFor();
  await expect(sec.getByText('Someone else saved this edit', { exact: false }).count()).resolves.toBe(1);
  await checkPage(sec, 'sec-edit-conflict');
  await summary.getByRole('button', { name: 'Reload the latest version' }).click();
  await sec
    .locator('[data-notice="success"]')
    .getByText('You are now editing the latest version.', { exact: false })
    .waitFor();
  await expect(sec.locator('.error-summary').count()).resolves.toBe(0);
  await expect
    .poll(() => sec.getByLabel('Rationale').inputValue())
    .toBe('Stakeholders and two Member States asked for open reviews.');

  await startPhase(sec, cycle.id, 'Open the comment period', 'Comment period');

  // ── Member States: formal positions in the stakeholder portal ──
  const indonesia = await recordPosition(DEMO_MEMBER_STATE.email, 'Indonesia', cycle.id, 'Support');
  const thread = indonesia.getByRole('group', { name: 'Add a comment' });
  await thread
    .getByLabel('Comment', { exact: true })
    .fill('Indonesia would host the first working group meeting.');
  await thread.getByRole('button', { name: 'Send the comment' }).click();
  await indonesia.getByText('Indonesia would host the first working group meeting.').waitFor();
  await checkPage(indonesia, 'stk-comment-period');
  const malaysia = await recordPosition(
    MALAYSIA,
    'Malaysia',
    cycle.id,
    'Object',
    'Malaysia prefers that the committee stays intergovernmental.',
  );
  await malaysia.getByText('Malaysia prefers that the committee stays intergovernmental.').waitFor();

  // ── Secretariat: positions, resolution, adoption ──
  await sec.goto(`${platform.url}/secretariat/review/cycles/${cycle.id}/positions`);
  const row = sec.getByRole('row').filter({ hasText: 'Edit 1' });
  await row.getByText('Support', { exact: true }).waitFor();
  await row.getByText('Object', { exact: true }).waitFor();
  await checkPage(sec, 'sec-positions');

  await startPhase(sec, cycle.id, 'Start finalisation', 'Finalisation');
  await sec.goto(`${platform.url}/secretariat/review/cycles/${cycle.id}/edits`);
  await sec.getByRole('link', { name: 'Resolve edit 1' }).click();
  await sec.getByRole('button', { name: 'Answer Malaysia' }).click();
  await sec
    .getByLabel('Answer to Malaysia')
    .fill('The working group reports to the Member States, who decide.');
  await sec.getByRole('button', { name: 'Save the answer' }).click();
  await sec.getByText('The working group reports to the Member States, who decide.').waitFor();
  await sec.getByRole('radio', { name: 'Accepted', exact: true }).check();
  await sec
    .getByLabel('Answer to the positions and comments')
    .fill('Accepted: the working group is open to civil society and reports to the Member States.');
  await checkPage(sec, 'sec-resolve');
  await sec.getByRole('button', { name: 'Save the resolution' }).click();
  await sec.getByText('The edit was resolved.').waitFor();

  // Adoption is not offered until the adoption phase; then it asks for confirmation.
  await sec.goto(`${platform.url}/secretariat/review/cycles/${cycle.id}/adoption`);
  await sec.getByText('The new edition can be adopted in the adoption phase.', { exact: false }).waitFor();
  await expect(sec.getByRole('button', { name: 'Adopt edition 2' }).count()).resolves.toBe(0);
  await startPhase(sec, cycle.id, 'Move to adoption', 'Adoption');
  await sec.goto(`${platform.url}/secretariat/review/cycles/${cycle.id}/adoption`);
  await checkPage(sec, 'sec-adoption');
  await sec.getByRole('button', { name: 'Adopt edition 2' }).click();
  const confirm = sec.getByRole('alertdialog', { name: 'Adopt edition 2?' });
  await confirm.getByLabel('Title of the new edition').fill('Second edition (2026 review)');
  await confirm.getByRole('button', { name: 'Adopt the edition' }).click();
  await sec.getByText('Edition 2 was adopted and is now current.').waitFor();
  await checkPage(sec, 'sec-adopted');

  // ── Everyone: the new edition, its diff and "you said, we did" ──
  const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await visitor.goto(`${platform.url}/review/editions/2`);
  await visitor.getByRole('heading', { level: 1, name: 'Edition 2' }).waitFor();
  await visitor.getByText(`Contribution ${source.receiptReference}`).first().waitFor();
  await visitor.getByText(source.text).first().waitFor();
  await visitor.locator('ins').filter({ hasText: 'with civil society' }).first().waitFor();
  await checkPage(visitor, 'stk-you-said-we-did');
  await visitor.goto(`${platform.url}/review`);
  await checkPage(visitor, 'stk-review-index');
  await visitor.getByRole('link', { name: 'What changed between edition 1 and edition 2' }).first().click();
  await visitor.waitForURL(/\/editions\/compare\?from=1&to=2/);
  await visitor.locator('ins').filter({ hasText: 'with civil society' }).first().waitFor();
  await visitor.goto(`${platform.url}/actions/C3.3`);
  await visitor.getByText(newText).first().waitFor();

  // ── The contributor: My contributions says what became of the feedback ──
  const contributor = await browser.newPage({ viewport: { width: 375, height: 800 } });
  await signIn(contributor, DEMO_STAKEHOLDER.email, '');
  await contributor.goto(`${platform.url}/my-contributions`);
  const entry = contributor.getByRole('listitem').filter({ hasText: source.receiptReference });
  await entry.getByText(/the edit it motivated was accepted/).waitFor();
  await entry.getByRole('link', { name: 'see what changed in edition 2' }).click();
  await contributor.waitForURL(/\/review\/editions\/2$/);
}, 300_000);

test('the published review pages and the comment-period view of the demo cycle pass axe at both widths', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await signIn(page, DEMO_MEMBER_STATE.email, '');
  await page.goto(`${platform.url}/review`);
  await page.getByRole('heading', { level: 1, name: 'Roadmap review' }).waitFor();
  const demo = page.getByRole('link', { name: /Demo: first review/ });
  await demo.click();
  await page.getByRole('heading', { level: 2, name: /proposed edits?/ }).waitFor();
  await checkPage(page, 'stk-demo-comment-period');

  // In a cycle's assessment phase the representative rates the edition: a draft saves; an incomplete submission is refused.
  const assessed = await createCycle(platform, 'Assessment round of the Roadmap', 'assessment');
  await page.goto(`${platform.url}/review/${assessed.id}`);
  await page.getByRole('link', { name: /^Assess edition \d+ for Indonesia$/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Assessment of the Roadmap' }).waitFor();
  const firstArea = page.getByRole('group', { name: /^C1\.1 / });
  await firstArea.locator('select').first().selectOption('4');
  await firstArea.locator('input').first().fill('Skills programmes are under way in most states.');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await page.getByText('Your draft was saved.').waitFor();
  await page.getByText('1 of ', { exact: false }).first().waitFor();
  // The refusal comes from the API: wait for its answer (server work, as long as a page load may take), then for the
  // summary to say what it refused, rather than for the summary alone within the time of a click.
  const refused = page.waitForResponse((response) => response.url().includes('review.submitAssessment'), {
    timeout: PAGE_TIMEOUT_MS * 2,
  });
  await page.getByRole('button', { name: 'Submit the assessment of Indonesia' }).click();
  await refused;
  await page
    .locator('.error-summary')
    .getByText('Rate every action area against every criterion before submitting.')
    .waitFor();
  await checkPage(page, 'stk-assessment');

  const sec = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await signIn(sec, DEMO_SECRETARIAT.email, '/secretariat');
  await sec.goto(`${platform.url}/secretariat/review/framework`);
  await sec.getByRole('heading', { level: 1, name: 'Regional Review Framework' }).waitFor();
  await checkPage(sec, 'sec-framework');
  await sec.goto(`${platform.url}/secretariat/review/cycles/new`);
  await checkPage(sec, 'sec-new-cycle');
  await sec.goto(`${platform.url}/secretariat/review`);
  await sec.getByRole('link', { name: /Demo: first review/ }).click();
  await sec.getByRole('heading', { level: 1, name: /Demo: first review/ }).waitFor();
  const cycleUrl = sec.url();
  await sec.getByRole('link', { name: 'Change the plan' }).click();
  await sec.getByRole('heading', { level: 1, name: 'Change the plan' }).waitFor();
  await checkPage(sec, 'sec-cycle-plan');
  await sec.getByLabel('Publication date').fill('2027-03-01');
  await sec.getByRole('button', { name: 'Save the plan' }).click();
  await sec.getByText('The plan was saved.').waitFor();
  await sec.getByText('1 March 2027').first().waitFor();
  await sec.goto(`${cycleUrl}/assessments`);
  await sec.getByRole('heading', { level: 2, name: 'Results by action area' }).waitFor();
  await checkPage(sec, 'sec-assessments');
  await sec.goto(`${cycleUrl}/positions`);
  await checkPage(sec, 'sec-demo-positions');
  await sec.goto(`${cycleUrl}/edits`);
  await checkPage(sec, 'sec-demo-edits');

  // Finalisation: an edit accepted with changes shows the final wording against the edition and against the proposal.
  const demoId = cycleUrl.split('/').at(-1)!;
  await advanceCycle(platform, demoId, 'comment_period', 'finalisation');
  await sec.goto(`${cycleUrl}/edits`);
  await sec.getByRole('link', { name: 'Resolve edit 1' }).click();
  await sec.getByRole('radio', { name: /^Accepted with changes/ }).check();
  const finalText = sec.getByLabel('New text');
  await finalText.fill(`${await finalText.inputValue()} Member States report on it every two years.`);
  await sec.getByRole('heading', { name: 'Final wording against the proposal' }).waitFor();
  await sec.locator('ins').filter({ hasText: 'every two years' }).first().waitFor();
  await sec
    .getByLabel('Answer to the positions and comments')
    .fill('Accepted, with a reporting duty the comments asked for.');
  await checkPage(sec, 'sec-resolve-with-changes');
  await sec.getByRole('button', { name: 'Save the resolution' }).click();
  await sec.getByText('The edit was resolved.').waitFor();
  const resolved = sec.getByRole('article').filter({ hasText: 'Edit 1:' });
  await resolved.getByText('Accepted with changes', { exact: true }).waitFor();
  await resolved.getByRole('heading', { name: 'Final wording against the edition under review' }).waitFor();
}, 180_000);

test('accepted edits that collide keep a cycle out of adoption: both screens say which, link to their resolutions, and adoption can step back to finalisation', async () => {
  const cycle = await createCycle(platform, 'Colliding edits review', 'drafting');
  const list = { field: 'targetAreas', subActionId: 'C3.3.1' };
  const editIds = await draftEdits(platform, cycle.id, [
    { kind: 'changeEntry', list, index: 0, text: 'A reworded first target area.' },
    { kind: 'removeEntry', list, index: 0 },
  ]);
  const removal = editIds[1]!;
  await advanceCycle(platform, cycle.id, 'drafting', 'finalisation');
  await acceptEdits(platform, editIds);

  const sec = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await signIn(sec, DEMO_SECRETARIAT.email, '/secretariat');
  // The cycle page does not offer a move the API would refuse; it says why and where to look.
  await sec.goto(`${platform.url}/secretariat/review/cycles/${cycle.id}`);
  await sec.getByText('The cycle cannot move into adoption yet: adopting would fail.').waitFor();
  await expect(sec.getByRole('button', { name: 'Move to adoption' }).count()).resolves.toBe(0);
  await checkPage(sec, 'sec-cycle-not-ready');
  await sec.getByRole('link', { name: 'See what is in the way' }).click();
  await sec.getByText('1 accepted edit collides with another', { exact: false }).waitFor();
  await expect(sec.getByRole('button', { name: /^Adopt edition/ }).count()).resolves.toBe(0);
  await checkPage(sec, 'sec-adoption-collision');

  // In finalisation the colliding edits link to their resolutions; rejecting one clears the way.
  await sec.getByRole('link', { name: /^Edit 2: Remove an entry/ }).click();
  await sec.waitForURL(new RegExp(`/edits/${removal}/resolve$`));
  await sec.getByRole('radio', { name: /^Rejected/ }).check();
  await sec
    .getByLabel('Answer to the positions and comments')
    .fill('The rewording keeps what this removal aimed at.');
  await sec.getByRole('button', { name: 'Save the resolution' }).click();
  await sec.getByText('The edit was resolved.').waitFor();
  await startPhase(sec, cycle.id, 'Move to adoption', 'Adoption');

  // In adoption the Secretariat can still step back to change a resolution.
  await sec.goto(`${platform.url}/secretariat/review/cycles/${cycle.id}/adoption`);
  await sec.getByRole('button', { name: /^Adopt edition/ }).waitFor();
  await checkPage(sec, 'sec-adoption-ready');
  await sec.getByRole('button', { name: 'Return to finalisation' }).click();
  await sec.getByText('The cycle is now in: Finalisation', { exact: false }).waitFor();
  await expect(sec.getByRole('button', { name: /^Adopt edition/ }).count()).resolves.toBe(0);
}, 180_000);

test('a cycle whose base edition another cycle superseded is closed without adopting: the adoption screen offers it, confirms it, and the public record says why', async () => {
  const stale = await createCycle(platform, 'Superseded review', 'drafting');
  const other = await createCycle(platform, 'Review adopted first', 'drafting');
  const [staleEdit] = await draftEdits(platform, stale.id, [
    { kind: 'changeActionAreaTitle', actionAreaId: 'C3.3', title: 'Review the Roadmap together' },
  ]);
  const [otherEdit] = await draftEdits(platform, other.id, [
    { kind: 'changeActionAreaTitle', actionAreaId: 'C2.1', title: 'Advisory boards for everyone' },
  ]);
  for (const cycle of [stale, other]) await advanceCycle(platform, cycle.id, 'drafting', 'finalisation');
  await acceptEdits(platform, [staleEdit!, otherEdit!]);
  for (const cycle of [stale, other]) await advanceCycle(platform, cycle.id, 'finalisation', 'adoption');
  // The other cycle is adopted first (through the API, as its adoption screen would): the stale cycle's base is superseded.
  const cookie = await signInCookie(platform, DEMO_SECRETARIAT.email, DEMO_PASSWORD);
  const adopted = await fetch(`${platform.url}/trpc/review.adopt`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: platform.url, cookie },
    body: JSON.stringify({ cycleId: other.id, title: 'Edition adopted first' }),
  });
  const editionNumber = ((await adopted.json()) as { result: { data: { editionNumber: number } } }).result
    .data.editionNumber;

  const sec = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await signIn(sec, DEMO_SECRETARIAT.email, '/secretariat');
  await sec.goto(`${platform.url}/secretariat/review/cycles/${stale.id}/adoption`);
  await sec
    .getByText(`Edition ${editionNumber} was adopted after this cycle began`, { exact: false })
    .first()
    .waitFor();
  await expect(sec.getByRole('button', { name: /^Adopt edition/ }).count()).resolves.toBe(0);
  await checkPage(sec, 'sec-adoption-superseded');
  await sec.getByRole('button', { name: 'Close without adopting' }).click();
  await sec.getByRole('heading', { name: 'Close this cycle without adopting?' }).waitFor();
  const dialog = sec; // the dialog's controls, found on the page (one dialog is open)
  await expect(
    dialog.getByRole('checkbox', { name: new RegExp(`Superseded by edition ${editionNumber}`) }).isChecked(),
  ).resolves.toBe(true);
  // Without "superseded" a reason is required, next to the field.
  await dialog.getByRole('checkbox').uncheck();
  await dialog.getByRole('button', { name: 'Close the cycle' }).click();
  await dialog.locator('.field-error').waitFor();
  await dialog.getByRole('checkbox').check();
  await dialog.getByRole('textbox').last().fill('Its change will be proposed again in the next cycle.');
  await sec.screenshot({ path: `${SHOTS}/sec-close-dialog-1280.png`, fullPage: true });
  await dialog.getByRole('button', { name: 'Close the cycle' }).click();
  await sec.getByText('This cycle was closed without adopting on', { exact: false }).waitFor();
  await expect(sec.getByRole('button', { name: 'Return to finalisation' }).count()).resolves.toBe(0);
  await expect(sec.getByRole('button', { name: 'Close without adopting' }).count()).resolves.toBe(0);
  await checkPage(sec, 'sec-adoption-closed');
  await sec.goto(`${platform.url}/secretariat/review/cycles/${stale.id}`);
  await sec.getByText('This cycle was closed without adopting on', { exact: false }).waitFor();
  await checkPage(sec, 'sec-cycle-closed');

  // The public cycle page says it was closed, and why.
  const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await visitor.goto(`${platform.url}/review/${stale.id}`);
  await visitor.getByRole('heading', { name: 'Closed without adopting' }).waitFor();
  await visitor.getByText(`Superseded by edition ${editionNumber}.`).waitFor();
  await visitor.getByText('Its change will be proposed again in the next cycle.').waitFor();
  await checkPage(visitor, 'public-cycle-closed');
}, 180_000);
