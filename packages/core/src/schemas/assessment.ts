import { z } from 'zod';
import { ASSESSMENT_ANSWERS } from '../readiness/answers';
import { isAssessmentCriterionId } from '../readiness/criteria';

/** The API's form of an answer set: like `answerSchema`, but its messages are translation keys for the apps. */
export const assessmentAnswersField = z
  .record(z.string(), z.enum(ASSESSMENT_ANSWERS, { error: 'validation.assessmentAnswer' }))
  .superRefine((record, ctx) => {
    for (const key of Object.keys(record)) {
      if (!isAssessmentCriterionId(key))
        ctx.addIssue({ code: 'custom', path: [key], message: 'validation.unknownCriterion' });
    }
  });

const evidenceEntry = z.object({
  note: z.string().trim().max(4000, { error: 'validation.tooLong' }).default(''),
  links: z
    .array(z.url({ protocol: /^https?$/, error: 'validation.url' }))
    .max(10, { error: 'validation.tooManyLinks' })
    .default([]),
});

export const assessmentEvidenceField = z.record(z.string(), evidenceEntry).superRefine((record, ctx) => {
  for (const key of Object.keys(record)) {
    if (!isAssessmentCriterionId(key))
      ctx.addIssue({ code: 'custom', path: [key], message: 'validation.unknownCriterion' });
  }
});

export const scoreAnswersInput = z.object({ answers: assessmentAnswersField });

export const ASSESSMENT_FIRST_YEAR = 2024;
export const startAssessmentInput = z.object({
  year: z
    .number({ error: 'validation.year' })
    .int({ error: 'validation.year' })
    .min(ASSESSMENT_FIRST_YEAR, { error: 'validation.year' })
    .max(2100, { error: 'validation.year' }),
});

export const assessmentIdInput = z.object({ id: z.uuid({ error: 'validation.invalid' }) });

export const saveAssessmentInput = z.object({
  id: z.uuid({ error: 'validation.invalid' }),
  expectedVersion: z.number().int().min(1),
  answers: assessmentAnswersField,
  evidence: assessmentEvidenceField.default({}),
});

export const submitAssessmentInput = z.object({
  id: z.uuid({ error: 'validation.invalid' }),
  expectedVersion: z.number().int().min(1),
});

export const compareAssessmentsInput = z.object({
  fromId: z.uuid({ error: 'validation.invalid' }),
  toId: z.uuid({ error: 'validation.invalid' }),
});

export const catalogueFilterInput = z.object({
  query: z.string().trim().max(200).default(''),
  kind: z.enum(['cross-cutting', 'targeted']).optional(),
  pillar: z.number().int().min(1).max(4).optional(),
  tier: z.enum(['advanced', 'promising', 'emerging']).optional(),
  term: z.enum(['short', 'medium', 'long']).optional(),
});
