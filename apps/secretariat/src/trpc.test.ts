import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_BATCH_MAX_ITEMS, API_MAX_URL_LENGTH } from '@musyawarah/ui';
import { createApiClient } from './trpc';

/** The host refuses batches of more than 30 procedures (apps/api/src/server.ts, MAX_BATCH_SIZE) with 413. */
const HOST_MAX_BATCH_SIZE = 30;

afterEach(() => vi.unstubAllGlobals());

describe('the API client', () => {
  it('splits a page that asks for many queries at once into batches the host accepts', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (input: string | URL) => {
      const url = new URL(String(input), 'http://localhost');
      urls.push(url.pathname + url.search);
      const count = decodeURIComponent(url.pathname.slice('/trpc/'.length)).split(',').length;
      return new Response(JSON.stringify(Array.from({ length: count }, () => ({ result: { data: [] } }))), {
        headers: { 'content-type': 'application/json' },
      });
    });
    const client = createApiClient();
    const results = await Promise.all(
      Array.from({ length: 75 }, (_, i) => client.catalogue.ids.query({ edition: (i % 3) + 1 })),
    );
    expect(results).toHaveLength(75);
    expect(urls.length).toBeGreaterThanOrEqual(Math.ceil(75 / API_BATCH_MAX_ITEMS));
    for (const url of urls) {
      const procedures = decodeURIComponent(url.split('?')[0]!.slice('/trpc/'.length)).split(',').length;
      expect(procedures).toBeLessThanOrEqual(Math.min(API_BATCH_MAX_ITEMS, HOST_MAX_BATCH_SIZE));
      expect(url.length).toBeLessThanOrEqual(API_MAX_URL_LENGTH);
    }
  });
});
