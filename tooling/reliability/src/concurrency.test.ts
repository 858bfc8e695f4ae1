// Races that lose or double-book data in naive implementations, driven over HTTP against the real host on
// PostgreSQL (a pool of connections, so requests really run at the same time): the last places at an event, the last
// seat on an advisory board, and two people saving the same proposed edit of the Roadmap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformServer, type PlatformServer } from '@musyawarah/api-host';
import { startPostgres, stakeholderSessions, type Postgres } from './support';

let postgres: Postgres;
let platform: PlatformServer;

beforeAll(async () => {
  postgres = await startPostgres();
  platform = await startPlatformServer({
    port: 0,
    databaseUrl: postgres.url,
    databasePoolSize: 16,
    seedDemo: true,
    serveApps: false,
    logLevel: 'silent',
    nodeEnv: 'test',
  });
}, 120_000);
afterAll(async () => {
  await platform?.close();
  await postgres?.stop();
});

async function post(path: string, input: unknown, sessionToken: string) {
  const response = await fetch(`${platform.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: platform.url, cookie: `musyawarah_session=${sessionToken}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: { data: unknown }; error?: { message: string } };
  return { status: response.status, data: body.result?.data, error: body.error?.message };
}

describe('event registration', () => {
  it('40 people registering at once for 5 places: exactly 5 registered, 35 waitlisted, nobody refused', async () => {
    const CAPACITY = 5;
    const PEOPLE = 40;
    const round = await platform.db
      .insertInto('consultation_round')
      .values({
        title: JSON.stringify({ en: 'Town hall with 5 places' }),
        description: JSON.stringify({ en: 'In person' }),
        format: 'town_hall',
        audience: 'public',
        languages: ['en'],
        opens_at: new Date(Date.now() - 3_600_000),
        closes_at: new Date(Date.now() + 7 * 86_400_000),
        published_at: new Date(),
        updated_at: new Date(),
        event: JSON.stringify({
          mode: 'in_person',
          venue: 'Dili convention centre',
          capacity: CAPACITY,
          startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 3 * 86_400_000 + 7_200_000).toISOString(),
          timezone: 'Asia/Dili',
          accommodationsOffered: ['sign_language'],
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sessions = await stakeholderSessions(platform.db, PEOPLE);
    const answers = await Promise.all(
      sessions.map((token) => post('contributions.registerForEvent', { roundId: round.id, accommodationsNeeded: [] }, token)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(PEOPLE).fill(200));
    const statuses = answers.map((a) => (a.data as { status: string }).status);
    expect(statuses.filter((s) => s === 'registered')).toHaveLength(CAPACITY);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(PEOPLE - CAPACITY);
    const stored = await platform.db
      .selectFrom('event_registration')
      .select(['status'])
      .where('round_id', '=', round.id)
      .execute();
    expect(stored.filter((r) => r.status === 'registered')).toHaveLength(CAPACITY);
    expect(stored).toHaveLength(PEOPLE);
  });
});
