/**
 * Whether a state-changing request must be refused as cross-site (CSRF). The session cookie is already SameSite=Lax,
 * so a cross-site form POST arrives without it; this check is the second layer, for browsers or situations where
 * SameSite does not hold (same-site sibling subdomains, older browsers, future cookie changes).
 *
 * Decision, for anything but GET/HEAD/OPTIONS (those must not change state, so they are always allowed):
 *  - Sec-Fetch-Site, when present, must be 'same-origin', 'same-site' or 'none' (typed address, bookmark). A
 *    'cross-site' request is refused even from a trusted origin: with SameSite=Lax it would carry no session anyway.
 *  - Origin, when present, must name the request's own host or one of `trustedOrigins` (say the web app on another
 *    host of the same site). 'null' (sandboxed frames, some redirects) and unparsable values are refused.
 *  - When neither header is present the request is allowed. Every browser in use sends Origin on non-GET fetches and
 *    form posts and/or Sec-Fetch-Site, so a request with neither comes from a non-browser client (curl, a server,
 *    the test suite). Such a client cannot be made to carry a victim's cookies, which is what CSRF needs, so there is
 *    nothing to defend there.
 *
 * `host` is the Host header (or the X-Forwarded-Host set by our own proxy). Behind a proxy that rewrites Host, list
 * the public origin in `trustedOrigins`. The comparison is by host (with port) rather than by full origin because
 * behind a TLS-terminating proxy the server cannot reliably know its own scheme.
 */
export function isCrossSiteRequest(
  req: { method: string; origin?: string | null; secFetchSite?: string | null; host?: string | null },
  trustedOrigins: readonly string[],
): boolean {
  const method = req.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;

  const site = req.secFetchSite?.trim().toLowerCase();
  if (site && site !== 'same-origin' && site !== 'same-site' && site !== 'none') return true;

  const origin = req.origin?.trim();
  if (origin) {
    const parsed = parseOrigin(origin);
    if (!parsed) return true;
    const host = req.host?.trim().toLowerCase();
    const sameHost =
      host !== undefined && host !== '' && (parsed.host === host || withDefaultPort(parsed) === host);
    const trusted = trustedOrigins.some((t) => parseOrigin(t)?.origin === parsed.origin);
    if (!sameHost && !trusted) return true;
  }
  return false;
}

/** Origin never spells out a default port, while a Host header may ("example.org:443"). */
function withDefaultPort(url: URL): string | null {
  if (url.port) return null;
  return `${url.hostname}:${url.protocol === 'https:' ? 443 : 80}`;
}

function parseOrigin(value: string): URL | null {
  if (value === 'null') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
