/**
 * Accounts for every piece of text in each action area's table region of the source: each must appear in the
 * extracted catalogue as often as it appears in the source, or be recorded in the normalisations as deliberately
 * removed. This test reads the source itself and does not reuse the extractor's parsing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getCatalogue, getNormalisations } from './index';
import type { ActionArea, NamedText } from './types';

const catalogue = getCatalogue();
const normalisations = getNormalisations();

const SOURCE = fileURLToPath(
  new URL('../../source/asean-responsible-ai-roadmap-2025-2030.txt', import.meta.url),
);
const sourceLines = readFileSync(SOURCE, 'utf8').split('\n');

const TABLE_HEADER = /^Action Area\tTarget Area\(s\)\t/;
/** Section and tier headings are the only all-capitals lines; they end a table region. */
const HEADING = /^['‘]?[A-Z][A-Z0-9 ,&:'’–-]+$/;
/** Block markup of the HTML-ish cells and of the one Markdown continuation, and the table's cell breaks. */
const BLOCK_MARKUP = /<\/?p>|<ul[^>]*>|<\/ul>|[●•\t]|\*\*|^- /g;
const INLINE_MARKUP = /<\/?(i|u)>/g;
/** Labels that the catalogue's structure replaces (row labels, term keys, the measures list's lead-in). */
const STRUCTURAL_LABEL =
  /^(Key Action Area|Objective\(s\)|General measures of progress include:|(Short|Medium|Long)-[Tt]erm:)\s*/;
/** Fragments this long are distinctive enough to count exactly; shorter ones must merely be found. */
const COUNTED_LENGTH = 25;

interface Region {
  id: string;
  firstLine: number;
  lastLine: number;
}

function findRegions(): Region[] {
  const regions: Region[] = [];
  sourceLines.forEach((line, index) => {
    if (!TABLE_HEADER.test(line)) return;
    let last = index + 1;
    while (
      last < sourceLines.length &&
      !TABLE_HEADER.test(sourceLines[last] ?? '') &&
      !HEADING.test((sourceLines[last] ?? '').trim())
    ) {
      last += 1;
    }
    const keyRow = sourceLines.slice(index, last).find((row) => row.startsWith('Key Action Area\t')) ?? '';
    const id = /\t([CAPE]\d\.\d+) /.exec(keyRow)?.[1] ?? `unknown@${index + 1}`;
    regions.push({ id, firstLine: index + 1, lastLine: last });
  });
  return regions;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

function fragmentsOf(line: string): string[] {
  return line
    .replace(INLINE_MARKUP, '')
    .split(BLOCK_MARKUP)
    .map((fragment) => collapse(fragment).replace(STRUCTURAL_LABEL, ''))
    .filter((fragment) => /[\p{L}\p{N}]/u.test(fragment));
}

const named = (entry: NamedText): string =>
  entry.name && entry.text ? `${entry.name}: ${entry.text}` : entry.name ? `${entry.name}:` : entry.text;

function outputTextOf(area: ActionArea): string[] {
  return [
    `${area.id} ${area.title}`,
    ...area.objectives.map(named),
    ...area.subActions.flatMap((sub) => [
      `${sub.id} ${sub.title}`,
      ...sub.targetAreas.map(named),
      ...sub.milestones.short,
      ...sub.milestones.medium,
      ...sub.milestones.long,
      ...sub.measures.map(named),
      ...sub.caseStudies,
    ]),
  ];
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) count += 1;
  return count;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
function wordCounts(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const segment of segmenter.segment(text)) {
      if (!segment.isWordLike) continue;
      const word = segment.segment.toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

function differences(expected: Map<string, number>, actual: Map<string, number>): string[] {
  const words = new Set([...expected.keys(), ...actual.keys()]);
  return [...words]
    .filter((word) => (expected.get(word) ?? 0) !== (actual.get(word) ?? 0))
    .map((word) => `${word}: source ${expected.get(word) ?? 0}, accounted ${actual.get(word) ?? 0}`);
}

const regions = findRegions();

describe('table regions of the source', () => {
  it('has exactly one region per action area of the catalogue', () => {
    expect(regions.map((region) => region.id)).toEqual(catalogue.actionAreas.map((area) => area.id));
  });

  it('records every normalisation against a line inside its action area’s region', () => {
    for (const entry of normalisations) {
      const region = regions.find((candidate) => candidate.id === entry.actionAreaId);
      expect(region, `${entry.category} at line ${entry.line}`).toBeDefined();
      expect(entry.line).toBeGreaterThanOrEqual(region?.firstLine ?? Number.NaN);
      expect(entry.line).toBeLessThanOrEqual(region?.lastLine ?? Number.NaN);
    }
  });
});

describe.each(regions)('action area $id (source lines $firstLine–$lastLine)', (region) => {
  const area = catalogue.actionAreas.find((candidate) => candidate.id === region.id);
  const recorded = normalisations.filter((entry) => entry.actionAreaId === region.id);
  const recordedAt = (line: number) => recorded.filter((entry) => entry.line === line);

  const regionLines = sourceLines
    .slice(region.firstLine, region.lastLine) // the header row (first line) is column titles only
    .map((text, offset) => ({ number: region.firstLine + 1 + offset, text }))
    .filter((line) => line.text.trim() !== '');

  it('explains every line that is not a table row', () => {
    for (const line of regionLines) {
      if (/^[-\t ]+$/.test(line.text)) {
        expect(
          recordedAt(line.number).map((entry) => entry.category),
          `line ${line.number}`,
        ).toContain('page-break-separator-dropped');
      } else if (!line.text.includes('\t')) {
        const categories = recordedAt(line.number).map((entry) => entry.category);
        expect(
          categories.some((category) =>
            ['footnote-moved-out-of-table', 'continuation-outside-table'].includes(category),
          ),
          `line ${line.number}: ${line.text.slice(0, 60)}`,
        ).toBe(true);
      }
    }
  });

  // Corrections (removed and inserted text on the same line) are applied to the source before comparing.
  const corrections = recorded.filter(
    (entry) => entry.removedText !== undefined && entry.insertedText !== undefined,
  );
  const removals = recorded.filter(
    (entry) => entry.removedText !== undefined && entry.insertedText === undefined,
  );
  const sourceFragments = regionLines.flatMap((line) => {
    let text = line.text;
    for (const correction of corrections.filter((entry) => entry.line === line.number)) {
      text = text.replace(correction.removedText ?? '', correction.insertedText ?? '');
    }
    return fragmentsOf(text);
  });
  const output = area ? outputTextOf(area) : [];
  const outputJoined = output.join(' ');
  const removedJoined = removals.map((entry) => entry.removedText ?? '').join('\n');
  const sourceJoined = sourceFragments.join('\n');

  it('finds every source fragment in the catalogue or among the recorded removals', () => {
    const missing = sourceFragments.filter(
      (fragment) => !outputJoined.includes(fragment) && !removedJoined.includes(fragment),
    );
    expect(missing).toEqual([]);
  });

  it('keeps each fragment as many times as the source has it: nothing dropped, nothing duplicated', () => {
    const miscounted = [...new Set(sourceFragments)]
      .filter((fragment) => fragment.length >= COUNTED_LENGTH)
      .map((fragment) => ({
        fragment: fragment.slice(0, 80),
        source: occurrences(sourceJoined, fragment),
        accounted: occurrences(outputJoined, fragment) + occurrences(removedJoined, fragment),
      }))
      .filter((count) => count.source !== count.accounted);
    expect(miscounted).toEqual([]);
  });

  it('accounts for every word: source words = catalogue words + recorded removals', () => {
    const source = wordCounts(sourceFragments);
    const accounted = wordCounts([...output, ...removals.map((entry) => entry.removedText ?? '')]);
    expect(differences(source, accounted)).toEqual([]);
  });
});
