import type { Catalogue } from '@musyawarah/core/catalogue/types';
import { useQuery } from '@tanstack/react-query';

/**
 * The catalogue the editor's pickers and live previews read (areas, entries, current text). It is the first edition,
 * bundled with core and loaded on demand; the server checks every edit against the cycle's real base edition and
 * returns the authoritative diff. TODO: read a later base edition from the editions API once a cycle reviews one.
 */
export function useBaseCatalogue(): { catalogue: Catalogue | undefined; isPending: boolean; error: unknown } {
  const query = useQuery({
    queryKey: ['review', 'baseCatalogue'],
    queryFn: () => import('@musyawarah/core/catalogue/index').then((m) => m.catalogue),
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return { catalogue: query.data, isPending: query.isPending, error: query.error };
}
