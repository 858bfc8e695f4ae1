import { existsSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

function appHandler(dist: string): Handler | null {
  if (!existsSync(path.join(dist, 'index.html'))) return null;
  return sirv(dist, {
    single: true,
    etag: true,
    gzip: false,
    setHeaders(res, pathname) {
      // Hashed bundles never change; the HTML that names them must always be revalidated.
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  }) as Handler;
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
        res.end('This app has not been built yet. Run `npm start` (or `pnpm build`) from the repository root.\n');
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
