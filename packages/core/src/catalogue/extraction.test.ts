import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCell, splitNamedRun, splitSentences, toNamedText } from '../../scripts/extract-catalogue';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const committedDir = fileURLToPath(new URL('./data', import.meta.url));
const tsx = join(packageRoot, '../../node_modules/.bin/tsx');
const FILES = ['catalogue.json', 'pillars.json', 'timeframe.json', 'priorities.json', 'normalisations.json'];

describe('the extractor', () => {
  const outDirs: string[] = [];
  afterAll(() => outDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const extractInto = () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
    outDirs.push(dir);
    execFileSync(tsx, ['scripts/extract-catalogue.ts', '--out', dir], { cwd: packageRoot, stdio: 'pipe' });
    return dir;
  };

  it('reproduces the committed JSON byte for byte, run after run', { timeout: 120_000 }, () => {
    const first = extractInto();
    const second = extractInto();
    for (const file of FILES) {
      const committed = readFileSync(join(committedDir, file));
      expect(
        readFileSync(join(first, file)).equals(committed),
        `${file} differs from the committed file`,
      ).toBe(true);
      expect(readFileSync(join(second, file)).equals(committed), `${file} differs between runs`).toBe(true);
    }
  });
});

describe('cell parsing', () => {
  it('separates paragraphs, bulleted items and unbulleted runs, keeping the source line', () => {
    const blocks = parseCell(
      '<p>Short-Term:</p> <ul style="list-style-type: none"> ● First <i>one</i>. • Second. <p>Long-Term:</p> <ul style="list-style-type: none"> Third. Fourth.',
      42,
    );
    expect(blocks.map((block) => [block.kind, block.parts.map((part) => part.text).join(' ')])).toEqual([
      ['paragraph', 'Short-Term:'],
      ['item', 'First one.'],
      ['item', 'Second.'],
      ['paragraph', 'Long-Term:'],
      ['run', 'Third. Fourth.'],
    ]);
    expect(blocks.every((block) => block.parts.every((part) => part.line === 42))).toBe(true);
  });

  it('splits an unbulleted run of named entries only where a new short name follows a full stop', () => {
    expect(
      splitNamedRun(
        'Promoting Innovation: Start-ups grow: fast. Access to Expertise: Partners help. ' +
          'The partners offer training and mentoring to start-ups in every one of the member states: for free.',
      ),
    ).toEqual([
      'Promoting Innovation: Start-ups grow: fast.',
      'Access to Expertise: Partners help. ' +
        'The partners offer training and mentoring to start-ups in every one of the member states: for free.',
    ]);
  });

  it('splits unbulleted milestones into sentences without breaking at abbreviations', () => {
    expect(
      splitSentences('Work with the U.S. Department of State. Launch pilots, e.g. Sandboxes. Review.'),
    ).toEqual(['Work with the U.S. Department of State.', 'Launch pilots, e.g. Sandboxes.', 'Review.']);
  });

  it('reads "Name: text" and leaves text without a short leading name unnamed', () => {
    expect(toNamedText('Participation Rates: Measure the number of participants.')).toEqual({
      name: 'Participation Rates',
      text: 'Measure the number of participants.',
    });
    expect(toNamedText('Establish a framework. It covers: data.')).toEqual({
      name: '',
      text: 'Establish a framework. It covers: data.',
    });
  });
});
