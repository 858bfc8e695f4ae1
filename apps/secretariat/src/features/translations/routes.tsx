import { Loading } from '@musyawarah/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';

// The translation review screen is used by few people: loaded on demand.
const TranslationsPage = lazy(() =>
  import('./TranslationsPage').then((m) => ({ default: m.TranslationsPage })),
);

/** `/translations`; `guarded` wraps the page in the secretariat check. */
export function translationRoutes(guarded: (page: ReactNode) => ReactNode): RouteObject[] {
  return [
    {
      path: 'translations',
      element: guarded(
        <Suspense fallback={<Loading />}>
          <TranslationsPage />
        </Suspense>,
      ),
    },
  ];
}
