import type http from 'node:http';
import { applyUnsubscribe } from '@musyawarah/api';
import type { Db } from '@musyawarah/db';
import type { Logger as PinoLogger } from 'pino';

export const ONE_CLICK_PATH = '/unsubscribe/one-click';
const MAX_BODY_BYTES = 4_096;

/**
 * RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` to the List-Unsubscribe URL,
 * without cookies and without the person. The token in the URL is the authority (signed, expiring); the body is read
 * (bounded) and not trusted for anything. A GET — a person opening the header's link — is sent to the app's
 * confirmation page, because a GET must never unsubscribe (link scanners open every link in a mail).
 */
export function handleOneClickUnsubscribe(
  db: Db,
  logger: PinoLogger,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  meta: { requestId: string; ipAddress: string | null },
): void {
  const url = new URL(req.url ?? '/', 'http://host');
  const token = url.searchParams.get('token') ?? '';
  res.setHeader('Cache-Control', 'no-store');
  if (req.method === 'GET' || req.method === 'HEAD') {
    res.writeHead(303, { Location: `/unsubscribe?token=${encodeURIComponent(token)}` });
    res.end();
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { Allow: 'GET, HEAD, POST', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed');
    return;
  }
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) req.destroy();
  });
  req.on('end', () => {
    applyUnsubscribe(db, token.slice(0, 400), new Date(), meta)
      .then((result) => {
        res.writeHead(result ? 200 : 400, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(result ? 'Unsubscribed' : 'Invalid or expired link');
      })
      .catch((err: unknown) => {
        logger.error({ err, requestId: meta.requestId }, 'one-click unsubscribe failed');
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Unavailable, try again later');
      });
  });
}
