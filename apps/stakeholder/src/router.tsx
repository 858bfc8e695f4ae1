import { NotFoundPage, RouteErrorPage } from '@musyawarah/ui';
import { createBrowserRouter } from 'react-router';
import { assessmentRoutes } from './features/assessment/routes';
import { boardRoutes } from './features/boards/routes';
import { consultationRoutes } from './features/consultations/routes';
import { editionRoutes } from './features/editions/routes';
import { notificationRoutes } from './features/notifications/routes';
import { reviewRoutes } from './features/review/routes';
import { lazyPage, loadAllTranslations } from './i18n';
import { HomePage } from './pages/Home';
import { Root } from './Root';
import { RequireSignIn } from './session';

/**
 * Pages other than the home page load on demand (route `lazy`), so a first visit downloads the shell and the home
 * page only — the initial-JavaScript budget in bench/ is 150 KB gzip, and the catalogue pages alone bring the Roadmap.
 */
const page = lazyPage;

/**
 * The app's router. Creating it matches the address and starts loading the page's code, so main.tsx calls it in a
 * task of its own, after the start-up modules have been evaluated (see there).
 */
export const createAppRouter = () =>
  createBrowserRouter([
    {
      element: <Root />,
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [
            { index: true, element: <HomePage /> },
            {
              path: 'actions',
              lazy: page(
                () => import('./features/catalogue/CatalogueListPage'),
                (m) => m.CatalogueListPage,
              ),
            },
            {
              path: 'actions/:id',
              lazy: page(
                () => import('./features/catalogue/ActionAreaPage'),
                (m) => m.ActionAreaPage,
              ),
            },
            { path: 'assessment', children: assessmentRoutes },
            { path: 'consultations', children: consultationRoutes },
            {
              path: 'my-contributions',
              lazy: page(
                () => import('./features/consultations/MyContributionsPage'),
                (m) => m.MyContributionsPage,
              ),
            },
            { path: 'boards', children: boardRoutes },
            { path: 'editions', children: editionRoutes },
            { path: 'review', children: reviewRoutes },
            ...notificationRoutes,
            {
              path: 'open-data',
              lazy: page(
                () => import('./features/opendata/OpenDataPage'),
                (m) => m.OpenDataPage,
              ),
            },
            {
              path: 'privacy',
              lazy: page(
                () => import('./pages/Privacy'),
                (m) => m.PrivacyPage,
              ),
            },
            {
              path: 'register',
              lazy: page(
                () => import('./pages/Register'),
                (m) => m.RegisterPage,
              ),
            },
            {
              path: 'register/check-email',
              lazy: page(
                () => import('./pages/ConfirmEmail'),
                (m) => m.CheckEmailPage,
              ),
            },
            {
              path: 'confirm-email',
              lazy: page(
                () => import('./pages/ConfirmEmail'),
                (m) => m.ConfirmEmailPage,
              ),
            },
            {
              path: 'sign-in',
              lazy: page(
                () => import('./pages/SignIn'),
                (m) => m.SignInPage,
              ),
            },
            {
              path: 'forgot-password',
              lazy: page(
                () => import('./pages/Password'),
                (m) => m.ForgotPasswordPage,
              ),
            },
            {
              path: 'reset-password',
              lazy: page(
                () => import('./pages/Password'),
                (m) => m.ResetPasswordPage,
              ),
            },
            {
              path: 'accept-invitation',
              lazy: page(
                () => import('./pages/AcceptInvitation'),
                (m) => m.AcceptInvitationPage,
              ),
            },
            {
              path: 'account',
              lazy: async () => {
                const [{ AccountPage }] = await Promise.all([
                  import('./pages/Account'),
                  loadAllTranslations(),
                ]);
                return {
                  element: (
                    <RequireSignIn>
                      <AccountPage />
                    </RequireSignIn>
                  ),
                };
              },
            },
            {
              path: 'account/deleted',
              lazy: page(
                () => import('./pages/Account'),
                (m) => m.AccountDeletedPage,
              ),
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
