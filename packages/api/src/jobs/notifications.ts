import type { Logger } from '../context';
import { runDigests } from '../notifications/digests';
import type { NotifyServices } from '../notifications/notify';
import { runCommentPeriodReminders } from '../notifications/review';
import { runRoundReminders, runRoundSchedule } from '../notifications/rounds';
import type { JobHandler, JobSchedule } from './runner';

export const ROUND_SCHEDULE_JOB = 'notifications.roundSchedule';
export const ROUND_REMINDERS_JOB = 'notifications.roundReminders';
export const COMMENT_PERIOD_REMINDERS_JOB = 'notifications.commentPeriodReminders';
export const DIGESTS_JOB = 'notifications.digests';

/**
 * How far back a round-schedule pass looks for rounds that opened or closed on their own clock. Passes overlap (one a
 * minute), which costs nothing: each moment's notification is stored once per person (its dedup key). The day covers a
 * platform whose job runners were all down for a while: its followers hear late rather than never.
 */
export const ROUND_SCHEDULE_LOOKBACK_MS = 24 * 3_600_000;

/**
 * The notifications nobody's request triggers: a round opening or closing at its set time, deadline reminders, and
 * daily or weekly digests. Each producer is idempotent, so a tick that runs twice (a host died mid-job) sends nothing
 * twice. Reminders run more often than their lead time needs, so a reminder is never more than a few minutes late.
 */
export const NOTIFICATION_SCHEDULES: readonly JobSchedule[] = [
  { name: 'round-schedule', intervalSeconds: 60, kind: ROUND_SCHEDULE_JOB },
  { name: 'round-reminders', intervalSeconds: 900, kind: ROUND_REMINDERS_JOB },
  { name: 'comment-period-reminders', intervalSeconds: 3600, kind: COMMENT_PERIOD_REMINDERS_JOB },
  { name: 'digests', intervalSeconds: 900, kind: DIGESTS_JOB },
];

/** The mail each producer writes goes to the outbox in its transaction; the outbox's trigger makes its delivery job. */
export function notificationJobHandlers(
  services: NotifyServices,
  logger: Logger,
): Record<string, JobHandler> {
  return {
    [ROUND_SCHEDULE_JOB]: {
      async run(_job, { db, now }) {
        const at = now();
        const mails = await runRoundSchedule(
          { ...services, db },
          new Date(at.getTime() - ROUND_SCHEDULE_LOOKBACK_MS),
          at,
        );
        if (mails.length > 0) logger.info({ mails: mails.length }, 'round openings and closings announced');
      },
    },
    [ROUND_REMINDERS_JOB]: {
      async run(_job, { db, now }) {
        const mails = await runRoundReminders({ ...services, db }, now());
        if (mails.length > 0) logger.info({ mails: mails.length }, 'round deadline reminders sent');
      },
    },
    [COMMENT_PERIOD_REMINDERS_JOB]: {
      async run(_job, { db, now }) {
        const mails = await runCommentPeriodReminders({ ...services, db }, now());
        if (mails.length > 0) logger.info({ mails: mails.length }, 'comment period reminders sent');
      },
    },
    [DIGESTS_JOB]: {
      async run(_job, { db, now }) {
        const { digests } = await runDigests({ ...services, db }, now());
        if (digests > 0) logger.info({ digests }, 'digests sent');
      },
    },
  };
}
