// Running the analysis and reading its suggestions (secretariat only).
import { TRPCError } from '@trpc/server';
import { INSIGHT_MESSAGE_KEYS, runThemeAnalysisInput } from '@musyawarah/core/insight';
import {
  failStaleAnalysisRuns,
  findRound,
  insertAnalysisRun,
  latestAnalysisRun,
  listRoundThemes,
  listSuggestionsOfRun,
  listTextsForAnalysis,
  writeAudit,
} from '@musyawarah/db';
import { notFound } from '../../errors';
import { auditContext, secretariatProcedure } from '../../trpc';
import { presentRun, presentSuggestion } from './presenters';
import { scheduleThemeAnalysis } from './run-analysis';

/** A queued or running run older than this is taken to have died with its process. */
const STALE_RUN_MS = 30 * 60_000;

export const analysisProcedures = {
  runAnalysis: secretariatProcedure.input(runThemeAnalysisInput).mutation(async ({ ctx, input }) => {
    const run = await ctx.db.transaction().execute(async (tx) => {
      if (!(await findRound(tx, input.roundId))) throw notFound('round.notFound');
      const texts = await listTextsForAnalysis(tx, input.roundId);
      if (!texts.length) throw new TRPCError({ code: 'BAD_REQUEST', message: INSIGHT_MESSAGE_KEYS.noText });
      await failStaleAnalysisRuns(tx, input.roundId, new Date(Date.now() - STALE_RUN_MS));
      const inserted = await insertAnalysisRun(tx, input.roundId, ctx.user.id);
      if (!inserted) throw new TRPCError({ code: 'CONFLICT', message: INSIGHT_MESSAGE_KEYS.analysisRunning });
      await writeAudit(tx, auditContext(ctx), {
        action: 'insight.run_analysis',
        entityType: 'theme_analysis_run',
        entityId: inserted.id,
        after: { roundId: input.roundId, contributions: texts.length },
      });
      return inserted;
    });
    // After commit, so the job sees the run row; the request does not wait for the analysis.
    scheduleThemeAnalysis(ctx.db, run.id, (o) => ctx.logger.error(o));
    return presentRun(run);
  }),

  /** The latest run of the round (status, progress) and its suggestions with three quotes each, and the round's themes. */
  analysis: secretariatProcedure.input(runThemeAnalysisInput).query(async ({ ctx, input }) => {
    const round = await findRound(ctx.db, input.roundId);
    if (!round) throw notFound('round.notFound');
    const [run, themes] = await Promise.all([
      latestAnalysisRun(ctx.db, round.id),
      listRoundThemes(ctx.db, round.id),
    ]);
    const suggestions = run?.status === 'done' ? await listSuggestionsOfRun(ctx.db, run.id) : [];
    const quoteIds = [...new Set(suggestions.flatMap((s) => s.representative_ids))];
    const quotes = new Map((await listTextsForAnalysis(ctx.db, round.id, quoteIds)).map((q) => [q.id, q]));
    return {
      run: run ? presentRun(run) : null,
      suggestions: suggestions.map((s) => presentSuggestion(s, quotes)),
      themes,
    };
  }),
};
