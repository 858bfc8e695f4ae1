import type { Logger } from '../context';
import { MAIL_DELIVERY_JOB, mailDeliveryHandler } from '../mail/delivery';
import type { SmtpTransport } from '../mail/mailer';
import type { NotifyServices } from '../notifications/notify';
import {
  CLOSE_LAPSED_SURVEYS_JOB,
  closeLapsedSurveysHandler,
  MAINTENANCE_SCHEDULES,
  PRUNE_JOB,
  pruneHandler,
} from './maintenance';
import { NOTIFICATION_SCHEDULES, notificationJobHandlers } from './notifications';
import { RENDER_REPORT_JOB, renderReportHandler } from '../reports/job';
import type { JobHandler, JobSchedule } from './runner';

export {
  startJobRunner,
  DEFAULT_LEASE_MS,
  type JobHandler,
  type JobRunner,
  type JobSchedule,
} from './runner';
export { retryDelayMs } from './backoff';
export { NOTIFICATION_SCHEDULES, ROUND_SCHEDULE_LOOKBACK_MS } from './notifications';

/** The recurring jobs every runner registers; one runner runs each tick (see claimDueSchedules). */
export const BUILT_IN_SCHEDULES: readonly JobSchedule[] = [
  ...MAINTENANCE_SCHEDULES,
  ...NOTIFICATION_SCHEDULES,
];

/**
 * The handlers a host or `pnpm worker` runs. Without SMTP there is no mail handler, so such a process leaves mail
 * jobs to one that has a mail server rather than failing them.
 */
export function platformJobHandlers(options: {
  smtp: SmtpTransport | null;
  from: string;
  logger: Logger;
  /** What the scheduled notifications write with: the mailer (outbox) and the public address links point to. */
  notify: NotifyServices;
}): Record<string, JobHandler> {
  return {
    [PRUNE_JOB]: pruneHandler(options.logger),
    [CLOSE_LAPSED_SURVEYS_JOB]: closeLapsedSurveysHandler(),
    [RENDER_REPORT_JOB]: renderReportHandler(),
    ...notificationJobHandlers(options.notify, options.logger),
    ...(options.smtp
      ? { [MAIL_DELIVERY_JOB]: mailDeliveryHandler({ smtp: options.smtp, from: options.from }) }
      : {}),
  };
}
