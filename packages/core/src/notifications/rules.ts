import {
  DEFAULT_NOTIFICATION_DELIVERY,
  NOTIFICATION_EVENTS,
  type DigestPeriod,
  type NotificationDelivery,
  type NotificationEvent,
  type NotificationKind,
} from './vocabulary';

export function kindOfEvent(event: NotificationEvent): NotificationKind {
  return NOTIFICATION_EVENTS[event];
}

/** The delivery a person chose for a kind, or the default. */
export function deliveryFor(
  kind: NotificationKind,
  preferences: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): NotificationDelivery {
  const chosen =
    preferences instanceof Map
      ? (preferences as ReadonlyMap<string, string>).get(kind)
      : (preferences as Readonly<Record<string, string>>)[kind];
  return (chosen as NotificationDelivery | undefined) ?? DEFAULT_NOTIFICATION_DELIVERY[kind];
}

const HOUR_MS = 3_600_000;
export const DIGEST_PERIOD_MS: Record<DigestPeriod, number> = {
  daily: 24 * HOUR_MS,
  weekly: 7 * 24 * HOUR_MS,
};
/**
 * A scheduler that fires "every day at 06:00" drifts by seconds or minutes; without slack a digest sent at 06:00:05
 * yesterday would not be due at 06:00:01 today and would slip a whole period.
 */
const DIGEST_SLACK_MS = HOUR_MS;

/** Whether a person's digest of a period is due: never sent, or the last one a period (less the slack) ago. */
export function digestDue(period: DigestPeriod, lastSentAt: Date | null, now: Date): boolean {
  if (!lastSentAt) return true;
  return now.getTime() - lastSentAt.getTime() >= DIGEST_PERIOD_MS[period] - DIGEST_SLACK_MS;
}

export interface PendingDigestItem {
  id: string;
  userId: string;
  period: DigestPeriod;
  createdAt: Date;
}

export interface DigestBatch<T extends PendingDigestItem> {
  userId: string;
  period: DigestPeriod;
  items: T[];
}

/**
 * Groups pending notifications into one digest per person and period, oldest first, keeping only the digests that
 * are due (`lastSent` holds the time of each person's last digest of the period, keyed `userId:period`).
 */
export function groupDigests<T extends PendingDigestItem>(
  pending: readonly T[],
  lastSent: ReadonlyMap<string, Date>,
  now: Date,
): DigestBatch<T>[] {
  const batches = new Map<string, DigestBatch<T>>();
  for (const item of pending) {
    if (item.createdAt > now) continue;
    const key = `${item.userId}:${item.period}`;
    let batch = batches.get(key);
    if (!batch) {
      if (!digestDue(item.period, lastSent.get(key) ?? null, now)) continue;
      batch = { userId: item.userId, period: item.period, items: [] };
      batches.set(key, batch);
    }
    batch.items.push(item);
  }
  for (const batch of batches.values())
    batch.items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  return [...batches.values()];
}

/** How long before a deadline reminders go out. */
export const ROUND_REMINDER_LEAD_MS = 48 * HOUR_MS;
export const COMMENT_PERIOD_REMINDER_LEAD_MS = 72 * HOUR_MS;

/**
 * Whether a reminder for a deadline is due now: inside the lead time and before the deadline. Which reminders were
 * already sent is the caller's (each is stored with a key that makes it once only).
 */
export function reminderDue(deadline: Date, leadMs: number, now: Date): boolean {
  const left = deadline.getTime() - now.getTime();
  return left > 0 && left <= leadMs;
}
