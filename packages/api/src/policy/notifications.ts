import type { Access } from '../access-policy';

/**
 * Notifications (issue #15): every signed-in person reads and changes only their own notifications, follows and
 * preferences; unsubscribing needs no sign-in because the signed link is the authority (RFC 8058).
 */
export const notificationsAccess: Record<string, Access> = {
  'notifications.list': 'authed',
  'notifications.unreadCount': 'authed',
  'notifications.markRead': 'authed',
  'notifications.markAllRead': 'authed',
  'notifications.followState': 'authed',
  'notifications.follow': 'authed',
  'notifications.unfollow': 'authed',
  'notifications.follows': 'authed',
  'notifications.preferences': 'authed',
  'notifications.setPreference': 'authed',
  'notifications.unsubscribe': 'public',
};
