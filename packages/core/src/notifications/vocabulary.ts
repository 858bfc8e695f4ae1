/**
 * What a person can hear about (issue #15). A preference is kept per kind; each notification also names its event, the
 * finer thing that happened, which picks the text (`notifications.events.<event>` in the apps, `notifications.events.*`
 * in mail.json).
 */
export const NOTIFICATION_KINDS = [
  'feedback_response',
  'feedback_moderation',
  'round_update',
  'action_new_round',
  'board_update',
  'review_phase',
  'edit_discussion',
  'deadline_reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_EVENTS = {
  'feedback.responded': 'feedback_response',
  'feedback.hidden': 'feedback_moderation',
  'feedback.restored': 'feedback_moderation',
  'round.opened': 'round_update',
  'round.closed': 'round_update',
  'round.summaryPublished': 'round_update',
  'action.newRound': 'action_new_round',
  'board.decision': 'board_update',
  'board.sessionInvitation': 'board_update',
  'review.phaseChanged': 'review_phase',
  'edit.commented': 'edit_discussion',
  'edit.answered': 'edit_discussion',
  'reminder.roundClosing': 'deadline_reminder',
  'reminder.commentPeriodEnding': 'deadline_reminder',
} as const satisfies Record<string, NotificationKind>;
export type NotificationEvent = keyof typeof NOTIFICATION_EVENTS;

/** How a person hears of a kind by e-mail. The notification centre lists everything whatever the choice. */
export const NOTIFICATION_DELIVERIES = ['immediately', 'daily', 'weekly', 'off'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

/**
 * Defaults follow what people asked for directly (their own feedback, what they follow, their seat, their state's
 * answers) by mail at once; the broad "a new round on an action" and phase news come as a daily digest so following an
 * action area does not flood anyone.
 */
export const DEFAULT_NOTIFICATION_DELIVERY: Record<NotificationKind, NotificationDelivery> = {
  feedback_response: 'immediately',
  feedback_moderation: 'immediately',
  round_update: 'immediately',
  action_new_round: 'daily',
  board_update: 'immediately',
  review_phase: 'daily',
  edit_discussion: 'immediately',
  deadline_reminder: 'immediately',
};

export const FOLLOW_SUBJECTS = ['round', 'action', 'board', 'review_cycle'] as const;
export type FollowSubject = (typeof FOLLOW_SUBJECTS)[number];

export const DIGEST_PERIODS = ['daily', 'weekly'] as const;
export type DigestPeriod = (typeof DIGEST_PERIODS)[number];

/** An unsubscribe link from a digest stops every kind's mail. */
export const UNSUBSCRIBE_SCOPE_ALL = 'all' as const;
