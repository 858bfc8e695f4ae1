import { LANGUAGES } from '@musyawarah/core';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { mailTranslator } from './i18n';
import { mailResources } from './locales';

/** i18next as mail used it before sentences were kept: the reference every mail must still read exactly like. */
const reference = i18next.createInstance();
void reference.init({
  resources: mailResources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  load: 'languageOnly',
  ns: ['mail'],
  defaultNS: 'mail',
  keySeparator: '.',
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? leafKeys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

const english = mailResources.en.mail as object;

describe('mail sentences read exactly as i18next writes them', () => {
  it('in every language, for every key, with every placeholder filled, twice (the second from the kept sentence)', () => {
    const keys = leafKeys(english);
    expect(keys.length).toBeGreaterThan(20);
    for (const language of LANGUAGES) {
      const t = mailTranslator(language);
      const expected = reference.getFixedT(language, 'mail');
      for (const key of keys) {
        const template = String(expected(key));
        const names = [...template.matchAll(/\{\{-?\s*([\w]+)/g)].map((m) => m[1]!);
        for (const round of [1, 2]) {
          const values = Object.fromEntries(
            names.map((name, i) => [name, `${name}-${round}-${i} $t(signature) “x” \\n`]),
          );
          expect((t as (k: string, o: object) => string)(key, values), `${language} ${key}`).toBe(
            (expected as (k: string, o: object) => string)(key, values),
          );
        }
      }
    }
  });

  it('prints a value as typed even when it looks like a placeholder (i18next filled it in again)', () => {
    // A person named "{{link}}" in an invitation: i18next replaced that with the link; the text typed is what belongs.
    const t = mailTranslator('en') as (k: string, o: object) => string;
    const text = t('invitation.body', { inviter: 'Ana {{link}}', role: 'R', link: 'http://x/accept' });
    expect(text).toContain('Ana {{link}}');
    expect(text.match(/http:\/\/x\/accept/g)).toHaveLength(1);
  });

  it('leaves counts, contexts and values that are not text to i18next', () => {
    const t = mailTranslator('th') as (k: string, o?: object) => string;
    const expected = reference.getFixedT('th', 'mail') as (k: string, o?: object) => string;
    for (const options of [
      { count: 3 },
      { context: 'x' },
      { name: 42 },
      { name: 'a\u0000b' },
      { lng: 'id' },
    ]) {
      expect(t('greeting.named', options)).toBe(expected('greeting.named', options));
    }
    expect(t('no.such.key')).toBe(expected('no.such.key'));
    expect(t('greeting.named')).toBe(expected('greeting.named'));
  });
});
