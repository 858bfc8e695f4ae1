// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, expect, it } from 'vitest';
import { createI18n } from '../i18n/full';
import { NoticeProvider, NoticeRegion } from '../notices/NoticeProvider';
import { createSessionHooks } from './session';

const ME_KEY = ['auth', 'me'];
const i18n = createI18n({}, { lng: 'en' });

afterEach(cleanup);

it('signing out from a page for signed-in people lands on sign-in, without ?next=, and says so there', async () => {
  const client = new QueryClient();
  client.setQueryData(ME_KEY, { locale: 'en', role: 'secretariat' });
  const hooks = createSessionHooks({
    useMeQuery: () => useQuery({ queryKey: ME_KEY, queryFn: () => null }),
    useMeQueryKey: () => ME_KEY,
    useSetLocale: () => ({ mutate: () => undefined }),
    useSignOut: ({ onSettled }) => ({ mutate: onSettled, isPending: false }),
  });
  function Shell() {
    const { signOut } = hooks.useSignOut({ key: 'layout.loading' });
    return (
      <NoticeProvider>
        <button onClick={signOut}>Sign out</button>
        <NoticeRegion />
        <Outlet />
      </NoticeProvider>
    );
  }
  const router = createMemoryRouter(
    [
      {
        element: <Shell />,
        children: [
          {
            path: '/mail',
            element: <hooks.RequireSession allows={() => true}>Mail outbox</hooks.RequireSession>,
          },
          { path: '/sign-in', element: <h1>Sign in</h1> },
        ],
      },
    ],
    { initialEntries: ['/mail'] },
  );
  render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
  await screen.findByText('Mail outbox');
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  await screen.findByRole('heading', { name: 'Sign in' });
  expect(router.state.location.pathname + router.state.location.search).toBe('/sign-in');
  expect(screen.getByRole('status').textContent).toBe('SuccessLoading…');
});

it('leaving for another page after the session ended (an account deleted) lands there, and guards work again after', async () => {
  const client = new QueryClient();
  client.setQueryData(ME_KEY, { locale: 'en', role: 'stakeholder' });
  const hooks = createSessionHooks({
    useMeQuery: () => useQuery({ queryKey: ME_KEY, queryFn: () => null }),
    useMeQueryKey: () => ME_KEY,
    useSetLocale: () => ({ mutate: () => undefined }),
    useSignOut: ({ onSettled }) => ({ mutate: onSettled, isPending: false }),
  });
  function DeleteAccount() {
    const leaveSignedOut = hooks.useLeaveSignedOut();
    return <button onClick={() => leaveSignedOut({ to: '/account/deleted' })}>Delete my account</button>;
  }
  const router = createMemoryRouter(
    [
      {
        element: (
          <NoticeProvider>
            <Outlet />
          </NoticeProvider>
        ),
        children: [
          {
            path: '/account',
            element: (
              <hooks.RequireSession allows={() => true}>
                <DeleteAccount />
              </hooks.RequireSession>
            ),
          },
          { path: '/account/deleted', element: <h1>Your account has been deleted</h1> },
          { path: '/sign-in', element: <h1>Sign in</h1> },
        ],
      },
    ],
    { initialEntries: ['/account'] },
  );
  render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
  await act(async () => {
    fireEvent.click(await screen.findByRole('button', { name: 'Delete my account' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  await screen.findByRole('heading', { name: 'Your account has been deleted' });
  expect(router.state.location.pathname).toBe('/account/deleted');

  // Later, signed out, a page for signed-in people sends them to sign in and back, as for anyone.
  await act(async () => {
    await router.navigate('/account');
  });
  await screen.findByRole('heading', { name: 'Sign in' });
  expect(router.state.location.pathname + router.state.location.search).toBe('/sign-in?next=%2Faccount');
});
