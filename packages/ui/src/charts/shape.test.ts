import { describe, expect, it } from 'vitest';
import {
  MEMBER_STATE_TILES,
  categoryFacts,
  categoryRows,
  dailyFacts,
  dailyRows,
  seriesFacts,
  targetsOf,
  tileRows,
} from './shape';

const upper = (k: string) => k.toUpperCase();

describe('categoryRows', () => {
  it('orders by count, keeps every listed category with a target, and gives each its share of the total', () => {
    const rows = categoryRows({ industry: 30, civil_society: 60, academia: 10 }, upper, {
      order: ['civil_society', 'industry', 'academia', 'individual', 'other'],
      targets: { civil_society: 80, individual: 5 },
    });
    expect(rows.map((r) => [r.key, r.value, r.share, r.target])).toEqual([
      ['civil_society', 60, 60, 80],
      ['industry', 30, 30, undefined],
      ['academia', 10, 10, undefined],
      ['individual', 0, 0, 5],
    ]);
    // Colours follow the category, not its rank, so a group keeps its pattern whatever the round.
    expect(rows.map((r) => r.series)).toEqual([0, 1, 2, 3]);
  });

  it('states the facts a summary reads: largest, smallest, targets met and the shortfalls', () => {
    const facts = categoryFacts(
      categoryRows({ a: 5, b: 20, c: 1 }, upper, { targets: { a: 10, b: 15, d: 2 } }),
    );
    expect(facts.total).toBe(26);
    expect(facts.first?.key).toBe('b');
    expect(facts.last?.key).toBe('c');
    expect(facts.targetsTotal).toBe(3);
    expect(facts.targetsMet).toBe(1);
    expect(facts.short.map((s) => [s.row.key, s.shortfall])).toEqual([
      ['a', 5],
      ['d', 2],
    ]);
  });

  it('has no smallest when only one category counted, and nothing at all for no contributions', () => {
    expect(categoryFacts(categoryRows({ a: 3 }, upper)).last).toBeNull();
    expect(categoryFacts(categoryRows({}, upper)).first).toBeNull();
  });
});

describe('dailyRows', () => {
  it('fills the quiet days with zero and keeps a running total', () => {
    const rows = dailyRows([
      { day: '2026-03-01', count: 2 },
      { day: '2026-03-04', count: '5' },
      { day: '2026-03-02', count: 1 },
    ]);
    expect(rows).toEqual([
      { day: '2026-03-01', count: 2, cumulative: 2 },
      { day: '2026-03-02', count: 1, cumulative: 3 },
      { day: '2026-03-03', count: 0, cumulative: 3 },
      { day: '2026-03-04', count: 5, cumulative: 8 },
    ]);
    expect(dailyFacts(rows)).toMatchObject({
      total: 8,
      days: 4,
      activeDays: 3,
      busiest: { day: '2026-03-04' },
    });
  });

  it('is empty without contributions', () => {
    expect(dailyRows([])).toEqual([]);
    expect(dailyFacts([]).busiest).toBeNull();
  });
});

describe('tileRows', () => {
  it('places all 11 Member States on distinct tiles of the grid', () => {
    const places = Object.values(MEMBER_STATE_TILES).map(([c, r]) => `${c},${r}`);
    expect(places).toHaveLength(11);
    expect(new Set(places).size).toBe(11);
  });

  it('gives every state its count, share, target and a shading level, none for zero', () => {
    const tiles = tileRows(
      { KH: 50, TH: 25, SG: 1 },
      upper,
      targetsOf(
        [
          { dimension: 'member_state', value: 'KH', minimum: 30 },
          { dimension: 'member_state', value: 'LA', minimum: 10 },
          { dimension: 'language', value: 'km', minimum: 10 },
        ],
        'member_state',
      ),
    );
    expect(tiles).toHaveLength(11);
    const byCode = Object.fromEntries(tiles.map((t) => [t.code, t]));
    expect(byCode.KH).toMatchObject({ value: 50, share: 65.8, target: 30, level: 5 });
    expect(byCode.TH).toMatchObject({ value: 25, level: 3 });
    expect(byCode.SG).toMatchObject({ value: 1, level: 1 });
    expect(byCode.LA).toMatchObject({ value: 0, target: 10, level: 0 });
    expect(byCode.VN?.target).toBeUndefined();
  });
});

describe('seriesFacts', () => {
  it('skips periods with nothing measured rather than reading them as zero', () => {
    const facts = seriesFacts([
      { key: 'q1', label: 'Q1', value: null },
      { key: 'q2', label: 'Q2', value: 40 },
      { key: 'q3', label: 'Q3', value: 55.5 },
      { key: 'q4', label: 'Q4', value: null },
    ]);
    expect(facts).toEqual({
      first: { key: 'q2', label: 'Q2', value: 40 },
      latest: { key: 'q3', label: 'Q3', value: 55.5 },
      measured: 2,
    });
  });
});
