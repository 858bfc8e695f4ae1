import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './fields';

/**
 * A short deny-list of the passwords that credential-stuffing lists try first (NIST SP 800-63B asks for such a check).
 * Kept small on purpose: length does most of the work, this catches the obvious ones that pass the length rule.
 */
const COMMON_PASSWORDS = new Set([
  'password1234',
  'password12345',
  'password123456',
  '123456789012',
  '1234567890123',
  'qwertyuiopas',
  'qwerty123456',
  'iloveyou1234',
  'passwordpassword',
  'aaaaaaaaaaaa',
  'abcdefghijkl',
  'abc123456789',
  'letmein12345',
  'welcome12345',
  'admin1234567',
  'administrator',
  'changeme1234',
  'p@ssw0rd1234',
  'password!234',
  'musyawarah12',
  'musyawarah123',
  'asean2025asean',
  'aseanasean12',
  '111111111111',
  '000000000000',
  '123123123123',
  'qwertyqwerty',
  'football1234',
  'monkey123456',
  'dragon123456',
  'sunshine1234',
  'princess1234',
  'trustno1trustno1',
  'zaq12wsxcde3',
  '1q2w3e4r5t6y',
  'q1w2e3r4t5y6',
]);

export function isCommonPassword(candidate: string): boolean {
  const lowered = candidate.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) return true;
  // One repeated character, however long, is as weak as a listed password.
  return /^(.)\1+$/.test(candidate);
}

export const newPasswordField = z
  .string({ error: 'validation.required' })
  .min(PASSWORD_MIN_LENGTH, { error: 'validation.passwordTooShort' })
  .max(PASSWORD_MAX_LENGTH, { error: 'validation.tooLong' })
  .refine((value) => !isCommonPassword(value), { error: 'validation.passwordTooCommon' });
