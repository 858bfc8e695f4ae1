// Pure data shaping for the charts: what each chart draws, its table rows and the facts its text summary states. No
// React and no drawing here, so the numbers a reader relies on are tested on their own (shape.test.ts).

export interface CategoryRow {
  key: string;
  label: string;
  value: number;
  /** Share of the total, 0–100, one decimal. */
  share: number;
  /** The minimum a representation target asks for; undefined when the category has no target. */
  target?: number;
  /** Index into the palette (colour and pattern), stable for a category across charts. */
  series: number;
}

const shareOf = (value: number, total: number) => (total > 0 ? Math.round((value * 1000) / total) / 10 : 0);

/**
 * Counts per category as chart rows, largest first. Categories in `order` (e.g. every stakeholder group) appear even
 * at zero, so a missing group is visible rather than absent; others that have counts are added after them.
 */
export function categoryRows(
  counts: Readonly<Record<string, number>>,
  label: (key: string) => string,
  options: { order?: readonly string[]; targets?: Readonly<Record<string, number>>; keepZero?: boolean } = {},
): CategoryRow[] {
  // A target nobody has met yet is a category too: leaving it out would hide the largest shortfall of all.
  const keys = [
    ...new Set([...(options.order ?? []), ...Object.keys(counts), ...Object.keys(options.targets ?? {})]),
  ];
  const total = keys.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
  return keys
    .map((key, i) => {
      const value = counts[key] ?? 0;
      const target = options.targets?.[key];
      return {
        key,
        label: label(key),
        value,
        share: shareOf(value, total),
        ...(target === undefined ? {} : { target }),
        series: i,
      };
    })
    .filter((r) => r.value > 0 || r.target !== undefined || (options.keepZero ?? false))
    .sort((a, b) => b.value - a.value || a.series - b.series);
}

export interface CategoryFacts {
  total: number;
  categories: number;
  first: CategoryRow | null;
  last: CategoryRow | null;
  targetsMet: number;
  targetsTotal: number;
  /** Rows below their target, largest shortfall first. */
  short: { row: CategoryRow; shortfall: number }[];
}

export function categoryFacts(rows: readonly CategoryRow[]): CategoryFacts {
  const counted = rows.filter((r) => r.value > 0);
  const withTarget = rows.filter((r) => r.target !== undefined);
  const short = withTarget
    .map((row) => ({ row, shortfall: Math.max(0, (row.target ?? 0) - row.value) }))
    .filter((s) => s.shortfall > 0)
    .sort((a, b) => b.shortfall - a.shortfall);
  return {
    total: rows.reduce((sum, r) => sum + r.value, 0),
    categories: counted.length,
    first: counted[0] ?? null,
    last: counted.length > 1 ? counted[counted.length - 1]! : null,
    targetsMet: withTarget.length - short.length,
    targetsTotal: withTarget.length,
    short,
  };
}

export interface DayRow {
  day: string;
  count: number;
  cumulative: number;
}

const DAY_MS = 86_400_000;

/** Daily counts with the quiet days filled in (a gap in the chart would read as missing data), and a running total. */
export function dailyRows(byDay: readonly { day: string; count: number | string }[]): DayRow[] {
  if (byDay.length === 0) return [];
  const counts = new Map(byDay.map((d) => [d.day, Number(d.count)]));
  const days = [...counts.keys()].sort();
  const first = Date.parse(`${days[0]}T00:00:00Z`);
  const last = Date.parse(`${days[days.length - 1]}T00:00:00Z`);
  const rows: DayRow[] = [];
  let cumulative = 0;
  for (let t = first; t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const count = counts.get(day) ?? 0;
    cumulative += count;
    rows.push({ day, count, cumulative });
  }
  return rows;
}

export function dailyFacts(rows: readonly DayRow[]) {
  const busiest = rows.reduce<DayRow | null>(
    (best, r) => (best === null || r.count > best.count ? r : best),
    null,
  );
  return {
    total: rows[rows.length - 1]?.cumulative ?? 0,
    days: rows.length,
    activeDays: rows.filter((r) => r.count > 0).length,
    busiest,
    firstDay: rows[0]?.day ?? null,
    lastDay: rows[rows.length - 1]?.day ?? null,
  };
}

/**
 * The tile map's hand-laid grid: one square per Member State, placed roughly where it lies (Myanmar north-west, the
 * Philippines east, Timor-Leste south-east), with no geography library. Column, row.
 */
export const MEMBER_STATE_TILES: Readonly<Record<string, readonly [number, number]>> = {
  MM: [0, 0],
  LA: [1, 0],
  VN: [2, 0],
  TH: [0, 1],
  KH: [1, 1],
  PH: [3, 1],
  MY: [1, 2],
  BN: [2, 2],
  SG: [1, 3],
  ID: [2, 3],
  TL: [3, 3],
};
export const TILE_COLUMNS = 4;
export const TILE_ROWS = 4;

export interface TileRow {
  code: string;
  label: string;
  column: number;
  row: number;
  value: number;
  share: number;
  target?: number;
  /** 0 for none, then 1–5 from fewest to most (equal steps up to the largest count). */
  level: number;
}

export const TILE_LEVELS = 5;

/** All 11 Member States, each with its count, share of those who named a state, target and shading level. */
export function tileRows(
  byMemberState: Readonly<Record<string, number>>,
  label: (code: string) => string,
  targets: Readonly<Record<string, number>> = {},
): TileRow[] {
  const codes = Object.keys(MEMBER_STATE_TILES);
  const total = codes.reduce((sum, c) => sum + (byMemberState[c] ?? 0), 0);
  const max = Math.max(0, ...codes.map((c) => byMemberState[c] ?? 0));
  return codes.map((code) => {
    const value = byMemberState[code] ?? 0;
    const [column, row] = MEMBER_STATE_TILES[code]!;
    const target = targets[code];
    return {
      code,
      label: label(code),
      column,
      row,
      value,
      share: shareOf(value, total),
      ...(target === undefined ? {} : { target }),
      level: value === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((value / max) * TILE_LEVELS)),
    };
  });
}

/** Representation targets of one dimension as `{ value: minimum }`. */
export function targetsOf(
  targets: readonly { dimension: string; value: string; minimum: number }[],
  dimension: string,
): Record<string, number> {
  const result: Record<string, number> = {};
  for (const t of targets) if (t.dimension === dimension) result[t.value] = t.minimum;
  return result;
}

export interface SeriesPoint {
  key: string;
  label: string;
  /** Null where there is nothing to measure (no session held, survey suppressed): a gap, not a zero. */
  value: number | null;
}

/** The first and the latest measured point of a series, for "from X in Q1 to Y in Q3" summaries. */
export function seriesFacts(points: readonly SeriesPoint[]) {
  const measured = points.filter((p) => p.value !== null);
  return {
    first: measured[0] ?? null,
    latest: measured[measured.length - 1] ?? null,
    measured: measured.length,
  };
}
