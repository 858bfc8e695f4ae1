import type http from 'node:http';
import type { Logger as PinoLogger } from 'pino';
import { LANGUAGES } from '@musyawarah/core';
import { isDatabaseUnavailable } from '@musyawarah/api/errors';
import { findReportFile, type Db } from '@musyawarah/db';

const REPORT = /^\/files\/reports\/(rounds|cycles)\/([0-9a-f-]{36})\/([a-z]{2,3})\.(pdf|html)(?:\?.*)?$/i;

const SUBJECTS = {
  rounds: { kind: 'round', filename: 'what-we-heard' },
  cycles: { kind: 'review_cycle', filename: 'you-said-we-did' },
} as const;

function plain(res: http.ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/**
 * `GET /files/reports/rounds/:roundId/:locale.pdf|.html` and `/files/reports/cycles/:cycleId/:locale.pdf|.html` — a
 * published "What we heard" or "You said, we did" report in one language (issue #17), open to anyone, from the stored rendering (never rendered on the request path). 404 until the report is
 * published and that language is rendered. The ETag is the file's SHA-256, so a re-rendered report is fetched anew.
 * Returns false when the URL is not a report route.
 */
export function handleReportRequest(
  db: Db,
  logger: PinoLogger,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): boolean {
  const match = REPORT.exec(req.url ?? '');
  if (!match) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed');
    return true;
  }
  const [, segment = '', id = '', locale = '', extension] = match;
  const format = extension === 'pdf' || extension === 'html' ? extension : null;
  const subjectKey = segment.toLowerCase();
  const subject = subjectKey === 'rounds' || subjectKey === 'cycles' ? SUBJECTS[subjectKey] : null;
  // The pattern ignores case, the stored files do not: `.PDF` is not found, as before.
  if (!subject || !format || !(LANGUAGES as readonly string[]).includes(locale)) {
    plain(res, 404, 'Not found');
    return true;
  }
  findReportFile(db, { kind: subject.kind, id: id.toLowerCase() }, locale, format)
    .then((file) => {
      if (!file) return plain(res, 404, 'Not found');
      const etag = `"${file.sha256}"`;
      const headers = {
        ETag: etag,
        'Last-Modified': new Date(file.generated_at).toUTCString(),
        // Short: publishing again replaces the file under the same URL; the ETag makes revalidation cheap.
        'Cache-Control': 'public, max-age=300, must-revalidate',
        'X-Content-Type-Options': 'nosniff',
        'Content-Language': locale,
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      const filename = `${subject.filename}-${id.slice(0, 8)}-${locale}.${format}`;
      res.writeHead(200, {
        ...headers,
        'Content-Type': format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8',
        'Content-Length': String(file.body.byteLength),
        'Content-Disposition': `${format === 'pdf' ? 'attachment' : 'inline'}; filename="${filename}"`,
        // The HTML is the platform's own, but it needs nothing beyond its inline styles.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    })
    .catch((err: unknown) => {
      if (!isDatabaseUnavailable(err)) logger.error({ err }, 'report download failed');
      plain(res, isDatabaseUnavailable(err) ? 503 : 500, 'Unavailable');
    });
  return true;
}
