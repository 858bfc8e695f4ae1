import { z } from 'zod';
import criteriaFile from './data/criteria.json';
import pillarsFile from './data/assessment-pillars.json';
import type { ReadinessTier } from '../catalogue/types';

/**
 * The Annex's 40 criteria, in order. Written out (not generated) so that `AssessmentCriterionId` is the literal union
 * 'Q1' | … | 'Q40' and a typo in code is a type error; a test checks it against the extracted data.
 */
export const ASSESSMENT_CRITERION_IDS = [
  'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q9', 'Q10',
  'Q11', 'Q12', 'Q13', 'Q14', 'Q15', 'Q16', 'Q17', 'Q18', 'Q19', 'Q20',
  'Q21', 'Q22', 'Q23', 'Q24', 'Q25', 'Q26', 'Q27', 'Q28', 'Q29', 'Q30',
  'Q31', 'Q32', 'Q33', 'Q34', 'Q35', 'Q36', 'Q37', 'Q38', 'Q39', 'Q40',
] as const; // prettier-ignore
export type AssessmentCriterionId = (typeof ASSESSMENT_CRITERION_IDS)[number];

export function isAssessmentCriterionId(value: unknown): value is AssessmentCriterionId {
  return typeof value === 'string' && (ASSESSMENT_CRITERION_IDS as readonly string[]).includes(value);
}

export const ASSESSMENT_PILLAR_NUMBERS = [1, 2, 3, 4] as const;
export type AssessmentPillarNumber = (typeof ASSESSMENT_PILLAR_NUMBERS)[number];

const pillarNumber = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

const normalisationSchema = z.object({
  line: z.number().int().positive(),
  criterion: z.string().optional(),
  pillar: z.number().optional(),
  kind: z.string(),
  detail: z.string(),
});
export type ReadinessNormalisation = z.infer<typeof normalisationSchema>;

const scoringOptionSchema = z.object({ label: z.string().min(1), points: z.number() });
export type ScoringOption = z.infer<typeof scoringOptionSchema>;

const criterionSchema = z.object({
  id: z.enum(ASSESSMENT_CRITERION_IDS),
  number: z.number().int(),
  pillar: pillarNumber,
  /** As written in Annex Table 3. */
  question: z.string().min(1),
  /** Annex Table 2's description/rationale, one string per paragraph. */
  description: z.array(z.string().min(1)).min(1),
  /** The criterion whose description this one shares (an empty, merged cell in the source), or null. */
  descriptionFrom: z.enum(ASSESSMENT_CRITERION_IDS).nullable(),
  /** In the order the Annex writes them: "Yes…", the middle option, "No". */
  options: z.array(scoringOptionSchema).length(3),
  /** Source lines (1-based) of the Table 2 and Table 3 rows. */
  lines: z.object({ description: z.number().int(), scoring: z.number().int() }),
});
export type AssessmentCriterion = z.infer<typeof criterionSchema>;

const tierSchema = z.object({
  printedRange: z.string(),
  description: z.string().min(1),
  line: z.number().int(),
});
export type AssessmentTierDescription = z.infer<typeof tierSchema>;

const pillarSchema = z.object({
  number: pillarNumber,
  name: z.string().min(1),
  /** From the Annex's list of the four pillars; for pillars 3 and 4 it reads as if swapped, and is kept as written. */
  description: z.string().min(1),
  /** Annex Table 1, as written (same caveat). */
  rationale: z.string().min(1),
  /** Annex Table 4. */
  tiers: z.object({ advanced: tierSchema, promising: tierSchema, emerging: tierSchema }),
  lines: z.object({ description: z.number().int(), rationale: z.number().int() }),
});
export type AssessmentPillar = z.infer<typeof pillarSchema> & {
  tiers: Record<ReadinessTier, AssessmentTierDescription>;
};

// Parsing the committed JSON (rather than casting it) means a hand edit that breaks the shape fails at import time.
const criteriaData = z
  .object({
    source: z.string(),
    criteria: z.array(criterionSchema),
    normalisations: z.array(normalisationSchema),
  })
  .parse(criteriaFile);
const pillarsData = z
  .object({
    source: z.string(),
    pillars: z.array(pillarSchema),
    normalisations: z.array(normalisationSchema),
  })
  .parse(pillarsFile);

export const ASSESSMENT_CRITERIA: readonly AssessmentCriterion[] = criteriaData.criteria;
export const ASSESSMENT_PILLARS: readonly AssessmentPillar[] = pillarsData.pillars;
/** Every change the extraction made to the Annex's words, with its source line. */
export const READINESS_NORMALISATIONS: readonly ReadinessNormalisation[] = [
  ...criteriaData.normalisations,
  ...pillarsData.normalisations,
];

export function getCriterion(id: AssessmentCriterionId): AssessmentCriterion {
  const criterion = ASSESSMENT_CRITERIA.find((c) => c.id === id);
  if (!criterion) throw new Error(`Unknown assessment criterion ${id}`);
  return criterion;
}

export function criteriaOfPillar(pillar: AssessmentPillarNumber): AssessmentCriterion[] {
  return ASSESSMENT_CRITERIA.filter((c) => c.pillar === pillar);
}
