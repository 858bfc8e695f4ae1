import { describe, expect, it } from 'vitest';
import { getCatalogue } from '../catalogue';
import type { AssessmentAnswer, AssessmentAnswers } from './answers';
import { ASSESSMENT_CRITERIA, isAssessmentCriterionId, type AssessmentCriterion } from './criteria';
import { recommend } from './recommend';
import { scoreAssessment } from './scoring';

const catalogue = getCatalogue();

/** Answers to every criterion of `pillar`, chosen per criterion. */
function pillarAnswers(
  pillar: number,
  answer: (c: AssessmentCriterion) => AssessmentAnswer,
): AssessmentAnswers {
  return Object.fromEntries(
    ASSESSMENT_CRITERIA.filter((c) => c.pillar === pillar).map((c) => [c.id, answer(c)]),
  );
}

function run(answers: AssessmentAnswers) {
  return recommend(scoreAssessment(answers), answers, catalogue);
}

describe('recommend against the extracted Roadmap catalogue', () => {
  it('cites only criteria that exist, so no low score can miss its actions through a bad reference', () => {
    const cited = catalogue.actionAreas.flatMap((a) => a.subActions.flatMap((s) => s.linkedCriteria));
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((id) => !isAssessmentCriterionId(id))).toEqual([]);
  });

  it('recommends P2.5 and P2.6 for a Promising score in assessment pillar 2', () => {
    const r = run(pillarAnswers(2, () => 'partial'));
    expect(r.targeted).toEqual(expect.arrayContaining(['P2.5', 'P2.6']));
    for (const id of r.targeted) {
      expect(catalogue.actionAreas.find((a) => a.id === id)).toMatchObject({
        kind: 'targeted',
        pillar: 2,
        tier: 'promising',
      });
    }
  });

  it('has targeted actions for every pillar at every tier', () => {
    const answerFor = { advanced: 'yes', promising: 'partial', emerging: 'no' } as const;
    // Q6 is scored in reverse, so it needs the opposite answer to score like the rest of its pillar.
    const reversed = { yes: 'no', partial: 'partial', no: 'yes' } as const;
    for (const [tier, answer] of Object.entries(answerFor)) {
      for (const pillar of [1, 2, 3, 4]) {
        const answers = pillarAnswers(pillar, (c) => (c.id === 'Q6' ? reversed[answer] : answer));
        expect(scoreAssessment(answers).pillars[pillar - 1]!.tier).toBe(tier);
        expect(run(answers).targeted.length, `pillar ${pillar} ${tier}`).toBeGreaterThan(0);
      }
    }
  });

  it('for a low Q2 recommends E1.4.1, whose milestone cites Q2', () => {
    expect(run({ Q2: 'no' }).byCriterion.Q2).toContain('E1.4.1');
  });

  it('recommends, for each criterion answered "no", every sub-action that cites it', () => {
    const answers: AssessmentAnswers = Object.fromEntries(
      ASSESSMENT_CRITERIA.map((c) => [c.id, c.id === 'Q6' ? 'yes' : 'no']),
    );
    const r = run(answers);
    for (const area of catalogue.actionAreas) {
      for (const sub of area.subActions) {
        for (const q of sub.linkedCriteria) {
          if (!isAssessmentCriterionId(q)) throw new Error(`${sub.id} cites unknown criterion ${q}`);
          expect(r.byCriterion[q], `${sub.id} cites ${q}`).toContain(sub.id);
        }
      }
    }
    expect(r.crossCutting).toEqual(
      catalogue.actionAreas.filter((a) => a.kind === 'cross-cutting').map((a) => a.id),
    );
  });
});
