import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { describe, expect, it } from 'vitest';
import { generateLinkToken, generateSessionToken, hashToken } from './token';

describe('hashToken', () => {
  it('is the hex SHA-256 of the token (FIPS 180-2 test vector)', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches the digest sessions and links were stored under before (Lucia recipe on @oslojs/crypto)', () => {
    for (let i = 0; i < 200; i++) {
      const token = i % 2 ? generateSessionToken() : generateLinkToken();
      expect(hashToken(token)).toBe(encodeHexLowerCase(sha256(new TextEncoder().encode(token))));
    }
  });
});
