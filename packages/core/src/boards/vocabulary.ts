/**
 * The fixed vocabularies of AI advisory boards (Roadmap action C2.1.1). Stored as these strings; labels live in the apps'
 * locales. Session modes and accommodations are the consultation domain's lists, so a person's needs read the same
 * wherever they are asked.
 */
import { EVENT_MODES } from '../consultation/vocabulary';

/** In person, online or hybrid: the consultation domain's event modes. */
export const SESSION_MODES = EVENT_MODES;
export type SessionMode = (typeof SESSION_MODES)[number];

export const BOARD_SCOPES = ['regional', 'member_state'] as const;
export type BoardScope = (typeof BOARD_SCOPES)[number];

/** In life order. A board is formed (seats filled), becomes active, and is eventually dissolved; nothing comes back. */
export const BOARD_STATUSES = ['forming', 'active', 'dissolved'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export const SEAT_ROLES = ['chair', 'vice_chair', 'member', 'observer'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];

export const SEAT_END_REASONS = ['term_ended', 'resigned', 'removed', 'board_dissolved', 'other'] as const;
export type SeatEndReason = (typeof SEAT_END_REASONS)[number];

/** Self-declared and optional; `undefined`/null means the member did not say. */
export const GENDERS = ['woman', 'man', 'non_binary', 'another_gender'] as const;
export type Gender = (typeof GENDERS)[number];

export const SESSION_KINDS = ['inaugural', 'consultation'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** The engagement methods C2.1.1 names (focus groups, surveys, interviews) plus workshops. */
export const SESSION_METHODS = ['focus_group', 'survey', 'interview', 'workshop'] as const;
export type SessionMethod = (typeof SESSION_METHODS)[number];

export const MINUTES_VISIBILITIES = ['members', 'public'] as const;
export type MinutesVisibility = (typeof MINUTES_VISIBILITIES)[number];

export const RSVP_RESPONSES = ['yes', 'no', 'maybe'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** submitted → accepted | declined (by the secretariat) or withdrawn (by the applicant). */
export const NOMINATION_STATUSES = ['submitted', 'accepted', 'declined', 'withdrawn'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const TARGET_KINDS = ['min_share', 'min_count', 'max_per_member_state', 'max_gender_share'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** Satisfaction and trust are answered on this scale (1 = very low, 5 = very high). */
export const SURVEY_SCALE = [1, 2, 3, 4, 5] as const;

/** A scored criterion is rated 0..SCORE_MAX; 0 means "does not meet it at all". */
export const SCORE_MAX = 5;

export interface DefaultConstituency {
  key: string;
  /** Vulnerable, at-risk or marginalised communities, in the Roadmap's words; the usual set of a "min share" target. */
  marginalised: boolean;
  label: string;
}

/**
 * The constituencies issue #4 lists. The database holds the managed list (seeded with these); the secretariat can add
 * more. Keys are stable identifiers stored on seats, nominations and targets; labels are English defaults.
 */
export const DEFAULT_CONSTITUENCIES: readonly DefaultConstituency[] = [
  { key: 'persons_with_disabilities', marginalised: true, label: 'Persons with disabilities' },
  { key: 'indigenous_peoples', marginalised: true, label: 'Indigenous peoples' },
  { key: 'women', marginalised: true, label: 'Women' },
  { key: 'youth', marginalised: true, label: 'Youth' },
  { key: 'older_persons', marginalised: true, label: 'Older persons' },
  { key: 'rural_communities', marginalised: true, label: 'Rural communities' },
  { key: 'ethnic_religious_minorities', marginalised: true, label: 'Ethnic and religious minorities' },
  { key: 'migrant_workers', marginalised: true, label: 'Migrant workers' },
  { key: 'lgbtiq', marginalised: true, label: 'LGBTIQ+ people' },
  { key: 'low_income_communities', marginalised: true, label: 'Low-income communities' },
  { key: 'industry', marginalised: false, label: 'Industry' },
  { key: 'academia', marginalised: false, label: 'Academia' },
  { key: 'civil_society', marginalised: false, label: 'Civil society' },
  { key: 'government', marginalised: false, label: 'Government' },
];

/** Translation keys the boards schemas and rules introduce beyond `VALIDATION_KEYS`; `packages/ui/src/locales/en/board.json` has them. */
export const BOARD_MESSAGE_KEYS = [
  'board.validation.date',
  'board.validation.lifeEndsBeforeStart',
  'board.validation.termEndsBeforeStart',
  'board.validation.memberStateRequired',
  'board.validation.constituencyKey',
  'board.validation.constituencyRequired',
  'board.validation.criterionKey',
  'board.validation.duplicateCriterion',
  'board.validation.duplicateTarget',
  'board.validation.nomineeRequired',
  'board.validation.closesBeforeOpens',
  'board.validation.endsBeforeStarts',
  'board.validation.venueRequired',
  'board.validation.linkRequired',
  'board.validation.seatStartsBeforeBoard',
  'board.validation.seatEndsAfterBoard',
  'board.validation.unknownCriterion',
  'board.validation.unknownConstituency',
  'board.validation.unknownAgendaItem',
  'board.validation.reasonRequired',
  'board.validation.percent',
  'board.validation.endedInFuture',
  'board.targetReason.minShare',
  'board.targetReason.minCount',
  'board.targetReason.maxPerMemberState',
  'board.targetReason.maxGenderShare',
  'board.targetReason.noCountedSeats',
] as const;
