import type { RouteObject } from 'react-router';
import { lazyPage as page } from '../../i18n';

/** Children of `/review` in the app's router. Pages load lazily (`lazy`) so they stay out of the initial bundle. */
export const reviewRoutes: RouteObject[] = [
  {
    index: true,
    lazy: page(
      () => import('./ReviewIndexPage'),
      (m) => m.ReviewIndexPage,
    ),
  },
  {
    path: 'editions/:edition',
    lazy: page(
      () => import('./YouSaidWeDidPage'),
      (m) => m.YouSaidWeDidPage,
    ),
  },
  {
    path: ':cycleId',
    lazy: page(
      () => import('./CyclePage'),
      (m) => m.CyclePage,
    ),
  },
  {
    path: ':cycleId/assessment',
    lazy: page(
      () => import('./AssessmentPage'),
      (m) => m.AssessmentPage,
    ),
  },
];
