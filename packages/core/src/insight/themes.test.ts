import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, purity } from './quality';
import { themeDecisionAllowed } from './schemas';
import { stopWordSource } from './stopwords';
import { splitSuggestion, suggestThemesForLanguage } from './themes';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  it('breaks Thai, Khmer and Chinese into words without spaces and drops their stop words', () => {
    expect(tokenize('ประชาชนต้องการความโปร่งใสของข้อมูล', 'th')).toEqual(
      expect.arrayContaining(['ประชาชน', 'โปร่งใส', 'ข้อมูล']),
    );
    expect(tokenize('ประชาชนต้องการความโปร่งใสของข้อมูล', 'th')).not.toContain('ของ');
    expect(tokenize('ប្រជាជនត្រូវការតម្លាភាពនៃទិន្នន័យ', 'km')).toEqual(['ប្រជាជន', 'ត្រូវការ', 'តម្លាភាព', 'ទិន្នន័យ']);
    expect(tokenize('人工智能需要透明的数据保护', 'zh')).toEqual(expect.arrayContaining(['数据', '保护']));
    expect(tokenize('人工智能需要透明的数据保护', 'zh')).not.toContain('的');
  });

  it('keeps Vietnamese two-syllable words as terms, not across punctuation', () => {
    const terms = tokenize('Bảo vệ dữ liệu cá nhân. Quyền riêng tư', 'vi');
    expect(terms).toContain('dữ liệu');
    expect(terms).not.toContain('nhân quyền');
  });

  it('says where each language’s stop words come from, hand-written only where no package has them', () => {
    expect(stopWordSource('id')).toBe('stopwords-iso');
    expect(stopWordSource('my')).toBe('stopword');
    expect(stopWordSource('km')).toBe('hand-written');
  });
});

describe('suggestThemesForLanguage', () => {
  const items = [
    ...[
      'salary wages workers pay',
      'workers wages unions',
      'wages pay workers strike',
      'unions salary pay',
    ].map((text, i) => ({ id: `w${i}`, language: 'en', text })),
    ...[
      'privacy consent personal data',
      'personal data consent',
      'privacy personal records',
      'consent privacy data',
    ].map((text, i) => ({ id: `p${i}`, language: 'en', text })),
  ];

  it('groups texts that share terms and quotes the three closest to each centre', () => {
    const { suggestions } = suggestThemesForLanguage('en', items);
    expect(suggestions).toHaveLength(2);
    const sets = suggestions.map((s) => new Set(s.memberIds.map((id) => id[0])));
    expect(sets.every((s) => s.size === 1)).toBe(true);
    expect(suggestions.every((s) => s.representativeIds.length === 3 && s.terms.length > 0)).toBe(true);
  });

  it('is deterministic', () => {
    expect(suggestThemesForLanguage('en', items)).toEqual(suggestThemesForLanguage('en', items));
  });

  it('lists texts with no terms left as unplaced instead of dropping them', () => {
    const { unplacedIds } = suggestThemesForLanguage('en', [
      ...items,
      { id: 'x', language: 'en', text: 'and the of' },
    ]);
    expect(unplacedIds).toEqual(['x']);
  });

  it('splits a mixed suggestion into its two ideas', () => {
    const parts = splitSuggestion('en', items);
    expect(parts).toHaveLength(2);
    expect(parts.map((p) => new Set(p.memberIds.map((id) => id[0])).size)).toEqual([1, 1]);
  });
});

describe('adjustedRandIndex and purity', () => {
  it('score identical partitions 1 whatever the cluster names, and chance about 0', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y'])).toBeLessThan(0);
    expect(purity(['a', 'a', 'b', 'b'], ['x', 'x', 'x', 'y'])).toBe(0.75);
  });
});

describe('themeDecisionAllowed', () => {
  it('refuses a decision on a suggestion already decided', () => {
    expect(themeDecisionAllowed('open')).toEqual({ ok: true });
    expect(themeDecisionAllowed('accepted')).toEqual({
      ok: false,
      reason: 'insight.errors.suggestionDecided',
    });
  });
});
