import type { ReadinessTier } from '../catalogue/types';
import type { AssessmentAnswer, AssessmentAnswers } from './answers';
import {
  ASSESSMENT_CRITERIA,
  ASSESSMENT_PILLAR_NUMBERS,
  ASSESSMENT_PILLARS,
  criteriaOfPillar,
  type AssessmentCriterion,
  type AssessmentCriterionId,
  type AssessmentPillarNumber,
  type ScoringOption,
} from './criteria';

/** Each criterion is worth at most 3 points and each pillar has 10 criteria (Annex Table 4 note). */
export const PILLAR_MAX_SCORE = 30;

/**
 * The Annex option an answer selects. "yes" and "no" select the options the Annex labels Yes and No (so Q6, which asks
 * about laws that contradict AI-enabling efforts, scores Yes = 0 and No = 3), and "partial" the remaining middle option.
 */
export function optionFor(criterion: AssessmentCriterion, answer: AssessmentAnswer): ScoringOption {
  const [first, middle, last] = criterion.options;
  const option = answer === 'yes' ? first : answer === 'no' ? last : middle;
  const ok =
    option !== undefined &&
    (answer === 'yes' ? /^Yes\b/.test(option.label) : answer === 'no' ? option.label === 'No' : true);
  if (!ok) throw new Error(`${criterion.id}: no "${answer}" option in ${JSON.stringify(criterion.options)}`);
  return option;
}

export function pointsFor(criterion: AssessmentCriterion, answer: AssessmentAnswer): number {
  return optionFor(criterion, answer).points;
}

/**
 * Readiness tier bands. The Annex prints 21–30, 11–20 and 0–10, but scores move in steps of 1.5, so 10.5 and 20.5 fall
 * between the printed bands: a pillar is Advanced from 21, Promising from 11, and Emerging below 11 (10.5 is Emerging,
 * 20.5 Promising). `max` is the highest score that can actually fall in the band.
 */
export const TIER_BANDS: readonly { tier: ReadinessTier; min: number; max: number; printedRange: string }[] =
  (
    [
      { tier: 'advanced', min: 21, max: 30 },
      { tier: 'promising', min: 11, max: 20.5 },
      { tier: 'emerging', min: 0, max: 10.5 },
    ] as const
  ).map((band) => ({ ...band, printedRange: ASSESSMENT_PILLARS[0]!.tiers[band.tier].printedRange }));

export function tierForPillarScore(score: number): ReadinessTier {
  if (!Number.isFinite(score) || score < 0 || score > PILLAR_MAX_SCORE) {
    throw new RangeError(`A pillar score must be between 0 and ${PILLAR_MAX_SCORE}; got ${score}`);
  }
  // Bands are ordered from the highest; the first whose lower bound is reached applies.
  return TIER_BANDS.find((band) => score >= band.min)!.tier;
}

export interface PillarScore {
  pillar: AssessmentPillarNumber;
  /** Sum of the answered criteria's points; provisional while `answered` < 10. */
  score: number;
  max: typeof PILLAR_MAX_SCORE;
  /** How many of the pillar's 10 criteria are answered. */
  answered: number;
  /** null while any criterion of the pillar is unanswered: a tier from a partial score would understate readiness. */
  tier: ReadinessTier | null;
}

export interface ScoredAssessment {
  /** One entry per assessment pillar, in order. The Annex has no overall tier and no weighting, so neither is here. */
  pillars: PillarScore[];
}

export function scoreAssessment(answers: AssessmentAnswers): ScoredAssessment {
  return {
    pillars: ASSESSMENT_PILLAR_NUMBERS.map((pillar) => {
      const criteria = criteriaOfPillar(pillar);
      let score = 0;
      let answered = 0;
      for (const criterion of criteria) {
        const answer = answers[criterion.id];
        if (answer === undefined) continue;
        score += pointsFor(criterion, answer);
        answered += 1;
      }
      const complete = answered === criteria.length;
      return {
        pillar,
        score,
        max: PILLAR_MAX_SCORE,
        answered,
        tier: complete ? tierForPillarScore(score) : null,
      };
    }),
  };
}

/**
 * Criteria still unanswered. A submitted assessment is the state's record for the year, so every pillar must have a
 * tier: it can be submitted only when this list is empty.
 */
export function unansweredCriteria(answers: AssessmentAnswers): AssessmentCriterionId[] {
  return ASSESSMENT_CRITERIA.filter((criterion) => answers[criterion.id] === undefined).map(
    (criterion) => criterion.id,
  );
}
