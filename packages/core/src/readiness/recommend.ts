import type { Catalogue, ReadinessTier } from '../catalogue/types';
import type { AssessmentAnswer, AssessmentAnswers } from './answers';
import { ASSESSMENT_CRITERIA, type AssessmentCriterionId, type AssessmentPillarNumber } from './criteria';
import { pointsFor, type ScoredAssessment } from './scoring';

export type RecommendationReason =
  /** The action area is in the targeted pillar numbered like an assessment pillar that reached this tier. */
  | { kind: 'tier'; pillar: AssessmentPillarNumber; tier: ReadinessTier }
  /** The sub-action cites a criterion that was answered below full marks. */
  | { kind: 'criterion'; criterion: AssessmentCriterionId; answer: AssessmentAnswer; points: number }
  /** Cross-cutting action areas are regional and apply whatever the scores. */
  | { kind: 'cross-cutting' };

export interface Recommendations {
  /** Targeted action area ids, in catalogue order. */
  targeted: string[];
  /**
   * For each answered criterion scoring below 3, the sub-action ids whose linkedCriteria cite it (catalogue order).
   * A criterion with no citing sub-action is kept with an empty list, so the gap stays visible.
   */
  byCriterion: Partial<Record<AssessmentCriterionId, string[]>>;
  /** Every cross-cutting action area id, in catalogue order. */
  crossCutting: string[];
  /** Why each recommended id (action area or sub-action) is there; an id can have several reasons. */
  reasons: Record<string, RecommendationReason[]>;
}

export function recommend(
  scored: ScoredAssessment,
  answers: AssessmentAnswers,
  catalogue: Catalogue,
): Recommendations {
  const result: Recommendations = { targeted: [], byCriterion: {}, crossCutting: [], reasons: {} };
  const because = (id: string, reason: RecommendationReason) => (result.reasons[id] ??= []).push(reason);

  for (const { pillar, tier } of scored.pillars) {
    if (tier === null) continue;
    for (const area of catalogue.actionAreas) {
      if (area.kind === 'targeted' && area.pillar === pillar && area.tier === tier) {
        result.targeted.push(area.id);
        because(area.id, { kind: 'tier', pillar, tier });
      }
    }
  }

  for (const criterion of ASSESSMENT_CRITERIA) {
    const answer = answers[criterion.id];
    if (answer === undefined) continue;
    const points = pointsFor(criterion, answer);
    if (points >= 3) continue;
    const ids: string[] = [];
    for (const area of catalogue.actionAreas) {
      for (const sub of area.subActions) {
        if (sub.linkedCriteria.includes(criterion.id)) {
          ids.push(sub.id);
          because(sub.id, { kind: 'criterion', criterion: criterion.id, answer, points });
        }
      }
    }
    result.byCriterion[criterion.id] = ids;
  }

  for (const area of catalogue.actionAreas) {
    if (area.kind !== 'cross-cutting') continue;
    result.crossCutting.push(area.id);
    because(area.id, { kind: 'cross-cutting' });
  }
  return result;
}
