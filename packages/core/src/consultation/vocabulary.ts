/** The fixed vocabularies of consultation rounds (Roadmap action C3.2). Stored as these strings; labels live in the apps' locales. */

export const ROUND_FORMATS = [
  'online_consultation',
  'public_forum',
  'town_hall',
  'focus_group',
  'survey',
  'workshop',
] as const;
export type RoundFormat = (typeof ROUND_FORMATS)[number];

export const ROUND_AUDIENCES = ['public', 'invited_groups', 'board'] as const;
export type RoundAudience = (typeof ROUND_AUDIENCES)[number];

/** In time order: a round only ever moves forward through these, except `reopen` (closed → open) and `unpublish`. */
export const ROUND_PHASES = ['draft', 'upcoming', 'open', 'closed', 'summary_published'] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];

export const ROUND_ACTIONS = ['publish', 'unpublish', 'close_early', 'publish_summary', 'reopen'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

export const EVENT_MODES = ['online', 'in_person', 'hybrid'] as const;
export type EventMode = (typeof EVENT_MODES)[number];

export const ACCOMMODATIONS = [
  'sign_language',
  'captioning',
  'interpretation',
  'easy_read',
  'wheelchair_access',
  'large_print',
  'assistive_listening',
  'quiet_space',
  'childcare',
  'transport_support',
] as const;
export type Accommodation = (typeof ACCOMMODATIONS)[number];

export const FEEDBACK_TYPES = ['suggestion', 'concern', 'recommendation', 'question'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

/** Used both by moderators hiding a contribution and by participants reporting one. */
export const MODERATION_REASONS = ['abuse', 'personal_data', 'off_topic', 'spam'] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

export const QUESTION_KINDS = ['free_text', 'single_choice', 'multiple_choice', 'likert', 'ranking'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Kinds whose answers refer to the question's options by index. */
export const OPTION_QUESTION_KINDS = [
  'single_choice',
  'multiple_choice',
  'ranking',
] as const satisfies readonly QuestionKind[];

export const LIKERT_POINTS = [3, 4, 5, 7] as const;
export type LikertPoints = (typeof LIKERT_POINTS)[number];

export const REPRESENTATION_DIMENSIONS = ['stakeholder_group', 'member_state', 'language'] as const;
export type RepresentationDimension = (typeof REPRESENTATION_DIMENSIONS)[number];

export const RECEIPT_PREFIX = 'MSY';
/** Crockford's base32 alphabet (no I, L, O, U): references are read aloud and retyped from paper receipts at events. */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Translation keys the consultation schemas and rules introduce beyond `VALIDATION_KEYS`; the apps' locale files need them.
 * `round.*` keys are the reasons a round refuses contributions.
 */
export const CONSULTATION_MESSAGE_KEYS = [
  'validation.unknownAction',
  'validation.closesBeforeOpens',
  'validation.endsBeforeStarts',
  'validation.datetime',
  'validation.timezone',
  'validation.url',
  'validation.invitedGroupsRequired',
  'validation.boardRequired',
  'validation.englishRequired',
  'validation.venueRequired',
  'validation.linkRequired',
  'validation.optionsRequired',
  'validation.likertRequired',
  'validation.duplicateOption',
  'validation.duplicateTarget',
  'validation.rankingIncomplete',
  'validation.unknownQuestion',
  'validation.emptyContribution',
  'validation.memberState',
  'validation.locale',
  'validation.stakeholderGroup',
  'round.draft',
  'round.notOpenYet',
  'round.closed',
  'round.notInvited',
] as const;
