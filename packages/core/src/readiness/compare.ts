import type { ReadinessTier } from '../catalogue/types';
import type { AssessmentAnswer, AssessmentAnswers } from './answers';
import { ASSESSMENT_CRITERIA, type AssessmentCriterionId, type AssessmentPillarNumber } from './criteria';
import { pointsFor, scoreAssessment, type PillarScore } from './scoring';

export interface CriterionChange {
  criterion: AssessmentCriterionId;
  pillar: AssessmentPillarNumber;
  /** null = unanswered. */
  before: AssessmentAnswer | null;
  after: AssessmentAnswer | null;
  pointsBefore: number | null;
  pointsAfter: number | null;
  /** Change in the pillar score this criterion causes (an unanswered criterion contributes 0). */
  delta: number;
}

export interface PillarChange {
  pillar: AssessmentPillarNumber;
  before: Omit<PillarScore, 'pillar' | 'max'>;
  after: Omit<PillarScore, 'pillar' | 'max'>;
  delta: number;
  tierChanged: boolean;
}

export interface AssessmentComparison {
  /** Only the criteria whose answer changed, in Q order. */
  criteria: CriterionChange[];
  /** All four pillars, changed or not. */
  pillars: PillarChange[];
}

export function compareAssessments(
  before: AssessmentAnswers,
  after: AssessmentAnswers,
): AssessmentComparison {
  const criteria: CriterionChange[] = [];
  for (const criterion of ASSESSMENT_CRITERIA) {
    const a = before[criterion.id] ?? null;
    const b = after[criterion.id] ?? null;
    if (a === b) continue;
    const pointsBefore = a === null ? null : pointsFor(criterion, a);
    const pointsAfter = b === null ? null : pointsFor(criterion, b);
    criteria.push({
      criterion: criterion.id,
      pillar: criterion.pillar,
      before: a,
      after: b,
      pointsBefore,
      pointsAfter,
      delta: (pointsAfter ?? 0) - (pointsBefore ?? 0),
    });
  }
  const scoredBefore = scoreAssessment(before).pillars;
  const scoredAfter = scoreAssessment(after).pillars;
  const pillars = scoredBefore.map((x, i): PillarChange => {
    const y = scoredAfter[i]!;
    const strip = ({
      score,
      answered,
      tier,
    }: PillarScore): { score: number; answered: number; tier: ReadinessTier | null } => ({
      score,
      answered,
      tier,
    });
    return {
      pillar: x.pillar,
      before: strip(x),
      after: strip(y),
      delta: y.score - x.score,
      tierChanged: x.tier !== y.tier,
    };
  });
  return { criteria, pillars };
}
