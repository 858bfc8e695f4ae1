import { describe, expect, it } from 'vitest';
import { createI18n } from './full';
import { candidateKeys } from './translate';

describe('candidateKeys', () => {
  it('tries form+field, then field, then the plain key for validation messages', () => {
    expect(candidateKeys('validation.required', { form: 'sign-in', path: 'password' })).toEqual([
      'validation.required_sign_in_password',
      'validation.required_password',
      'validation.required',
    ]);
  });

  it('leaves other keys alone', () => {
    expect(candidateKeys('auth.invalidCredentials', { form: 'sign-in', path: 'email' })).toEqual([
      'auth.invalidCredentials',
    ]);
  });
});

describe('createI18n', () => {
  it('reads namespace.key with the same separator the API and the schemas use', () => {
    const i18n = createI18n({ en: { demo: { hello: 'Hello {{name}}' } } }, { lng: 'en' });
    expect(i18n.t('demo.hello', { name: 'Siti' })).toBe('Hello Siti');
    expect(i18n.t('validation.email')).toMatch(/e-mail address/);
    expect(i18n.t('auth.throttledMinutes', { count: 1 })).toBe('Too many attempts. Try again in 1 minute.');
    expect(i18n.t('auth.throttledMinutes', { count: 5 })).toBe('Too many attempts. Try again in 5 minutes.');
    expect(i18n.t('validation.passwordTooShort', { min: 12 })).toMatch(/12 characters/);
  });
});
