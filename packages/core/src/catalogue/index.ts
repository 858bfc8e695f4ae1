import catalogueFile from './data/catalogue.json';
import pillarsFile from './data/pillars.json';
import timeframeFile from './data/timeframe.json';
import prioritiesFile from './data/priorities.json';
import normalisationsFile from './data/normalisations.json';
import {
  catalogueSchema,
  normalisationsSchema,
  pillarsSchema,
  prioritiesSchema,
  timeframeSchema,
} from './schema';
import { searchCatalogueIn, type CatalogueSearchResult } from './search';
import type { ActionArea, Catalogue, Pillar, SubAction } from './types';
import type { ActionAreaFilters, Normalisation, Priority, Timeframe } from './extra-types';

export type * from './extra-types';
export type { CatalogueSearchResult } from './search';
export { foldForSearch, tokenize } from './search';

/**
 * Parses on first call and keeps the result: the catalogue and its normalisations are ~540 KB of JSON, and importing
 * core (for a schema or a rule) must not pay for validating them.
 */
function memo<T>(parse: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = parse();
      done = true;
    }
    return value as T;
  };
}

/** The Roadmap's action catalogue as extracted by `pnpm extract:catalogue` (cross-cutting first, then targeted). */
export const getCatalogue: () => Catalogue = memo(() => catalogueSchema.parse(catalogueFile));
export const getPillars: () => readonly Pillar[] = memo(() => pillarsSchema.parse(pillarsFile));
export const getTimeframe: () => Timeframe = memo(() => timeframeSchema.parse(timeframeFile));
/** The eight key priorities of the executive summary, in the Roadmap's order. */
export const getPriorities: () => readonly Priority[] = memo(() => prioritiesSchema.parse(prioritiesFile));
/** Every departure from the source text the extractor made, by source line. */
export const getNormalisations: () => readonly Normalisation[] = memo(() =>
  normalisationsSchema.parse(normalisationsFile),
);

export interface SubActionInContext {
  subAction: SubAction;
  actionArea: ActionArea;
}

const normaliseId = (id: string): string => id.trim().toUpperCase();

export function findActionArea(id: string, source: Catalogue = getCatalogue()): ActionArea | undefined {
  const wanted = normaliseId(id);
  return source.actionAreas.find((area) => area.id === wanted);
}

export function findSubAction(
  id: string,
  source: Catalogue = getCatalogue(),
): SubActionInContext | undefined {
  const wanted = normaliseId(id);
  for (const actionArea of source.actionAreas) {
    const subAction = actionArea.subActions.find((candidate) => candidate.id === wanted);
    if (subAction) return { subAction, actionArea };
  }
  return undefined;
}

/** Sub-actions that say achieving them can raise the given readiness criterion, in catalogue order. */
export function listSubActionsCitingCriterion(
  // Any string: a criterion id typed by hand is normalised, not refused.
  criterionId: string,
  source: Catalogue = getCatalogue(),
): SubActionInContext[] {
  const wanted = normaliseId(criterionId);
  return source.actionAreas.flatMap((actionArea) =>
    actionArea.subActions
      .filter((subAction) => (subAction.linkedCriteria as string[]).includes(wanted))
      .map((subAction) => ({ subAction, actionArea })),
  );
}

/** See `searchCatalogueIn`: every query word must occur; filters narrow by kind, pillar, tier and milestone term. */
export function searchCatalogue(
  query: string,
  filters: ActionAreaFilters = {},
  source: Catalogue = getCatalogue(),
): CatalogueSearchResult[] {
  return searchCatalogueIn(source, query, filters);
}
