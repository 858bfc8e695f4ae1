import type { RouteObject } from 'react-router';
import { lazyPage as page } from '../../i18n';

/** Children of `/consultations` in the app's router; each page loads on demand (route `lazy`). */
export const consultationRoutes: RouteObject[] = [
  {
    index: true,
    lazy: page(
      () => import('./RoundsListPage'),
      (m) => m.RoundsListPage,
    ),
  },
  {
    path: ':id',
    lazy: page(
      () => import('./RoundPage'),
      (m) => m.RoundPage,
    ),
  },
  {
    path: ':id/respond',
    lazy: page(
      () => import('./RespondPage'),
      (m) => m.RespondPage,
    ),
  },
  {
    path: ':id/receipt/:ref',
    lazy: page(
      () => import('./ReceiptPage'),
      (m) => m.ReceiptPage,
    ),
  },
];
