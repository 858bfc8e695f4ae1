// Measure 4: the word-level diff of two complete Roadmap editions. Edition B is edition A with every string field
// changed somewhere (a word replaced, one inserted), so every field of every action area and sub-action is diffed.
// Baseline: serialising both editions to JSON — the least any comparison must do (touch every field once).
import { getCatalogue } from '@musyawarah/core/catalogue';
import { diffEditions, type Catalogue } from '@musyawarah/core/editions';

function reviseEveryString(value: unknown, path: string): unknown {
  if (typeof value === 'string') {
    // ids and enum-like values stay put: only prose changes between editions
    if (/(^|\.)(id|term|kind|pillar|tier|timeframe|priority|source\w*)$/i.test(path) || !value.includes(' '))
      return value;
    const words = value.split(' ');
    words[Math.floor(words.length / 2)] = 'revised';
    return `${words.join(' ')} (2nd edition)`;
  }
  if (Array.isArray(value)) return value.map((item, index) => reviseEveryString(item, `${path}.${index}`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, reviseEveryString(item, `${path}.${key}`)]),
    );
  }
  return value;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function measureEditionDiff(repeats: number) {
  const first = getCatalogue();
  const second = reviseEveryString(first, '') as Catalogue;
  diffEditions(first, second); // warm-up (JIT)
  const diffTimes: number[] = [];
  const baselineTimes: number[] = [];
  let changedAreas = 0;
  for (let i = 0; i < repeats; i++) {
    let started = performance.now();
    const diff = diffEditions(first, second);
    diffTimes.push(performance.now() - started);
    changedAreas = diff.actionAreas.filter((a) => a.status === 'changed').length;
    started = performance.now();
    JSON.stringify(first);
    JSON.stringify(second);
    baselineTimes.push(performance.now() - started);
  }
  const ms = median(diffTimes);
  const baselineMs = median(baselineTimes);
  return {
    id: 'edition-diff',
    measure: 'edition diff of two complete Roadmap editions',
    value: Math.round(ms * 10) / 10,
    unit: 'ms',
    baseline: Math.round(baselineMs * 10) / 10,
    ratio: ms / baselineMs,
    goal: '< 100 ms',
    met: ms < 100,
    note: `median of ${repeats}; ${changedAreas} of ${first.actionAreas.length} action areas changed; baseline = JSON.stringify of both editions`,
    raw: { diffMs: diffTimes, baselineMs: baselineTimes },
  };
}
