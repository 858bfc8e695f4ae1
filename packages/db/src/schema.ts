import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { BoardTables } from './schema-boards';
import type { InsightTables } from './schema-insight';
import type { ReportTables } from './schema-reports';
import type { EditionTables } from './schema-editions';
import type { ReviewTables } from './schema-review';
import type { NotificationTables } from './schema-notifications';
import type { JobTables } from './schema-jobs';
import type { MemberStateCode, OrganisationKind, Role, StakeholderGroup } from '@musyawarah/core';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface MemberStateTable {
  code: MemberStateCode;
  name: string;
  languages: string[];
  joined_on: ColumnType<string, string, string>;
}

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  kind: OrganisationKind;
  member_state_code: MemberStateCode | null;
  created_at: CreatedAt;
}

export type AccountStatus = 'pending_verification' | 'active' | 'deleted';

export interface UserAccountTable {
  id: Generated<string>;
  /** Always stored lower-cased and trimmed; unique. Deleted accounts get a tombstone address so the real one can register again. */
  email: string;
  name: string;
  role: Role;
  /** Required when role = member_state (check constraint), null otherwise. */
  member_state_code: MemberStateCode | null;
  stakeholder_group: StakeholderGroup | null;
  organisation_id: string | null;
  password_hash: string | null;
  status: Generated<AccountStatus>;
  locale: Generated<string>;
  email_verified_at: Timestamp | null;
  privacy_consent_at: Timestamp | null;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface UserSessionTable {
  /** SHA-256 of the session token, hex. The token itself is never stored (Lucia's recipe). */
  id: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: CreatedAt;
  last_used_at: Timestamp;
  user_agent: string | null;
  ip_address: string | null;
}

export type EmailTokenPurpose = 'confirm_email' | 'invitation' | 'password_reset';

export interface EmailTokenTable {
  /** SHA-256 of the token sent in the link, hex. */
  id: string;
  purpose: EmailTokenPurpose;
  user_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface InvitationTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Exclude<Role, 'stakeholder'>;
  member_state_code: MemberStateCode | null;
  /** The pending account created for the invitee; activated when they set a password. */
  user_id: string;
  invited_by: string | null;
  created_at: CreatedAt;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** Throttling counters live in PostgreSQL so every API replica sees the same failures. */
export interface LoginThrottleTable {
  /** "account:<email>" or "ip:<address>" */
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  /** 'smtp' when SMTP_URL is set and delivery succeeded, 'outbox' when kept for the secretariat to read. */
  transport: string;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  /** The last delivery error (the SMTP server's answer), kept after a later success is recorded as `sent`. */
  error: string | null;
  /** Extra headers for delivery (List-Unsubscribe on notification mail); null for most mail. */
  headers: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  /** kept (no SMTP), queued, failed (retry scheduled), retried (staff asked again), sent, dead (given up). */
  status: ColumnType<MailStatus, MailStatus | undefined, MailStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  last_attempt_at: Timestamp | null;
}

export type MailStatus = 'kept' | 'queued' | 'failed' | 'retried' | 'sent' | 'dead';

/** Append-only: a trigger refuses UPDATE and DELETE. */
export interface AuditLogTable {
  id: Generated<string>;
  occurred_at: CreatedAt;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_value: ColumnType<unknown, string | null, never>;
  after_value: ColumnType<unknown, string | null, never>;
  request_id: string | null;
  ip_address: string | null;
}

export type AssessmentStatus = 'draft' | 'submitted';

export interface ReadinessAssessmentTable {
  id: Generated<string>;
  member_state_code: MemberStateCode;
  year: number;
  status: Generated<AssessmentStatus>;
  /** { "Q1": "yes" | "partial" | "no", … }; unanswered criteria are absent. */
  answers: ColumnType<Record<string, string>, string | undefined, string>;
  /** { "Q1": { note, links[] }, … } */
  evidence: ColumnType<Record<string, { note: string; links: string[] }>, string | undefined, string>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  version: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
  submitted_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
}

type Json<T> = ColumnType<T, string, string>;
type JsonOptional<T> = ColumnType<T, string | undefined, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface ConsultationRoundTable {
  id: Generated<string>;
  title: Json<Record<string, string>>;
  description: Json<Record<string, string>>;
  format: string;
  action_ids: TextArray;
  edition_id: string | null;
  audience: string;
  invited_groups: TextArray;
  board_id: string | null;
  member_states: TextArray;
  languages: TextArray;
  opens_at: Timestamp;
  closes_at: Timestamp;
  event: ColumnType<unknown, string | null | undefined, string | null>;
  targets: JsonOptional<
    { dimension: 'stakeholder_group' | 'member_state' | 'language'; value: string; minimum: number }[]
  >;
  published_at: Timestamp | null;
  summary: ColumnType<unknown, string | null | undefined, string | null>;
  summary_published_at: Timestamp | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RoundQuestionTable {
  id: Generated<string>;
  round_id: string;
  position: number;
  kind: string;
  prompt: Json<Record<string, string>>;
  help: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  required: Generated<boolean>;
  options: JsonOptional<Record<string, string>[]>;
  likert: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface ContributionTable {
  id: Generated<string>;
  round_id: string;
  author_user_id: string | null;
  status: 'draft' | 'submitted';
  idempotency_key: string | null;
  receipt_reference: string | null;
  answers: JsonOptional<Record<string, unknown>>;
  stakeholder_group: string | null;
  member_state_code: MemberStateCode | null;
  organisation_name: string | null;
  written_in: Generated<string>;
  named_publicly: Generated<boolean>;
  facilitated_by: string | null;
  participant_name: string | null;
  submitted_at: Timestamp | null;
  hidden_at: Timestamp | null;
  hidden_reason: string | null;
  hidden_note: string | null;
  hidden_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ContributionItemTable {
  id: Generated<string>;
  contribution_id: string;
  position: number;
  type: string;
  text: string;
  action_id: string | null;
}

export interface RoundThemeTable {
  id: Generated<string>;
  round_id: string;
  label: string;
  created_at: CreatedAt;
}

export interface ContributionThemeTable {
  contribution_id: string;
  theme_id: string;
}

export interface ContributionResponseTable {
  id: Generated<string>;
  contribution_id: string;
  text: string;
  responded_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ContributionReportTable {
  id: Generated<string>;
  contribution_id: string;
  reported_by: string | null;
  reason: string;
  note: string | null;
  created_at: CreatedAt;
  resolved_at: Timestamp | null;
  /** Why the reports were dismissed without hiding the contribution; null when resolved by hiding. */
  resolution_note: string | null;
  resolved_by: string | null;
}

export interface EventRegistrationTable {
  id: Generated<string>;
  round_id: string;
  user_id: string;
  status: 'registered' | 'waitlisted' | 'cancelled';
  accommodations_needed: TextArray;
  other_needs: string | null;
  /** When the person took their place in the queue (a registration made again after cancelling goes to the back). */
  created_at: Timestamp;
  updated_at: Timestamp;
  cancelled_at: Timestamp | null;
  cancelled_by: string | null;
  promoted_at: Timestamp | null;
}

export interface RoundDocumentTable {
  id: Generated<string>;
  round_id: string;
  title: string;
  filename: string;
  content_type: string;
  language: Generated<string>;
  size_bytes: number;
  content: Buffer | Uint8Array;
  download_count: Generated<number>;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export interface RoundDailyStatTable {
  round_id: string;
  day: ColumnType<string, string, string>;
  visits: Generated<number>;
  downloads: Generated<number>;
}

/** Write-time dashboard counts (migration 0007); kept by triggers, read through `readRoundTally`. */
export interface RoundTallyTable {
  round_id: string;
  dimension: string;
  key: string;
  count: ColumnType<string, string | number, string | number>;
}

export interface RoundTallyDeltaTable {
  id: Generated<string>;
  round_id: string;
  dimension: string;
  key: string;
  delta: ColumnType<string, string | number, string | number>;
}

/** Translation scopes: which tree of locale files a key lives in. */
export type TranslationScope = 'ui' | 'stakeholder' | 'secretariat' | 'mail';

/** A translation approved by a reviewer (issue #13): one per (locale, scope, key), exported back to the locale files. */
export interface TranslationReviewTable {
  id: Generated<string>;
  locale: string;
  scope: TranslationScope;
  /** `<namespace>.<key.path>` as in the locale files (plural keys with their CLDR suffix). */
  key: string;
  text: string;
  /** First 12 hex digits of the SHA-256 of the English text the translation was approved against. */
  source_hash: string;
  reviewed_by: string | null;
  reviewed_at: Timestamp;
}

export interface Database
  extends
    BoardTables,
    EditionTables,
    ReviewTables,
    NotificationTables,
    JobTables,
    InsightTables,
    ReportTables {
  member_state: MemberStateTable;
  organisation: OrganisationTable;
  user_account: UserAccountTable;
  user_session: UserSessionTable;
  email_token: EmailTokenTable;
  invitation: InvitationTable;
  login_throttle: LoginThrottleTable;
  mail_outbox: MailOutboxTable;
  audit_log: AuditLogTable;
  readiness_assessment: ReadinessAssessmentTable;
  consultation_round: ConsultationRoundTable;
  round_question: RoundQuestionTable;
  contribution: ContributionTable;
  contribution_item: ContributionItemTable;
  round_theme: RoundThemeTable;
  contribution_theme: ContributionThemeTable;
  contribution_response: ContributionResponseTable;
  contribution_report: ContributionReportTable;
  event_registration: EventRegistrationTable;
  round_document: RoundDocumentTable;
  round_daily_stat: RoundDailyStatTable;
  round_tally: RoundTallyTable;
  round_tally_delta: RoundTallyDeltaTable;
  translation_review: TranslationReviewTable;
}

export type UserAccount = Selectable<UserAccountTable>;
export type NewUserAccount = Insertable<UserAccountTable>;
export type UserAccountUpdate = Updateable<UserAccountTable>;
export type UserSession = Selectable<UserSessionTable>;
export type Invitation = Selectable<InvitationTable>;
export type MailOutbox = Selectable<MailOutboxTable>;
export type AuditLogEntry = Selectable<AuditLogTable>;
export type Organisation = Selectable<OrganisationTable>;
export type MemberState = Selectable<MemberStateTable>;
export type ReadinessAssessment = Selectable<ReadinessAssessmentTable>;
export type ConsultationRound = Selectable<ConsultationRoundTable>;
export type RoundQuestion = Selectable<RoundQuestionTable>;
export type Contribution = Selectable<ContributionTable>;
export type EventRegistration = Selectable<EventRegistrationTable>;
export type TranslationReview = Selectable<TranslationReviewTable>;

export type * from './schema-boards';
export type * from './schema-editions';
export type * from './schema-review';
export type * from './schema-notifications';
export type * from './schema-jobs';
export type * from './schema-insight';
export type * from './schema-reports';
