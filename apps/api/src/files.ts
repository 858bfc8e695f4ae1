import type http from 'node:http';
import type { Logger as PinoLogger } from 'pino';
import { isDatabaseUnavailable } from '@musyawarah/api/errors';
import { takeRoundDocumentForDownload, type Db } from '@musyawarah/db';

const ROUND_DOCUMENT = /^\/files\/round-documents\/([^/?#]+)(?:\/[^?#]*)?(?:\?.*)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RFC 5987/8187 `filename*` value: percent-encoded UTF-8, with the characters encodeURIComponent leaves but the RFC does not. */
const encodeFilename = (name: string) =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** For clients that ignore `filename*`: ASCII only, no quotes or backslashes. */
const asciiFilename = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_');

function notFound(res: http.ServerResponse) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end('Not found');
}

/**
 * `GET /files/round-documents/:id/:filename` — a background document of a published round, counted as a download.
 * Drafts are 404 for everyone, the secretariat included (it previews a document once the round is published). The
 * filename segment is only there so that the browser saves the file under its name; the id alone finds it.
 * Returns false when the URL is not a file route.
 */
export function handleFileRequest(
  db: Db,
  logger: PinoLogger,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): boolean {
  const match = ROUND_DOCUMENT.exec(req.url ?? '');
  if (!match) return false;
  if (req.method !== 'GET') {
    res.writeHead(405, { Allow: 'GET', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed');
    return true;
  }
  const id = match[1]!;
  if (!UUID.test(id)) {
    notFound(res);
    return true;
  }
  takeRoundDocumentForDownload(db, id)
    .then((document) => {
      if (!document) return notFound(res);
      const content = Buffer.from(
        document.content.buffer,
        document.content.byteOffset,
        document.content.byteLength,
      );
      res.writeHead(200, {
        'Content-Type': document.content_type,
        'Content-Length': String(content.byteLength),
        'Content-Disposition': `attachment; filename="${asciiFilename(document.filename)}"; filename*=UTF-8''${encodeFilename(document.filename)}`,
        'X-Content-Type-Options': 'nosniff',
        // Nothing in an uploaded file may run or load anything, even if a browser were talked into rendering it.
        'Content-Security-Policy':
          "default-src 'none'; sandbox; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        'Cross-Origin-Resource-Policy': 'same-origin',
        // Every download reaches the server, so every download is counted.
        'Cache-Control': 'no-store',
      });
      res.end(content);
    })
    .catch((err: unknown) => {
      if (isDatabaseUnavailable(err)) {
        res.writeHead(503, {
          'Content-Type': 'text/plain; charset=utf-8',
          'Retry-After': '5',
          'Cache-Control': 'no-store',
        });
        res.end('Service unavailable');
        return;
      }
      logger.error({ err, requestId: req.headers['x-request-id'] }, 'document download failed');
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('Internal error');
    });
  return true;
}
