import { groupDigests, UNSUBSCRIBE_SCOPE_ALL, type DigestPeriod } from '@musyawarah/core';
import {
  findNotificationRecipients,
  lockPendingDigestNotifications,
  readLastDigests,
  recordDigestSent,
  type Db,
  type MailOutbox,
} from '@musyawarah/db';
import { digestMail } from '../mail/notification-templates';
import { appUrl, unsubscribeLinksFor, type NotifyServices } from './notify';

/**
 * Sends the digests that are due at `now`: the notifications people chose to hear of daily or weekly, one mail per
 * person and period (core's `groupDigests`), written to the outbox in their language, each notification marked
 * digested in the same transaction. Safe to call as often as the scheduler likes and from several hosts at once: the
 * pending rows are locked (`skip locked`) and a digest sent less than a period ago is not due again. Returns the
 * outbox rows, to deliver after commit.
 */
export async function runDigests(
  services: NotifyServices & { db: Db },
  now: Date = new Date(),
): Promise<{ digests: number; mails: MailOutbox[] }> {
  return services.db.transaction().execute(async (tx) => {
    const pending = await lockPendingDigestNotifications(tx, now);
    const userIds = [...new Set(pending.map((n) => n.user_id))];
    const lastSent = await readLastDigests(tx, userIds);
    const batches = groupDigests(
      pending.map((n) => ({
        id: n.id,
        userId: n.user_id,
        period: n.delivery as DigestPeriod,
        createdAt: new Date(n.created_at),
        notification: n,
      })),
      lastSent,
      now,
    );
    const recipients = new Map(
      (await findNotificationRecipients(tx, [...new Set(batches.map((b) => b.userId))])).map((r) => [
        r.id,
        r,
      ]),
    );
    const mails: MailOutbox[] = [];
    for (const batch of batches) {
      const recipient = recipients.get(batch.userId);
      if (recipient) {
        const links = await unsubscribeLinksFor(services, tx, recipient.id, UNSUBSCRIBE_SCOPE_ALL, now);
        const mail = digestMail(
          recipient,
          batch.period,
          batch.items.map((item) => ({
            notification: item.notification,
            openUrl: appUrl(services.config, item.notification.link),
          })),
          links,
        );
        mails.push(await services.mailer.queue(tx, mail));
      }
      // A closed account's pending items are marked too, so they are not picked up again on every run.
      await recordDigestSent(
        tx,
        batch.userId,
        batch.period,
        batch.items.map((i) => i.id),
        now,
      );
    }
    return { digests: mails.length, mails };
  });
}
