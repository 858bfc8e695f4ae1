// Inputs of the secretariat's theme decisions (issue #17). Zod only: the secretariat app may import these.
import { z } from 'zod';

const id = z.uuid();

export const themeLabel = z.string().trim().min(1).max(120);

export const runThemeAnalysisInput = z.object({ roundId: id });

export const themeDecisionInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), suggestionId: id, label: themeLabel }),
  z.object({ decision: z.literal('rename'), suggestionId: id, label: themeLabel }),
  z.object({ decision: z.literal('reject'), suggestionId: id }),
  z.object({ decision: z.literal('split'), suggestionId: id }),
  z.object({
    decision: z.literal('merge'),
    suggestionIds: z.array(id).min(2).max(20),
    label: themeLabel.optional(),
  }),
]);
export type ThemeDecisionInput = z.infer<typeof themeDecisionInput>;

export const THEME_SUGGESTION_STATUSES = ['open', 'accepted', 'rejected', 'merged', 'split'] as const;
export type ThemeSuggestionStatus = (typeof THEME_SUGGESTION_STATUSES)[number];

export const ANALYSIS_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type AnalysisRunStatus = (typeof ANALYSIS_RUN_STATUSES)[number];

/** Refusal keys the insight procedures send (English in packages/ui/src/locales/en/insight.json). */
export const INSIGHT_MESSAGE_KEYS = {
  analysisRunning: 'insight.errors.analysisRunning',
  noText: 'insight.errors.noText',
  suggestionDecided: 'insight.errors.suggestionDecided',
  notSameRun: 'insight.errors.notSameRun',
  cannotSplit: 'insight.errors.cannotSplit',
  themeExists: 'insight.errors.themeExists',
} as const;

/** A decision is possible only on a suggestion nobody has decided yet (decisions are not silently overwritten). */
export function themeDecisionAllowed(
  status: ThemeSuggestionStatus,
): { ok: true } | { ok: false; reason: string } {
  return status === 'open' ? { ok: true } : { ok: false, reason: INSIGHT_MESSAGE_KEYS.suggestionDecided };
}
