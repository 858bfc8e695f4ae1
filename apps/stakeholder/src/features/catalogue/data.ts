import { useQuery } from '@tanstack/react-query';
import { useTRPC, type Outputs } from '../../trpc';

export type Overview = Outputs['catalogue']['overview'];
export type ActionAreaSummary = Outputs['catalogue']['list'][number];
export type ActionArea = Outputs['catalogue']['actionArea'];
export type SubAction = ActionArea['subActions'][number];

/** An edition's text never changes: fetch it once. */
export const STATIC = { staleTime: Infinity, gcTime: Infinity } as const;
/** Which edition is current changes only when one is adopted; a tab left open for a while picks it up on its next read. */
export const CURRENT = { staleTime: 10 * 60_000 } as const;

/** Settings for a catalogue read: a numbered edition is immutable, "the current one" is not. */
export const freshness = (edition: number | undefined) => (edition ? STATIC : CURRENT);

/** Pillars, timeframe and priorities, and the edition being read (the current one unless a number is given). */
export function useOverview(edition?: number) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.catalogue.overview.queryOptions(edition ? { edition } : undefined),
    ...freshness(edition),
  });
}

/** Ids and titles of every action area (and its sub-action ids), for titles of recommended actions and links. */
export function useCatalogueIds() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.catalogue.ids.queryOptions(), ...CURRENT });
}

export function pillarName(overview: Overview | undefined, kind: string, pillar: number): string | undefined {
  return overview?.pillars.find((p) => p.kind === kind && p.number === pillar)?.name;
}

/** "2025–2026" for a term, from Table 2 of the Roadmap. */
export function termYears(overview: Overview | undefined, term: string): string | undefined {
  const years = overview?.timeframe.terms.find((t) => t.term === term)?.years;
  if (!years || years.length === 0) return undefined;
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}
