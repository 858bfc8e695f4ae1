import type { AppRouter } from '@musyawarah/api';
import type { QueryClient } from '@tanstack/react-query';
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { Outputs } from './trpc';

type RoundDetail = Outputs['rounds']['get'];

/** The element the host writes a page's data into (apps/api/src/page-shell.ts, PAGE_DATA_ID). */
const PAGE_DATA_ID = 'page-data';

interface PageQuery {
  path: string;
  input: unknown;
  data: unknown;
}

/**
 * Seeds the query cache with the answers the host embedded in the page, so the page renders them at once instead of
 * showing a spinner while it asks the API for what the host has just read. Only the queries named here are taken:
 * anything else in the element is ignored, and a missing or unreadable element changes nothing (the page then fetches
 * as usual). The entries count as fresh from now (the client's staleTime), as a fetched answer would.
 */
export function seedPageData(
  queryClient: QueryClient,
  trpc: TRPCOptionsProxy<AppRouter>,
  doc = document,
): void {
  const element = doc.getElementById(PAGE_DATA_ID);
  if (!element?.textContent) return;
  let queries: PageQuery[];
  try {
    queries = (JSON.parse(element.textContent) as { queries?: PageQuery[] }).queries ?? [];
  } catch {
    return;
  }
  for (const query of queries) {
    if (query.path === 'rounds.get' && isRoundInput(query.input)) {
      queryClient.setQueryData(trpc.rounds.get.queryKey(query.input), query.data as RoundDetail);
    }
  }
}

const isRoundInput = (input: unknown): input is { roundId: string } =>
  typeof input === 'object' && input !== null && typeof (input as { roundId?: unknown }).roundId === 'string';
