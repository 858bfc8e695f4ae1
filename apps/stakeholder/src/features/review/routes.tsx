import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

const page =
  <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  async () => ({ Component: pick(await load()) });

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
