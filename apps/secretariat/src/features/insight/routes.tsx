import { Loading } from '@musyawarah/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';

const ThemesPage = lazy(() => import('./ThemesPage').then((m) => ({ default: m.ThemesPage })));

/** The theme analysis of a round (issue #17), beside the round's other screens. */
export function insightRoutes(guarded: (page: ReactNode) => ReactNode): RouteObject[] {
  return [
    {
      path: 'consultations/:roundId/themes',
      element: guarded(
        <Suspense fallback={<Loading />}>
          <ThemesPage />
        </Suspense>,
      ),
    },
  ];
}
