import { NotFoundPage, RouteErrorPage } from '@musyawarah/ui';
import { createBrowserRouter } from 'react-router';
import { AcceptInvitationPage } from './pages/AcceptInvitation';
import { AccountDeletedPage, AccountPage } from './pages/Account';
import { CheckEmailPage, ConfirmEmailPage } from './pages/ConfirmEmail';
import { HomePage } from './pages/Home';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/Password';
import { PrivacyPage } from './pages/Privacy';
import { RegisterPage } from './pages/Register';
import { assessmentRoutes } from './features/assessment/routes';
import { ActionAreaPage } from './features/catalogue/ActionAreaPage';
import { CatalogueListPage } from './features/catalogue/CatalogueListPage';
import { consultationRoutes, MyContributionsPage } from './features/consultations/routes';
import { boardRoutes } from './features/boards/routes';
import { editionRoutes } from './features/editions/routes';
import { reviewRoutes } from './features/review/routes';
import { SignInPage } from './pages/SignIn';
import { Root } from './Root';
import { RequireSignIn } from './session';

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'actions', element: <CatalogueListPage /> },
          { path: 'actions/:id', element: <ActionAreaPage /> },
          { path: 'assessment', children: assessmentRoutes },
          { path: 'consultations', children: consultationRoutes },
          { path: 'my-contributions', element: <MyContributionsPage /> },
          { path: 'boards', children: boardRoutes },
          { path: 'editions', children: editionRoutes },
          { path: 'review', children: reviewRoutes },
          { path: 'privacy', element: <PrivacyPage /> },
          { path: 'register', element: <RegisterPage /> },
          { path: 'register/check-email', element: <CheckEmailPage /> },
          { path: 'confirm-email', element: <ConfirmEmailPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'accept-invitation', element: <AcceptInvitationPage /> },
          {
            path: 'account',
            element: (
              <RequireSignIn>
                <AccountPage />
              </RequireSignIn>
            ),
          },
          { path: 'account/deleted', element: <AccountDeletedPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
