import { createHash } from 'node:crypto';
import type http from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import {
  createCaller,
  createContext,
  hasRecentWrite,
  RECENT_WRITE_COOKIE,
  type ApiServices,
  type CurrentEditionCache,
} from '@musyawarah/api';
import { matchesIfNoneMatch, negotiateEncoding } from './static';

/**
 * The hot public reads, answered with HTTP caching (issue #16): the catalogue of the current edition and the round
 * page, the two pages every participant of a closing rush opens. They run the very same procedures as tRPC's handler,
 * through a caller, but skip its per-request work (Fetch `Request` conversion, session lookup: these answers are the
 * same for everybody), and add what the handler cannot:
 *
 * - `ETag` (a digest of the bytes, so every host gives the same one) and `304 Not Modified` on `If-None-Match`;
 * - compression (brotli or gzip, as the client accepts) done once per cached answer, not once per request;
 * - `Cache-Control`: a catalogue named by edition number is fixed, so browsers and a CDN keep it (a day, so a release
 *   that changes the response's shape is picked up by the next day); the current catalogue and the round page are
 *   `no-cache`: kept, but revalidated on every use, which costs this host no database work for the catalogue;
 * - the catalogue's response bytes are kept per current edition and URL, so a catalogue read after the first is a
 *   lookup (the current-edition cache is dropped by any host's adoption, see CurrentEditionCache); a round page is
 *   read at most once a second per host and URL (ROUND_PAGE_MS), concurrent readers sharing that one read.
 *
 * Anything else — a batch, an unknown parameter, input the procedure refuses, an error — is left to tRPC's handler
 * (`handle` resolves false before writing anything), so errors keep their one format.
 */
const CATALOGUE = new Set(['catalogue.list', 'catalogue.overview', 'catalogue.actionArea', 'catalogue.ids']);
/** Catalogue answers that do not mention an edition's status ("current"/"superseded"), so never change. */
const FIXED_BY_NUMBER = new Set(['catalogue.list', 'catalogue.actionArea', 'catalogue.ids']);
const ROUND_PAGE = 'rounds.get';
/**
 * How long one host reuses a round page it has read. The page changes with every submission (its count), so it cannot
 * wait for a notification; in a closing rush thousands read the same round each second, and one read a second per host
 * serves them all. Nobody sees their own write late: whoever has just written bypasses it (read-routing.ts).
 */
export const ROUND_PAGE_MS = 1_000;
export const FAST_PATH_PROCEDURES = [...CATALOGUE, ROUND_PAGE];

export const CACHE_FIXED = 'public, max-age=86400, immutable';
export const CACHE_REVALIDATE = 'public, no-cache';

/** Below this an answer goes out as it is: compressing a few hundred bytes saves less than the headers it adds. */
const COMPRESS_FROM_BYTES = 1024;

interface Prepared {
  body: Buffer;
  /** A digest of the bytes without its quotes; each encoding's ETag adds its name (the representations differ). */
  digest: string;
  /** Compressed forms, made on first request for each and kept with the answer. */
  encoded: { br?: Buffer; gzip?: Buffer };
}

function prepare(body: Buffer): Prepared {
  return { body, digest: createHash('sha256').update(body).digest('base64url').slice(0, 27), encoded: {} };
}

function encodedBody(prepared: Prepared, encoding: 'br' | 'gzip'): Buffer {
  return (prepared.encoded[encoding] ??=
    encoding === 'br'
      ? brotliCompressSync(prepared.body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 5,
            [constants.BROTLI_PARAM_SIZE_HINT]: prepared.body.length,
          },
        })
      : gzipSync(prepared.body, { level: 6 }));
}

export { matchesIfNoneMatch };

class BoundedBytes<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly limit: number) {}
  delete(key: string): void {
    this.entries.delete(key);
  }
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.entries.set(key, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }
}

function send(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  prepared: Prepared,
  cacheControl: string,
): true {
  const negotiated = prepared.body.length < COMPRESS_FROM_BYTES ? 'identity' : negotiateEncoding(req);
  const etag = `"${prepared.digest}${negotiated === 'identity' ? '' : `-${negotiated}`}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
    res.writeHead(304);
    res.end();
    return true;
  }
  const body = negotiated === 'identity' ? prepared.body : encodedBody(prepared, negotiated);
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': body.length,
    ...(negotiated === 'identity' ? {} : { 'Content-Encoding': negotiated }),
  });
  res.end(body);
  return true;
}

export function createPublicReads(services: ApiServices & { editionCache: CurrentEditionCache }) {
  const catalogueBytes = new BoundedBytes<Prepared>(256);
  const roundPages = new BoundedBytes<{ until: number; prepared: Promise<Prepared> }>(1024);

  async function run(procedure: string, input: unknown, cookie: string | undefined): Promise<Prepared> {
    // No session: these answers are the same for everybody. Only the read-your-writes marker is passed on, so someone
    // who has just written reads the primary as everywhere else.
    const ctx = await createContext(services, {
      requestId: '',
      ipAddress: null,
      userAgent: null,
      cookieHeader: hasRecentWrite(cookie) ? `${RECENT_WRITE_COOKIE}=1` : null,
      origin: null,
      secFetchSite: null,
      host: null,
      setCookie: () => undefined,
    });
    const [group, name] = procedure.split('.') as [string, string];
    // The procedure is named at run time (from the allow-list above); the typed caller can only be indexed by literals.
    const caller = createCaller(ctx) as unknown as Record<
      string,
      Record<string, (i: unknown) => Promise<unknown>>
    >;
    const data = await caller[group]![name]!(input);
    return prepare(Buffer.from(JSON.stringify({ result: { data } })));
  }

  /** Resolves true when it answered; false (having written nothing) when tRPC's handler should. */
  return async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    if (req.method !== 'GET') return false;
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const procedure = url.slice('/trpc/'.length, q === -1 ? undefined : q);
    if (!CATALOGUE.has(procedure) && procedure !== ROUND_PAGE) return false;
    const params = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
    if ([...params.keys()].some((key) => key !== 'input')) return false;
    let input: unknown;
    const raw = params.get('input');
    try {
      if (raw !== null) input = JSON.parse(raw);
    } catch {
      return false;
    }
    try {
      if (procedure === ROUND_PAGE) {
        // Someone who has just written reads afresh (and from the primary); everybody else shares one read a second.
        if (hasRecentWrite(req.headers.cookie))
          return send(req, res, await run(procedure, input, req.headers.cookie), CACHE_REVALIDATE);
        let entry = roundPages.get(url);
        if (!entry || entry.until < Date.now()) {
          entry = { until: Date.now() + ROUND_PAGE_MS, prepared: run(procedure, input, undefined) };
          roundPages.set(url, entry);
          const mine = entry;
          entry.prepared.catch(() => roundPages.get(url) === mine && roundPages.delete(url));
        }
        return send(req, res, await entry.prepared, CACHE_REVALIDATE);
      }
      // Only an object (or nothing) can be pinned to an edition below; anything else is tRPC's to refuse.
      if (input !== undefined && (input === null || typeof input !== 'object' || Array.isArray(input)))
        return false;
      const current = await services.editionCache.current(services.db);
      if (!current) return false;
      const edition = input && 'edition' in input ? input.edition : undefined;
      if (edition !== undefined && typeof edition !== 'number') return false;
      // Keyed by the current edition too: it decides which edition the URL without a number means, and which edition
      // is "current" in an overview.
      const key = `${current.id} ${url}`;
      let prepared = catalogueBytes.get(key);
      if (!prepared) {
        // Pinned to the edition just read, so an adoption in between cannot file one edition's bytes under another.
        const pinned = { ...input, edition: edition ?? current.number };
        prepared = await run(procedure, pinned, undefined);
        catalogueBytes.set(key, prepared);
      }
      const fixed = edition !== undefined && FIXED_BY_NUMBER.has(procedure);
      return send(req, res, prepared, fixed ? CACHE_FIXED : CACHE_REVALIDATE);
    } catch {
      return false;
    }
  };
}
