import { existsSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

function appHandler(dist: string): Handler | null {
  if (!existsSync(path.join(dist, 'index.html'))) return null;
  const serve = sirv(dist, {
    // Look files up on each request instead of indexing dist/ once: a rebuild while the host runs must not leave it
    // streaming a file that no longer exists (an unhandled ENOENT would end the process).
    dev: true,
    single: true,
    etag: true,
    gzip: false,
    setHeaders(res, pathname) {
      // Hashed bundles never change; the HTML that names them must always be revalidated.
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  }) as Handler;
  // sirv's single-page fallback skips paths whose last segment looks like a file name, so a deep link to an id with a
  // dot (`/actions/C2.1`) would 404. A browser asking for a page (Accept: text/html) gets the app's index.html instead.
  return (req, res, next) =>
    serve(req, res, () => {
      const wantsPage =
        (req.method === 'GET' || req.method === 'HEAD') && /text\/html/.test(req.headers.accept ?? '');
      if (!wantsPage || req.url?.startsWith('/assets/')) return next();
      req.url = '/';
      serve(req, res, next);
    });
}

/** The stakeholder app at `/`, the secretariat app at `/secretariat/`, both single-page apps with deep links. */
export function createStaticApps(repoRoot: string) {
  const stakeholder = appHandler(path.join(repoRoot, 'apps/stakeholder/dist'));
  const secretariat = appHandler(path.join(repoRoot, 'apps/secretariat/dist'));
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
