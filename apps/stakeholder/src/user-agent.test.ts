import { describe, expect, it } from 'vitest';
import { describeUserAgent } from './user-agent';

describe('describeUserAgent', () => {
  const t = ((key: string, values?: Record<string, string>) =>
    values ? `${key}:${Object.values(values).join('/')}` : key) as unknown as Parameters<
    typeof describeUserAgent
  >[1];

  it('names common browsers and systems', () => {
    const android =
      'Mozilla/5.0 (Linux; Android 14; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
    expect(describeUserAgent(android, t)).toBe('account.sessions.browserOn:Chrome/Android');
    const iphone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    expect(describeUserAgent(iphone, t)).toBe('account.sessions.browserOn:Safari/iOS');
    const edge =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36 Edg/126.0';
    expect(describeUserAgent(edge, t)).toBe('account.sessions.browserOn:Edge/Windows');
  });

  it('says so when it cannot tell', () => {
    expect(describeUserAgent(null, t)).toBe('account.sessions.unknownDevice');
    expect(describeUserAgent('curl/8.0', t)).toBe('account.sessions.unknownDevice');
  });
});
