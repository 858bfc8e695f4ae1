import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { sql } from 'kysely';
import compression from 'compression';
import pino, { type Logger as PinoLogger } from 'pino';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { AdmissionGate } from './admission';
import { TRPCError } from '@trpc/server';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import {
  appRouter,
  createCaller,
  createContext,
  createMailer,
  createSmtpTransport,
  CurrentEditionCache,
  onOneConnection,
  hasRecentWrite,
  RECENT_WRITE_COOKIE,
  recentWriteCookie,
  requestLocale,
  type ApiServices,
  type RequestPreload,
} from '@musyawarah/api';
import type { JobRunner } from '@musyawarah/api';
import { startPlatformJobs, type JobOptions } from './jobs';
import { hashPassword, peekSessionRole, readSessionToken } from '@musyawarah/auth';
import { migrateToLatest, openDatabase, seedDemoData, seedReferenceData, type Db } from '@musyawarah/db';
import { ROUND_DOCUMENT_UPLOAD_PATH } from '@musyawarah/api/routers/round-documents';
import { installValidationMessages } from '@musyawarah/core/schemas/messages';
import { createClientAddress, type TrustProxy } from './client-address';
import { handleFileRequest } from './files';
import { createDirectMutations } from './direct-mutations';
import { createPublicReads } from './public-reads';
import { handleOneClickUnsubscribe, ONE_CLICK_PATH } from './unsubscribe';
import { createPageShell, type PublicRound } from './page-shell';
import { handleOpenDataRequest } from './open-data';
import { handleReportRequest } from './reports';
import { createStaticApps } from './static';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

export interface PlatformServerOptions {
  port?: number;
  host?: string;
  databaseUrl?: string | undefined;
  /** A streaming replica for public reads (see packages/api/src/read-routing.ts); needs databaseUrl. */
  databaseReadUrl?: string | undefined;
  databasePoolSize?: number;
  /** Named prepared statements for the hot statements on PostgreSQL (default true; see packages/db/src/prepared.ts). */
  databasePreparedStatements?: boolean;
  /** Folder for the embedded database, relative to the repository root, or `memory://`. */
  pgliteDataDir?: string;
  /** With `memory://`: start from this snapshot (`writeEmbeddedSnapshot`, e.g. of `preparePlatformDatabase`). */
  pgliteSnapshot?: string | undefined;
  seedDemo?: boolean;
  serveApps?: boolean;
  /** The built apps' folders; default `apps/{stakeholder,secretariat}/dist` (tests give fixtures). */
  appDists?: { stakeholder: string; secretariat: string };
  publicUrl?: string | undefined;
  trustedOrigins?: string[];
  /** Which X-Forwarded-For hops to believe (see client-address.ts); default false: the TCP peer is the client. */
  trustProxy?: TrustProxy;
  smtpUrl?: string | undefined;
  mailFrom?: string;
  /** The job runner inside this host (mail delivery, scheduled jobs); `concurrency: 0` runs none here. */
  jobs?: JobOptions;
  nodeEnv?: string;
  logLevel?: string;
  logger?: PinoLogger;
}

export interface PlatformServer {
  url: string;
  db: Db;
  databaseKind: 'postgres' | 'pglite';
  demoAccountsCreated: string[];
  logger: PinoLogger;
  /** This host's job runner, or null when it runs no jobs. */
  jobs: JobRunner | null;
  close(): Promise<void>;
}

const DEV_ORIGINS = [
  'http://localhost:5173',
  'http://localhost:5174',
  'http://127.0.0.1:5173',
  'http://127.0.0.1:5174',
];

/**
 * The most procedures one request may name (`/trpc/a,b,c?batch=1`). Without a limit one small anonymous request could
 * run a procedure a thousand times and hold the process for seconds. The apps' batch link sends at most
 * `API_BATCH_MAX_ITEMS` (packages/ui/src/api/client.ts), which must stay at or below this.
 */
export const MAX_BATCH_SIZE = 30;

const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** Headers on every response the host sends. HSTS only when people reach the platform over https. */
export function securityHeaderValues(publicUrl: string | undefined): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy':
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(publicUrl?.startsWith('https://')
      ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' }
      : {}),
  };
}

/**
 * On the embedded database, API requests worked on at once and how long one may wait for its turn (admission.ts). Eight
 * keep the one connection busy (a request also spends time outside the database) without a long statement queue. The
 * wait is generous: the queue moves at the database's full speed, a person's browser waits minutes for an answer, and
 * a client that gives up earlier is skipped when its turn comes.
 */
const EMBEDDED_REQUESTS_AT_ONCE = 8;
const EMBEDDED_ADMISSION_WAIT_MS = 15_000;

/** An error in the shape tRPC answers with, so the apps' error mapping reads it like any other (message = i18n key). */
function sendTrpcError(
  res: http.ServerResponse,
  status: 405 | 413 | 503,
  message: string,
  headers: Record<string, string> = {},
) {
  const code =
    status === 405 ? 'METHOD_NOT_SUPPORTED' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'SERVICE_UNAVAILABLE';
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(
    JSON.stringify({
      error: { message, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus: status } },
    }),
  );
}

function methodNotAllowed(res: http.ServerResponse, allow: string) {
  res.writeHead(405, {
    Allow: allow,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end('Method not allowed');
}

/** How many procedures a `/trpc/…` path names, counted as tRPC counts them (after percent-decoding). */
function procedureCount(pathname: string): number {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Malformed escapes: tRPC answers those itself; count what is there.
  }
  return decoded.split(',').length;
}

/**
 * What the host does to its database before serving: migrations, reference data and, when asked, the demo accounts
 * and their content (idempotent: what exists is left alone). The browser tests run it once per run into a snapshot.
 */
export async function preparePlatformDatabase(
  db: Db,
  options: { seedDemo: boolean; nodeEnv?: string },
): Promise<{ applied: string[]; demoAccountsCreated: string[] }> {
  const { applied } = await migrateToLatest(db);
  await seedReferenceData(db);
  const demoAccountsCreated = options.seedDemo
    ? (await seedDemoData(db, { hashPassword, nodeEnv: options.nodeEnv })).created
    : [];
  return { applied, demoAccountsCreated };
}

/**
 * One process serves the API (`/trpc`), the health check (`/healthz`) and both built web apps, so the embedded
 * default needs one port. It is stateless apart from the database: run as many replicas as needed behind a load
 * balancer when DATABASE_URL points at PostgreSQL (sessions and throttling live there).
 */
export async function startPlatformServer(options: PlatformServerOptions = {}): Promise<PlatformServer> {
  // The host decides how zod's issues read (translation keys for the apps); importing core installs nothing.
  installValidationMessages();
  const nodeEnv = options.nodeEnv ?? 'development';
  const logger =
    options.logger ?? pino({ level: options.logLevel ?? 'info', base: { service: 'musyawarah-api' } });
  const pgliteDataDir =
    options.pgliteDataDir === 'memory://'
      ? 'memory://'
      : path.resolve(REPO_ROOT, options.pgliteDataDir ?? '.data/pglite');
  const database = await openDatabase({
    databaseUrl: options.databaseUrl,
    pgliteDataDir,
    pgliteSnapshot: options.pgliteSnapshot,
    poolSize: options.databasePoolSize ?? 10,
    preparedStatements: options.databasePreparedStatements,
  });
  // Migrations run on the primary only; the replica receives them by streaming.
  const replica = options.databaseReadUrl
    ? await openDatabase({
        databaseUrl: options.databaseReadUrl,
        poolSize: options.databasePoolSize ?? 10,
        preparedStatements: options.databasePreparedStatements,
      })
    : null;
  const { applied, demoAccountsCreated } = await preparePlatformDatabase(database.db, {
    seedDemo: options.seedDemo ?? false,
    nodeEnv,
  });
  if (applied.length) logger.info({ applied }, 'database migrated');

  const smtp = options.smtpUrl ? await createSmtpTransport(options.smtpUrl) : null;
  const mailFrom = options.mailFrom ?? 'Musyawarah <no-reply@musyawarah.example.org>';
  let publicUrl = options.publicUrl;
  const config = {
    get publicUrl() {
      return publicUrl ?? 'http://localhost:3000';
    },
  };
  const jobs = startPlatformJobs({ db: database.db, smtp, mailFrom, logger, config, options: options.jobs });
  const mailer = createMailer({
    smtp,
    from: mailFrom,
    log: (mail) => logger.info({ mail }, 'mail kept in the outbox (no SMTP_URL set)'),
    wake: () => jobs?.wake(),
  });

  // Follows adoptions on every host (migration 0200): the current edition is kept only while this listens.
  const editionCache = new CurrentEditionCache();
  const stopListening = await database.listen('musyawarah_edition', {
    onNotify: () => editionCache.invalidate(),
    onListening: (listening) => editionCache.setListening(listening),
  });

  const services: ApiServices & { editionCache: CurrentEditionCache } = {
    db: database.db,
    ...(replica ? { readDb: replica.db } : {}),
    editionCache,
    mailer,
    logger,
    config: {
      get publicUrl() {
        return config.publicUrl;
      },
      secureCookies: false,
      trustedOrigins: options.trustedOrigins ?? (nodeEnv === 'production' ? [] : DEV_ORIGINS),
      nodeEnv,
    },
  };

  const clientAddress = createClientAddress(options.trustProxy ?? false, {
    onIgnoredHeader: () =>
      logger.warn(
        'a request carried X-Forwarded-For, which TRUST_PROXY=false ignores: if a load balancer or CDN stands in front of ' +
          'this host, every client now has its address (one login-throttle bucket for everybody); set TRUST_PROXY to the ' +
          'number of proxies in front (see docs/deployment.md)',
      ),
  });
  const requestContext = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    on: ApiServices = services,
    preload?: RequestPreload,
  ) =>
    createContext(
      on,
      {
        requestId: String(res.getHeader('X-Request-Id')),
        ipAddress: clientAddress(req),
        userAgent: req.headers['user-agent']?.slice(0, 500) ?? null,
        cookieHeader: req.headers.cookie ?? null,
        origin: req.headers.origin ?? null,
        secFetchSite: req.headers['sec-fetch-site'] ?? null,
        host: req.headers.host ?? null,
        locale: requestLocale(req.headers['x-musyawarah-locale'], req.headers['accept-language']),
        setCookie: (value) => res.appendHeader('Set-Cookie', value),
      },
      preload,
    );
  const logProcedureFailure = ({
    error,
    path: procedurePath,
    req,
  }: {
    error: TRPCError;
    path: string | undefined;
    req: http.IncomingMessage;
  }) => {
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      logger.error(
        { err: error.cause ?? error, procedure: procedurePath, requestId: req.headers['x-request-id'] },
        'procedure failed',
      );
    }
  };
  const trpcOptions = {
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: 1_000_000,
    // The host refuses larger batches before tRPC sees them (with a translatable message); this is the second guard.
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: ({ req, res }) => requestContext(req, res),
    onError: logProcedureFailure,
  } satisfies Parameters<typeof createHTTPHandler>[0];
  const trpcHandler = createHTTPHandler(trpcOptions);
  const directMutations = createDirectMutations({
    maxBodySize: trpcOptions.maxBodySize,
    createContext: requestContext,
    // On PostgreSQL each submission and draft save keeps one pooled connection from its session check to its answer
    // (context.ts, onOneConnection); the embedded database has only one connection, shared by every request.
    ...(database.kind === 'postgres' ? { onOneConnection: (use) => onOneConnection(services, use) } : {}),
    onError: logProcedureFailure,
  });
  const publicReads = createPublicReads(services);
  // Background documents (≤ 10 MB) are the one larger body: only a multipart body to that procedure's own path gets it.
  const uploadHandler = createHTTPHandler({ ...trpcOptions, maxBodySize: 11_000_000 });
  // The embedded database serves one statement at a time: admit a few API requests at once (admission.ts).
  const gate =
    database.kind === 'pglite'
      ? new AdmissionGate(EMBEDDED_REQUESTS_AT_ONCE, EMBEDDED_ADMISSION_WAIT_MS)
      : null;
  const admitted = (req: http.IncomingMessage, res: http.ServerResponse, run: () => void) => {
    if (!gate) return run();
    void gate.enter().then((leave) => {
      if (!leave) {
        sendTrpcError(res, 503, 'errors.unavailable', { 'Retry-After': '2' });
        return;
      }
      // A client that left while waiting gets nothing done for it.
      if (res.closed || req.socket.destroyed) return leave();
      res.once('close', leave);
      run();
    });
  };

  // The round a page shell embeds is what `rounds.get` answers a visitor without a session (it is public data), read
  // where that procedure would read for this browser (the primary right after one of its writes, read-routing.ts).
  const publicRound: PublicRound = async (roundId, req) => {
    const recentWrite = hasRecentWrite(req.headers.cookie);
    const caller = createCaller(
      await createContext(services, {
        requestId: randomUUID(),
        ipAddress: null,
        userAgent: null,
        cookieHeader: recentWrite ? `${RECENT_WRITE_COOKIE}=1` : null,
        origin: null,
        secFetchSite: null,
        host: req.headers.host ?? null,
        setCookie: () => undefined,
      }),
    );
    return caller.rounds.get({ roundId }).catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
  };
  const apps =
    options.serveApps === false
      ? null
      : createStaticApps(REPO_ROOT, {
          stakeholderShell: createPageShell(REPO_ROOT, publicRound),
          dists: options.appDists,
        });
  // API answers (a round page, the catalogue list: tens of KB of JSON) are compressed on the way out when the client
  // accepts it: brotli at quality 4 or gzip, a fraction of a millisecond for the sizes the API sends. tRPC's adapter
  // streams its body without a Content-Length, so the 1 KB threshold only applies where a length is known. Clients that
  // send no Accept-Encoding (the benchmark's load generator, curl) get them as before.
  const compress = compression({ threshold: 1024 }) as (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    next: () => void,
  ) => void;

  const headerValues = Object.entries(securityHeaderValues(options.publicUrl));
  // Graceful shutdown (close() below): responses not yet started when it begins, and any request still arriving on an
  // open connection, are answered with `Connection: close`, so keep-alive clients do not send another request on a
  // connection that is about to go away and the process does not wait for keep-alive timeouts before it exits.
  let shuttingDown = false;
  const unanswered = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const started = performance.now();
    if (shuttingDown) res.setHeader('Connection', 'close');
    unanswered.add(res);
    res.on('close', () => {
      unanswered.delete(res);
      // A response whose headers went out before close() said keep-alive: its connection is idle now, close it.
      if (shuttingDown) setImmediate(() => server.closeIdleConnections());
    });
    const incomingId = req.headers['x-request-id'];
    const requestId =
      typeof incomingId === 'string' && /^[\w-]{8,64}$/.test(incomingId) ? incomingId : randomUUID();
    req.headers['x-request-id'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    for (const [name, value] of headerValues) res.setHeader(name, value);
    res.on('finish', () => {
      const ms = Math.round(performance.now() - started);
      const level = res.statusCode >= 500 ? 'error' : 'debug';
      logger[level]({ requestId, method: req.method, url: req.url, status: res.statusCode, ms }, 'request');
    });
    const url = req.url ?? '/';
    const method = req.method ?? 'GET';
    if (url.startsWith('/trpc/')) {
      res.setHeader('Cache-Control', 'no-store');
      // tRPC serves queries (GET; HEAD answers 204) and mutations (POST). Anything else (TRACE would make its adapter
      // throw, a 500 with a stack in the log) is answered here.
      if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
        sendTrpcError(res, 405, 'errors.methodNotAllowed', { Allow: 'GET, HEAD, POST' });
        return;
      }
      if (procedureCount(url.slice('/trpc/'.length).split('?')[0]!) > MAX_BATCH_SIZE) {
        sendTrpcError(res, 413, 'errors.batchTooLarge');
        return;
      }
      const upload =
        url.split('?')[0] === `/trpc/${ROUND_DOCUMENT_UPLOAD_PATH}` &&
        /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
      // Read-your-writes: after a signed-in person's write, their reads go to the primary and skip the round-page cache
      // for a while (read-routing.ts).
      if (method === 'POST' && readSessionToken(req.headers.cookie))
        res.appendHeader('Set-Cookie', recentWriteCookie(services.config.secureCookies));
      if (method === 'GET') {
        // The fast path compresses its cached answers itself; everything else is compressed on the way out.
        const viaHandler = () =>
          admitted(req, res, () => compress(req, res, () => void trpcHandler(req, res)));
        publicReads(req, res).then((answered) => answered || viaHandler(), viaHandler);
        return;
      }
      const direct = directMutations.take(req);
      if (direct) {
        // A submission's or draft save's answer is a receipt, a saved time or an error, nearly always under
        // compression's 1 KB threshold (a refusal listing many fields' errors can pass it, and goes uncompressed): the
        // middleware only wrapped the response, for ~2 % of a submission's host CPU (bench/). What the direct path
        // hands to the handler is compressed as before.
        admitted(
          req,
          res,
          () =>
            void directMutations.answer(req, res, direct, () =>
              compress(req, res, () => void trpcHandler(req, res)),
            ),
        );
        return;
      }
      if (!upload) {
        admitted(req, res, () => compress(req, res, () => trpcHandler(req, res)));
        return;
      }
      // Only a signed-in secretariat user gets the 11 MB limit; anyone else is answered by the ordinary handler (1 MB,
      // then 401/403), so nobody can make the server read large bodies without signing in.
      admitted(req, res, () => {
        void peekSessionRole(database.db, readSessionToken(req.headers.cookie))
          .catch(() => null)
          .then((role) => (role === 'secretariat' ? uploadHandler : trpcHandler)(req, res));
      });
      return;
    }
    if (
      url.startsWith('/files/open-data/') &&
      handleOpenDataRequest(database.db, logger, () => services.config.publicUrl, req, res)
    )
      return;
    if (url.startsWith('/files/reports/') && handleReportRequest(database.db, logger, req, res)) return;
    if (url.startsWith('/files/') && handleFileRequest(database.db, logger, req, res)) return;
    if (url === ONE_CLICK_PATH || url.startsWith(`${ONE_CLICK_PATH}?`)) {
      handleOneClickUnsubscribe(database.db, logger, req, res, { requestId, ipAddress: clientAddress(req) });
      return;
    }
    if (url === '/healthz' || url.startsWith('/healthz?')) {
      if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
      // The embedded database works through one queue: while it is busy but finishing statements, it is healthy, and
      // the check does not wait behind every request in flight (a load balancer would take a busy host out for it).
      const queue = database.queue?.();
      if (queue && queue.waiting > 0 && Date.now() - queue.lastReleaseAt < 5_000) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify({ status: 'ok', database: database.kind, queued: queue.waiting }));
        return;
      }
      sql`select 1`
        .execute(database.db)
        .then(() => {
          res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
          res.end(JSON.stringify({ status: 'ok', database: database.kind }));
        })
        .catch((err: unknown) => {
          logger.error({ err, requestId }, 'health check: database unavailable');
          res.writeHead(503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
          res.end(JSON.stringify({ status: 'unavailable', database: database.kind }));
        });
      return;
    }
    // The apps are files: read-only.
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
    if (!apps) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    apps.handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host === '0.0.0.0' || !options.host ? 'localhost' : options.host;
  const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`;
  publicUrl ??= url;
  (services.config as { secureCookies: boolean }).secureCookies =
    !/^http:\/\/(localhost|127\.0\.0\.1)(:|$)/.test(publicUrl);

  let closing: Promise<void> | null = null;
  return {
    url,
    db: database.db,
    databaseKind: database.kind,
    demoAccountsCreated,
    logger,
    jobs,
    close() {
      // Stop accepting, let in-flight requests finish, then close the database.
      closing ??= new Promise<void>((resolve) => {
        shuttingDown = true;
        for (const res of unanswered) if (!res.headersSent) res.setHeader('Connection', 'close');
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 10_000).unref();
      })
        // Jobs still running get the same grace as requests; one that outlives it is reclaimed by another host
        // (or this one after a restart) when its lease runs out.
        .then(() => jobs?.stop(10_000))
        .then(() => smtp?.close?.())
        .then(() => stopListening())
        .then(() => Promise.all([database.close(), replica?.close()]))
        .then(() => undefined);
      return closing;
    },
  };
}
