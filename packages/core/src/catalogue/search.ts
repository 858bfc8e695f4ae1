import type { ActionArea, Catalogue, SubAction, Term } from './types';
import type { ActionAreaFilters } from './extra-types';

export interface CatalogueSearchResult {
  actionArea: ActionArea;
  /** Sub-actions whose text matched, in catalogue order; empty when only the action area's own text matched. */
  matchingSubActionIds: string[];
  /** About 160 characters of the first matching text, as written, with "…" where it was cut. */
  snippet: string;
}

interface Token {
  /** Case- and diacritic-folded form used for matching. */
  folded: string;
  start: number;
  end: number;
}

interface SearchableText {
  text: string;
  tokens: Token[];
  /** How much a match here says about relevance: titles outrank objectives and target areas, which outrank the rest. */
  weight: number;
}

const SNIPPET_LENGTH = 160;

/*
 * Only the combining marks Latin-script languages (Vietnamese, Malay, Filipino, Tetum, Portuguese) use as diacritics are
 * folded. Thai, Lao, Khmer and Burmese write vowels and tones as combining marks too; dropping those would merge
 * different words, so they are kept.
 */
const LATIN_DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(LATIN_DIACRITICS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLocaleLowerCase('en');
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Word tokens by Unicode word segmentation, so that Thai, Lao, Khmer and Burmese text without spaces is split too. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    tokens.push({
      folded: foldForSearch(segment.segment),
      start: segment.index,
      end: segment.index + segment.segment.length,
    });
  }
  return tokens;
}

const WEIGHT = { areaTitle: 10, subActionTitle: 6, objective: 4, targetArea: 3, other: 1 } as const;

function searchable(weight: number) {
  return (text: string): SearchableText => ({ text, tokens: tokenize(text), weight });
}

interface IndexedSubAction {
  subAction: SubAction;
  general: SearchableText[];
  milestones: Record<Term, SearchableText[]>;
}

interface IndexedActionArea {
  actionArea: ActionArea;
  general: SearchableText[];
  subActions: IndexedSubAction[];
}

const indexes = new WeakMap<Catalogue, IndexedActionArea[]>();

function namedTexts(entries: { name: string; text: string }[]): string[] {
  return entries.map((entry) => (entry.name ? `${entry.name}: ${entry.text}` : entry.text));
}

function indexOf(catalogue: Catalogue): IndexedActionArea[] {
  const cached = indexes.get(catalogue);
  if (cached) return cached;
  const built = catalogue.actionAreas.map((actionArea) => ({
    actionArea,
    general: [
      searchable(WEIGHT.areaTitle)(`${actionArea.id} ${actionArea.title}`),
      ...namedTexts(actionArea.objectives).map(searchable(WEIGHT.objective)),
    ],
    subActions: actionArea.subActions.map((subAction) => ({
      subAction,
      general: [
        searchable(WEIGHT.subActionTitle)(`${subAction.id} ${subAction.title}`),
        ...namedTexts(subAction.targetAreas).map(searchable(WEIGHT.targetArea)),
        ...namedTexts(subAction.measures).map(searchable(WEIGHT.other)),
        ...subAction.caseStudies.map(searchable(WEIGHT.other)),
      ],
      milestones: {
        short: subAction.milestones.short.map(searchable(WEIGHT.other)),
        medium: subAction.milestones.medium.map(searchable(WEIGHT.other)),
        long: subAction.milestones.long.map(searchable(WEIGHT.other)),
      },
    })),
  }));
  indexes.set(catalogue, built);
  return built;
}

interface Match {
  start: number;
  end: number;
  score: number;
}

/**
 * Where every query word occurs in the text, returns the span from the first to the last matched word and a score.
 * A query word matches a text word it begins, so "board" finds "boards"; ids such as "C2.1" are single words. The
 * words found next to each other, in order, count double.
 */
function match(entry: SearchableText, query: Token[]): Match | null {
  if (query.length === 0) return { start: 0, end: 0, score: 0 };
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const word of query) {
    const found = entry.tokens.find((token) => token.folded.startsWith(word.folded));
    if (!found) return null;
    start = Math.min(start, found.start);
    end = Math.max(end, found.end);
  }
  const asPhrase = entry.tokens.some((_, at) =>
    query.every((word, offset) => entry.tokens[at + offset]?.folded.startsWith(word.folded) ?? false),
  );
  return { start, end, score: entry.weight * (asPhrase ? 2 : 1) };
}

function bestMatch(
  entries: SearchableText[],
  query: Token[],
): { entry: SearchableText; match: Match } | null {
  let best: { entry: SearchableText; match: Match } | null = null;
  for (const entry of entries) {
    const found = match(entry, query);
    if (found && (!best || found.score > best.match.score)) best = { entry, match: found };
  }
  return best;
}

function snippetOf(entry: SearchableText, span: Match | null): string {
  const text = entry.text;
  if (text.length <= SNIPPET_LENGTH) return text;
  const centre = span ? Math.floor((span.start + span.end) / 2) : 0;
  let from = Math.max(0, Math.min(centre - SNIPPET_LENGTH / 2, text.length - SNIPPET_LENGTH));
  let to = Math.min(text.length, from + SNIPPET_LENGTH);
  // Cut at spaces where there are any nearby, so the snippet does not open or close mid-word.
  const nextSpace = text.indexOf(' ', from);
  if (from > 0 && nextSpace >= 0 && nextSpace - from < 20 && (!span || nextSpace < span.start))
    from = nextSpace + 1;
  const previousSpace = text.lastIndexOf(' ', to);
  if (
    to < text.length &&
    previousSpace > from &&
    to - previousSpace < 20 &&
    (!span || previousSpace >= span.end)
  ) {
    to = previousSpace;
  }
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}

function passesFilters(actionArea: ActionArea, filters: ActionAreaFilters): boolean {
  if (filters.kind && actionArea.kind !== filters.kind) return false;
  if (filters.pillar !== undefined && actionArea.pillar !== filters.pillar) return false;
  if (filters.tier && actionArea.tier !== filters.tier) return false;
  return true;
}

/**
 * Finds action areas whose text contains every word of the query (case- and diacritic-insensitive).
 *
 * Filters narrow by kind, pillar and tier. `term` narrows the search to milestones of that term: only sub-actions
 * whose short/medium/long-term milestones match are returned. An empty query lists everything the filters allow, in
 * catalogue order; otherwise the best-scoring action areas come first (title matches outrank body text).
 */
export function searchCatalogueIn(
  source: Catalogue,
  query: string,
  filters: ActionAreaFilters = {},
): CatalogueSearchResult[] {
  const words = tokenize(query);
  const results: { result: CatalogueSearchResult; score: number; order: number }[] = [];
  indexOf(source).forEach((indexed, order) => {
    if (!passesFilters(indexed.actionArea, filters)) return;
    const candidates: { entry: SearchableText; match: Match }[] = [];
    const areaMatch = filters.term ? null : bestMatch(indexed.general, words);
    if (areaMatch) candidates.push(areaMatch);
    const matchingSubActionIds: string[] = [];
    for (const sub of indexed.subActions) {
      const entries = filters.term
        ? sub.milestones[filters.term]
        : [...sub.general, ...Object.values(sub.milestones).flat()];
      const subMatch = bestMatch(entries, words);
      if (!subMatch) continue;
      matchingSubActionIds.push(sub.subAction.id);
      candidates.push(subMatch);
    }
    const best = candidates.reduce<{ entry: SearchableText; match: Match } | null>(
      (top, candidate) => (!top || candidate.match.score > top.match.score ? candidate : top),
      null,
    );
    if (!best) return;
    const score = candidates.reduce((sum, candidate) => sum + candidate.match.score, 0);
    const snippet = snippetOf(best.entry, words.length > 0 ? best.match : null);
    results.push({ result: { actionArea: indexed.actionArea, matchingSubActionIds, snippet }, score, order });
  });
  return results.sort((a, b) => b.score - a.score || a.order - b.order).map(({ result }) => result);
}
