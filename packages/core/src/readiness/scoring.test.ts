import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssessmentAnswer, AssessmentAnswers } from './answers';
import { ASSESSMENT_CRITERIA, ASSESSMENT_CRITERION_IDS, type AssessmentCriterion } from './criteria';
import { PILLAR_MAX_SCORE, pointsFor, scoreAssessment, TIER_BANDS, tierForPillarScore } from './scoring';

const REACHABLE = Array.from({ length: 21 }, (_, i) => i * 1.5); // 0, 1.5, …, 30

/** Answers every criterion of `pillar` so that it scores `points` each. */
function allOfPillar(
  pillar: number,
  answer: (c: AssessmentCriterion) => AssessmentAnswer,
): AssessmentAnswers {
  return Object.fromEntries(
    ASSESSMENT_CRITERIA.filter((c) => c.pillar === pillar).map((c) => [c.id, answer(c)]),
  );
}
// Q6 is scored in reverse, so full marks there need "no".
const full = (c: AssessmentCriterion): AssessmentAnswer => (c.id === 'Q6' ? 'no' : 'yes');
const none = (c: AssessmentCriterion): AssessmentAnswer => (c.id === 'Q6' ? 'yes' : 'no');

describe('tierForPillarScore', () => {
  it('is Advanced from 21, Promising from 11, Emerging below 11', () => {
    expect(tierForPillarScore(30)).toBe('advanced');
    expect(tierForPillarScore(21)).toBe('advanced');
    expect(tierForPillarScore(20.5)).toBe('promising');
    expect(tierForPillarScore(19.5)).toBe('promising');
    expect(tierForPillarScore(11)).toBe('promising');
    expect(tierForPillarScore(10.5)).toBe('emerging');
    expect(tierForPillarScore(0)).toBe('emerging');
  });

  it('refuses a score no pillar can have', () => {
    for (const bad of [-1.5, 31.5, Number.NaN, Infinity])
      expect(() => tierForPillarScore(bad)).toThrow(RangeError);
  });
});

describe('TIER_BANDS', () => {
  it('puts every reachable pillar score in exactly one band, the one tierForPillarScore gives', () => {
    for (const score of REACHABLE) {
      const bands = TIER_BANDS.filter((b) => score >= b.min && score <= b.max);
      expect(
        bands.map((b) => b.tier),
        String(score),
      ).toEqual([tierForPillarScore(score)]);
    }
  });

  it('shows the ranges Annex Table 4 prints', () => {
    const table4 = sourceText().slice(sourceText().indexOf('Annex Table 4.'));
    for (const band of TIER_BANDS) {
      expect(table4).toContain(`${band.tier.toUpperCase()} (${band.printedRange})`);
    }
  });
});

describe('scoreAssessment', () => {
  it('gives 30 and Advanced to a pillar with every criterion at full marks, Q6 counting when answered No', () => {
    const scored = scoreAssessment(Object.fromEntries(ASSESSMENT_CRITERIA.map((c) => [c.id, full(c)])));
    expect(scored.pillars).toEqual(
      [1, 2, 3, 4].map((pillar) => ({ pillar, score: 30, max: 30, answered: 10, tier: 'advanced' })),
    );
  });

  it('scores a pillar answered all "partial" at 15, Promising', () => {
    const p2 = scoreAssessment(allOfPillar(2, () => 'partial')).pillars[1];
    expect(p2).toEqual({ pillar: 2, score: 15, max: 30, answered: 10, tier: 'promising' });
  });

  it('counts Q6 "yes" as 0 points in pillar 1', () => {
    const answers = allOfPillar(1, full);
    expect(scoreAssessment({ ...answers, Q6: 'yes' }).pillars[0]!.score).toBe(27);
    expect(scoreAssessment(allOfPillar(1, none)).pillars[0]!.score).toBe(0);
  });

  it('puts 10.5 (seven partial, three no) in Emerging and 21 in Advanced', () => {
    const seven = (c: AssessmentCriterion): AssessmentAnswer => (c.number <= 37 ? 'partial' : 'no');
    expect(scoreAssessment(allOfPillar(4, seven)).pillars[3]).toMatchObject({
      score: 10.5,
      tier: 'emerging',
    });
    const fourteen = (c: AssessmentCriterion): AssessmentAnswer => (c.number <= 34 ? 'yes' : 'partial');
    expect(scoreAssessment(allOfPillar(4, fourteen)).pillars[3]).toMatchObject({
      score: 21,
      tier: 'advanced',
    });
  });

  it('scores an incomplete pillar provisionally, with no tier, and leaves other pillars alone', () => {
    const answers = { ...allOfPillar(3, full), ...allOfPillar(1, full) };
    delete answers.Q7;
    const scored = scoreAssessment(answers);
    expect(scored.pillars[0]).toEqual({ pillar: 1, score: 27, max: 30, answered: 9, tier: null });
    expect(scored.pillars[1]).toEqual({ pillar: 2, score: 0, max: 30, answered: 0, tier: null });
    expect(scored.pillars[2]!.tier).toBe('advanced');
  });

  it('has no overall tier or total', () => {
    expect(Object.keys(scoreAssessment({}))).toEqual(['pillars']);
  });

  it('always sums the answered points, stays within 0–30 in steps of 1.5, and tiers only complete pillars', () => {
    const answersArb = fc.dictionary(
      fc.constantFrom(...ASSESSMENT_CRITERION_IDS),
      fc.constantFrom<AssessmentAnswer>('yes', 'partial', 'no'),
    );
    fc.assert(
      fc.property(answersArb, (answers: AssessmentAnswers) => {
        for (const p of scoreAssessment(answers).pillars) {
          const mine = ASSESSMENT_CRITERIA.filter(
            (c) => c.pillar === p.pillar && answers[c.id] !== undefined,
          );
          expect(p.score).toBe(mine.reduce((sum, c) => sum + pointsFor(c, answers[c.id]!), 0));
          expect(p.answered).toBe(mine.length);
          expect(p.score).toBeGreaterThanOrEqual(0);
          expect(p.score).toBeLessThanOrEqual(PILLAR_MAX_SCORE);
          expect((p.score * 2) % 3).toBe(0);
          expect(p.tier).toBe(mine.length === 10 ? tierForPillarScore(p.score) : null);
        }
      }),
    );
  });
});

let cached: string | undefined;
function sourceText(): string {
  cached ??= readFileSync(
    resolve(__dirname, '../../source/asean-responsible-ai-roadmap-2025-2030.txt'),
    'utf8',
  );
  return cached;
}

describe('unansweredCriteria', () => {
  it('lists every criterion without an answer, in Q order, and none once all 40 are answered', async () => {
    const { unansweredCriteria } = await import('./scoring');
    const { ASSESSMENT_CRITERION_IDS } = await import('./criteria');
    expect(unansweredCriteria({})).toEqual([...ASSESSMENT_CRITERION_IDS]);
    expect(unansweredCriteria({ Q1: 'no', Q40: 'partial' })).toHaveLength(38);
    expect(unansweredCriteria({ Q1: 'no' })[0]).toBe('Q2');
    const all = Object.fromEntries(ASSESSMENT_CRITERION_IDS.map((id) => [id, 'yes' as const]));
    expect(unansweredCriteria(all)).toEqual([]);
  });
});
