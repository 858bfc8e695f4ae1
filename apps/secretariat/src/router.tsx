import { NotFoundPage, RouteErrorPage } from '@musyawarah/ui';
import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { boardRoutes } from './features/boards/routes';
import { consultationRoutes } from './features/consultations/routes';
import { dashboardRoutes } from './features/dashboards/routes';
import { reviewRoutes } from './features/review/routes';
import { translationRoutes } from './features/translations/routes';
import { insightRoutes } from './features/insight/routes';
import { AssessmentDetailPage } from './features/readiness/AssessmentDetailPage';
import { RegionalPage } from './features/readiness/RegionalPage';
import { DashboardPage } from './pages/Dashboard';
import { InvitationsPage } from './pages/Invitations';
import { InviteUserPage } from './pages/InviteUser';
import { MailMessagePage, MailOutboxPage } from './pages/Mail';
import { SignInPage } from './pages/SignIn';
import { UsersPage } from './pages/Users';
import { Root } from './Root';
import { RequireSecretariat } from './session';
import { NotificationsPage } from './features/notifications/NotificationsPage';

const guarded = (page: ReactNode) => <RequireSecretariat>{page}</RequireSecretariat>;

export const router = createBrowserRouter(
  [
    {
      element: <Root />,
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [
            { path: 'sign-in', element: <SignInPage /> },
            { index: true, element: guarded(<DashboardPage />) },
            { path: 'users', element: guarded(<UsersPage />) },
            { path: 'users/invite', element: guarded(<InviteUserPage />) },
            { path: 'invitations', element: guarded(<InvitationsPage />) },
            { path: 'mail', element: guarded(<MailOutboxPage />) },
            { path: 'notifications', element: guarded(<NotificationsPage />) },
            { path: 'mail/:id', element: guarded(<MailMessagePage />) },
            { path: 'readiness', element: guarded(<RegionalPage />) },
            { path: 'readiness/:id', element: guarded(<AssessmentDetailPage />) },
            ...consultationRoutes(guarded),
            ...boardRoutes(guarded),
            ...reviewRoutes(guarded),
            ...translationRoutes(guarded),
            ...insightRoutes(guarded),
            ...dashboardRoutes(guarded),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ],
  { basename: '/secretariat' },
);
