import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { errorStatus, isNetworkError } from '../errors/server-error';

/** The API is same-origin in every deployment (the dev servers proxy it). */
export const API_URL = '/trpc';

/**
 * At most this many procedures per batched request. The host refuses batches over its own MAX_BATCH_SIZE
 * (apps/api/src/server.ts, 30) with 413, so this must stay at or below it; a page needing more sends several requests.
 */
export const API_BATCH_MAX_ITEMS = 20;

/**
 * Longest URL a batched GET may have before the link splits it: under nginx's default 8 KB request-line buffer (a
 * longer URL is refused there with 414) and Node's 16 KB header limit (431).
 */
export const API_MAX_URL_LENGTH = 6_000;

/** fetch for tRPC links: sends the HttpOnly session cookie, same-origin only. */
export const apiFetch: typeof fetch = (input, init) => {
  // The page's language, so mail to someone without an account (a confirmation, a reset link) is written in it.
  const headers = new Headers(init?.headers);
  const language = typeof document === 'undefined' ? '' : document.documentElement.lang;
  if (language) headers.set('X-Musyawarah-Locale', language);
  return fetch(input, { ...init, headers, credentials: 'same-origin' });
};

/**
 * Query defaults for slow, flaky links: retry network failures a couple of times with backoff, never retry answers
 * the API gave on purpose (4xx), and do not refetch on every tab switch.
 */
export function createQueryClient(
  options: { onUnauthorized?: (client: QueryClient) => void } = {},
): QueryClient {
  // A session that ended (expired, signed out elsewhere) answers 401: let the app forget the user and ask to sign in.
  const onError = (error: unknown) => {
    if (errorStatus(error) === 401) options.onUnauthorized?.(client);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (isNetworkError(error)) return failureCount < 3;
          const status = errorStatus(error);
          return status !== null && status >= 500 && failureCount < 1;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}
