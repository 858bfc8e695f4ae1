import {
  findSessionWithSubmissionContext,
  type Db,
  type SubmissionContext,
  type UserAccount,
  type UserSession,
} from '@musyawarah/db';
import { submitContributionInput } from '@musyawarah/core';
import {
  readSessionToken,
  serializeSessionCookie,
  validateSessionToken,
  type SessionLookup,
} from '@musyawarah/auth';
import type { CurrentEditionCache } from './current-edition';
import type { Mailer } from './mail/mailer';
import { hasRecentWrite } from './read-routing';
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
  /** The primary: every write, and every read that must see them. */
  db: Db;
  /**
   * A streaming replica (DATABASE_READ_URL) for public, read-only procedures; absent, they read the primary. Use it
   * through the context's `readDb`, which falls back to the primary after the person's own writes.
   */
  readDb?: Db;
  /** "Which edition is current", kept while the host follows adoptions (current-edition.ts); absent in tests. */
  editionCache?: CurrentEditionCache;
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
  /**
   * Where public read-only procedures read: the replica, unless there is none or this browser wrote a moment ago
   * (read-your-writes: read-routing.ts), then the primary.
   */
  readDb: Db;
  request: RequestMeta;
  session: UserSession | null;
  user: UserAccount | null;
  /** What was read with the session for the procedure the request names (`RequestPreload`), for that procedure only. */
  preloaded?: { participation?: PreloadedParticipation };
}

/** A participant's own write to a round, as `loadSubmissionContext` reads it for them. */
export interface PreloadedParticipation {
  roundId: string;
  idempotencyKey: string | null;
  authorUserId: string;
  context: SubmissionContext;
}

/**
 * What the procedure a request names will read first, which `createContext` can then read in the same statement as
 * the session: one round trip fewer, or more. Only the writes of a closing rush — a participant's own submission and
 * the draft autosaved before it (no key) — for now (bench/README.md). Whatever is read this way is used only by that
 * procedure, after its own checks, and only if its parsed input and the signed-in person are the ones it was read for
 * (`preloadedParticipation`).
 */
export interface RequestPreload {
  participation?: { roundId: string; idempotencyKey: string | null };
}

const { roundId: roundIdField, idempotencyKey: idempotencyKeyField } = submitContributionInput.shape;

/** The preload for a procedure and its raw input, when there is one: values its input schema will accept, or none. */
export function requestPreload(path: string, input: unknown): RequestPreload | undefined {
  const submit = path === 'contributions.submit';
  if ((!submit && path !== 'contributions.saveDraft') || typeof input !== 'object' || input === null)
    return undefined;
  const { roundId, idempotencyKey } = input as Record<string, unknown>;
  const round = roundIdField.safeParse(roundId);
  if (!round.success) return undefined;
  if (!submit) return { participation: { roundId: round.data, idempotencyKey: null } };
  const key = idempotencyKeyField.safeParse(idempotencyKey);
  if (!key.success) return undefined;
  return { participation: { roundId: round.data, idempotencyKey: key.data } };
}

/**
 * The context read with the session (`RequestPreload`) when it was read for exactly this: this person's own write to
 * this round, with this key (a submission) or none (a draft save). Anything else reads its own.
 */
export function preloadedParticipation(
  ctx: Context & { user: UserAccount },
  roundId: string,
  idempotencyKey: string | null,
): SubmissionContext | null {
  const preloaded = ctx.preloaded?.participation;
  if (!preloaded || preloaded.authorUserId !== ctx.user.id) return null;
  if (preloaded.roundId !== roundId || preloaded.idempotencyKey !== idempotencyKey) return null;
  return preloaded.context;
}

/**
 * Runs `use` with services whose primary is one pooled connection, held until it returns. A request that gives its
 * connection back between statements queues for the pool again behind every newer request; in a closing rush, when a
 * slow WAL flush holds every connection in COMMIT for a moment, a submission did that three times (session, context,
 * insert) and those queues were the API's p99 (bench/README.md). For short, sequential mutations only: a transaction
 * inside `use` must run its statements on its own executor, never on the outer one it is waiting for.
 */
export async function onOneConnection<T>(services: ApiServices, use: (services: ApiServices) => Promise<T>) {
  let connected = false;
  try {
    return await services.db.connection().execute((db) => {
      connected = true;
      return use({ ...services, db });
    });
  } catch (error) {
    // Not reaching the database at all is answered as a statement that cannot reach it is: 503, retry shortly.
    if (!connected && isDatabaseUnavailable(error)) throw unavailable(error);
    throw error;
  }
}

/**
 * The inner context (tRPC docs: "inner and outer context"): everything a procedure needs, built from services and
 * request metadata, so tests build exactly the same context through `createCaller` as the HTTP server does.
 */
export async function createContext(
  services: ApiServices,
  request: RequestMeta,
  preload?: RequestPreload,
): Promise<Context> {
  const readDb = services.readDb && !hasRecentWrite(request.cookieHeader) ? services.readDb : services.db;
  const token = readSessionToken(request.cookieHeader);
  if (!token) return { ...services, readDb, request, session: null, user: null };
  const wanted = preload?.participation;
  let participation: SubmissionContext | undefined;
  const lookup: SessionLookup | undefined = wanted
    ? async (db, sessionId) => {
        const found = await findSessionWithSubmissionContext(db, sessionId, wanted);
        participation = found?.context;
        return found?.session;
      }
    : undefined;
  let validation;
  try {
    validation = await validateSessionToken(services.db, token, undefined, lookup);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw unavailable(error);
    throw error;
  }
  if (!validation) return { ...services, readDb, request, session: null, user: null };
  if (validation.renewed) {
    request.setCookie(
      serializeSessionCookie(token, validation.session.expires_at, { secure: services.config.secureCookies }),
    );
  }
  const { session, user } = validation;
  if (wanted && participation) {
    const preloaded = { participation: { ...wanted, authorUserId: user.id, context: participation } };
    return { ...services, readDb, request, session, user, preloaded };
  }
  return { ...services, readDb, request, session, user };
}
