import type { Logger } from '../context';
import { MAIL_DELIVERY_JOB, mailDeliveryHandler } from '../mail/delivery';
import type { SmtpTransport } from '../mail/mailer';
import { CLOSE_LAPSED_SURVEYS_JOB, closeLapsedSurveysHandler, PRUNE_JOB, pruneHandler } from './maintenance';
import type { JobHandler } from './runner';

export {
  startJobRunner,
  DEFAULT_LEASE_MS,
  type JobHandler,
  type JobRunner,
  type JobSchedule,
} from './runner';
export { retryDelayMs } from './backoff';
export { BUILT_IN_SCHEDULES } from './maintenance';

/**
 * The handlers a host or `pnpm worker` runs. Without SMTP there is no mail handler, so such a process leaves mail
 * jobs to one that has a mail server rather than failing them.
 */
export function platformJobHandlers(options: {
  smtp: SmtpTransport | null;
  from: string;
  logger: Logger;
}): Record<string, JobHandler> {
  return {
    [PRUNE_JOB]: pruneHandler(options.logger),
    [CLOSE_LAPSED_SURVEYS_JOB]: closeLapsedSurveysHandler(),
    ...(options.smtp
      ? { [MAIL_DELIVERY_JOB]: mailDeliveryHandler({ smtp: options.smtp, from: options.from }) }
      : {}),
  };
}
