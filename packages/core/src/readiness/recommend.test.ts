import { describe, expect, it } from 'vitest';
import type { AssessmentAnswer, AssessmentAnswers } from './answers';
import { ASSESSMENT_CRITERIA, type AssessmentCriterion } from './criteria';
import { fixtureCatalogue } from './test-fixtures';
import { recommend } from './recommend';
import { scoreAssessment } from './scoring';

function pillarAnswers(
  pillar: number,
  answer: (c: AssessmentCriterion) => AssessmentAnswer,
): AssessmentAnswers {
  return Object.fromEntries(
    ASSESSMENT_CRITERIA.filter((c) => c.pillar === pillar).map((c) => [c.id, answer(c)]),
  );
}
const full = (c: AssessmentCriterion): AssessmentAnswer => (c.id === 'Q6' ? 'no' : 'yes');

function run(answers: AssessmentAnswers) {
  return recommend(scoreAssessment(answers), answers, fixtureCatalogue);
}

describe('recommend', () => {
  it('recommends the action areas of the tier each complete pillar reached, in the same-numbered targeted pillar', () => {
    const answers = { ...pillarAnswers(1, full), ...pillarAnswers(2, () => 'partial') };
    const r = run(answers);
    expect(r.targeted).toEqual(['A1.1', 'P2.2', 'P2.3']);
    expect(r.reasons['A1.1']).toEqual([{ kind: 'tier', pillar: 1, tier: 'advanced' }]);
    expect(r.reasons['P2.3']).toEqual([{ kind: 'tier', pillar: 2, tier: 'promising' }]);
  });

  it('recommends no tier actions for a pillar that is not fully answered', () => {
    const answers = pillarAnswers(1, () => 'no');
    delete answers.Q10;
    expect(run(answers).targeted).toEqual([]);
  });

  it('recommends, for each answered criterion below 3 points, the sub-actions that cite it', () => {
    const r = run({ Q1: 'no', Q2: 'yes', Q7: 'partial', Q12: 'no' });
    expect(r.byCriterion).toEqual({ Q1: ['E1.3.1'], Q7: ['A1.1.1', 'P1.2.1'], Q12: ['P2.2.1', 'E2.4.1'] });
    expect(r.reasons['P1.2.1']).toEqual([
      { kind: 'criterion', criterion: 'Q7', answer: 'partial', points: 1.5 },
    ]);
    expect(r.reasons['E1.3.1']).toEqual([{ kind: 'criterion', criterion: 'Q1', answer: 'no', points: 0 }]);
  });

  it('gives a sub-action one reason per low criterion it cites', () => {
    const r = run({ Q2: 'no', Q7: 'no' });
    expect(r.reasons['P1.2.1']).toEqual([
      { kind: 'criterion', criterion: 'Q2', answer: 'no', points: 0 },
      { kind: 'criterion', criterion: 'Q7', answer: 'no', points: 0 },
    ]);
  });

  it('follows Q6\'s reversed scoring: "yes" (0 points) recommends, "no" (3 points) does not', () => {
    expect(run({ Q6: 'yes' }).byCriterion).toEqual({ Q6: ['E1.3.2'] });
    expect(run({ Q6: 'no' }).byCriterion).toEqual({});
  });

  it('keeps a low criterion that no sub-action cites, with an empty list', () => {
    expect(run({ Q40: 'no' }).byCriterion).toEqual({ Q40: [] });
  });

  it('always recommends every cross-cutting action area', () => {
    for (const answers of [{}, pillarAnswers(3, full)]) {
      const r = run(answers);
      expect(r.crossCutting).toEqual(['C1.1', 'C3.1']);
      expect(r.reasons['C3.1']).toEqual([{ kind: 'cross-cutting' }]);
    }
  });

  it('gives a reason for every recommended id and no reason for anything not recommended', () => {
    const answers: AssessmentAnswers = {
      ...pillarAnswers(4, () => 'partial'),
      ...pillarAnswers(3, () => 'no'),
      Q2: 'no',
    };
    const r = run(answers);
    const recommended = new Set([...r.targeted, ...r.crossCutting, ...Object.values(r.byCriterion).flat()]);
    expect(new Set(Object.keys(r.reasons))).toEqual(recommended);
    // P4.1 is there for the tier and C1.1 as cross-cutting, while their sub-actions are there for Q31.
    expect(r.targeted).toEqual(['E3.1', 'P4.1']);
    expect(r.byCriterion.Q31).toEqual(['C1.1.1', 'P4.1.1']);
  });
});
