import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

/** One analysis of a round's free text (migration 2026_12_06_0400). */
export interface ThemeAnalysisRunTable {
  id: Generated<string>;
  round_id: string;
  status: ColumnType<
    'queued' | 'running' | 'done' | 'failed',
    'queued' | 'running' | 'done' | 'failed' | undefined
  >;
  progress: ColumnType<number, number | undefined, number>;
  contribution_count: ColumnType<number, number | undefined, number>;
  languages: TextArray;
  error: string | null;
  requested_by: string | null;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface ThemeSuggestionTable {
  id: Generated<string>;
  run_id: string;
  round_id: string;
  position: number;
  languages: TextArray;
  terms: TextArray;
  member_ids: TextArray;
  representative_ids: TextArray;
  cohesion: ColumnType<number, number | undefined, number>;
  status: ColumnType<
    'open' | 'accepted' | 'rejected' | 'merged' | 'split',
    'open' | 'accepted' | 'rejected' | 'merged' | 'split' | undefined
  >;
  label: string | null;
  theme_id: string | null;
  derived_from: TextArray;
  derived_into: TextArray;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface InsightTables {
  theme_analysis_run: ThemeAnalysisRunTable;
  theme_suggestion: ThemeSuggestionTable;
}

export type ThemeAnalysisRun = Selectable<ThemeAnalysisRunTable>;
export type ThemeSuggestion = Selectable<ThemeSuggestionTable>;
