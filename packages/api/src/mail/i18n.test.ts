import { LANGUAGES } from '@musyawarah/core';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatMoment, mailTranslator, momentFormat } from './i18n';
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

describe('formatMoment', () => {
  it('writes every moment as a fresh formatter would, whatever it wrote just before', () => {
    // A formatter made for this one call: nothing it wrote before can be reused.
    const fresh = (at: Date, locale: string, timeZone: string) => momentFormat(locale, timeZone).format(at);
    const start = Date.UTC(2026, 11, 7, 21, 59, 58, 500);
    // Within one second, across a second and a minute, back again, an hour on: each language and zone in turn.
    const offsets = [0, 100, 499, 500, 1_500, 61_000, 0, 3_600_000, 3_600_000];
    for (const [locale, timeZone] of [
      ['en', 'UTC'],
      ['th', 'Asia/Bangkok'],
      ['my', 'Asia/Yangon'],
      ['km', 'Asia/Phnom_Penh'],
      ['en', 'Asia/Dili'],
    ] as const) {
      for (const offset of offsets) {
        const at = new Date(start + offset);
        expect(formatMoment(at, locale, timeZone)).toBe(fresh(at, locale, timeZone));
      }
    }
    // Bangkok's offset was +06:42:04 before 1920: two moments of one UTC minute fall in two local minutes, so what
    // was written for the first must not be reused for the second.
    const early = new Date(Date.UTC(1900, 0, 1, 0, 0, 55, 900));
    const later = new Date(early.getTime() + 200);
    expect(fresh(early, 'en', 'Asia/Bangkok')).not.toBe(fresh(later, 'en', 'Asia/Bangkok'));
    expect(formatMoment(early, 'en', 'Asia/Bangkok')).toBe(fresh(early, 'en', 'Asia/Bangkok'));
    expect(formatMoment(later, 'en', 'Asia/Bangkok')).toBe(fresh(later, 'en', 'Asia/Bangkok'));
  });
});
