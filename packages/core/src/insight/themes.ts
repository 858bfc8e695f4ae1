// Theme suggestions: TF-IDF vectors per language, clustered with k-means (ml-kmeans, k++ seeding, fixed seeds so the
// same round gives the same suggestions), k chosen by the mean silhouette up to √(n/2). Tried and not kept: latent
// semantic analysis (SVD to 10–30 dimensions) before k-means scored no better on the labelled corpus. Suggestions are only suggestions: nothing
// here tags a contribution; a person accepts a theme (packages/api/src/routers/insight).
import { kmeans } from 'ml-kmeans';
import { tokenize } from './tokenize';

export interface AnalysisInput {
  id: string;
  language: string;
  text: string;
}

export interface ThemeSuggestionDraft {
  /** Top weighted terms, strongest first. */
  terms: string[];
  language: string;
  /** Contribution ids in the suggestion, closest to its centre first. */
  memberIds: string[];
  /** The three contributions closest to the centre (ids), quoted on the screen. */
  representativeIds: string[];
  /** Mean cosine similarity of the members to the centre, 0–1: how tight the group is. */
  cohesion: number;
}

export interface LanguageAnalysis {
  language: string;
  suggestions: ThemeSuggestionDraft[];
  /** Contributions with no term left after stop words (too short to place); listed, not dropped silently. */
  unplacedIds: string[];
}

export const ANALYSIS_LIMITS = {
  /** Below this a language's contributions are one suggestion: k-means on a handful of texts is noise. */
  minimumToCluster: 8,
  maximumThemesPerLanguage: 12,
  maximumVocabulary: 1500,
  /** The silhouette is O(n²): above this many texts it is measured on an evenly spaced sample. */
  silhouetteSample: 300,
  termsPerTheme: 8,
  quotesPerTheme: 3,
} as const;

type Vector = number[];

function dot(a: Vector, b: Vector) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

function normalise(v: Vector): Vector {
  const norm = Math.sqrt(dot(v, v));
  return norm ? v.map((x) => x / norm) : v;
}

/** TF-IDF (sublinear tf, smoothed idf) over the terms found in at least two texts and in no more than half of them. */
export function tfidfVectors(docs: string[][]): { vocabulary: string[]; vectors: Vector[] } {
  const n = docs.length;
  const df = new Map<string, number>();
  for (const terms of docs) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const minimumDf = n >= 4 ? 2 : 1;
  // The "more than half" rule is the language-independent stop list: it removes function words no list knew.
  const maximumDf = n >= 10 ? n * 0.5 : n;
  const vocabulary = [...df.entries()]
    .filter(([, d]) => d >= minimumDf && d <= maximumDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, ANALYSIS_LIMITS.maximumVocabulary)
    .map(([t]) => t);
  const index = new Map(vocabulary.map((t, i) => [t, i]));
  const idf = vocabulary.map((t) => Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1);
  const vectors = docs.map((terms) => {
    const v = new Array<number>(vocabulary.length).fill(0);
    const tf = new Map<number, number>();
    for (const t of terms) {
      const i = index.get(t);
      if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
    }
    for (const [i, c] of tf) v[i] = (1 + Math.log(c)) * (idf[i] ?? 1);
    return normalise(v);
  });
  return { vocabulary, vectors };
}

/** Mean silhouette with cosine distance (vectors are unit length, so distance = 1 − dot). */
export function silhouette(allVectors: Vector[], allClusters: number[]): number {
  const step = Math.ceil(allVectors.length / ANALYSIS_LIMITS.silhouetteSample);
  const vectors = allVectors.filter((_, i) => i % step === 0);
  const clusters = allClusters.filter((_, i) => i % step === 0);
  const k = Math.max(...clusters) + 1;
  let total = 0;
  for (let i = 0; i < vectors.length; i++) {
    const sums = new Array<number>(k).fill(0);
    const counts = new Array<number>(k).fill(0);
    for (let j = 0; j < vectors.length; j++) {
      if (i === j) continue;
      const c = clusters[j] ?? 0;
      sums[c] = (sums[c] ?? 0) + 1 - dot(vectors[i] ?? [], vectors[j] ?? []);
      counts[c] = (counts[c] ?? 0) + 1;
    }
    const own = clusters[i] ?? 0;
    if (!counts[own]) continue; // a singleton scores 0
    const a = (sums[own] ?? 0) / (counts[own] ?? 1);
    let b = Infinity;
    for (let c = 0; c < k; c++)
      if (c !== own && counts[c]) b = Math.min(b, (sums[c] ?? 0) / (counts[c] ?? 1));
    if (b === Infinity) continue;
    total += (b - a) / Math.max(a, b) || 0;
  }
  return total / vectors.length;
}

function cluster(vectors: Vector[], k: number): number[] {
  // Three seeded starts, the tightest kept: k-means++ alone can land in a poor local optimum on short texts.
  let best: { clusters: number[]; inertia: number } | undefined;
  for (const seed of [17, 42, 2026]) {
    const result = kmeans(vectors, k, { seed, initialization: 'kmeans++', maxIterations: 100 });
    let inertia = 0;
    result.clusters.forEach((c, i) => {
      inertia += 1 - dot(normalise(result.centroids[c] ?? []), vectors[i] ?? []);
    });
    if (!best || inertia < best.inertia) best = { clusters: result.clusters, inertia };
  }
  return best?.clusters ?? vectors.map(() => 0);
}

/** The rule-of-thumb number of clusters, √(n/2): the upper bound of the silhouette search. */
export function themeCountLimit(n: number) {
  return Math.min(ANALYSIS_LIMITS.maximumThemesPerLanguage, Math.round(Math.sqrt(n / 2)));
}

function chooseClusters(vectors: Vector[]): number[] {
  // Silhouette on sparse short texts keeps rising with k (every extra cluster is a tighter pair), so it only
  // chooses below the √(n/2) rule; the secretariat splits a suggestion that still mixes two ideas.
  const maxK = themeCountLimit(vectors.length);
  if (vectors.length < ANALYSIS_LIMITS.minimumToCluster || maxK < 2) return vectors.map(() => 0);
  let best = { score: -Infinity, clusters: vectors.map(() => 0) };
  for (let k = 2; k <= maxK; k++) {
    const clusters = cluster(vectors, k);
    const score = silhouette(vectors, clusters);
    if (score > best.score + 1e-9) best = { score, clusters };
  }
  return best.clusters;
}

/** The suggestions for one language's contributions. Pure and deterministic. */
export function suggestThemesForLanguage(language: string, items: AnalysisInput[]): LanguageAnalysis {
  const docs = items.map((item) => tokenize(item.text, language));
  const { vocabulary, vectors } = tfidfVectors(docs);
  const placed = items.map((_, i) => (vectors[i] ?? []).some((x) => x !== 0));
  const unplacedIds = items.filter((_, i) => !placed[i]).map((item) => item.id);
  const placedItems = items.filter((_, i) => placed[i]);
  const placedVectors = vectors.filter((_, i) => placed[i]);
  if (!placedItems.length) return { language, suggestions: [], unplacedIds };

  const clusters = chooseClusters(placedVectors);
  const k = Math.max(...clusters) + 1;
  const suggestions: ThemeSuggestionDraft[] = [];
  for (let c = 0; c < k; c++) {
    const members = placedItems
      .map((item, i) => ({ item, v: placedVectors[i] ?? [] }))
      .filter((_, i) => clusters[i] === c);
    if (!members.length) continue;
    const centre = new Array<number>(vocabulary.length).fill(0);
    for (const m of members) m.v.forEach((x, i) => (centre[i] = (centre[i] ?? 0) + x / members.length));
    const unitCentre = normalise(centre);
    const ranked = members
      .map((m) => ({ id: m.item.id, similarity: dot(unitCentre, m.v) }))
      .sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
    const terms = centre
      .map((w, i) => ({ w, t: vocabulary[i] ?? '' }))
      .filter((x) => x.w > 0)
      .sort((a, b) => b.w - a.w || (a.t < b.t ? -1 : 1))
      .slice(0, ANALYSIS_LIMITS.termsPerTheme)
      .map((x) => x.t);
    suggestions.push({
      terms,
      language,
      memberIds: ranked.map((r) => r.id),
      representativeIds: ranked.slice(0, ANALYSIS_LIMITS.quotesPerTheme).map((r) => r.id),
      cohesion: Math.round((ranked.reduce((s, r) => s + r.similarity, 0) / ranked.length) * 1000) / 1000,
    });
  }
  suggestions.sort(
    (a, b) => b.memberIds.length - a.memberIds.length || (a.terms[0] ?? '').localeCompare(b.terms[0] ?? ''),
  );
  return { language, suggestions, unplacedIds };
}

/** Contributions grouped by the language they were written in, largest group first. */
export function groupByLanguage(items: AnalysisInput[]): { language: string; items: AnalysisInput[] }[] {
  const groups = new Map<string, AnalysisInput[]>();
  for (const item of items) groups.set(item.language, [...(groups.get(item.language) ?? []), item]);
  return [...groups.entries()]
    .map(([language, group]) => ({ language, items: group }))
    .sort((a, b) => b.items.length - a.items.length || (a.language < b.language ? -1 : 1));
}

/** Every language's suggestions; `onProgress` hears after each language (done, total). */
export function suggestThemes(
  items: AnalysisInput[],
  onProgress?: (done: number, total: number) => void,
): LanguageAnalysis[] {
  const groups = groupByLanguage(items);
  return groups.map((group, i) => {
    const result = suggestThemesForLanguage(group.language, group.items);
    onProgress?.(i + 1, groups.length);
    return result;
  });
}

/** A suggestion's members split in two (k-means with k = 2 on their vectors), for the secretariat's "split". */
export function splitSuggestion(language: string, items: AnalysisInput[]): ThemeSuggestionDraft[] {
  if (items.length < 2) return [];
  const docs = items.map((item) => tokenize(item.text, language));
  const { vectors } = tfidfVectors(docs);
  const clusters = vectors.some((v) => v.some((x) => x !== 0))
    ? cluster(vectors, 2)
    : items.map((_, i) => i % 2);
  return [0, 1]
    .map((c) =>
      suggestThemesForLanguageFixed(
        language,
        items.filter((_, i) => clusters[i] === c),
      ),
    )
    .filter((s): s is ThemeSuggestionDraft => Boolean(s));
}

/** One suggestion over exactly these items (no clustering): its terms, order and quotes. */
export function suggestThemesForLanguageFixed(
  language: string,
  items: AnalysisInput[],
): ThemeSuggestionDraft | undefined {
  if (!items.length) return undefined;
  const docs = items.map((item) => tokenize(item.text, language));
  const { vocabulary, vectors } = tfidfVectors(docs);
  const centre = new Array<number>(vocabulary.length).fill(0);
  for (const v of vectors) v.forEach((x, i) => (centre[i] = (centre[i] ?? 0) + x / vectors.length));
  const unitCentre = normalise(centre);
  const ranked = items
    .map((item, i) => ({ id: item.id, similarity: dot(unitCentre, vectors[i] ?? []) }))
    .sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
  return {
    terms: centre
      .map((w, i) => ({ w, t: vocabulary[i] ?? '' }))
      .filter((x) => x.w > 0)
      .sort((a, b) => b.w - a.w || (a.t < b.t ? -1 : 1))
      .slice(0, ANALYSIS_LIMITS.termsPerTheme)
      .map((x) => x.t),
    language,
    memberIds: ranked.map((r) => r.id),
    representativeIds: ranked.slice(0, ANALYSIS_LIMITS.quotesPerTheme).map((r) => r.id),
    cohesion: Math.round((ranked.reduce((s, r) => s + r.similarity, 0) / ranked.length) * 1000) / 1000,
  };
}
