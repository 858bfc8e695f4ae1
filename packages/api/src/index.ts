export { appRouter, createCaller, type AppRouter } from './root';
export { ACCESS_POLICY, ACTORS, isAllowed, type Access, type Actor } from './access-policy';
export {
  createContext,
  onOneConnection,
  requestPreload,
  type ApiConfig,
  type ApiServices,
  type Context,
  type Logger,
  type RequestMeta,
  type RequestPreload,
} from './context';
export { createMailer, createSmtpTransport, type Mailer, type SmtpTransport } from './mail/mailer';
export { requestLocale } from './mail/i18n';
export { CurrentEditionCache } from './current-edition';
export { RECENT_WRITE_COOKIE, RECENT_WRITE_SECONDS, hasRecentWrite, recentWriteCookie } from './read-routing';
export { applyUnsubscribe } from './notifications/unsubscribe';
export { runDigests } from './notifications/digests';
export { runRoundReminders, runRoundSchedule } from './notifications/rounds';
export { runCommentPeriodReminders } from './notifications/review';
export {
  BUILT_IN_SCHEDULES,
  DEFAULT_LEASE_MS,
  platformJobHandlers,
  startJobRunner,
  type JobHandler,
  type JobRunner,
} from './jobs';
