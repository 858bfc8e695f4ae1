/**
 * Theme analysis of a round's free text (issue #17). Every procedure is Secretariat only:
 *
 *   runAnalysis {roundId}   queues an analysis of the round's submitted, visible free text and starts it after commit
 *                           (in this process until the job queue calls `runThemeAnalysis`); refused while one runs
 *                           (insight.errors.analysisRunning) or when there is no text (insight.errors.noText)
 *   analysis {roundId}      the latest run (status, progress) and its suggestions: terms, size, languages, three quotes
 *   decide {decision, …}    accept {label} (tags the members with a round theme), rename, reject, merge {suggestionIds},
 *                           split; only on open suggestions (insight.errors.suggestionDecided); audited insight.<decision>
 *
 * Nothing is tagged without a person accepting a suggestion. Files: analysis.ts, decisions.ts, run-analysis.ts (the
 * job), presenters.ts; SQL in packages/db/src/repositories/insight.ts; the analysis in packages/core/src/insight.
 */
import { router } from '../../trpc';
import { analysisProcedures } from './analysis';
import { decisionProcedures } from './decisions';

export { runThemeAnalysis, whenThemeAnalysesSettled } from './run-analysis';

export const insightRouter = router({ ...analysisProcedures, ...decisionProcedures });
