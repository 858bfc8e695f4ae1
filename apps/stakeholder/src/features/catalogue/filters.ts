/**
 * The catalogue browser's filters live in the URL query string, so every filtered view is a link that can be shared,
 * bookmarked and reached with the Back button: `/actions?q=advisory&kind=targeted&pillar=2&tier=emerging&term=short`.
 * `edition=1` reads an earlier edition of the Roadmap; without it the current edition is shown.
 */
export const KINDS = ['cross-cutting', 'targeted'] as const;
export const PILLARS = [1, 2, 3, 4] as const;
export const TIERS = ['advanced', 'promising', 'emerging'] as const;
export const TERMS = ['short', 'medium', 'long'] as const;

export type Kind = (typeof KINDS)[number];
export type PillarNumber = (typeof PILLARS)[number];
export type Tier = (typeof TIERS)[number];
export type Term = (typeof TERMS)[number];

export interface CatalogueFilters {
  query: string;
  kind?: Kind;
  pillar?: PillarNumber;
  tier?: Tier;
  term?: Term;
  /** An edition by number; absent means the current one. Not a filter: changing the filters keeps it. */
  edition?: number;
}

/** The API's limit on the search text. */
export const QUERY_MAX_LENGTH = 200;

function oneOf<T extends string | number>(values: readonly T[], raw: string | null): T | undefined {
  if (raw === null) return undefined;
  return values.find((v) => String(v) === raw.trim());
}

/** Reads the filters from a query string; unknown or malformed values are ignored rather than reported. */
export function filtersFromSearchParams(params: URLSearchParams): CatalogueFilters {
  const filters: CatalogueFilters = {
    query: (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, QUERY_MAX_LENGTH),
  };
  const kind = oneOf(KINDS, params.get('kind'));
  const pillar = oneOf(PILLARS, params.get('pillar'));
  const tier = oneOf(TIERS, params.get('tier'));
  const term = oneOf(TERMS, params.get('term'));
  if (kind) filters.kind = kind;
  if (pillar) filters.pillar = pillar;
  if (tier) filters.tier = tier;
  if (term) filters.term = term;
  const edition = editionFromSearchParams(params);
  if (edition) filters.edition = edition;
  return filters;
}

/** `?edition=N` as a positive whole number, or undefined (the current edition) when absent or malformed. */
export function editionFromSearchParams(params: URLSearchParams): number | undefined {
  const raw = params.get('edition');
  if (raw === null || !/^\d{1,6}$/.test(raw.trim())) return undefined;
  const number = Number(raw.trim());
  return number >= 1 ? number : undefined;
}

/** The query string that keeps the reader in the same edition (`?edition=N`, or nothing for the current one). */
export function editionSearch(edition: number | undefined): string {
  return edition ? `?edition=${edition}` : '';
}

/** Writes the filters as a query string in a fixed order, leaving out what is not set. */
export function filtersToSearchParams(filters: CatalogueFilters): URLSearchParams {
  const params = new URLSearchParams();
  const query = filters.query.trim();
  if (query) params.set('q', query);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.pillar) params.set('pillar', String(filters.pillar));
  if (filters.tier) params.set('tier', filters.tier);
  if (filters.term) params.set('term', filters.term);
  if (filters.edition) params.set('edition', String(filters.edition));
  return params;
}

/**
 * Changes one filter. Readiness tiers only exist for national (targeted) actions, so choosing a tier selects that
 * kind, and choosing regional (cross-cutting) actions clears the tier.
 */
export function withFilter<K extends keyof CatalogueFilters>(
  filters: CatalogueFilters,
  key: K,
  value: CatalogueFilters[K] | undefined,
): CatalogueFilters {
  const next: CatalogueFilters = { ...filters };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  if (key === 'tier' && next.tier) next.kind = 'targeted';
  if (key === 'kind' && next.kind === 'cross-cutting') delete next.tier;
  return next;
}

/** How many filters (not counting the search text) are set. */
export function activeFilterCount(filters: CatalogueFilters): number {
  return [filters.kind, filters.pillar, filters.tier, filters.term].filter((v) => v !== undefined).length;
}

/** The input of `catalogue.list`. */
export function toListInput(filters: CatalogueFilters) {
  const { query, ...rest } = filters;
  return { query, ...rest };
}

/**
 * Splits a snippet into plain and highlighted parts: a word is highlighted when it begins with one of the query's
 * words (as the server matches them). Only used for display; scripts without spaces are left unhighlighted.
 */
export function highlight(text: string, query: string): { text: string; match: boolean }[] {
  const words = query
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 0);
  if (words.length === 0) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  const re = /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const word = m[0].toLocaleLowerCase();
    if (!words.some((w) => word.startsWith(w))) continue;
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at), match: false });
    parts.push({ text: m[0], match: true });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
