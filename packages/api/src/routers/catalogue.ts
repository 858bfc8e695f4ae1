import { z } from 'zod';
import {
  ASSESSMENT_CRITERIA,
  ASSESSMENT_PILLARS,
  getCatalogue,
  catalogueFilterInput,
  findActionArea,
  getPillars,
  getPriorities,
  recommend,
  scoreAnswersInput,
  scoreAssessment,
  searchCatalogue,
  TIER_BANDS,
  getTimeframe,
  type AssessmentAnswers,
} from '@musyawarah/core';
import { notFound } from '../errors';
import { publicProcedure, router } from '../trpc';
import { editionCatalogue, editionNumberField, presentEdition } from './editions';

/*
 * The action areas come from the current edition in the database (or an earlier one, by number); the frame around them
 * (pillars, timeframe, priorities) is the Roadmap's and does not change with editions. Readiness recommendations below
 * still use core's static catalogue, edition 1: the criteria links they follow are the Annex's, not an edition's.
 */

/** `{ edition?: number }`, strict so a stray field is an error rather than silently the current edition. */
const editionChoice = z.strictObject({ edition: editionNumberField.optional() }).optional();

export const catalogueRouter = router({
  /** Pillars, the timeframe and the executive-summary priorities: the frame the action areas sit in; and which edition. */
  overview: publicProcedure.input(editionChoice).query(async ({ ctx, input }) => {
    const { edition } = await editionCatalogue(ctx, input?.edition);
    return {
      pillars: getPillars(),
      timeframe: getTimeframe(),
      priorities: getPriorities(),
      edition: presentEdition(edition),
    };
  }),

  list: publicProcedure
    .input(catalogueFilterInput.extend({ edition: editionNumberField.optional() }).default({ query: '' }))
    .query(async ({ ctx, input }) => {
      const { query, edition: number, ...filters } = input;
      const { catalogue: source } = await editionCatalogue(ctx, number);
      return searchCatalogue(query, filters, source).map((result) => ({
        id: result.actionArea.id,
        kind: result.actionArea.kind,
        pillar: result.actionArea.pillar,
        tier: result.actionArea.tier,
        title: result.actionArea.title,
        subActionCount: result.actionArea.subActions.length,
        matchingSubActionIds: result.matchingSubActionIds,
        snippet: result.snippet,
      }));
    }),

  actionArea: publicProcedure
    .input(z.object({ id: z.string().trim().min(1).max(20), edition: editionNumberField.optional() }))
    .query(async ({ ctx, input }) => {
      const { catalogue: source } = await editionCatalogue(ctx, input.edition);
      const actionArea = findActionArea(input.id, source);
      if (!actionArea) throw notFound('errors.actionNotFound');
      return actionArea;
    }),

  ids: publicProcedure.input(editionChoice).query(async ({ ctx, input }) => {
    const { catalogue: source } = await editionCatalogue(ctx, input?.edition);
    return source.actionAreas.map((a) => ({
      id: a.id,
      title: a.title,
      subActionIds: a.subActions.map((s) => s.id),
    }));
  }),
});

export function scoreWithRecommendations(answers: AssessmentAnswers) {
  const scored = scoreAssessment(answers);
  return { ...scored, recommendations: recommend(scored, answers, getCatalogue()) };
}

export const readinessRouter = router({
  /** The Annex: assessment pillars, the 40 criteria with their options and points, and the tier bands. */
  criteria: publicProcedure.query(() => ({
    pillars: ASSESSMENT_PILLARS,
    criteria: ASSESSMENT_CRITERIA,
    tierBands: TIER_BANDS,
  })),

  /** Scores answers without saving them: anyone can try the self-assessment. */
  score: publicProcedure
    .input(scoreAnswersInput)
    .query(({ input }) => scoreWithRecommendations(input.answers as AssessmentAnswers)),
});
