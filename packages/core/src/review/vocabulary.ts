/** The fixed vocabularies of Roadmap review cycles (Roadmap action C3.3.1). Stored as these strings; labels live in the apps' locales. */

/** In time order. A cycle moves through them one by one; `adoption` ends only by adopting the new edition. */
export const CYCLE_PHASES = [
  'call_for_input',
  'assessment',
  'drafting',
  'comment_period',
  'finalisation',
  'adoption',
] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];

/**
 * Where a cycle is: before its first phase, in one, or finished — the new edition adopted, or closed without adopting
 * (e.g. its base edition was superseded by another cycle's adoption).
 */
export type CycleStage = 'not_started' | CyclePhase | 'adopted' | 'closed';

/** Who besides the Secretariat and the Member States may read the edits and comment during the comment period. */
export const CYCLE_AUDIENCES = ['all_participants', 'member_states'] as const;
export type CycleAudience = (typeof CYCLE_AUDIENCES)[number];

/** A Member State's formal position on one proposed edit. */
export const POSITION_KINDS = ['support', 'support_with_amendment', 'object', 'abstain'] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

/** How the Secretariat settles an edit in finalisation; `accepted_with_changes` carries the final text that replaces the proposal. */
export const RESOLUTION_KINDS = ['accepted', 'accepted_with_changes', 'rejected'] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

/** What motivated an edit. Board sessions are referenced by id only: that domain lives apart. */
export const MOTIVATION_KINDS = ['contribution', 'assessment', 'board_session'] as const;
export type MotivationKind = (typeof MOTIVATION_KINDS)[number];

export const REVIEW_ASSESSMENT_STATUSES = ['draft', 'submitted'] as const;
export type ReviewAssessmentStatus = (typeof REVIEW_ASSESSMENT_STATUSES)[number];

/** Ratings of an action area against a framework criterion: 1 (not at all) to 5 (fully). */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** What participants do in a cycle; each is allowed in certain phases only (`phaseAllows`). */
export const REVIEW_ACTIVITIES = [
  'assess',
  'draft_edit',
  'record_position',
  'comment',
  'answer',
  'resolve',
  'adopt',
] as const;
export type ReviewActivity = (typeof REVIEW_ACTIVITIES)[number];

/** Translation keys the review rules and schemas introduce; the shared locale `review.json` and `validation.json` carry them. */
export const REVIEW_MESSAGE_KEYS = [
  'review.notInPhase.assess',
  'review.notInPhase.draft_edit',
  'review.notInPhase.record_position',
  'review.notInPhase.comment',
  'review.notInPhase.answer',
  'review.notInPhase.resolve',
  'review.notInPhase.adopt',
  'review.cycleNotStarted',
  'review.cycleAdopted',
  'review.cycleClosed',
  'review.baseStillCurrent',
  'review.advanceToAdopt',
  'review.phaseChanged',
  'review.unresolvedEdits',
  'review.nothingToAdopt',
  'review.editConflict',
  'review.frameworkConflict',
  'review.cycleConflict',
  'review.assessmentConflict',
  'review.notYourState',
  'review.notInAudience',
  'review.notFound',
  'review.editNotFound',
  'review.cycleNotFound',
  'review.frameworkNotFound',
  'review.editionNotFound',
  'review.contributionNotFound',
  'review.commentNotFound',
  'review.positionNotFound',
  'review.assessmentSubmitted',
  'review.assessmentIncomplete',
  'review.editsDoNotApply',
  'review.editsCollide',
  'review.editsNotOpen',
  'review.baseNotCurrent',
  'review.parentNotInThread',
  'review.frameworkChangedSinceCycle',
  'validation.duplicateKey',
  'validation.phasesOutOfOrder',
  'validation.phaseEndsBeforeStart',
  'validation.date',
  'validation.unknownFrameworkCriterion',
  'validation.unknownActionArea',
  'validation.duplicateRating',
  'validation.finalPayloadRequired',
  'validation.finalPayloadNotAllowed',
  'validation.positionTextRequired',
  'validation.counterProposalRequired',
  'validation.motivationTarget',
] as const;
