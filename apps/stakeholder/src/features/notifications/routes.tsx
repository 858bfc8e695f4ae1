import type { RouteObject } from 'react-router';
import { lazyPage } from '../../i18n';
import { RequireSignIn } from '../../session';

/** The notification centre, the settings under the account, and the unsubscribe page (no sign-in). */
export const notificationRoutes: RouteObject[] = [
  {
    path: 'notifications',
    lazy: async () => {
      const { Component } = await lazyPage(
        () => import('./NotificationsPage'),
        (m) => m.NotificationsPage,
      )();
      return {
        element: (
          <RequireSignIn>
            <Component />
          </RequireSignIn>
        ),
      };
    },
  },
  {
    path: 'account/notifications',
    lazy: async () => {
      const { Component } = await lazyPage(
        () => import('./PreferencesPage'),
        (m) => m.PreferencesPage,
      )();
      return {
        element: (
          <RequireSignIn>
            <Component />
          </RequireSignIn>
        ),
      };
    },
  },
  {
    path: 'unsubscribe',
    lazy: lazyPage(
      () => import('./UnsubscribePage'),
      (m) => m.UnsubscribePage,
    ),
  },
];
