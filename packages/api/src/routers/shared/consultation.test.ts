import { describe, expect, it } from 'vitest';
import { isReceiptReference } from '@musyawarah/core';
import { newReceiptReference } from './consultation';

describe('receipt references', () => {
  it('are well formed, carry the year, and never repeat across reads of the random pool', () => {
    // 1,000 references draw on four reads of 256 codes' bytes: a byte handed out twice would repeat a reference.
    const at = new Date('2027-03-04T05:06:07Z');
    const references = Array.from({ length: 1_000 }, () => newReceiptReference(at));
    for (const reference of references) {
      expect(isReceiptReference(reference), reference).toBe(true);
      expect(reference.startsWith('MSY-2027-')).toBe(true);
    }
    expect(new Set(references).size).toBe(references.length);
  });
});
