import type { ThemeAnalysisRun, ThemeSuggestion } from '@musyawarah/db';

export function presentRun(run: ThemeAnalysisRun) {
  return {
    id: run.id,
    status: run.status,
    progress: run.progress,
    contributionCount: run.contribution_count,
    languages: run.languages,
    failed: run.status === 'failed',
    createdAt: run.created_at.toISOString(),
    finishedAt: run.finished_at?.toISOString() ?? null,
  };
}

export function presentSuggestion(
  s: ThemeSuggestion,
  quotes: Map<string, { language: string; text: string }>,
) {
  return {
    id: s.id,
    position: s.position,
    status: s.status,
    label: s.label,
    themeId: s.theme_id,
    languages: s.languages,
    terms: s.terms,
    /** The texts the analysis could not place (no wording shared with the others). */
    unplaced: s.terms.length === 0,
    size: s.member_ids.length,
    cohesion: s.cohesion,
    quotes: s.representative_ids.flatMap((id) => {
      const quote = quotes.get(id);
      return quote ? [{ contributionId: id, language: quote.language, text: quote.text.slice(0, 600) }] : [];
    }),
    derivedFrom: s.derived_from,
    derivedInto: s.derived_into,
    decidedAt: s.decided_at?.toISOString() ?? null,
  };
}
