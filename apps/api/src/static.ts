import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';
import sirv from 'sirv';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Markup the host writes into the page's `<div id="root">` before any script runs (see page-shell.ts). */
export type PageShell = (pathname: string, req: IncomingMessage) => Promise<string | null>;

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The encoding to send, from Accept-Encoding with its q-values (`br;q=0` refuses brotli; sirv's own check would read it
 * as a yes). Brotli first when the client rates both alike: browsers list `gzip, deflate, br` but brotli is smaller.
 */
export function negotiateEncoding(req: IncomingMessage): Encoding {
  if (!req.headers['accept-encoding']) return 'identity';
  // negotiator 1.x takes the tie-break order as a second argument; @types/negotiator still describes 0.6.
  const negotiator = new Negotiator(req) as unknown as {
    encoding(available: string[], options: { preferred: string[] }): string | undefined;
  };
  const chosen = negotiator.encoding(['br', 'gzip', 'identity'], { preferred: ['br', 'gzip'] });
  return chosen === 'br' || chosen === 'gzip' ? chosen : 'identity';
}

/** If-None-Match names this ETag (RFC 9110 §13.1.2 weak comparison: a list of tags, `*`, or the weak form of the same tag). */
export function matchesIfNoneMatch(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''));
}

/** index.html as built, re-read when a rebuild replaces it (the host may outlive a `vite build`). */
function templateReader(file: string) {
  let cached: { mtimeMs: number; size: number; html: string } | null = null;
  return () => {
    const stats = statSync(file);
    if (!cached || cached.mtimeMs !== stats.mtimeMs || cached.size !== stats.size)
      cached = { mtimeMs: stats.mtimeMs, size: stats.size, html: readFileSync(file, 'utf8') };
    return cached.html;
  };
}

const ROOT_ELEMENT = '<div id="root"></div>';

/**
 * A page (any path of the single-page app): index.html with the page's shell inside the root element, compressed per
 * request (a few KB: brotli at quality 5 costs well under a millisecond), revalidated on every visit (`no-cache` and a
 * strong ETag of what is sent, so a 304 costs no body) — it names the hashed bundles, so it must never be stale.
 */
async function sendPage(
  req: IncomingMessage,
  res: ServerResponse,
  template: () => string,
  shell: PageShell | undefined,
) {
  const pathname = new URL(req.url ?? '/', 'http://host').pathname;
  let html = template();
  const markup = shell ? await shell(pathname, req).catch(() => null) : null;
  if (markup) html = html.replace(ROOT_ELEMENT, `<div id="root">${markup}</div>`);
  const body = Buffer.from(html);
  const encoding = negotiateEncoding(req);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}${encoding === 'identity' ? '' : `-${encoding}`}"`;
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', etag);
  if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
    res.writeHead(304);
    res.end();
    return;
  }
  const payload =
    encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : encoding === 'gzip'
        ? gzipSync(body, { level: 6 })
        : body;
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': payload.length,
    ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
  });
  res.end(req.method === 'HEAD' ? undefined : payload);
}

function appHandler(dist: string, shell?: PageShell): Handler | null {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) return null;
  const template = templateReader(index);
  const files = sirv(dist, {
    // Look files up on each request instead of indexing dist/ once: a rebuild while the host runs must not leave it
    // streaming a file that no longer exists (an unhandled ENOENT would end the process).
    dev: true,
    etag: true,
    // The build writes `.br` and `.gz` beside each asset (packages/ui/build/precompress.mjs); sirv sends the one the
    // Accept-Encoding below names, with its own Content-Length and Content-Encoding, and `Vary: Accept-Encoding`.
    brotli: true,
    gzip: true,
    // Any path that is not a file is a page of the app: sendPage below, not sirv's index.html fallback.
    single: false,
    extensions: [],
    setHeaders(res, pathname) {
      // Hashed bundles never change; anything else (favicon.svg) is revalidated.
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  }) as Handler;
  return (req, res, next) => {
    const pathname = new URL(req.url ?? '/', 'http://host').pathname;
    if (pathname === '/' || pathname === '/index.html') {
      void sendPage(req, res, template, shell);
      return;
    }
    const encoding = negotiateEncoding(req);
    // sirv reads Accept-Encoding by substring; hand it the decision instead. A Range request gets the file itself, so
    // the byte range means what the client thinks it means.
    req.headers['accept-encoding'] = req.headers.range || encoding === 'identity' ? '' : encoding;
    // sirv answers 304 with no headers of its own; the ETag it matched is the one the client sent.
    const writeHead: (status: number) => ServerResponse = res.writeHead.bind(res);
    res.writeHead = (status: number, ...rest: unknown[]) => {
      if (status === 304) {
        res.setHeader('ETag', req.headers['if-none-match'] ?? '');
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader(
          'Cache-Control',
          pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      }
      return (writeHead as (...args: unknown[]) => ServerResponse)(status, ...rest);
    };
    files(req, res, () => {
      res.writeHead = writeHead;
      // A missing bundle is a 404, never the app's HTML (a browser would run it as a script). Other paths are pages,
      // including deep links whose id has a dot (`/actions/C2.1`), which only look like file names.
      const wantsPage =
        !pathname.startsWith('/assets/') &&
        (!/\.[a-z0-9]+$/i.test(pathname) || /text\/html/.test(req.headers.accept ?? ''));
      if (!wantsPage) return next();
      void sendPage(req, res, template, shell);
    });
  };
}

/** The stakeholder app at `/`, the secretariat app at `/secretariat/`, both single-page apps with deep links. */
export function createStaticApps(
  repoRoot: string,
  options: { stakeholderShell?: PageShell; dists?: { stakeholder: string; secretariat: string } } = {},
) {
  const dists = options.dists ?? {
    stakeholder: path.join(repoRoot, 'apps/stakeholder/dist'),
    secretariat: path.join(repoRoot, 'apps/secretariat/dist'),
  };
  const stakeholder = appHandler(dists.stakeholder, options.stakeholderShell);
  const secretariat = appHandler(dists.secretariat);
  return {
    built: { stakeholder: stakeholder !== null, secretariat: secretariat !== null },
    handle(req: IncomingMessage, res: ServerResponse): void {
      const url = req.url ?? '/';
      const notBuilt = () => {
        res.statusCode = 503;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(
          'This app has not been built yet. Run `npm start` (or `pnpm build`) from the repository root.\n',
        );
      };
      const notFound = () => {
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end('Not found');
      };
      if (url === '/secretariat' || url.startsWith('/secretariat/') || url.startsWith('/secretariat?')) {
        if (!secretariat) return notBuilt();
        req.url = url.slice('/secretariat'.length) || '/';
        return secretariat(req, res, notFound);
      }
      if (!stakeholder) return notBuilt();
      stakeholder(req, res, notFound);
    },
  };
}
