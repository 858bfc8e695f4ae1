import type { Db, UserAccount, UserSession } from '@musyawarah/db';
import { readSessionToken, serializeSessionCookie, validateSessionToken } from '@musyawarah/auth';
import type { Mailer } from './mail/mailer';
import type { ContributionLimits } from './routers/contribution-limits';
import { isDatabaseUnavailable, unavailable } from './errors';

export interface ApiConfig {
  /** Where people open the apps; used in e-mailed links. */
  publicUrl: string;
  /** `Secure` on cookies everywhere but plain-http localhost. */
  secureCookies: boolean;
  /** Extra origins allowed to send mutations (e.g. the Vite dev servers). The request's own host is always allowed. */
  trustedOrigins: readonly string[];
  nodeEnv: string;
  /** Lower limits on participation writes, for tests (routers/contribution-limits.ts); production uses the defaults. */
  contributionLimits?: Partial<ContributionLimits>;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Long-lived things shared by every request. */
export interface ApiServices {
  db: Db;
  mailer: Mailer;
  config: ApiConfig;
  logger: Logger;
}

/** What the HTTP layer knows about one request. */
export interface RequestMeta {
  requestId: string;
  ipAddress: string | null;
  userAgent: string | null;
  cookieHeader: string | null;
  origin: string | null;
  secFetchSite: string | null;
  host: string | null;
  /**
   * The language of the page the request came from (the apps send it; else the browser's Accept-Language), when it is
   * one the platform speaks: mail to someone without an account is written in it.
   */
  locale?: string | null;
  /** Appends a Set-Cookie header to the response. */
  setCookie(value: string): void;
}

export interface Context extends ApiServices {
  request: RequestMeta;
  session: UserSession | null;
  user: UserAccount | null;
}

/**
 * The inner context (tRPC docs: "inner and outer context"): everything a procedure needs, built from services and
 * request metadata, so tests build exactly the same context through `createCaller` as the HTTP server does.
 */
export async function createContext(services: ApiServices, request: RequestMeta): Promise<Context> {
  const token = readSessionToken(request.cookieHeader);
  if (!token) return { ...services, request, session: null, user: null };
  let validation;
  try {
    validation = await validateSessionToken(services.db, token);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw unavailable(error);
    throw error;
  }
  if (!validation) return { ...services, request, session: null, user: null };
  if (validation.renewed) {
    request.setCookie(
      serializeSessionCookie(token, validation.session.expires_at, { secure: services.config.secureCookies }),
    );
  }
  return { ...services, request, session: validation.session, user: validation.user };
}
