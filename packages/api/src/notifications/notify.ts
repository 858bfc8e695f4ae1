import type { UNSUBSCRIBE_SCOPE_ALL } from '@musyawarah/core';
import { deliveryFor, kindOfEvent, type NotificationEvent, type NotificationKind } from '@musyawarah/core';
import {
  insertNotifications,
  readNotificationPreferences,
  type Executor,
  type MailOutbox,
  type NotificationParams,
  type NotificationRecipient,
} from '@musyawarah/db';
import type { ApiConfig } from '../context';
import type { Mailer } from '../mail/mailer';
import { notificationMail, type UnsubscribeLinks } from '../mail/notification-templates';
import { signingKeyOf, signUnsubscribeToken, UNSUBSCRIBE_TOKEN_TTL_MS } from './unsubscribe-token';

export interface NotifyServices {
  mailer: Mailer;
  config: Pick<ApiConfig, 'publicUrl'>;
}

export interface NotificationDraft {
  event: NotificationEvent;
  subjectType: string;
  subjectId: string;
  /** A path in the stakeholder app. */
  link: string;
  params: NotificationParams;
  /** Makes the notification once-only per person (reminders, scheduler-seen events). */
  dedupKey?: string | null;
  /**
   * The cause already sends its own mail (the moderation notice, a session invitation): the notification is listed in
   * the app but never mailed again, immediately or in a digest.
   */
  alreadyMailed?: boolean;
}

export function appUrl(config: Pick<ApiConfig, 'publicUrl'>, path: string) {
  return `${config.publicUrl.replace(/\/+$/, '')}${path}`;
}

/** The unsubscribe links for one person and kind (or every kind, for digests), signed now. */
export async function unsubscribeLinksFor(
  services: NotifyServices,
  db: Executor,
  userId: string,
  scope: NotificationKind | typeof UNSUBSCRIBE_SCOPE_ALL,
  now: Date,
): Promise<UnsubscribeLinks> {
  const token = signUnsubscribeToken(await signingKeyOf(db), {
    userId,
    scope,
    expiresAt: new Date(now.getTime() + UNSUBSCRIBE_TOKEN_TTL_MS),
  });
  return {
    pageUrl: appUrl(services.config, `/unsubscribe?token=${encodeURIComponent(token)}`),
    oneClickUrl: appUrl(services.config, `/unsubscribe/one-click?token=${encodeURIComponent(token)}`),
    preferencesUrl: appUrl(services.config, '/account/notifications'),
  };
}

/**
 * Tells each recipient, inside the caller's transaction (so the notification exists exactly when its cause does):
 * stores a notification per person and, for those who chose "immediately" for its kind, writes the mail to the outbox
 * in their language with a one-click unsubscribe link. Digest and "off" choices only store it (digests are sent by
 * `runDigests`). Deciding who may see the thing is the caller's; this function trusts its recipient list. Returns
 * the outbox rows, to deliver after commit.
 */
export async function notify(
  services: NotifyServices,
  tx: Executor,
  recipients: readonly NotificationRecipient[],
  draft: NotificationDraft,
  now: Date = new Date(),
): Promise<MailOutbox[]> {
  const unique = [...new Map(recipients.map((r) => [r.id, r])).values()];
  if (unique.length === 0) return [];
  const kind = kindOfEvent(draft.event);
  const preferences = await readNotificationPreferences(
    tx,
    unique.map((r) => r.id),
  );
  const inserted = await insertNotifications(
    tx,
    unique.map((r) => ({
      userId: r.id,
      kind,
      event: draft.event,
      subjectType: draft.subjectType,
      subjectId: draft.subjectId,
      link: draft.link,
      params: draft.params,
      dedupKey: draft.dedupKey ?? null,
      delivery: draft.alreadyMailed ? 'off' : deliveryFor(kind, preferences.get(r.id) ?? new Map()),
      createdAt: now,
    })),
  );
  const byId = new Map(unique.map((r) => [r.id, r]));
  const queued: MailOutbox[] = [];
  for (const notification of inserted) {
    if (notification.delivery !== 'immediately') continue;
    const recipient = byId.get(notification.user_id)!;
    const links = await unsubscribeLinksFor(services, tx, recipient.id, kind, now);
    queued.push(
      await services.mailer.queue(
        tx,
        notificationMail(recipient, notification, appUrl(services.config, notification.link), links),
      ),
    );
  }
  return queued;
}

/** Waits for the transaction, then hands the mail it queued to delivery (mail is sent only for committed causes). */
export async function deliverAfterCommit<T>(
  services: { db: Executor; mailer: Mailer },
  queued: MailOutbox[],
  transaction: Promise<T>,
): Promise<T> {
  const value = await transaction;
  await services.mailer.deliver(services.db, queued);
  return value;
}
