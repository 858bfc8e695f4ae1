import '@musyawarah/ui/styles.css';
// First, so the worker starts before the rest of the start-up code is evaluated.
import './intl-warmup';
import type { AppRouter } from '@musyawarah/api';
import { createQueryClient } from '@musyawarah/ui';
import { whenI18nReady } from '@musyawarah/ui/i18n-startup';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { i18n } from './i18n';
import { createAppRouter } from './router';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { seedPageData } from './page-data';
import { TRPCProvider, createApiClient, ME_QUERY_KEY_PREFIX } from './trpc';

// Start-up runs as three tasks instead of one: evaluating the start-up modules, then seeding the page's data, then
// creating the router (which matches the address and starts loading the page's code). In one task it blocked the
// main thread for ~100 ms on a mid-range phone (~400 ms at Lighthouse's 4x slowdown), ignoring any tap meanwhile;
// Total Blocking Time counts what a task lasts beyond 50 ms, so shorter tasks block less. The shell the host sent
// stays on screen throughout.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

void nextTask()
  .then(() => {
    const queryClient = createQueryClient({
      // The session ended: forget the user; pages that need one send the visitor to sign in.
      onUnauthorized: (client) => client.setQueriesData({ queryKey: ME_QUERY_KEY_PREFIX }, null),
    });
    const trpcClient = createApiClient();
    // A round's page arrives with the round in it (apps/api/src/page-shell.ts): its first render shows it, no spinner.
    seedPageData(queryClient, createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient }));
    return nextTask().then(() => ({ queryClient, trpcClient }));
  })
  .then(async ({ queryClient, trpcClient }) => {
    const router = createAppRouter();
    // The host sent the page's frame and text already (apps/api/src/page-shell.ts); the first render replaces them, so
    // it waits for the route's lazily loaded code: rendering earlier would swap the text for an empty frame.
    const routeReady = new Promise<void>((resolve) => {
      if (router.state.initialized) return resolve();
      const unsubscribe = router.subscribe((state) => {
        if (!state.initialized) return;
        unsubscribe();
        resolve();
      });
    });
    // In a language other than English the shell's words arrive in a small chunk first: no flash of English.
    await Promise.all([whenI18nReady(i18n), routeReady]);
    // The first render is a transition: React renders in slices of a few milliseconds instead of one long task, so a
    // slow phone can still answer a tap on the shell's links meanwhile (the shell stays on screen until the commit).
    startTransition(() =>
      createRoot(document.getElementById('root')!).render(
        <StrictMode>
          <I18nextProvider i18n={i18n}>
            <QueryClientProvider client={queryClient}>
              <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
                <RouterProvider router={router} />
              </TRPCProvider>
            </QueryClientProvider>
          </I18nextProvider>
        </StrictMode>,
      ),
    );
  });
