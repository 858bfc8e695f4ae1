import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELLED_CORPUS } from '@musyawarah/core/insight/corpus';
import { listAuditEntries, seedThemeAnalysisDemoRound } from '@musyawarah/db';
import { whenThemeAnalysesSettled } from './routers/insight/index';
import { createTestApi, rejection, type TestApi } from './test-support';

const dbLabel = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

let api: TestApi;
let secretariat: Awaited<ReturnType<TestApi['signedIn']>>;
beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
});
afterAll(async () => {
  await whenThemeAnalysesSettled();
  await api.close();
});

/** A closed round with 100 of the labelled texts (English, Thai, Khmer, Chinese: 25 each), analysed to the end. */
async function analysedRound() {
  const contributions = LABELLED_CORPUS.filter((c) => ['en', 'th', 'km', 'zh'].includes(c.language)).filter(
    (_, i) => i % 2 === 0,
  );
  const roundId = await seedThemeAnalysisDemoRound(api.db, { contributions });
  const run = await secretariat.caller.insight.runAnalysis({ roundId });
  expect(run.status).toBe('queued');
  await whenThemeAnalysesSettled();
  const analysis = await secretariat.caller.insight.analysis({ roundId });
  return { roundId, analysis };
}

async function themesOf(contributionIds: string[]) {
  return api.db
    .selectFrom('contribution_theme')
    .innerJoin('round_theme', 'round_theme.id', 'contribution_theme.theme_id')
    .select(['contribution_theme.contribution_id', 'round_theme.label'])
    .where('contribution_theme.contribution_id', 'in', contributionIds)
    .execute();
}

describe(`theme analysis (${dbLabel})`, () => {
  it('runs in the background after the request and suggests themes per language with terms, size and three quotes, tagging nothing', async () => {
    const { roundId, analysis } = await analysedRound();
    expect(analysis.run).toMatchObject({ status: 'done', progress: 100, contributionCount: 100 });
    expect(analysis.run?.languages.sort()).toEqual(['en', 'km', 'th', 'zh']);
    expect(analysis.suggestions.length).toBeGreaterThanOrEqual(4);
    for (const s of analysis.suggestions) {
      expect(s.status).toBe('open');
      expect(s.languages).toHaveLength(1);
      expect(s.terms.length > 0 || s.unplaced).toBe(true);
      expect(s.quotes.length).toBe(Math.min(3, s.size));
      expect(s.quotes.every((q) => q.language === s.languages[0])).toBe(true);
    }
    const total = analysis.suggestions.reduce((n, s) => n + s.size, 0);
    // Every text is in exactly one suggestion: those the analysis could not place are a group of their own.
    expect(total).toBe(100);
    const tagged = await api.db
      .selectFrom('contribution_theme')
      .innerJoin('contribution', 'contribution.id', 'contribution_theme.contribution_id')
      .select('contribution.id')
      .where('contribution.round_id', '=', roundId)
      .execute();
    expect(tagged).toEqual([]);
    const [audit] = await listAuditEntries(api.db, { entityId: analysis.run?.id, limit: 5 });
    expect(audit).toMatchObject({ action: 'insight.run_analysis', actor_user_id: secretariat.user.id });
  });

  it('refuses a second run while one is queued, and a round without free text', async () => {
    const roundId = await seedThemeAnalysisDemoRound(api.db, { contributions: LABELLED_CORPUS.slice(0, 12) });
    const first = secretariat.caller.insight.runAnalysis({ roundId });
    await first;
    const second = await rejection(secretariat.caller.insight.runAnalysis({ roundId }));
    expect(second).toMatchObject({ code: 'CONFLICT', message: 'insight.errors.analysisRunning' });
    await whenThemeAnalysesSettled();
    await secretariat.caller.insight.runAnalysis({ roundId }); // done: a new run is allowed
    await whenThemeAnalysesSettled();

    const empty = await seedThemeAnalysisDemoRound(api.db, { contributions: [] });
    expect(await rejection(secretariat.caller.insight.runAnalysis({ roundId: empty }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'insight.errors.noText',
    });
  });

  it('accepting a suggestion tags its contributions with a round theme, audited; a second decision on it is refused', async () => {
    const { roundId, analysis } = await analysedRound();
    const suggestion = analysis.suggestions[0]!;
    await secretariat.caller.insight.decide({
      decision: 'rename',
      suggestionId: suggestion.id,
      label: 'Draft name',
    });
    await secretariat.caller.insight.decide({
      decision: 'accept',
      suggestionId: suggestion.id,
      label: 'Data privacy',
    });
    const after = await secretariat.caller.insight.analysis({ roundId });
    const accepted = after.suggestions.find((s) => s.id === suggestion.id)!;
    expect(accepted).toMatchObject({ status: 'accepted', label: 'Data privacy' });
    expect(after.themes.map((t) => t.label)).toContain('Data privacy');
    const members = await api.db
      .selectFrom('theme_suggestion')
      .select('member_ids')
      .where('id', '=', suggestion.id)
      .executeTakeFirstOrThrow();
    const tags = await themesOf(members.member_ids);
    expect(tags).toHaveLength(suggestion.size);
    expect(new Set(tags.map((t) => t.label))).toEqual(new Set(['Data privacy']));

    const audit = await listAuditEntries(api.db, { entityId: suggestion.id, limit: 10 });
    expect(audit.map((a) => a.action).sort()).toEqual(['insight.accept', 'insight.rename']);

    expect(
      await rejection(secretariat.caller.insight.decide({ decision: 'reject', suggestionId: suggestion.id })),
    ).toMatchObject({ code: 'CONFLICT', message: 'insight.errors.suggestionDecided' });
  });

  it('merges suggestions across languages into one remembered suggestion, and splits it back into its languages', async () => {
    const { roundId, analysis } = await analysedRound();
    const thai = analysis.suggestions.find((s) => s.languages[0] === 'th')!;
    const khmer = analysis.suggestions.find((s) => s.languages[0] === 'km')!;
    const { suggestionId: mergedId } = await secretariat.caller.insight.decide({
      decision: 'merge',
      suggestionIds: [thai.id, khmer.id],
      label: 'Jobs and automation',
    });
    let now = await secretariat.caller.insight.analysis({ roundId });
    const merged = now.suggestions.find((s) => s.id === mergedId)!;
    expect(merged).toMatchObject({
      status: 'open',
      label: 'Jobs and automation',
      size: thai.size + khmer.size,
    });
    expect(merged.languages.sort()).toEqual(['km', 'th']);
    expect(merged.derivedFrom).toEqual([thai.id, khmer.id]);
    expect(now.suggestions.find((s) => s.id === thai.id)).toMatchObject({
      status: 'merged',
      derivedInto: [mergedId],
    });
    // Nothing tagged by merging.
    expect(now.themes).toEqual([]);

    await secretariat.caller.insight.decide({ decision: 'split', suggestionId: mergedId });
    now = await secretariat.caller.insight.analysis({ roundId });
    const parts = now.suggestions.filter((s) => s.derivedFrom.includes(mergedId));
    expect(parts.map((p) => p.languages[0]).sort()).toEqual(['km', 'th']);
    expect(parts.map((p) => p.size).sort()).toEqual([thai.size, khmer.size].sort());
    const actions = (await listAuditEntries(api.db, { entityType: 'theme_suggestion', limit: 100 })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['insight.merge', 'insight.split']));
  });

  it('refuses a merge of suggestions from different runs with a field error, and unknown ids as not found', async () => {
    const a = await analysedRound();
    const b = await analysedRound();
    const refused = await rejection(
      secretariat.caller.insight.decide({
        decision: 'merge',
        suggestionIds: [a.analysis.suggestions[0]!.id, b.analysis.suggestions[0]!.id],
      }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(refused.cause ?? refused)).toContain('insight.errors.notSameRun');
    expect(
      await rejection(
        secretariat.caller.insight.decide({
          decision: 'reject',
          suggestionId: '00000000-0000-4000-8000-000000000000',
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is refused to everyone but the Secretariat', async () => {
    const roundId = await seedThemeAnalysisDemoRound(api.db, { contributions: LABELLED_CORPUS.slice(0, 3) });
    const stakeholder = await api.signedIn('stakeholder');
    const anonymous = await api.call();
    expect(await rejection(stakeholder.caller.insight.analysis({ roundId }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await rejection(anonymous.caller.insight.runAnalysis({ roundId }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
