import { describe, expect, it } from 'vitest';
import { getCatalogue, foldForSearch, searchCatalogue, tokenize } from './index';
import type { ActionArea, Catalogue } from './types';

const catalogue = getCatalogue();

const ids = (query: string, filters = {}) =>
  searchCatalogue(query, filters).map((result) => result.actionArea.id);

describe('searchCatalogue', () => {
  it('finds the advisory boards of C2.1 first, with the sub-action and a snippet that shows the words', () => {
    const [first] = searchCatalogue('advisory board');
    expect(first?.actionArea.id).toBe('C2.1');
    expect(first?.matchingSubActionIds).toContain('C2.1.1');
    expect(first?.snippet.toLowerCase()).toContain('advisory board');
    expect(first?.snippet.length).toBeLessThanOrEqual(170);
  });

  it('ignores case and diacritics', () => {
    expect(ids('ADVISORY BOARD')).toEqual(ids('advisory board'));
    expect(ids('advísóry bôard')).toEqual(ids('advisory board'));
    expect(ids('sandbox')).toContain('P3.5');
  });

  it('requires every word of the query', () => {
    const textOf = (area: ActionArea) => JSON.stringify(area).toLowerCase();
    const both = ids('advisory sandbox');
    const sandboxOnly = catalogue.actionAreas.filter(
      (area) => textOf(area).includes('sandbox') && !textOf(area).includes('advisory'),
    );
    expect(sandboxOnly.length).toBeGreaterThan(0);
    for (const area of sandboxOnly) expect(both).not.toContain(area.id);
    for (const id of both) {
      const area = catalogue.actionAreas.find((candidate) => candidate.id === id);
      expect(area && textOf(area)).toMatch(/advisory[\s\S]*sandbox|sandbox[\s\S]*advisory/);
    }
    expect(ids('advisory zzzyqx')).toEqual([]);
  });

  it('finds an action area by its id and a sub-action by its id', () => {
    expect(ids('C3.1')[0]).toBe('C3.1');
    expect(searchCatalogue('A2.4.5')[0]?.matchingSubActionIds).toEqual(['A2.4.5']);
  });

  it('filters by kind, pillar and tier', () => {
    const targeted = searchCatalogue('workshops', { kind: 'targeted' });
    expect(targeted.length).toBeGreaterThan(0);
    expect(targeted.every((result) => result.actionArea.kind === 'targeted')).toBe(true);
    expect(ids('workshops', { kind: 'cross-cutting' }).every((id) => id.startsWith('C'))).toBe(true);
    expect(ids('', { kind: 'targeted', pillar: 3, tier: 'emerging' })).toEqual(['E3.6', 'E3.7']);
    expect(ids('', { kind: 'cross-cutting', pillar: 4 })).toEqual(['C4.1', 'C4.2', 'C4.3', 'C4.4']);
  });

  it('with a term, matches only milestones of that term', () => {
    const results = searchCatalogue('pilot', { term: 'short' });
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      for (const id of result.matchingSubActionIds) {
        const subAction = result.actionArea.subActions.find((candidate) => candidate.id === id);
        expect(
          subAction?.milestones.short.some((milestone) => /pilot/i.test(milestone)),
          id,
        ).toBe(true);
      }
    }
  });

  it('lists everything the filters allow, in catalogue order, for an empty query', () => {
    expect(ids('')).toEqual(catalogue.actionAreas.map((area) => area.id));
  });
});

describe('word splitting without spaces', () => {
  const area = (id: string, title: string): ActionArea => ({
    id,
    kind: 'targeted',
    pillar: 1,
    tier: 'emerging',
    title,
    objectives: [],
    subActions: [],
  });
  const thai: Catalogue = {
    actionAreas: [area('E1.4', 'พัฒนายุทธศาสตร์ปัญญาประดิษฐ์แห่งชาติ'), area('E1.5', 'แต่งตั้งหน่วยงานกำกับดูแลระดับชาติ')],
  };

  it('splits Thai text into words with Intl.Segmenter', () => {
    const words = tokenize('พัฒนายุทธศาสตร์ปัญญาประดิษฐ์แห่งชาติ').map((token) => token.folded);
    expect(words.length).toBeGreaterThan(1);
    expect(words.join('')).toBe('พัฒนายุทธศาสตร์ปัญญาประดิษฐ์แห่งชาติ');
  });

  it('finds a Thai word inside a title written without spaces', () => {
    expect(searchCatalogue('ยุทธศาสตร์', {}, thai).map((result) => result.actionArea.id)).toEqual(['E1.4']);
    expect(searchCatalogue('หน่วยงาน', {}, thai).map((result) => result.actionArea.id)).toEqual(['E1.5']);
  });

  it('folds Vietnamese diacritics but keeps Thai vowel and tone marks', () => {
    expect(foldForSearch('Trí tuệ nhân tạo Đà Nẵng')).toBe('tri tue nhan tao da nang');
    expect(foldForSearch('ปัญญา')).toBe('ปัญญา');
  });
});
