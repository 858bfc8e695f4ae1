import '@musyawarah/ui/styles.css';
import { installValidationMessages } from '@musyawarah/core/schemas/messages';
import { createI18n, createQueryClient, whenI18nReady } from '@musyawarah/ui';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { appResources } from './resources';
import { router } from './router';
import { ME_QUERY_KEY_PREFIX, TRPCProvider, createApiClient } from './trpc';

// Zod's issues read as translation keys in every form (core installs nothing on import).
installValidationMessages();

const i18n = createI18n(appResources, {
  loaders: () => import('./locale-loaders').then((m) => m.loaders),
});
const queryClient = createQueryClient({
  // The session ended: forget the user; the guard sends the visitor to sign in.
  onUnauthorized: (client) => client.setQueriesData({ queryKey: ME_QUERY_KEY_PREFIX }, null),
});
const trpcClient = createApiClient();

void whenI18nReady(i18n).then(() =>
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
