import { useQuery } from '@tanstack/react-query';
import { useTRPC, type Outputs } from '../../trpc';

export type Overview = Outputs['catalogue']['overview'];
export type ActionAreaSummary = Outputs['catalogue']['list'][number];
export type ActionArea = Outputs['catalogue']['actionArea'];
export type SubAction = ActionArea['subActions'][number];

/** The Roadmap's text does not change while the app runs: fetch it once. */
export const STATIC = { staleTime: Infinity, gcTime: Infinity } as const;

export function useOverview() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.catalogue.overview.queryOptions(), ...STATIC });
}

/** Ids and titles of every action area (and its sub-action ids), for titles of recommended actions and links. */
export function useCatalogueIds() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.catalogue.ids.queryOptions(), ...STATIC });
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
