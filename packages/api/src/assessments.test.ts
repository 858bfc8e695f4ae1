import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSESSMENT_CRITERIA, type AssessmentAnswer } from '@musyawarah/core';
import { listAuditEntries } from '@musyawarah/db';
import { createTestApi, type TestApi, rejection } from './test-support';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

/** Every criterion answered the same way. For Q6 (reversed) "no" is the 3-point answer. */
function allAnswered(answer: AssessmentAnswer): Record<string, AssessmentAnswer> {
  return Object.fromEntries(ASSESSMENT_CRITERIA.map((c) => [c.id, answer]));
}

describe('public catalogue and scoring', () => {
  it('filters and searches the catalogue, and opens an action area by id', async () => {
    const { caller } = await api.call();
    const all = await caller.catalogue.list();
    expect(all.length).toBe(38);
    const emerging = await caller.catalogue.list({ kind: 'targeted', tier: 'emerging' });
    expect(emerging.length).toBeGreaterThan(0);
    expect(emerging.every((a) => a.tier === 'emerging' && a.id.startsWith('E'))).toBe(true);
    const boards = await caller.catalogue.list({ query: 'advisory board' });
    expect(boards[0]?.id).toBe('C2.1');
    const c21 = await caller.catalogue.actionArea({ id: 'C2.1' });
    expect(c21.subActions.map((s) => s.id)).toContain('C2.1.1');
    const missing = await rejection(caller.catalogue.actionArea({ id: 'Z9.9' }));
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('scores unsaved answers: a complete pillar has a tier, an incomplete one is provisional', async () => {
    const { caller } = await api.call();
    const pillarOne = ASSESSMENT_CRITERIA.filter((c) => c.pillar === 1);
    const answers = Object.fromEntries(pillarOne.map((c) => [c.id, 'partial' as const]));
    const result = await caller.readiness.score({ answers });
    const [first, second] = result.pillars;
    expect(first).toMatchObject({ pillar: 1, score: 15, answered: 10, tier: 'promising' });
    expect(second).toMatchObject({ pillar: 2, answered: 0, tier: null });
    expect(result.recommendations.targeted.every((id) => id.startsWith('P1.'))).toBe(true);
    expect(result.recommendations.crossCutting).toContain('C3.3');
  });

  it('rejects an unknown criterion or answer with field errors', async () => {
    const { caller } = await api.call();
    const error = await rejection(caller.readiness.score({ answers: { Q41: 'yes', Q1: 'maybe' } as never }));
    expect(error.code).toBe('BAD_REQUEST');
  });
});

describe('member-state readiness assessments', () => {
  it('a representative drafts, saves, submits (then read-only) and the secretariat sees it in the regional table', async () => {
    const rep = await api.signedIn('member_state', { memberState: 'KH' });
    const draft = await rep.caller.assessments.start({ year: 2026 });
    expect(draft).toMatchObject({ memberState: 'KH', year: 2026, status: 'draft', version: 1 });

    const partial = await rep.caller.assessments.saveDraft({
      id: draft.id,
      expectedVersion: 1,
      answers: { Q1: 'yes', Q2: 'partial' },
      evidence: {
        Q1: { note: 'National AI strategy adopted in 2024', links: ['https://example.gov.kh/ai-strategy'] },
      },
    });
    expect(partial.version).toBe(2);
    expect(partial.result.pillars[0]).toMatchObject({ score: 4.5, answered: 2, tier: null });

    // A second representative editing from a stale copy is told, not silently overwritten.
    const stale = await rejection(
      rep.caller.assessments.saveDraft({ id: draft.id, expectedVersion: 1, answers: {}, evidence: {} }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toBe('assessments.editConflict');

    const incomplete = await rejection(rep.caller.assessments.submit({ id: draft.id, expectedVersion: 2 }));
    expect(incomplete.code).toBe('BAD_REQUEST');
    expect(Object.keys((incomplete as unknown as { fieldErrors: object }).fieldErrors)).toHaveLength(38);

    const complete = await rep.caller.assessments.saveDraft({
      id: draft.id,
      expectedVersion: 2,
      answers: allAnswered('yes'),
      evidence: {},
    });
    const submitted = await rep.caller.assessments.submit({
      id: draft.id,
      expectedVersion: complete.version,
    });
    expect(submitted.status).toBe('submitted');
    // Q6 is reversed: "yes" scores 0, so pillar 1 is 27 and Advanced; the others 30.
    expect(submitted.result.pillars.map((p) => [p.score, p.tier])).toEqual([
      [27, 'advanced'],
      [30, 'advanced'],
      [30, 'advanced'],
      [30, 'advanced'],
    ]);

    const readOnly = await rejection(
      rep.caller.assessments.saveDraft({
        id: draft.id,
        expectedVersion: submitted.version,
        answers: {},
        evidence: {},
      }),
    );
    expect(readOnly.message).toBe('assessments.alreadySubmitted');

    const secretariat = await api.signedIn('secretariat');
    const regional = await secretariat.caller.assessments.regional({ year: 2026 });
    expect(regional.find((r) => r.memberState === 'KH')).toMatchObject({
      memberStateName: 'Cambodia',
      year: 2026,
    });
    const csv = await secretariat.caller.assessments.exportRegional({ format: 'csv', year: 2026 });
    expect(csv.body.split('\n')[0]).toContain('pillar_1_tier');
    expect(csv.body).toContain('KH,Cambodia,2026');
    const json = JSON.parse((await secretariat.caller.assessments.exportRegional({ format: 'json' })).body);
    expect(json.assessments.some((a: { memberState: string }) => a.memberState === 'KH')).toBe(true);

    const audit = await listAuditEntries(api.db, {
      entityType: 'readiness_assessment',
      entityId: draft.id,
      limit: 10,
    });
    expect(audit.map((a) => a.action)).toEqual([
      'assessment.submit',
      'assessment.save_draft',
      'assessment.save_draft',
      'assessment.start',
    ]);
  });

  it("a representative cannot read or edit another state's assessment", async () => {
    const cambodia = await api.signedIn('member_state', { memberState: 'KH' });
    const laos = await api.signedIn('member_state', { memberState: 'LA' });
    const [kh] = await cambodia.caller.assessments.listOwn();
    expect(kh).toBeTruthy();
    expect((await rejection(laos.caller.assessments.getOwn({ id: kh!.id }))).code).toBe('NOT_FOUND');
    expect(
      (
        await rejection(
          laos.caller.assessments.saveDraft({
            id: kh!.id,
            expectedVersion: kh!.version,
            answers: {},
            evidence: {},
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(await laos.caller.assessments.listOwn()).toEqual([]);
  });

  it('one assessment per state and year; a new one for a later year; two years compare per criterion and pillar', async () => {
    const rep = await api.signedIn('member_state', { memberState: 'TL' });
    const first = await rep.caller.assessments.start({ year: 2025 });
    const duplicate = await rejection(rep.caller.assessments.start({ year: 2025 }));
    expect((duplicate as unknown as { fieldErrors: object }).fieldErrors).toEqual({
      year: ['validation.assessmentYearTaken'],
    });
    const saved = await rep.caller.assessments.saveDraft({
      id: first.id,
      expectedVersion: 1,
      answers: allAnswered('no'),
      evidence: {},
    });
    await rep.caller.assessments.submit({ id: first.id, expectedVersion: saved.version });
    const second = await rep.caller.assessments.start({ year: 2026 });
    const improved = { ...allAnswered('no'), Q1: 'yes' as const, Q2: 'partial' as const };
    await rep.caller.assessments.saveDraft({
      id: second.id,
      expectedVersion: 1,
      answers: improved,
      evidence: {},
    });
    const comparison = await rep.caller.assessments.compareOwn({ fromId: first.id, toId: second.id });
    expect(comparison.criteria.map((c) => [c.criterion, c.delta])).toEqual([
      ['Q1', 3],
      ['Q2', 1.5],
    ]);
    expect(comparison.pillars[0]?.delta).toBe(4.5);
  });
});
