import type { RouteObject } from 'react-router';

/** Children of `/editions` in the app's router. Pages load lazily (`lazy`) so they stay out of the initial bundle. */
export const editionRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./EditionsListPage')).EditionsListPage }) },
  { path: 'compare', lazy: async () => ({ Component: (await import('./ComparePage')).ComparePage }) },
];
