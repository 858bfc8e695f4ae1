// Agreement between suggested clusters and known labels, for the theme-quality test.

function choose2(n: number) {
  return (n * (n - 1)) / 2;
}

/** Adjusted Rand index (Hubert & Arabie): 1 for identical partitions, about 0 for chance agreement. */
export function adjustedRandIndex(labels: string[], clusters: string[]): number {
  const n = labels.length;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const l = labels[i] ?? '';
    const c = clusters[i] ?? '';
    table.set(`${l}\u0000${c}`, (table.get(`${l}\u0000${c}`) ?? 0) + 1);
    rows.set(l, (rows.get(l) ?? 0) + 1);
    cols.set(c, (cols.get(c) ?? 0) + 1);
  }
  const index = [...table.values()].reduce((s, x) => s + choose2(x), 0);
  const a = [...rows.values()].reduce((s, x) => s + choose2(x), 0);
  const b = [...cols.values()].reduce((s, x) => s + choose2(x), 0);
  const expected = (a * b) / choose2(n);
  const max = (a + b) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** Share of items whose cluster's majority label is their own label. */
export function purity(labels: string[], clusters: string[]): number {
  const byCluster = new Map<string, Map<string, number>>();
  labels.forEach((l, i) => {
    const c = clusters[i] ?? '';
    const counts = byCluster.get(c) ?? new Map<string, number>();
    counts.set(l, (counts.get(l) ?? 0) + 1);
    byCluster.set(c, counts);
  });
  let majority = 0;
  for (const counts of byCluster.values()) majority += Math.max(...counts.values());
  return labels.length ? majority / labels.length : 1;
}
