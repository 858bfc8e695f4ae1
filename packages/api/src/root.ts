import { accountRouter } from './routers/account';
import { assessmentsRouter } from './routers/assessments';
import { catalogueRouter, readinessRouter } from './routers/catalogue';
import { auditRouter, mailRouter } from './routers/admin';
import { authRouter } from './routers/auth';
import { referenceRouter } from './routers/reference';
import { usersRouter } from './routers/users';
import { roundsRouter } from './routers/rounds';
import { contributionsRouter } from './routers/contributions';
import { boardsRouter } from './routers/boards';
import { editionsRouter } from './routers/editions';
import { reviewRouter } from './routers/review/index';
import { roundDocumentsRouter } from './routers/round-documents';
import { translationsRouter } from './routers/translations/index';
import { notificationsRouter } from './routers/notifications';
import { homeRouter } from './routers/home/index';
import { jobsRouter } from './routers/jobs';
import { insightRouter } from './routers/insight/index';
import { openDataRouter } from './routers/open-data';
import { reportsRouter } from './routers/reports';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  reference: referenceRouter,
  auth: authRouter,
  account: accountRouter,
  users: usersRouter,
  mail: mailRouter,
  audit: auditRouter,
  catalogue: catalogueRouter,
  readiness: readinessRouter,
  assessments: assessmentsRouter,
  rounds: roundsRouter,
  contributions: contributionsRouter,
  boards: boardsRouter,
  editions: editionsRouter,
  review: reviewRouter,
  roundDocuments: roundDocumentsRouter,
  translations: translationsRouter,
  notifications: notificationsRouter,
  home: homeRouter,
  jobs: jobsRouter,
  insight: insightRouter,
  openData: openDataRouter,
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
