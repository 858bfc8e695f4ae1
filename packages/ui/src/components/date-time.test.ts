import { describe, expect, it } from 'vitest';
import { isoToLocal, localToIso } from './date-time';

describe('deadline conversion', () => {
  it('keeps the wall time and adds the offset of the local zone', () => {
    const iso = localToIso('2026-11-23T17:00');
    expect(iso).toMatch(/^2026-11-23T17:00:00[+-]\d{2}:\d{2}$/);
    expect(new Date(iso!).getTime()).toBe(new Date('2026-11-23T17:00').getTime());
  });
  it('round-trips', () => {
    expect(isoToLocal(localToIso('2027-01-02T08:30'))).toBe('2027-01-02T08:30');
  });
  it('treats empty or partial values as absent', () => {
    expect(localToIso('')).toBeUndefined();
    expect(localToIso('2026-11-23')).toBeUndefined();
  });
});
