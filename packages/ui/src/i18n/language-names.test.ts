import { LANGUAGES } from '@musyawarah/core/domain';
import { describe, expect, it } from 'vitest';
import { languageAutonym, languageLabel } from './index';

describe('language names', () => {
  it('names every platform language in its own name and script, never by its code', () => {
    const names = LANGUAGES.map(languageAutonym);
    expect(names).toContain('Bahasa Indonesia');
    expect(names).toContain('Bahasa Melayu');
    expect(names).toContain('ខ្មែរ');
    expect(names).toContain('Tetun');
    for (const [i, code] of LANGUAGES.entries()) expect(names[i], code).not.toBe(code);
  });

  it("adds the reader's name for it beside a foreign autonym, not beside the reader's own", () => {
    expect(languageLabel('km', 'en')).toBe('ខ្មែរ (Khmer)');
    expect(languageLabel('th', 'th')).toBe('ไทย');
    expect(languageLabel('en', 'en')).toBe('English');
    expect(languageLabel('th', 'km')).toMatch(/^ไทย \(.+\)$/);
  });
});
