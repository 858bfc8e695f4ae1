import type { RouteObject } from 'react-router';
import { lazyPage as page } from '../../i18n';

/** Children of `/editions` in the app's router. Pages load lazily (`lazy`) so they stay out of the initial bundle. */
export const editionRoutes: RouteObject[] = [
  {
    index: true,
    lazy: page(
      () => import('./EditionsListPage'),
      (m) => m.EditionsListPage,
    ),
  },
  {
    path: 'compare',
    lazy: page(
      () => import('./ComparePage'),
      (m) => m.ComparePage,
    ),
  },
];
