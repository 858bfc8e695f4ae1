// Two API hosts on one database. Each host is its own instance of the API's modules (vi.resetModules), as two
// processes behind a load balancer would be: nothing kept in one module's memory is shared between them, only the
// database is (issue #16).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RequestMeta } from './context';
import type { createCaller as CreateCaller } from './root';
import { createTestApi, type TestApi } from './test-support';

type Host = (ipAddress: string) => Promise<ReturnType<typeof CreateCaller>>;

let api: TestApi;
let hostA: Host;
let hostB: Host;

async function loadHost(): Promise<Host> {
  vi.resetModules();
  const { createContext } = await import('./context');
  const { createCaller } = await import('./root');
  let counter = 0;
  return async (ipAddress) => {
    const request: RequestMeta = {
      requestId: `host-${++counter}`,
      ipAddress,
      userAgent: 'vitest',
      cookieHeader: null,
      origin: null,
      secFetchSite: null,
      host: 'localhost:3000',
      setCookie: () => undefined,
    };
    return createCaller(await createContext(api.services, request));
  };
}

beforeAll(async () => {
  api = await createTestApi();
  hostA = await loadHost();
  hostB = await loadHost();
});
afterAll(async () => api.close());

async function publishedRound() {
  const secretariat = await api.signedIn('secretariat');
  const round = await secretariat.caller.rounds.create({
    title: { en: 'Round read on two hosts' },
    description: { en: 'Visited through a load balancer.' },
    format: 'online_consultation',
    audience: 'public',
    languages: ['en'],
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
  });
  await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
  return { round, secretariat };
}

describe('visits behind a load balancer', () => {
  it('counts one visit when the same visitor reaches the round on two hosts', async () => {
    const { round, secretariat } = await publishedRound();
    expect(await (await hostA('198.51.100.40')).roundDocuments.recordVisit({ roundId: round.id })).toEqual({
      counted: true,
    });
    expect(await (await hostB('198.51.100.40')).roundDocuments.recordVisit({ roundId: round.id })).toEqual({
      counted: false,
    });
    expect(await (await hostA('198.51.100.40')).roundDocuments.recordVisit({ roundId: round.id })).toEqual({
      counted: false,
    });
    // Another visitor on host B still counts.
    expect(await (await hostB('198.51.100.41')).roundDocuments.recordVisit({ roundId: round.id })).toEqual({
      counted: true,
    });
    expect((await secretariat.caller.roundDocuments.reach({ roundId: round.id })).totals.visits).toBe(2);
  });

  it('counts one visit when the same visitor reaches both hosts at the same moment', async () => {
    const { round, secretariat } = await publishedRound();
    const [a, b] = await Promise.all([hostA('198.51.100.50'), hostB('198.51.100.50')]);
    const results = await Promise.all([
      a.roundDocuments.recordVisit({ roundId: round.id }),
      b.roundDocuments.recordVisit({ roundId: round.id }),
    ]);
    expect(results.filter((r) => r.counted)).toHaveLength(1);
    expect((await secretariat.caller.roundDocuments.reach({ roundId: round.id })).totals.visits).toBe(1);
  });

  it('counts the visitor again once the window has passed, and prunes expired visitors of other rounds', async () => {
    const { round } = await publishedRound();
    const { round: other } = await publishedRound();
    expect(await (await hostA('198.51.100.60')).roundDocuments.recordVisit({ roundId: other.id })).toEqual({
      counted: true,
    });
    expect(await (await hostA('198.51.100.61')).roundDocuments.recordVisit({ roundId: round.id })).toEqual({
      counted: true,
    });
    // Both visits are 31 minutes old.
    await sql`update round_visit set counted_at = counted_at - interval '31 minutes'`.execute(api.db);
    expect(await (await hostB('198.51.100.61')).roundDocuments.recordVisit({ roundId: round.id })).toEqual({
      counted: true,
    });
    expect(await (await hostA('198.51.100.61')).roundDocuments.recordVisit({ roundId: round.id })).toEqual({
      counted: false,
    });
    // The expired visitor of the other round is gone; the table keeps only the visit inside the window.
    const { rows } = await sql<{ round_id: string }>`select round_id from round_visit`.execute(api.db);
    expect(rows.map((r) => r.round_id)).toEqual([round.id]);
  });

  it('does not store the address', async () => {
    const { round } = await publishedRound();
    await (await hostA('198.51.100.70')).roundDocuments.recordVisit({ roundId: round.id });
    const { rows } = await sql<{
      row: string;
    }>`select row_to_json(v)::text as row from round_visit v where round_id = ${round.id}`.execute(api.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toContain('198.51.100.70');
  });
});
