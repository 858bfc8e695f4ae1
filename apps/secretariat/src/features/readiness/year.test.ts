import { describe, expect, it } from 'vitest';
import { parseYear, yearOptions } from './year';

describe('year filter', () => {
  it('accepts assessment years only', () => {
    expect(parseYear('2026', 2027)).toBe(2026);
    expect(parseYear(' 2024 ', 2027)).toBe(2024);
    expect(parseYear('2023', 2027)).toBeUndefined();
    expect(parseYear('2028', 2027)).toBeUndefined();
    expect(parseYear('26', 2027)).toBeUndefined();
    expect(parseYear('all', 2027)).toBeUndefined();
    expect(parseYear(null, 2027)).toBeUndefined();
  });

  it('offers next year down to 2024', () => {
    expect(yearOptions(new Date('2026-06-01'))).toEqual([2027, 2026, 2025, 2024]);
  });
});
