import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  filtersFromSearchParams,
  filtersToSearchParams,
  highlight,
  withFilter,
  type CatalogueFilters,
} from './filters';

const parse = (qs: string) => filtersFromSearchParams(new URLSearchParams(qs));

describe('catalogue filters ⇄ URL', () => {
  it('reads every filter', () => {
    expect(parse('q=advisory+boards&kind=targeted&pillar=2&tier=emerging&term=short')).toEqual({
      query: 'advisory boards',
      kind: 'targeted',
      pillar: 2,
      tier: 'emerging',
      term: 'short',
    });
  });

  it('ignores unknown and malformed values', () => {
    expect(parse('kind=regional&pillar=5&tier=Advanced&term=&x=1')).toEqual({ query: '' });
    expect(parse('pillar=1.5')).toEqual({ query: '' });
  });

  it('reads an edition number, keeps it through filter changes, does not count it as a filter, and ignores a bad one', () => {
    const filters = parse('edition=2&q=data');
    expect(filters).toEqual({ query: 'data', edition: 2 });
    expect(filtersToSearchParams(withFilter(filters, 'kind', 'targeted')).toString()).toBe(
      'q=data&kind=targeted&edition=2',
    );
    expect(activeFilterCount(filters)).toBe(0);
    for (const bad of ['edition=0', 'edition=-1', 'edition=2.5', 'edition=two', 'edition=1234567'])
      expect(parse(bad)).toEqual({ query: '' });
  });

  it('collapses whitespace in the search text and caps its length', () => {
    expect(parse('q=%20%20data%0A%20governance%20').query).toBe('data governance');
    expect(parse(`q=${'a'.repeat(300)}`).query).toHaveLength(200);
  });

  it('writes only what is set, in a fixed order', () => {
    expect(filtersToSearchParams({ query: '' }).toString()).toBe('');
    expect(filtersToSearchParams({ term: 'long', query: ' bias ', pillar: 3 }).toString()).toBe(
      'q=bias&pillar=3&term=long',
    );
  });

  it('round-trips', () => {
    const filters: CatalogueFilters = { query: 'C2.1', kind: 'cross-cutting', pillar: 4, term: 'medium' };
    expect(filtersFromSearchParams(filtersToSearchParams(filters))).toEqual(filters);
  });
});

describe('withFilter', () => {
  it('sets and clears a filter', () => {
    expect(withFilter({ query: 'x' }, 'pillar', 2)).toEqual({ query: 'x', pillar: 2 });
    expect(withFilter({ query: 'x', pillar: 2 }, 'pillar', undefined)).toEqual({ query: 'x' });
  });

  it('a tier implies national (targeted) actions; regional actions have no tier', () => {
    expect(withFilter({ query: '', kind: 'cross-cutting' }, 'tier', 'promising')).toEqual({
      query: '',
      kind: 'targeted',
      tier: 'promising',
    });
    expect(withFilter({ query: '', kind: 'targeted', tier: 'advanced' }, 'kind', 'cross-cutting')).toEqual({
      query: '',
      kind: 'cross-cutting',
    });
  });

  it('counts active filters without the search text', () => {
    expect(activeFilterCount({ query: 'x' })).toBe(0);
    expect(activeFilterCount({ query: '', kind: 'targeted', tier: 'emerging', term: 'long' })).toBe(3);
  });
});

describe('highlight', () => {
  it('marks words that begin with a query word, case-insensitively', () => {
    expect(highlight('Establish AI advisory boards.', 'board advis')).toEqual([
      { text: 'Establish AI ', match: false },
      { text: 'advisory', match: true },
      { text: ' ', match: false },
      { text: 'boards', match: true },
      { text: '.', match: false },
    ]);
  });

  it('keeps ids such as C2.1 whole', () => {
    expect(highlight('C2.1 Launch', 'c2.1')).toEqual([
      { text: 'C2.1', match: true },
      { text: ' Launch', match: false },
    ]);
  });

  it('returns the text unchanged for an empty query', () => {
    expect(highlight('Text', '  ')).toEqual([{ text: 'Text', match: false }]);
  });
});
