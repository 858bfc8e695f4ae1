import { describe, expect, it } from 'vitest';
import en from '../locales/en/layout.json';
import { createI18n } from './full';
import { enablePseudoLocale, PSEUDO_CLOSE, PSEUDO_OPEN, pseudoLocalize } from './pseudo';

function pseudoI18n() {
  const i18n = createI18n(
    {
      en: {
        demo: {
          hello: 'Hello {{name}}, you have {{count}} new messages',
          only: '{{name}}',
          dated: 'Sent {{when, datetime}}',
        },
      },
    },
    { lng: 'en' },
  );
  enablePseudoLocale(i18n);
  return i18n;
}

describe('pseudo-locale', () => {
  it('accents, lengthens and marks translated text', () => {
    expect(pseudoLocalize('Sign in')).toBe('⟦Šîîĝñ îîñ⟧');
  });

  it('leaves interpolated values (names, numbers, formatted dates) untransformed', () => {
    const i18n = pseudoI18n();
    const text = i18n.t('demo.hello', { name: 'Siti', count: 3 });
    expect(text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE)).toBe(true);
    expect(text).toContain(' Siti,');
    expect(text).toContain(' 3 ');
    expect(text).not.toContain('Hello');
    expect(text).not.toMatch(/[\uE000\uE001]/);
    // A string that is nothing but a value stays the bare value.
    expect(i18n.t('demo.only', { name: 'Maria Dela Cruz' })).toBe('Maria Dela Cruz');
    expect(i18n.t('demo.dated', { when: new Date(Date.UTC(2030, 0, 2)) })).toBe('⟦Šééñţ 1/2/2030⟧');
  });

  it('handles plurals and shared namespaces', () => {
    const i18n = pseudoI18n();
    expect(i18n.t('auth.throttledMinutes', { count: 5 })).toMatch(/^⟦.* 5 ɱîîñûûţééš\.⟧$/);
  });

  it('leaves a key without a translation as it is, so that it stands out', () => {
    expect(pseudoI18n().t('demo.missing')).toBe('missing');
  });

  it('makes English some 40 % longer', () => {
    const strings: string[] = [];
    const collect = (node: unknown) => {
      if (typeof node === 'string') strings.push(node.replace(/\{\{[^}]*\}\}/g, ''));
      else if (node && typeof node === 'object') Object.values(node).forEach(collect);
    };
    collect(en);
    const before = strings.join('').length;
    const after = strings.map((s) => pseudoLocalize(s)).join('').length;
    expect(after / before).toBeGreaterThan(1.3);
    expect(after / before).toBeLessThan(1.6);
  });
});
