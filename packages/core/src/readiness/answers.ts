import { z } from 'zod';
import { ASSESSMENT_CRITERION_IDS, isAssessmentCriterionId, type AssessmentCriterionId } from './criteria';

/**
 * What a respondent can answer. "partial" is the criterion's middle (1.5-point) option, however the Annex words it
 * ("Announced/Upcoming", "Inconclusive evidence…", Q25's and Q31's own wording).
 */
export const ASSESSMENT_ANSWERS = ['yes', 'partial', 'no'] as const;
export type AssessmentAnswer = (typeof ASSESSMENT_ANSWERS)[number];

/** Unanswered criteria are simply absent; a pillar with any absent criterion is scored provisionally. */
export type AssessmentAnswers = Partial<Record<AssessmentCriterionId, AssessmentAnswer>>;

const answersRecord = z
  .record(z.string(), z.unknown(), {
    error: 'answers must be an object mapping criteria (Q1–Q40) to "yes", "partial" or "no"',
  })
  .superRefine((record, ctx) => {
    for (const [key, value] of Object.entries(record)) {
      if (!isAssessmentCriterionId(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `unknown criterion "${key}": the self-assessment has criteria ${ASSESSMENT_CRITERION_IDS[0]}–${ASSESSMENT_CRITERION_IDS.at(-1)}`,
        });
      } else if (!(ASSESSMENT_ANSWERS as readonly unknown[]).includes(value)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `unknown answer ${JSON.stringify(value)} for ${key}: expected "yes", "partial" or "no"`,
        });
      }
    }
  })
  .transform((record) => record as AssessmentAnswers);

export const answerSchema = z.object(
  { answers: answersRecord },
  { error: 'expected an object of the form { "answers": { "Q1": "yes" | "partial" | "no", … } }' },
);
export type AssessmentInput = z.output<typeof answerSchema>;
