import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  PASSWORD_HASH_OPTIONS,
  passwordNeedsRehash,
  verifyPassword,
  verifyPasswordAgainstDummy,
} from './index';

describe('passwords', () => {
  it('are hashed with argon2id at the OWASP parameters, salted, and verify', async () => {
    const hash = await hashPassword('kopi susu 2026!');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).toContain('m=19456,t=2,p=1');
    expect(hash).not.toContain('kopi susu');
    expect(await hashPassword('kopi susu 2026!')).not.toBe(hash);
    expect(await verifyPassword(hash, 'kopi susu 2026!')).toBe(true);
    expect(await verifyPassword(hash, 'kopi susu 2026')).toBe(false);
    expect(passwordNeedsRehash(hash)).toBe(false);
  });

  it('handles non-ASCII passwords', async () => {
    const hash = await hashPassword('musyawarah mufakat ມິດຕະພາບ ความร่วมมือ');
    expect(await verifyPassword(hash, 'musyawarah mufakat ມິດຕະພາບ ความร่วมมือ')).toBe(true);
  });

  it('reads a malformed or missing hash as a wrong password instead of throwing', async () => {
    for (const bad of [
      '',
      'not-a-hash',
      '$argon2id$v=19$m=19456,t=2,p=1$broken',
      '$2b$10$abcdefghijklmnopqrstuv',
    ]) {
      await expect(verifyPassword(bad, 'anything')).resolves.toBe(false);
      expect(passwordNeedsRehash(bad)).toBe(true);
    }
  });

  it('the dummy check costs the same argon2 work as a real one and never succeeds', async () => {
    const dummy = parseOptions(DUMMY_PASSWORD_HASH);
    expect(dummy).toMatchObject({
      algorithm: PASSWORD_HASH_OPTIONS.algorithm,
      memoryCost: PASSWORD_HASH_OPTIONS.memoryCost,
      timeCost: PASSWORD_HASH_OPTIONS.timeCost,
      parallelism: PASSWORD_HASH_OPTIONS.parallelism,
      outputLen: PASSWORD_HASH_OPTIONS.outputLen,
    });
    expect(await verifyPasswordAgainstDummy('')).toBe(false);
    expect(await verifyPasswordAgainstDummy('password')).toBe(false);
    expect(await verifyPasswordAgainstDummy()).toBe(false);
  });

  it('flags hashes made with weaker parameters for rehashing', async () => {
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash('x', { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    expect(passwordNeedsRehash(weak)).toBe(true);
    expect(await verifyPassword(weak, 'x')).toBe(true);
  });
});
