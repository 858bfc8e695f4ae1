import type { AppRouter } from '@musyawarah/api';
import { API_BATCH_MAX_ITEMS, API_MAX_URL_LENGTH, API_URL, apiFetch } from '@musyawarah/ui';
import { createTRPCClient, httpBatchLink, httpLink, isNonJsonSerializable, splitLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [
      // FormData (a document upload) cannot be batched as JSON: it goes alone, as a multipart body.
      splitLink({
        condition: (op) => isNonJsonSerializable(op.input),
        true: httpLink({ url: API_URL, fetch: apiFetch }),
        false: httpBatchLink({
          url: API_URL,
          fetch: apiFetch,
          maxItems: API_BATCH_MAX_ITEMS,
          maxURLLength: API_MAX_URL_LENGTH,
        }),
      }),
    ],
  });
}

export type Inputs = inferRouterInputs<AppRouter>;
export type Outputs = inferRouterOutputs<AppRouter>;
export type Me = NonNullable<Outputs['auth']['me']>;

/** Prefix of the `auth.me` query key (tRPC keys are `[path, { type }]`), for code outside React. */
export const ME_QUERY_KEY_PREFIX = [['auth', 'me']];
