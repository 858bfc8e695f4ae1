import { hash, parseOptions, verify, type Options } from '@node-rs/argon2';

/**
 * OWASP Password Storage Cheat Sheet, argon2id minimum: m=19 MiB, t=2, p=1. `algorithm: 2` is Algorithm.Argon2id;
 * the package declares it as an ambient const enum, which isolatedModules does not let us reference by name.
 */
export const PASSWORD_HASH_OPTIONS = {
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/** A corrupt or foreign hash in the database must read as "wrong password", not as a 500 on the sign-in page. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * True when a stored hash was made with other (older, weaker) parameters; the caller rehashes after a successful
 * sign-in, the only moment the plain password is at hand.
 */
export function passwordNeedsRehash(passwordHash: string): boolean {
  try {
    const o = parseOptions(passwordHash);
    return (
      Number(o.algorithm) !== PASSWORD_HASH_OPTIONS.algorithm ||
      o.memoryCost < PASSWORD_HASH_OPTIONS.memoryCost ||
      o.timeCost < PASSWORD_HASH_OPTIONS.timeCost ||
      o.outputLen < PASSWORD_HASH_OPTIONS.outputLen
    );
  } catch {
    return true;
  }
}

/**
 * A hash of a random password nobody knows, made with PASSWORD_HASH_OPTIONS (a test keeps the two in step).
 * It is a constant rather than computed at start-up so that the first unknown-e-mail sign-in is not slower than the rest.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$QgXpUbxp6lxS1vObi0OonA$o50jYsjSo7xWKP839xHCwxlrPwefTpfT3ijimj63f5s';

/**
 * Sign-in for an unknown e-mail (or an account without a password yet) must cost the same argon2 work as a real
 * check; otherwise the response time tells an attacker which addresses have accounts. Always resolves to false.
 */
export async function verifyPasswordAgainstDummy(password = ''): Promise<false> {
  await verifyPassword(DUMMY_PASSWORD_HASH, password);
  return false;
}
