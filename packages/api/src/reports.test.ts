import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
afterAll(async () => api.close());

const workDir = mkdtempSync(path.join(tmpdir(), 'report-test-'));
/** The text a reader's PDF tool extracts, with line breaks and runs of spaces made one space. */
function pdfText(pdf: Buffer, name: string) {
  const file = path.join(workDir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
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
