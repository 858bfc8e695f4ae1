import type http from 'node:http';
import type { Logger as PinoLogger } from 'pino';
import { isDatabaseUnavailable } from '@musyawarah/api/errors';
import { buildOpenDataset, openDatasetCsv } from '@musyawarah/api/open-data';
import type { Db } from '@musyawarah/db';

const OPEN_DATA = /^\/files\/open-data\/rounds\/([0-9a-f-]{36})\.(json|csv)(?:\?.*)?$/i;

function plain(res: http.ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/**
 * `GET /files/open-data/rounds/:roundId.json|.csv` — a closed round's published results (issue #17), open to anyone,
 * with CORS so that other sites and notebooks can read it. 404 for any round whose results are not published.
 * Returns false when the URL is not an open-data route.
 */
export function handleOpenDataRequest(
  db: Db,
  logger: PinoLogger,
  publicUrl: () => string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): boolean {
  const match = OPEN_DATA.exec(req.url ?? '');
  if (!match) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed');
    return true;
  }
  const [, roundId = '', extension] = match;
  const format = extension === 'json' ? 'json' : 'csv';
  buildOpenDataset(db, roundId.toLowerCase(), publicUrl())
    .then((data) => {
      if (!data) return plain(res, 404, 'Not found');
      const body = format === 'json' ? JSON.stringify(data, null, 2) : openDatasetCsv(data);
      res.writeHead(200, {
        'Content-Type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
        'Content-Disposition': `inline; filename="round-${roundId.slice(0, 8)}.${format}"`,
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=300',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    })
    .catch((err: unknown) => {
      logger.error({ err }, 'open data: could not build the dataset');
      plain(res, isDatabaseUnavailable(err) ? 503 : 500, 'Unavailable');
    });
  return true;
}
