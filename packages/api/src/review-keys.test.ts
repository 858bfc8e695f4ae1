import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVIEW_ACTIVITIES, REVIEW_MESSAGE_KEYS } from '@musyawarah/core';

// The apps translate whatever key the review API or core's review rules send; a key without English would show raw.
const locales = join(import.meta.dirname, '../../ui/src/locales/en');
const resources: Record<string, unknown> = {
  review: JSON.parse(readFileSync(join(locales, 'review.json'), 'utf8')),
  validation: JSON.parse(readFileSync(join(locales, 'validation.json'), 'utf8')),
};

function translated(key: string): boolean {
  let node: unknown = resources;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.length > 0;
}

// The review router is a folder of procedure files; every one of them is scanned.
const routerFiles = readdirSync(join(import.meta.dirname, 'routers/review'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => `routers/review/${file}`);
const sources = [...routerFiles, '../../core/src/review/rules.ts', '../../core/src/review/schemas.ts'].map(
  (file) => readFileSync(join(import.meta.dirname, file), 'utf8'),
);

describe('review translation keys', () => {
  it('translates every key core lists for the review domain, and every phase refusal', () => {
    const keys = [...REVIEW_MESSAGE_KEYS, ...REVIEW_ACTIVITIES.map((a) => `review.notInPhase.${a}`)];
    expect(keys.filter((key) => !translated(key))).toEqual([]);
  });

  // Audit action names (`action: 'review.adopt',`) are not messages.
  it('lists and translates every review.* and validation.* key the router and core rules use', () => {
    const used = new Set(
      sources.flatMap((text) =>
        [
          ...text
            .replace(/action: [^,]*,/g, '')
            .matchAll(/['"`]((?:review|validation)\.[A-Za-z_]+(?:\.[A-Za-z_]+)?)['"`]/g),
        ].map((m) => m[1]!),
      ),
    );
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((key) => !translated(key))).toEqual([]);
    const listed = new Set<string>([
      ...REVIEW_MESSAGE_KEYS,
      'validation.required',
      'validation.invalid',
      'validation.invalidType',
      'validation.tooLong',
      'validation.invalidOption',
      'validation.memberState',
    ]);
    expect([...used].filter((key) => !listed.has(key) && !key.startsWith('review.notInPhase'))).toEqual([]);
  });
});
