import type { ColumnType, Generated, Selectable } from 'kysely';
import type { MemberStateCode } from '@musyawarah/core';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `date` columns are read as ISO strings (`YYYY-MM-DD`) on both drivers. */
type CalendarDate = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface BoardLocalizedText {
  en: string;
  [language: string]: string;
}

/** The managed list of constituencies (persons with disabilities, industry, …); seeded with core's defaults. */
export interface BoardConstituencyTable {
  key: string;
  label: Json<BoardLocalizedText>;
  marginalised: boolean;
  is_default: Generated<boolean>;
  created_at: CreatedAt;
}

export interface AdvisoryBoardTable {
  id: Generated<string>;
  name: Json<BoardLocalizedText>;
  scope: 'regional' | 'member_state';
  member_state_code: MemberStateCode | null;
  mandate: Json<BoardLocalizedText>;
  status: Generated<'forming' | 'active' | 'dissolved'>;
  action_ids: string[];
  life_starts_on: CalendarDate;
  life_ends_on: CalendarDate | null;
  seat_capacity: number;
  /** BoardTarget[] (core). */
  targets: Json<unknown[]>;
  /** { key, label, weight }[] */
  selection_criteria: Json<unknown[]>;
  published: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface BoardSeatTable {
  id: Generated<string>;
  board_id: string;
  user_id: string;
  role: 'chair' | 'vice_chair' | 'member' | 'observer';
  constituencies: string[];
  member_state_code: MemberStateCode | null;
  organisation: string | null;
  gender: string | null;
  conflict_of_interest: string | null;
  listed_publicly: Generated<boolean>;
  term_starts_on: CalendarDate;
  term_ends_on: CalendarDate;
  /** First day no longer held, when ended early; with `ended_at`, the moment it was recorded. */
  ended_on: CalendarDate | null;
  ended_at: Timestamp | null;
  end_reason: string | null;
  end_note: string | null;
  nomination_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface BoardCallTable {
  id: Generated<string>;
  board_id: string;
  description: Json<BoardLocalizedText>;
  opens_at: Timestamp;
  closes_at: Timestamp;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface BoardNominationTable {
  id: Generated<string>;
  call_id: string;
  board_id: string;
  applicant_user_id: string | null;
  is_self: boolean;
  nominee_name: string;
  /** Lower-cased; accepting seats the account with this address. */
  nominee_email: string;
  nominee_user_id: string | null;
  constituencies: string[];
  member_state_code: MemberStateCode | null;
  organisation: string | null;
  gender: string | null;
  motivation: string;
  status: Generated<'submitted' | 'accepted' | 'declined' | 'withdrawn'>;
  scores: Json<Record<string, number>>;
  score_note: string | null;
  scored_by: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  seat_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface BoardAgendaItem {
  id: string;
  title: string;
  actionId?: string;
}

export interface BoardSessionTable {
  id: Generated<string>;
  board_id: string;
  kind: 'inaugural' | 'consultation';
  mode: 'online' | 'in_person' | 'hybrid';
  method: 'focus_group' | 'survey' | 'interview' | 'workshop';
  title: Json<BoardLocalizedText>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  venue: string | null;
  link: string | null;
  languages: string[];
  accommodations: string[];
  agenda: Json<BoardAgendaItem[]>;
  action_ids: string[];
  minutes: string | null;
  outcomes: string | null;
  minutes_visibility: Generated<'members' | 'public'>;
  minutes_published_at: Timestamp | null;
  /** Set when the Secretariat closes the survey before its window ends. */
  survey_closed_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface BoardSessionInvitationTable {
  session_id: string;
  user_id: string;
  invited_at: CreatedAt;
  rsvp: 'yes' | 'no' | 'maybe' | null;
  rsvp_at: Timestamp | null;
  accommodations_needed: Generated<string[]>;
  other_needs: string | null;
}

export interface BoardAttendanceTable {
  session_id: string;
  user_id: string;
  status: 'present' | 'absent' | 'excused';
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface BoardSessionInputTable {
  id: Generated<string>;
  session_id: string;
  user_id: string | null;
  agenda_item_id: string | null;
  action_id: string | null;
  text: string;
  /** The app's key for this point, so a point sent again after a lost answer is stored once (unique per member). */
  idempotency_key: string | null;
  created_at: CreatedAt;
}

/**
 * One answer to a session's satisfaction and trust survey. Deliberately without a time or a user for unsigned answers:
 * nothing in the row ties it to a member. `board_survey_participation` records who has answered (one answer each).
 */
export interface BoardSurveyResponseTable {
  id: Generated<string>;
  session_id: string;
  satisfaction: number;
  trust: number;
  comment: string | null;
  signed_by: string | null;
}

/** Only that a member has answered (it refuses a second answer): no time, which could point at an unsigned answer. */
export interface BoardSurveyParticipationTable {
  session_id: string;
  user_id: string;
}

export interface BoardTrainingTable {
  id: Generated<string>;
  board_id: string;
  user_id: string;
  course: string;
  taken_on: CalendarDate;
  completed: boolean;
  recorded_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Tables of the boards domain; merged into `Database` in schema.ts. */
export interface BoardTables {
  board_constituency: BoardConstituencyTable;
  advisory_board: AdvisoryBoardTable;
  board_seat: BoardSeatTable;
  board_call: BoardCallTable;
  board_nomination: BoardNominationTable;
  board_session: BoardSessionTable;
  board_session_invitation: BoardSessionInvitationTable;
  board_attendance: BoardAttendanceTable;
  board_session_input: BoardSessionInputTable;
  board_survey_response: BoardSurveyResponseTable;
  board_survey_participation: BoardSurveyParticipationTable;
  board_training: BoardTrainingTable;
}

export type AdvisoryBoard = Selectable<AdvisoryBoardTable>;
export type BoardSeat = Selectable<BoardSeatTable>;
export type BoardCall = Selectable<BoardCallTable>;
export type BoardNomination = Selectable<BoardNominationTable>;
export type BoardSession = Selectable<BoardSessionTable>;
export type BoardConstituency = Selectable<BoardConstituencyTable>;
export type BoardTraining = Selectable<BoardTrainingTable>;
