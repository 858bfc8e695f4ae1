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
import type { ActionArea, Catalogue, CriterionId, Pillar, SubAction } from './types';
import type { ActionAreaFilters, Normalisation, Priority, Timeframe } from './extra-types';

export type * from './extra-types';
export type { CatalogueSearchResult } from './search';
export { foldForSearch, tokenize } from './search';

/** The Roadmap's action catalogue as extracted by `pnpm extract:catalogue` (cross-cutting first, then targeted). */
export const catalogue: Catalogue = catalogueSchema.parse(catalogueFile);
export const pillars: readonly Pillar[] = pillarsSchema.parse(pillarsFile);
export const timeframe: Timeframe = timeframeSchema.parse(timeframeFile);
/** The eight key priorities of the executive summary, in the Roadmap's order. */
export const priorities: readonly Priority[] = prioritiesSchema.parse(prioritiesFile);
/** Every departure from the source text the extractor made, by source line. */
export const normalisations: readonly Normalisation[] = normalisationsSchema.parse(normalisationsFile);

export interface SubActionInContext {
  subAction: SubAction;
  actionArea: ActionArea;
}

const normaliseId = (id: string): string => id.trim().toUpperCase();

export function findActionArea(id: string, source: Catalogue = catalogue): ActionArea | undefined {
  const wanted = normaliseId(id);
  return source.actionAreas.find((area) => area.id === wanted);
}

export function findSubAction(id: string, source: Catalogue = catalogue): SubActionInContext | undefined {
  const wanted = normaliseId(id);
  for (const actionArea of source.actionAreas) {
    const subAction = actionArea.subActions.find((candidate) => candidate.id === wanted);
    if (subAction) return { subAction, actionArea };
  }
  return undefined;
}

/** Sub-actions that say achieving them can raise the given readiness criterion, in catalogue order. */
export function listSubActionsCitingCriterion(
  criterionId: CriterionId | string,
  source: Catalogue = catalogue,
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
  source: Catalogue = catalogue,
): CatalogueSearchResult[] {
  return searchCatalogueIn(source, query, filters);
}
