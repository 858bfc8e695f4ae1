import type { Catalogue } from '@musyawarah/core/catalogue/types';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../trpc';

/**
 * The part of the cycle's base edition the editor's pickers and live previews need: every action area's id and title,
 * and the full text of the areas asked for (the one being edited). The other areas stand in as empty shells, the same
 * in the base and in the preview, so they never show up in a diff. The server checks every edit against the whole base
 * edition and returns the authoritative diff.
 */
export function useBaseCatalogue(
  editionNumber: number | undefined,
  areaIds: readonly string[],
): { catalogue: Catalogue | undefined; isPending: boolean; error: unknown } {
  const trpc = useTRPC();
  const ids = useQuery({
    ...trpc.catalogue.ids.queryOptions({ edition: editionNumber }),
    enabled: editionNumber !== undefined,
    staleTime: Infinity,
  });
  const wanted = [...new Set(areaIds.filter((id) => ids.data?.some((a) => a.id === id)))];
  const areas = useQueries({
    queries: wanted.map((id) => ({
      ...trpc.catalogue.actionArea.queryOptions({ id, edition: editionNumber }),
      enabled: editionNumber !== undefined,
      staleTime: Infinity,
    })),
  });
  if (!ids.data) return { catalogue: undefined, isPending: ids.isPending, error: ids.error };
  const loaded = new Map(areas.flatMap((q) => (q.data ? [[q.data.id, q.data]] : [])));
  const catalogue: Catalogue = {
    actionAreas: ids.data.map(
      (a) =>
        loaded.get(a.id) ?? {
          id: a.id,
          kind: 'cross-cutting',
          pillar: 0,
          tier: null,
          title: a.title,
          objectives: [],
          subActions: a.subActionIds.map((id) => ({
            id,
            title: '',
            targetAreas: [],
            milestones: { short: [], medium: [], long: [] },
            measures: [],
            caseStudies: [],
            linkedCriteria: [],
          })),
        },
    ),
  };
  return {
    catalogue,
    isPending: areas.some((q) => q.isPending && q.fetchStatus !== 'idle'),
    error: areas.find((q) => q.error)?.error ?? null,
  };
}
