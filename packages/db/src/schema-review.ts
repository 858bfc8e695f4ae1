import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Localized, MemberStateCode } from '@musyawarah/core';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Day = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

/** `{ en, km?, … }`: English always, any other platform language optional (written with `toJsonColumn`). */
export type ReviewLocalizedText = Localized;

export interface ReviewFrameworkTable {
  version: number;
  /**
   * `FrameworkDocument` from core: criteria, metrics, timeline template. Criteria and metrics saved before they were
   * per-language hold plain strings: read it with core's `readFrameworkDocument`.
   */
  document: Json<unknown>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ReviewCycleTable {
  id: Generated<string>;
  /** Per language (migration 2026_12_05_0002). */
  title: Json<ReviewLocalizedText>;
  description: ColumnType<ReviewLocalizedText | null, string | null, string | null>;
  framework_version: number;
  base_edition_number: number;
  audience: 'all_participants' | 'member_states';
  /** From this day confidential comments are public. */
  publication_date: Day;
  adopted_edition_number: number | null;
  /** The record (edits, resolutions, positions, answers) is public from here; set by adoption. */
  published_at: Timestamp | null;
  /** Closed without adopting: when, by whom, why (shown publicly), and the edition that superseded the base if that is why. */
  closed_at: Timestamp | null;
  closed_by: string | null;
  closed_reason: string | null;
  closed_superseded_by: number | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ReviewCyclePhaseTable {
  cycle_id: string;
  phase: string;
  position: number;
  planned_start: Day;
  planned_end: Day;
  actual_start: Timestamp | null;
  actual_end: Timestamp | null;
}

export interface ReviewAssessmentTable {
  id: Generated<string>;
  cycle_id: string;
  member_state_code: MemberStateCode;
  status: Generated<'draft' | 'submitted'>;
  ratings: ColumnType<
    { actionAreaId: string; criterionKey: string; rating: number; comment?: string }[],
    string | undefined,
    string
  >;
  version: Generated<number>;
  updated_by: string | null;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ReviewEditTable {
  id: Generated<string>;
  cycle_id: string;
  position: number;
  /** The editions domain's proposed edit. */
  payload: Json<unknown>;
  rationale: string;
  /** Optimistic concurrency: every save must name the version it started from. */
  version: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ReviewEditMotivationTable {
  id: Generated<string>;
  edit_id: string;
  kind: 'contribution' | 'assessment' | 'board_session';
  contribution_id: string | null;
  assessment_id: string | null;
  board_session_id: string | null;
  note: string | null;
}

export interface ReviewPositionTable {
  id: Generated<string>;
  edit_id: string;
  member_state_code: MemberStateCode;
  kind: 'support' | 'support_with_amendment' | 'object' | 'abstain';
  text: string | null;
  counter_proposal: string | null;
  recorded_by: string | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ReviewCommentTable {
  id: Generated<string>;
  edit_id: string;
  parent_id: string | null;
  author_user_id: string | null;
  body: string;
  confidential: Generated<boolean>;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  /** The app's key for this comment, so a comment sent again after a lost answer is stored once (unique per author). */
  idempotency_key: string | null;
  created_at: CreatedAt;
}

export interface ReviewResolutionTable {
  edit_id: string;
  kind: 'accepted' | 'accepted_with_changes' | 'rejected';
  final_payload: ColumnType<unknown, string | null, string | null>;
  answer: string;
  resolved_by: string | null;
  resolved_at: Timestamp;
}

/** Tables of the review domain; merged into `Database` in schema.ts. */
export interface ReviewTables {
  review_framework: ReviewFrameworkTable;
  review_cycle: ReviewCycleTable;
  review_cycle_phase: ReviewCyclePhaseTable;
  review_assessment: ReviewAssessmentTable;
  review_edit: ReviewEditTable;
  review_edit_motivation: ReviewEditMotivationTable;
  review_position: ReviewPositionTable;
  review_comment: ReviewCommentTable;
  review_resolution: ReviewResolutionTable;
}

export type ReviewCycle = Selectable<ReviewCycleTable>;
export type ReviewCyclePhase = Selectable<ReviewCyclePhaseTable>;
export type ReviewAssessment = Selectable<ReviewAssessmentTable>;
export type ReviewEdit = Selectable<ReviewEditTable>;
export type ReviewPosition = Selectable<ReviewPositionTable>;
export type ReviewComment = Selectable<ReviewCommentTable>;
export type ReviewResolution = Selectable<ReviewResolutionTable>;
