import { describe, expect, it } from 'vitest';
import { isCrossSiteRequest } from './index';

const host = 'musyawarah.asean.example';
const trusted = ['https://app.asean.example'] as const;

describe('CSRF decision', () => {
  const cases: Array<[string, Parameters<typeof isCrossSiteRequest>[0], boolean]> = [
    // Safe methods never change state, so they are never refused.
    [
      'GET from another site',
      { method: 'GET', origin: 'https://evil.example', secFetchSite: 'cross-site', host },
      false,
    ],
    [
      'HEAD from another site',
      { method: 'HEAD', origin: 'https://evil.example', secFetchSite: 'cross-site', host },
      false,
    ],
    [
      'OPTIONS preflight',
      { method: 'OPTIONS', origin: 'https://evil.example', secFetchSite: 'cross-site', host },
      false,
    ],
    // Browsers on our own pages.
    [
      'POST same-origin',
      { method: 'POST', origin: `https://${host}`, secFetchSite: 'same-origin', host },
      false,
    ],
    [
      'post in lower case',
      { method: 'post', origin: `https://${host}`, secFetchSite: 'same-origin', host },
      false,
    ],
    ['POST, Origin only', { method: 'POST', origin: `https://${host}`, host }, false],
    ['POST, Sec-Fetch-Site only', { method: 'POST', secFetchSite: 'same-origin', host }, false],
    ['POST, typed/bookmarked (none)', { method: 'POST', secFetchSite: 'none', host }, false],
    [
      'POST from a trusted same-site origin',
      { method: 'POST', origin: trusted[0], secFetchSite: 'same-site', host },
      false,
    ],
    [
      'POST with a port in Host',
      { method: 'POST', origin: 'http://localhost:5173', host: 'localhost:5173' },
      false,
    ],
    [
      'POST where Host spells out the default port',
      { method: 'POST', origin: `https://${host}`, host: `${host}:443` },
      false,
    ],
    [
      'POST where Host names another port',
      { method: 'POST', origin: `https://${host}`, host: `${host}:8443` },
      true,
    ],
    [
      'DELETE with upper-case Host',
      { method: 'DELETE', origin: `https://${host}`, host: host.toUpperCase() },
      false,
    ],
    // Non-browser clients send neither header and cannot carry a victim's cookies.
    ['POST from curl', { method: 'POST', host }, false],
    ['POST with empty headers', { method: 'POST', origin: '', secFetchSite: '', host }, false],
    // Refused.
    ['POST cross-site by Sec-Fetch-Site', { method: 'POST', secFetchSite: 'cross-site', host }, true],
    [
      'POST cross-site even from a trusted origin',
      { method: 'POST', origin: trusted[0], secFetchSite: 'cross-site', host },
      true,
    ],
    ['POST from a foreign Origin', { method: 'POST', origin: 'https://evil.example', host }, true],
    [
      'PUT from a foreign Origin claiming same-origin',
      { method: 'PUT', origin: 'https://evil.example', secFetchSite: 'same-origin', host },
      true,
    ],
    [
      'PATCH same-site but untrusted origin',
      { method: 'PATCH', origin: 'https://blog.asean.example', secFetchSite: 'same-site', host },
      true,
    ],
    ['POST with Origin: null', { method: 'POST', origin: 'null', host }, true],
    ['POST with an unparsable Origin', { method: 'POST', origin: 'not a url', host }, true],
    ['POST with a non-http Origin', { method: 'POST', origin: `file://${host}`, host }, true],
    ['POST with Origin but no Host', { method: 'POST', origin: `https://${host}` }, true],
    [
      'POST where the host is a suffix trick',
      { method: 'POST', origin: `https://${host}.evil.example`, host },
      true,
    ],
    [
      'POST with an unknown Sec-Fetch-Site value',
      { method: 'POST', secFetchSite: 'maybe', origin: `https://${host}`, host },
      true,
    ],
  ];

  it.each(cases)('%s', (_name, req, refused) => {
    expect(isCrossSiteRequest(req, trusted)).toBe(refused);
  });
});
