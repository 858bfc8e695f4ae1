import { describe, expect, it } from 'vitest';
import type { AssessmentAnswers } from './answers';
import { ASSESSMENT_CRITERIA } from './criteria';
import { compareAssessments } from './compare';

const allPartial: AssessmentAnswers = Object.fromEntries(ASSESSMENT_CRITERIA.map((c) => [c.id, 'partial']));

describe('compareAssessments', () => {
  it('reports nothing changed for identical answers', () => {
    const c = compareAssessments(allPartial, { ...allPartial });
    expect(c.criteria).toEqual([]);
    expect(c.pillars.map((p) => [p.delta, p.tierChanged])).toEqual([
      [0, false],
      [0, false],
      [0, false],
      [0, false],
    ]);
  });

  it('lists each changed criterion with its points before and after, scoring Q6 in reverse', () => {
    const c = compareAssessments(allPartial, { ...allPartial, Q1: 'yes', Q6: 'yes' });
    expect(c.criteria).toEqual([
      {
        criterion: 'Q1',
        pillar: 1,
        before: 'partial',
        after: 'yes',
        pointsBefore: 1.5,
        pointsAfter: 3,
        delta: 1.5,
      },
      {
        criterion: 'Q6',
        pillar: 1,
        before: 'partial',
        after: 'yes',
        pointsBefore: 1.5,
        pointsAfter: 0,
        delta: -1.5,
      },
    ]);
    expect(c.pillars[0]).toMatchObject({ delta: 0, tierChanged: false });
  });

  it('shows a pillar moving tier', () => {
    const after = { ...allPartial, Q21: 'yes', Q22: 'yes', Q23: 'yes', Q24: 'yes' } as const;
    const p3 = compareAssessments(allPartial, after).pillars[2]!;
    expect(p3).toEqual({
      pillar: 3,
      before: { score: 15, answered: 10, tier: 'promising' },
      after: { score: 21, answered: 10, tier: 'advanced' },
      delta: 6,
      tierChanged: true,
    });
  });

  it('treats a criterion answered for the first time (or withdrawn) as a change, and the pillar as provisional', () => {
    const before: AssessmentAnswers = { ...allPartial };
    delete before.Q33;
    const c = compareAssessments(before, allPartial);
    expect(c.criteria).toEqual([
      {
        criterion: 'Q33',
        pillar: 4,
        before: null,
        after: 'partial',
        pointsBefore: null,
        pointsAfter: 1.5,
        delta: 1.5,
      },
    ]);
    expect(c.pillars[3]).toMatchObject({
      before: { answered: 9, tier: null },
      after: { answered: 10, tier: 'promising' },
    });
    expect(compareAssessments(allPartial, before).criteria[0]).toMatchObject({ after: null, delta: -1.5 });
  });

  it('makes each pillar delta the sum of its criteria deltas', () => {
    const after: AssessmentAnswers = { ...allPartial, Q2: 'no', Q3: 'yes', Q4: 'yes', Q15: 'no', Q39: 'yes' };
    delete after.Q40;
    const c = compareAssessments(allPartial, after);
    for (const p of c.pillars) {
      const sum = c.criteria.filter((x) => x.pillar === p.pillar).reduce((s, x) => s + x.delta, 0);
      expect(p.delta, `pillar ${p.pillar}`).toBe(sum);
    }
  });
});
