import { z } from 'zod';
import {
  ASSESSMENT_CRITERIA,
  ASSESSMENT_PILLARS,
  catalogue,
  catalogueFilterInput,
  findActionArea,
  pillars,
  priorities,
  recommend,
  scoreAnswersInput,
  scoreAssessment,
  searchCatalogue,
  TIER_BANDS,
  timeframe,
  type AssessmentAnswers,
} from '@musyawarah/core';
import { notFound } from '../errors';
import { publicProcedure, router } from '../trpc';

export const catalogueRouter = router({
  /** Pillars, the timeframe and the executive-summary priorities: the frame the action areas sit in. */
  overview: publicProcedure.query(() => ({ pillars, timeframe, priorities })),

  list: publicProcedure.input(catalogueFilterInput.default({ query: '' })).query(({ input }) => {
    const { query, ...filters } = input;
    return searchCatalogue(query, filters).map((result) => ({
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
    .input(z.object({ id: z.string().trim().min(1).max(20) }))
    .query(({ input }) => {
      const actionArea = findActionArea(input.id);
      if (!actionArea) throw notFound('errors.actionNotFound');
      return actionArea;
    }),

  ids: publicProcedure.query(() => catalogue.actionAreas.map((a) => ({ id: a.id, title: a.title, subActionIds: a.subActions.map((s) => s.id) }))),
});

export function scoreWithRecommendations(answers: AssessmentAnswers) {
  const scored = scoreAssessment(answers);
  return { ...scored, recommendations: recommend(scored, answers, catalogue) };
}

export const readinessRouter = router({
  /** The Annex: assessment pillars, the 40 criteria with their options and points, and the tier bands. */
  criteria: publicProcedure.query(() => ({ pillars: ASSESSMENT_PILLARS, criteria: ASSESSMENT_CRITERIA, tierBands: TIER_BANDS })),

  /** Scores answers without saving them: anyone can try the self-assessment. */
  score: publicProcedure.input(scoreAnswersInput).query(({ input }) => scoreWithRecommendations(input.answers as AssessmentAnswers)),
});
