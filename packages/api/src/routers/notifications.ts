/**
 * Notifications people can follow (issue #15). Procedures:
 *   Signed in (each person sees and changes only their own)
 *     list {limit?}                 my notifications, newest first, with the unread count
 *     unreadCount                   the bell's number
 *     markRead {notificationId}     another person's id is answered NOT_FOUND
 *     markAllRead
 *     followState {subjectType, subjectId}   whether I follow it
 *     follow / unfollow {subjectType, subjectId}   a published round, an action area, a published board, a started
 *                                   review cycle (Secretariat: any cycle); anything else NOT_FOUND `notifications.subjectNotFound`
 *     follows                       what I follow
 *     preferences                   per kind: immediately / daily / weekly / off (defaults from core)
 *     setPreference {kind, delivery}
 *   Public (no sign-in: the link in the mail is the authority)
 *     unsubscribe {token}           one-click unsubscribe; a forged or expired token is refused with a field error
 *                                   `notifications.tokenInvalid`. The host also takes RFC 8058 POSTs at
 *                                   /unsubscribe/one-click (apps/api/src/server.ts).
 */
import { z } from 'zod';
import {
  DEFAULT_NOTIFICATION_DELIVERY,
  deliveryFor,
  FOLLOW_SUBJECTS,
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
} from '@musyawarah/core';
import {
  countUnreadNotifications,
  followSubject,
  isFollowing,
  listFollowsOf,
  listNotificationsOf,
  markAllNotificationsRead,
  markNotificationRead,
  readNotificationPreferences,
  setNotificationPreference,
  unfollowSubject,
  type Notification,
} from '@musyawarah/db';
import { FieldError, notFound } from '../errors';
import { followableSubject } from '../notifications/subjects';
import { applyUnsubscribe } from '../notifications/unsubscribe';
import { authedProcedure, publicProcedure, router } from '../trpc';

const subjectInput = z.object({
  subjectType: z.enum(FOLLOW_SUBJECTS, { error: 'validation.invalidOption' }),
  subjectId: z
    .string()
    .trim()
    .min(1, { error: 'validation.required' })
    .max(100, { error: 'validation.tooLong' }),
});

function presentNotification(n: Notification) {
  return {
    id: n.id,
    kind: n.kind,
    event: n.event,
    params: n.params,
    link: n.link,
    createdAt: n.created_at,
    readAt: n.read_at,
  };
}

export const notificationsRouter = router({
  list: authedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const [items, unread] = await Promise.all([
        listNotificationsOf(ctx.db, ctx.user.id, { limit: input?.limit ?? 50 }),
        countUnreadNotifications(ctx.db, ctx.user.id),
      ]);
      return { items: items.map(presentNotification), unread };
    }),

  unreadCount: authedProcedure.query(async ({ ctx }) => ({
    unread: await countUnreadNotifications(ctx.db, ctx.user.id),
  })),

  markRead: authedProcedure
    .input(z.object({ notificationId: z.uuid({ error: 'validation.invalid' }) }))
    .mutation(async ({ ctx, input }) => {
      const found = await markNotificationRead(ctx.db, ctx.user.id, input.notificationId, new Date());
      if (!found) throw notFound('notifications.notFound');
      return { ok: true as const };
    }),

  markAllRead: authedProcedure.mutation(async ({ ctx }) => {
    await markAllNotificationsRead(ctx.db, ctx.user.id, new Date());
    return { ok: true as const };
  }),

  followState: authedProcedure.input(subjectInput).query(async ({ ctx, input }) => ({
    following: await isFollowing(ctx.db, ctx.user.id, input.subjectType, input.subjectId),
  })),

  follow: authedProcedure.input(subjectInput).mutation(async ({ ctx, input }) => {
    if (!(await followableSubject(ctx.db, ctx.user, input.subjectType, input.subjectId)))
      throw notFound('notifications.subjectNotFound');
    await followSubject(ctx.db, ctx.user.id, input.subjectType, input.subjectId);
    return { following: true };
  }),

  unfollow: authedProcedure.input(subjectInput).mutation(async ({ ctx, input }) => {
    await unfollowSubject(ctx.db, ctx.user.id, input.subjectType, input.subjectId);
    return { following: false };
  }),

  follows: authedProcedure.query(async ({ ctx }) =>
    (await listFollowsOf(ctx.db, ctx.user.id)).map((f) => ({
      subjectType: f.subject_type,
      subjectId: f.subject_id,
      since: f.created_at,
    })),
  ),

  preferences: authedProcedure.query(async ({ ctx }) => {
    const chosen = (await readNotificationPreferences(ctx.db, [ctx.user.id])).get(ctx.user.id) ?? new Map();
    return NOTIFICATION_KINDS.map((kind) => ({
      kind,
      delivery: deliveryFor(kind, chosen),
      default: DEFAULT_NOTIFICATION_DELIVERY[kind],
    }));
  }),

  setPreference: authedProcedure
    .input(
      z.object({
        kind: z.enum(NOTIFICATION_KINDS, { error: 'validation.invalidOption' }),
        delivery: z.enum(NOTIFICATION_DELIVERIES, { error: 'validation.invalidOption' }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await setNotificationPreference(ctx.db, ctx.user.id, input.kind, input.delivery);
      return { kind: input.kind, delivery: input.delivery };
    }),

  unsubscribe: publicProcedure
    .input(z.object({ token: z.string().min(1, { error: 'validation.required' }).max(400) }))
    .mutation(async ({ ctx, input }) => {
      const result = await applyUnsubscribe(ctx.db, input.token, new Date(), {
        requestId: ctx.request.requestId,
        ipAddress: ctx.request.ipAddress,
      });
      if (!result) throw new FieldError('BAD_REQUEST', { token: ['notifications.tokenInvalid'] });
      return result;
    }),
});
