import type { RouteObject } from 'react-router';
import { lazyPage as page } from '../../i18n';

/** Children of `/assessment` in the app's router; each page loads on demand (route `lazy`). */
export const assessmentRoutes: RouteObject[] = [
  {
    index: true,
    lazy: page(
      () => import('./AssessmentPage'),
      (m) => m.AssessmentPage,
    ),
  },
  {
    path: 'result',
    lazy: page(
      () => import('./TryResultPage'),
      (m) => m.TryResultPage,
    ),
  },
  {
    path: 'compare',
    lazy: page(
      () => import('./ComparePage'),
      (m) => m.ComparePage,
    ),
  },
  {
    path: ':id',
    lazy: page(
      () => import('./SavedAssessmentPage'),
      (m) => m.SavedAssessmentPage,
    ),
  },
  {
    path: ':id/edit',
    lazy: page(
      () => import('./EditAssessmentPage'),
      (m) => m.EditAssessmentPage,
    ),
  },
];
