import type { AppRouter } from '@musyawarah/api';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { describe, expect, it, vi } from 'vitest';
import { seedPageData } from './page-data';

const ROUND_ID = '0b9f6a52-52a8-4a1e-9d55-3f0c1f7e2a11';

/** A page as the host sends it: only the data element matters here. */
const page = (text: string | null) =>
  ({
    getElementById: (id: string) => (id === 'page-data' && text !== null ? { textContent: text } : null),
  }) as Document;

function setUp() {
  const fetch = vi.fn();
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
  const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: 'http://localhost/trpc', fetch })] });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client, queryClient });
  return { fetch, queryClient, trpc };
}

describe('the page data the host embeds', () => {
  it("gives the round page its round at once, and the page's query does not ask the API again", async () => {
    const { fetch, queryClient, trpc } = setUp();
    const round = { id: ROUND_ID, title: { en: 'A round' }, opensAt: '2026-12-01T00:00:00.000Z' };
    seedPageData(
      queryClient,
      trpc,
      page(JSON.stringify({ queries: [{ path: 'rounds.get', input: { roundId: ROUND_ID }, data: round }] })),
    );
    expect(queryClient.getQueryData(trpc.rounds.get.queryKey({ roundId: ROUND_ID }))).toEqual(round);
    // What useRound asks for: answered from the cache while fresh.
    await expect(
      queryClient.ensureQueryData(trpc.rounds.get.queryOptions({ roundId: ROUND_ID })),
    ).resolves.toEqual(round);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('ignores what it does not know, a broken element and a page without data', () => {
    const { queryClient, trpc } = setUp();
    seedPageData(
      queryClient,
      trpc,
      page(
        JSON.stringify({ queries: [{ path: 'auth.me', input: undefined, data: { role: 'secretariat' } }] }),
      ),
    );
    seedPageData(
      queryClient,
      trpc,
      page(JSON.stringify({ queries: [{ path: 'rounds.get', input: 7, data: {} }] })),
    );
    seedPageData(queryClient, trpc, page('{not json'));
    seedPageData(queryClient, trpc, page(null));
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
  });
});
