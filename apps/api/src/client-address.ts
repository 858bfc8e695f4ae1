import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import proxyAddr from 'proxy-addr';

/**
 * How far the host trusts `X-Forwarded-For` (Express's `trust proxy`, through the same library, `proxy-addr`):
 * - `false`: not at all, the client is the peer of the TCP connection;
 * - a number: that many proxies stand in front of the host (one load balancer: 1; a CDN and a load balancer: 2);
 * - a list of addresses, CIDRs or proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`): hops from those
 *   addresses are proxies, the first address from anywhere else is the client.
 * "Trust every hop" is not offered: it takes the leftmost entry, which is whatever the client wrote.
 */
export type TrustProxy = false | number | string[];

export const MAX_PROXY_HOPS = 10;

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export class TrustProxyError extends Error {}

/** `TRUST_PROXY` as written in the environment; throws TrustProxyError with what to set instead. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '' || value === 'false' || value === 'no' || value === '0') return false;
  if (value === 'true' || value === 'yes') {
    throw new TrustProxyError(
      'TRUST_PROXY=true would trust every X-Forwarded-For entry, and the first one is whatever the client wrote. ' +
        'Set the number of proxies in front of the host (one load balancer: TRUST_PROXY=1; a CDN plus a load balancer: 2) ' +
        'or their addresses (e.g. TRUST_PROXY=10.0.0.0/8,loopback). See docs/deployment.md.',
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_PROXY_HOPS)
      throw new TrustProxyError(`a number of proxy hops must be at most ${MAX_PROXY_HOPS}`);
    return hops;
  }
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const valid =
      NAMED_RANGES.has(entry) ||
      (extra === undefined &&
        !!address &&
        isIP(address) !== 0 &&
        (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128))));
    if (!valid) {
      throw new TrustProxyError(
        `"${entry}" is neither a number of hops, an IP address, a CIDR (10.0.0.0/8) nor one of loopback, linklocal, uniquelocal`,
      );
    }
  }
  try {
    proxyAddr.compile(entries);
  } catch (error) {
    throw new TrustProxyError((error as Error).message);
  }
  return entries;
}

/** A bare IP address, IPv4-mapped IPv6 as IPv4, IPv6 compressed and lower case; null for anything that is not one. */
export function normaliseAddress(candidate: string | undefined | null): string | null {
  if (!candidate) return null;
  let value = candidate.trim();
  // Some proxies append the port: 203.0.113.7:51234, [2001:db8::1]:51234.
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (value.length > 64 || isIP(value) === 0) return null;
  try {
    return ipaddr.process(value).toString();
  } catch {
    return null;
  }
}

/**
 * The one function that says who the client of a request is: the session list, the login throttle, the audit trail,
 * visit and download counting all get their address from here, and nothing else reads `X-Forwarded-For`.
 *
 * Walking from the TCP peer outwards, each trusted hop hands over to the address it saw; the first untrusted one is
 * the client. An entry that is not an IP address is never returned: the nearest valid address before it is (the proxy
 * that passed it on), so garbage in the header cannot be recorded and cannot fail the request.
 */
export function createClientAddress(
  trust: TrustProxy,
  options: { onIgnoredHeader?: () => void } = {},
): (req: IncomingMessage) => string | null {
  if (trust === false) {
    // Told once, so that an operator who forgot TRUST_PROXY behind a load balancer hears of it (see docs/deployment.md).
    let told = !options.onIgnoredHeader;
    return (req) => {
      if (!told && req.headers['x-forwarded-for'] !== undefined) {
        told = true;
        options.onIgnoredHeader!();
      }
      return normaliseAddress(req.socket.remoteAddress);
    };
  }
  const trustFn =
    typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : proxyAddr.compile(trust);
  return (req) => {
    let chain: string[];
    try {
      chain = proxyAddr.all(req, trustFn);
    } catch {
      return normaliseAddress(req.socket.remoteAddress);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const address = normaliseAddress(chain[i]);
      if (address) return address;
    }
    return null;
  };
}
