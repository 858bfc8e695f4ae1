import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createClientAddress, normaliseAddress, parseTrustProxy, type TrustProxy } from './client-address';

/** A request as the host sees it: the TCP peer and, maybe, the header. */
function request(peer: string | undefined, forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  } as unknown as IncomingMessage;
}
const addressOf = (trust: TrustProxy, peer: string | undefined, forwardedFor?: string) =>
  createClientAddress(trust)(request(peer, forwardedFor));

const LB = '10.0.0.5';
const CDN = '198.51.100.20';
const CLIENT = '203.0.113.9';
const FORGED = '192.0.2.66';

describe('the client address of a request', () => {
  it('is the TCP peer when there is no header, whatever TRUST_PROXY says', () => {
    for (const trust of [false, 1, 2, ['10.0.0.0/8']] as TrustProxy[])
      expect(addressOf(trust, CLIENT)).toBe(CLIENT);
  });

  it('ignores the header entirely when TRUST_PROXY is false', () => {
    expect(addressOf(false, LB, `${FORGED}, ${CLIENT}`)).toBe(LB);
  });

  it('takes the address the one load balancer saw (1 hop), with one entry and with several', () => {
    expect(addressOf(1, LB, CLIENT)).toBe(CLIENT);
    expect(addressOf(1, LB, `${FORGED}, ${CLIENT}`)).toBe(CLIENT);
    expect(addressOf(1, LB, `${FORGED}, 192.0.2.1, 192.0.2.2,${CLIENT}`)).toBe(CLIENT);
  });

  it('never takes a spoofed leftmost entry, with 2 hops (CDN plus load balancer)', () => {
    expect(addressOf(2, LB, `${CLIENT}, ${CDN}`)).toBe(CLIENT);
    expect(addressOf(2, LB, `${FORGED}, ${CLIENT}, ${CDN}`)).toBe(CLIENT);
    expect(addressOf(2, LB, `${FORGED}, ${FORGED}, ${CLIENT}, ${CDN}`)).toBe(CLIENT);
  });

  it('trusts only the listed proxies (addresses and CIDRs): the first hop from anywhere else is the client', () => {
    const trust: TrustProxy = ['10.0.0.0/8', '198.51.100.0/24'];
    expect(addressOf(trust, LB, `${FORGED}, ${CLIENT}, ${CDN}`)).toBe(CLIENT);
    expect(addressOf(trust, LB, `${FORGED}, ${CLIENT}`)).toBe(CLIENT);
    // A peer that is not a listed proxy is the client itself: its header counts for nothing.
    expect(addressOf(trust, CLIENT, `${FORGED}, 10.0.0.7`)).toBe(CLIENT);
    // A client claiming to be one of the proxies does not get past the real client address.
    expect(addressOf(trust, LB, `${FORGED}, 10.0.0.99, ${CLIENT}`)).toBe(CLIENT);
  });

  it('handles IPv6, and records IPv4-mapped IPv6 addresses as IPv4 (one throttle bucket per client)', () => {
    expect(addressOf(false, '::ffff:203.0.113.9')).toBe(CLIENT);
    expect(addressOf(1, '::ffff:10.0.0.5', '2001:DB8:0:0::7')).toBe('2001:db8::7');
    expect(addressOf(1, '::1', `${FORGED}, ::ffff:${CLIENT}`)).toBe(CLIENT);
    expect(addressOf(['loopback'], '::1', `${FORGED}, 2001:db8::9`)).toBe('2001:db8::9');
    expect(addressOf(['10.0.0.0/8'], '::ffff:10.0.0.5', CLIENT)).toBe(CLIENT);
    expect(addressOf(['fd00::/8'], 'fd00::1', `${FORGED}, [2001:db8::5]:4431`)).toBe('2001:db8::5');
    expect(addressOf(1, LB, `${CLIENT}:51234`)).toBe(CLIENT);
  });

  it('never returns garbage from the header (the nearest real address instead) and never throws', () => {
    const garbage = [
      '<script>alert(1)</script>',
      'unknown',
      '',
      ' , , ',
      'x'.repeat(10_000),
      '999.1.1.1',
      '1.2.3',
      "'; drop table session; --",
      '\u0000',
      '::g',
    ];
    for (const value of garbage) {
      for (const trust of [1, 2, ['10.0.0.0/8'], ['10.0.0.0/8', '203.0.113.0/24']] as TrustProxy[]) {
        const address = addressOf(trust, LB, value);
        expect(address, `${JSON.stringify(value.slice(0, 30))} with ${JSON.stringify(trust)}`).toBe(LB);
      }
      // Garbage to the left of what the proxy appended is simply ignored.
      expect(addressOf(1, LB, `${value}, ${CLIENT}`)).toBe(CLIENT);
    }
    expect(addressOf(1, undefined, 'garbage')).toBeNull();
    expect(addressOf(false, undefined)).toBeNull();
  });
});

describe('a forgotten TRUST_PROXY', () => {
  it('is reported once when requests carry X-Forwarded-For that TRUST_PROXY=false ignores', () => {
    let reports = 0;
    const resolve = createClientAddress(false, { onIgnoredHeader: () => reports++ });
    expect(resolve(request(LB))).toBe(LB);
    expect(reports).toBe(0);
    expect(resolve(request(LB, CLIENT))).toBe(LB);
    expect(resolve(request(LB, CLIENT))).toBe(LB);
    expect(reports).toBe(1);
  });
});

describe('TRUST_PROXY values', () => {
  it('reads false, a number of hops and a list of addresses, CIDRs and named ranges', () => {
    for (const off of [undefined, '', 'false', 'no', '0', 'FALSE']) expect(parseTrustProxy(off)).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.4,loopback, fd00::/8')).toEqual([
      '10.0.0.0/8',
      '192.168.1.4',
      'loopback',
      'fd00::/8',
    ]);
  });

  it('refuses true, saying what to set instead', () => {
    expect(() => parseTrustProxy('true')).toThrow(/TRUST_PROXY=1[\s\S]*CDN/);
    expect(() => parseTrustProxy('yes')).toThrow(/number of proxies/);
  });

  it('refuses what is not an address, a CIDR, a named range or a small number', () => {
    for (const bad of [
      'proxy.example.org',
      '10.0.0.0/33',
      '10.0.0.0/8/1',
      '1.2.3',
      'loopback,nope',
      '99',
      '-1',
    ]) {
      expect(() => parseTrustProxy(bad), bad).toThrow();
    }
  });
});

describe('address normalisation', () => {
  it('keeps real addresses and rejects the rest', () => {
    expect(normaliseAddress(' 203.0.113.9 ')).toBe(CLIENT);
    expect(normaliseAddress('::ffff:203.0.113.9')).toBe(CLIENT);
    expect(normaliseAddress('not an address')).toBeNull();
    expect(normaliseAddress('01.2.3.4')).toBeNull();
  });
});
