import '@musyawarah/ui/styles.css';
import { installValidationMessages } from '@musyawarah/core/schemas/messages';
import { createQueryClient } from '@musyawarah/ui';
import { whenI18nReady } from '@musyawarah/ui/i18n-startup';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { i18n } from './i18n';
import { router } from './router';
import { TRPCProvider, createApiClient, ME_QUERY_KEY_PREFIX } from './trpc';

// Zod's issues read as translation keys in every form (core installs nothing on import).
installValidationMessages();

const queryClient = createQueryClient({
  // The session ended: forget the user; pages that need one send the visitor to sign in.
  onUnauthorized: (client) => client.setQueriesData({ queryKey: ME_QUERY_KEY_PREFIX }, null),
});
const trpcClient = createApiClient();

// In a language other than English the shell's words arrive in a small chunk first: no flash of English.
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
