import { SESSION_FEEDBACK_WINDOW_DAYS } from '@musyawarah/core';
import {
  pruneExpiredSessions,
  pruneFinishedJobs,
  pruneSpentEmailTokens,
  pruneStaleThrottles,
  recordLapsedSurveyClosings,
  writeAudit,
} from '@musyawarah/db';
import type { Logger } from '../context';
import type { JobHandler, JobSchedule } from './runner';

const DAY_MS = 86_400_000;

export const PRUNE_JOB = 'maintenance.prune';
export const CLOSE_LAPSED_SURVEYS_JOB = 'boards.closeLapsedSurveys';

/** Housekeeping; with the notification schedules, every runner's BUILT_IN_SCHEDULES (jobs/index.ts). */
export const MAINTENANCE_SCHEDULES: readonly JobSchedule[] = [
  { name: 'prune-hourly', intervalSeconds: 3600, kind: PRUNE_JOB },
  { name: 'close-lapsed-surveys', intervalSeconds: 600, kind: CLOSE_LAPSED_SURVEYS_JOB },
];

/** Deletes what no reader accepts any more: expired sessions, spent e-mail links, old throttle rows, old jobs. */
export function pruneHandler(logger: Logger): JobHandler {
  return {
    async run(_job, { db, now }) {
      const at = now();
      const counts = await db.transaction().execute(async (tx) => ({
        sessions: await pruneExpiredSessions(tx, at),
        emailTokens: await pruneSpentEmailTokens(tx, at),
        throttles: await pruneStaleThrottles(tx, {
          now: at,
          windowStartedBefore: new Date(at.getTime() - DAY_MS),
        }),
        jobs: await pruneFinishedJobs(tx, {
          doneBefore: new Date(at.getTime() - 7 * DAY_MS),
          deadBefore: new Date(at.getTime() - 30 * DAY_MS),
        }),
      }));
      logger.info({ pruned: counts }, 'pruned expired rows');
    },
  };
}

/**
 * Records the closing of board surveys whose window has passed, with an audit row each (by nobody: the platform),
 * in one transaction, so a survey's closing is a fact in the database at its time and not only when someone looks.
 */
export function closeLapsedSurveysHandler(): JobHandler {
  return {
    async run(_job, { db, now }) {
      await db.transaction().execute(async (tx) => {
        const closed = await recordLapsedSurveyClosings(tx, {
          now: now(),
          windowDays: SESSION_FEEDBACK_WINDOW_DAYS,
        });
        for (const session of closed) {
          await writeAudit(
            tx,
            { actorUserId: null, requestId: null, ipAddress: null },
            {
              action: 'board.survey_close_lapsed',
              entityType: 'board_session',
              entityId: session.id,
              before: null,
              after: { surveyClosedAt: session.survey_closed_at },
            },
          );
        }
      });
    },
  };
}
