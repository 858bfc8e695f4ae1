import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYCLE_PHASES } from '@musyawarah/core';
import { LABELLED_CORPUS } from '@musyawarah/core/insight/corpus';
import { findReportFile, seedThemeAnalysisDemoRound } from '@musyawarah/db';
import { startJobRunner } from './jobs';
import { mailTranslator } from './mail/i18n';
import { RENDER_REPORT_JOB, renderReportHandler } from './reports/job';
import { createTestApi, rejection, type TestApi } from './test-support';

const dbLabel = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

let api: TestApi;
let secretariat: Awaited<ReturnType<TestApi['signedIn']>>;
beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
});
const workDir = mkdtempSync(path.join(tmpdir(), 'report-test-'));
afterAll(async () => {
  await api.close();
  rmSync(workDir, { recursive: true, force: true });
});
/** The text a reader's PDF tool extracts, with line breaks and runs of spaces made one space. */
function pdfText(pdf: Buffer, name: string, order: 'reading' | 'drawing' = 'reading') {
  const file = path.join(workDir, `${name}.pdf`);
  writeFileSync(file, pdf);
  // In drawing order (`-raw`), pdftotext does not move Khmer marks drawn above a line onto lines of their own.
  const args = [...(order === 'drawing' ? ['-raw'] : []), '-enc', 'UTF-8', file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
/**
 * Khmer's pre-base vowels (and a subscript ro) are drawn before their consonant, and pdftotext gives glyphs in drawing
 * order; in words without a subscript ro the letters (everything but the marks) keep their order.
 */
const letters = (text: string) => text.replace(/[\p{M}\s]/gu, '');

async function renderQueuedReports() {
  const runner = startJobRunner({
    db: api.db,
    handlers: { [RENDER_REPORT_JOB]: renderReportHandler() },
    logger: api.services.logger,
    autoStart: false,
  });
  try {
    await runner.drain();
  } finally {
    await runner.stop();
  }
}

/** The demo round with nine English and six Khmer contributions; every third (0, 3, 6, 9, 12) is named publicly. */
async function demoRound() {
  const roundId = await seedThemeAnalysisDemoRound(api.db, {
    contributions: [...LABELLED_CORPUS.slice(0, 9), ...LABELLED_CORPUS.slice(250, 256)],
  });
  const ids = await api.db
    .selectFrom('contribution')
    .select(['id', 'named_publicly'])
    .where('round_id', '=', roundId)
    .orderBy('receipt_reference')
    .execute();
  return { roundId, ids: ids.map((r) => r.id) };
}

describe(`round reports (${dbLabel})`, () => {
  it('renders the closed round in English and Khmer with its figures and quotes only from consenting, visible contributions', async () => {
    const { roundId, ids } = await demoRound();
    const [consenting, notNamed, hiddenNamed, khmerNamed] = [ids[0]!, ids[1]!, ids[3]!, ids[9]!];
    await secretariat.caller.contributions.hide({ contributionId: hiddenNamed, reason: 'off_topic' });
    const theme = await secretariat.caller.rounds.addTheme({ roundId, label: 'Privacy' });
    for (const contributionId of [consenting, notNamed, hiddenNamed, khmerNamed])
      await secretariat.caller.contributions.setThemes({ contributionId, themeIds: [theme.id] });
    await secretariat.caller.contributions.respond({
      contributionId: consenting,
      text: 'We added a data protection clause to C2.1.',
    });

    const anonymous = (await api.call()).caller;
    expect(await anonymous.reports.forRound({ roundId })).toEqual({ languages: [] });
    await secretariat.caller.reports.publishRound({ roundId });
    // Publishing only queues the rendering: nothing is served until the job has run.
    expect(await findReportFile(api.db, { kind: 'round', id: roundId }, 'en', 'pdf')).toBeUndefined();
    await renderQueuedReports();
    const { languages } = await anonymous.reports.forRound({ roundId });
    expect(languages.map((l) => l.locale)).toHaveLength(13);
    expect(languages.find((l) => l.locale === 'km')).toMatchObject({
      pdf: `/files/reports/rounds/${roundId}/km.pdf`,
      html: `/files/reports/rounds/${roundId}/km.html`,
    });

    const english = pdfText(
      (await findReportFile(api.db, { kind: 'round', id: roundId }, 'en', 'pdf'))!.body,
      'en',
    );
    expect(english).toContain('What we heard: Demo: What should the Responsible AI Roadmap protect?');
    expect(english).toContain('Contributions: 14. Participants: 14.');
    // The figures are the round's Participation tab's, from the same tally.
    const onScreen = await secretariat.caller.rounds.participation({ roundId });
    expect(english).toContain(`Contributions: ${onScreen.tally.total}.`);
    expect(english).toContain(
      `Privacy — contributions: ${onScreen.byTheme.find((t) => t.label === 'Privacy')!.count}`,
    );
    expect(english).toContain(`${onScreen.tally.byMemberState.KH} (target 30)`);
    expect(english).toContain('Privacy — contributions: 3');
    expect(english).toContain('6 (target 30)'); // Cambodia against its target
    expect(english).toContain(LABELLED_CORPUS[0]!.text);
    expect(english).toContain('We added a data protection clause to C2.1.');
    expect(english).not.toContain(LABELLED_CORPUS[1]!.text); // not named publicly: no consent to be quoted
    expect(english).not.toContain(LABELLED_CORPUS[3]!.text); // hidden by moderation
    expect(english).not.toContain('Dara');

    const khmer = pdfText(
      (await findReportFile(api.db, { kind: 'round', id: roundId }, 'km', 'pdf'))!.body,
      'km',
    );
    const t = mailTranslator('km');
    expect(letters(khmer)).toContain(letters(t('report.participation.heading')));
    expect(letters(khmer)).toContain(letters(t('report.whatWeHeard.title')));
    expect(khmer).toContain(LABELLED_CORPUS[0]!.text);
    expect(khmer).not.toContain(LABELLED_CORPUS[1]!.text);

    const html = (await findReportFile(api.db, { kind: 'round', id: roundId }, 'km', 'html'))!.body.toString(
      'utf8',
    );
    expect(html).toContain('<html lang="km">');
    expect(html).toContain(`<blockquote lang="en"><p>${LABELLED_CORPUS[0]!.text}</p></blockquote>`);
    expect(html).toContain(`<blockquote lang="km"><p>${LABELLED_CORPUS[250]!.text}</p></blockquote>`);
    expect(html).not.toContain(LABELLED_CORPUS[1]!.text);
  }, 120_000);

  it('refuses to publish an open round, and publishing again replaces each language with the new version', async () => {
    const { roundId } = await demoRound();
    await api.db
      .updateTable('consultation_round')
      .set({ closes_at: new Date(Date.now() + 86_400_000) })
      .where('id', '=', roundId)
      .execute();
    expect((await rejection(secretariat.caller.reports.publishRound({ roundId }))).message).toBe(
      'round.reportNotClosed',
    );
    await api.db
      .updateTable('consultation_round')
      .set({ closes_at: new Date(Date.now() - 1000) })
      .where('id', '=', roundId)
      .execute();
    expect(await secretariat.caller.reports.publishRound({ roundId })).toMatchObject({ version: 1 });
    await renderQueuedReports();
    const theme = await secretariat.caller.rounds.addTheme({ roundId, label: 'Accessibility' });
    const [first] = await api.db
      .selectFrom('contribution')
      .select('id')
      .where('round_id', '=', roundId)
      .execute();
    await secretariat.caller.contributions.setThemes({ contributionId: first!.id, themeIds: [theme.id] });
    expect(await secretariat.caller.reports.publishRound({ roundId })).toMatchObject({ version: 2 });
    await renderQueuedReports();

    const status = await secretariat.caller.reports.roundStatus({ roundId });
    expect(status.publication?.version).toBe(2);
    expect(status.languages.every((l) => l.ready)).toBe(true);
    const file = (await findReportFile(api.db, { kind: 'round', id: roundId }, 'en', 'pdf'))!;
    expect(file.version).toBe(2);
    expect(pdfText(file.body, 'again')).toContain('Accessibility — contributions: 1');
    const audit = await api.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', roundId)
      .where('action', '=', 'report.publish')
      .execute();
    expect(audit).toHaveLength(2);
  }, 120_000);

  it('withdraws a published report when moderation hides a contribution it quotes, and renders it again without the quote', async () => {
    const { roundId, ids } = await demoRound();
    const theme = await secretariat.caller.rounds.addTheme({ roundId, label: 'Privacy' });
    await secretariat.caller.contributions.setThemes({ contributionId: ids[0]!, themeIds: [theme.id] });
    await secretariat.caller.reports.publishRound({ roundId });
    await renderQueuedReports();
    const subject = { kind: 'round' as const, id: roundId };
    expect(pdfText((await findReportFile(api.db, subject, 'en', 'pdf'))!.body, 'quoted')).toContain(
      LABELLED_CORPUS[0]!.text,
    );

    await secretariat.caller.contributions.hide({ contributionId: ids[0]!, reason: 'off_topic' });
    expect(await findReportFile(api.db, subject, 'en', 'pdf')).toBeUndefined();
    await renderQueuedReports();
    const after = pdfText((await findReportFile(api.db, subject, 'en', 'pdf'))!.body, 'withdrawn');
    expect(after).toContain('Contributions: 14.');
    expect(after).not.toContain(LABELLED_CORPUS[0]!.text);
  }, 120_000);

  it('lets only the Secretariat publish or see a report’s progress, and answers bad input with a field error', async () => {
    const roundId = (await demoRound()).roundId;
    const visitor = await api.call({});
    const stakeholder = await api.signedIn('stakeholder');
    const representative = await api.signedIn('member_state', { memberState: 'ID' });
    for (const { caller } of [visitor, stakeholder, representative]) {
      for (const attempt of [
        caller.reports.publishRound({ roundId }),
        caller.reports.roundStatus({ roundId }),
      ])
        expect(['UNAUTHORIZED', 'FORBIDDEN']).toContain((await rejection(attempt)).code);
    }
    const bad = await rejection(secretariat.caller.reports.publishRound({ roundId: 'not-a-round' }));
    expect(bad.code).toBe('BAD_REQUEST');
    const unknown = await rejection(
      secretariat.caller.reports.publishRound({ roundId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
    // Nothing was published by any refused call: the public sees no report.
    expect((await visitor.caller.reports.forRound({ roundId })).languages).toEqual([]);
  });
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Advances a review cycle one phase at a time until it is in `target`. */
async function advanceTo(cycleId: string, target: string) {
  let stage: string = (await secretariat.caller.review.adminCycle({ cycleId })).stage;
  while (stage !== target)
    stage = (await secretariat.caller.review.advancePhase({ cycleId, expectedStage: stage as never })).stage;
}

const ADOPTED_MILESTONE = 'Publish a “you said, we did” record within 30 days of every review.';
const PUBLIC_COMMENT = 'Please publish the record in every ASEAN language, not only in English.';
const CONFIDENTIAL_COMMENT = 'A note for the Member States only.';

/**
 * A review cycle taken through every phase to adoption: one edit adopted, citing four contributions of the demo round
 * (consenting English, unnamed, hidden after citing, consenting Khmer), with two Member States' positions and a public
 * and a confidential comment; one edit rejected with its reason.
 */
async function adoptedCycle() {
  const { ids } = await demoRound();
  const [consenting, notNamed, hiddenNamed, khmerNamed] = [ids[0]!, ids[1]!, ids[3]!, ids[9]!];
  const indonesia = await api.signedIn('member_state', { memberState: 'ID' });
  const timorLeste = await api.signedIn('member_state', { memberState: 'TL' });
  const stakeholder = await api.signedIn('stakeholder');
  const framework = await secretariat.caller.review.framework();
  const frameworkVersion =
    framework?.version ??
    (
      await secretariat.caller.review.saveFramework({
        expectedVersion: null,
        document: {
          title: 'Regional Review Framework',
          criteria: [{ key: 'relevance', name: 'Relevance', description: 'Still answers the needs.' }],
          metrics: [{ key: 'engagement', name: 'Engagement', description: 'Who took part.' }],
          timeline: CYCLE_PHASES.map((phase) => ({ phase, durationDays: 14 })),
        },
      })
    ).version;
  const cycle = await secretariat.caller.review.createCycle({
    title: { en: 'First review of the Roadmap' },
    frameworkVersion,
    audience: 'all_participants',
    publicationDate: day(60),
    phases: CYCLE_PHASES.map((phase, i) => ({
      phase,
      plannedStart: day(i * 10 - 30),
      plannedEnd: day(i * 10 - 21),
    })),
  });
  await advanceTo(cycle.id, 'drafting');
  const kept = await secretariat.caller.review.createEdit({
    cycleId: cycle.id,
    payload: {
      kind: 'addEntry',
      list: { field: 'milestones', subActionId: 'C3.3.1', term: 'short' },
      text: ADOPTED_MILESTONE,
    },
    rationale: 'Participants asked to see what became of their feedback.',
    motivations: [consenting, notNamed, hiddenNamed, khmerNamed].map((targetId) => ({
      kind: 'contribution' as const,
      targetId,
    })),
  });
  const dropped = await secretariat.caller.review.createEdit({
    cycleId: cycle.id,
    payload: { kind: 'changeActionAreaTitle', actionAreaId: 'C3.3', title: 'Review the Roadmap every year' },
    rationale: 'A yearly review was suggested.',
    motivations: [],
  });
  await secretariat.caller.contributions.hide({ contributionId: hiddenNamed, reason: 'off_topic' });
  await advanceTo(cycle.id, 'comment_period');
  await indonesia.caller.review.recordPosition({
    editId: kept.id,
    memberState: 'ID',
    kind: 'support',
    text: 'Indonesia supports a public record.',
  });
  await timorLeste.caller.review.recordPosition({ editId: kept.id, memberState: 'TL', kind: 'support' });
  await indonesia.caller.review.recordPosition({
    editId: dropped.id,
    memberState: 'ID',
    kind: 'object',
    text: 'A yearly review is too frequent for national processes.',
  });
  await stakeholder.caller.review.addComment({ editId: kept.id, body: PUBLIC_COMMENT, confidential: false });
  await indonesia.caller.review.addComment({
    editId: kept.id,
    body: CONFIDENTIAL_COMMENT,
    confidential: true,
  });
  await advanceTo(cycle.id, 'finalisation');
  await secretariat.caller.review.resolveEdit({
    editId: kept.id,
    expectedVersion: 1,
    kind: 'accepted',
    answer: 'Adopted as proposed.',
  });
  await secretariat.caller.review.resolveEdit({
    editId: dropped.id,
    expectedVersion: 1,
    kind: 'rejected',
    answer: 'Member States need more time between reviews.',
  });
  await advanceTo(cycle.id, 'adoption');
  const adopted = await secretariat.caller.review.adopt({ cycleId: cycle.id, title: 'Reviewed edition' });
  return { cycleId: cycle.id, edition: adopted.editionNumber, ids };
}

describe(`review cycle reports (${dbLabel})`, () => {
  it('renders "You said, we did" in English and Khmer: figures, the adopted change with the feedback behind it, and the rejected one with its reason', async () => {
    const { cycleId, edition } = await adoptedCycle();
    const subject = { kind: 'review_cycle' as const, id: cycleId };
    const anonymous = (await api.call()).caller;
    expect(await anonymous.reports.forCycle({ cycleId })).toEqual({ languages: [] });
    await secretariat.caller.reports.publishCycle({ cycleId });
    expect(await findReportFile(api.db, subject, 'en', 'pdf')).toBeUndefined();
    await renderQueuedReports();
    const { languages } = await anonymous.reports.forCycle({ cycleId });
    expect(languages).toHaveLength(13);
    expect(languages.find((l) => l.locale === 'km')).toMatchObject({
      pdf: `/files/reports/cycles/${cycleId}/km.pdf`,
      html: `/files/reports/cycles/${cycleId}/km.html`,
    });
    expect((await secretariat.caller.reports.cycleStatus({ cycleId })).languages.every((l) => l.ready)).toBe(
      true,
    );

    const english = pdfText((await findReportFile(api.db, subject, 'en', 'pdf'))!.body, 'cycle-en');
    expect(english).toContain('You said, we did: First review of the Roadmap');
    expect(english).toContain(`From edition ${edition - 1} to edition ${edition}`);
    expect(english).toContain('Edits proposed: 2. Adopted: 1. Not adopted: 1.');
    // The hidden contribution is neither counted nor quoted; the confidential comment is not public.
    expect(english).toContain('Consultation contributions cited: 3. Public comments: 1.');
    expect(english).toContain('Edit 1: Add an entry (C3.3.1)');
    expect(english).toContain(`New wording: ${ADOPTED_MILESTONE}`);
    expect(english).toContain('Why: Participants asked to see what became of their feedback.');
    expect(english).toContain('Consultation contributions behind this change: 3 (quoted: 2)');
    expect(english).toContain('Indonesia: Support — Indonesia supports a public record.');
    expect(english).toContain('Timor-Leste: Support');
    expect(english).toContain(LABELLED_CORPUS[0]!.text);
    expect(english).toContain(PUBLIC_COMMENT);
    expect(english).not.toContain(LABELLED_CORPUS[1]!.text); // not named publicly
    expect(english).not.toContain(LABELLED_CORPUS[3]!.text); // hidden by moderation
    expect(english).not.toContain(CONFIDENTIAL_COMMENT);
    expect(english).toContain('Proposals not adopted');
    expect(english).toContain('Why not: Member States need more time between reviews.');

    const khmer = pdfText((await findReportFile(api.db, subject, 'km', 'pdf'))!.body, 'cycle-km', 'drawing');
    const t = mailTranslator('km');
    expect(letters(khmer)).toContain(letters(t('report.cycle.title')));
    expect(letters(khmer)).toContain(letters(t('report.cycle.figures.heading')));
    expect(khmer).toContain(ADOPTED_MILESTONE);
    expect(khmer).not.toContain(LABELLED_CORPUS[1]!.text);
    const html = (await findReportFile(api.db, subject, 'km', 'html'))!.body.toString('utf8');
    expect(html).toContain('<html lang="km">');
    expect(html).toContain(`<blockquote lang="km"><p>${LABELLED_CORPUS[250]!.text}</p></blockquote>`);
  }, 180_000);

  it('withdraws a published cycle report when moderation hides a contribution it quotes, and renders it again without the quote', async () => {
    const { cycleId, ids } = await adoptedCycle();
    const subject = { kind: 'review_cycle' as const, id: cycleId };
    await secretariat.caller.reports.publishCycle({ cycleId });
    await renderQueuedReports();
    expect(pdfText((await findReportFile(api.db, subject, 'en', 'pdf'))!.body, 'cycle-quoted')).toContain(
      LABELLED_CORPUS[0]!.text,
    );
    await secretariat.caller.contributions.hide({ contributionId: ids[0]!, reason: 'off_topic' });
    expect(await findReportFile(api.db, subject, 'en', 'pdf')).toBeUndefined();
    await renderQueuedReports();
    const after = pdfText((await findReportFile(api.db, subject, 'en', 'pdf'))!.body, 'cycle-withdrawn');
    expect(after).toContain('Consultation contributions behind this change: 2 (quoted: 1)');
    expect(after).not.toContain(LABELLED_CORPUS[0]!.text);
  }, 180_000);

  it('refuses a cycle that has not adopted its edition, other roles, and bad ids; nothing is served before publishing', async () => {
    const framework = await secretariat.caller.review.framework();
    const cycle = await secretariat.caller.review.createCycle({
      title: { en: 'A review still running' },
      frameworkVersion: framework!.version,
      audience: 'all_participants',
      publicationDate: day(60),
      phases: CYCLE_PHASES.map((phase, i) => ({
        phase,
        plannedStart: day(i * 10 - 30),
        plannedEnd: day(i * 10 - 21),
      })),
    });
    expect((await rejection(secretariat.caller.reports.publishCycle({ cycleId: cycle.id }))).message).toBe(
      'review.reportNotAdopted',
    );
    const visitor = await api.call({});
    const stakeholder = await api.signedIn('stakeholder');
    const representative = await api.signedIn('member_state', { memberState: 'ID' });
    for (const { caller } of [visitor, stakeholder, representative])
      for (const attempt of [
        caller.reports.publishCycle({ cycleId: cycle.id }),
        caller.reports.cycleStatus({ cycleId: cycle.id }),
      ])
        expect(['UNAUTHORIZED', 'FORBIDDEN']).toContain((await rejection(attempt)).code);
    expect((await rejection(secretariat.caller.reports.publishCycle({ cycleId: 'nope' }))).code).toBe(
      'BAD_REQUEST',
    );
    expect(
      (
        await rejection(
          secretariat.caller.reports.publishCycle({ cycleId: '00000000-0000-4000-8000-000000000000' }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(await visitor.caller.reports.forCycle({ cycleId: cycle.id })).toEqual({ languages: [] });
    expect(await findReportFile(api.db, { kind: 'review_cycle', id: cycle.id }, 'en', 'pdf')).toBeUndefined();
  });
});
