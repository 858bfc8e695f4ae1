// Races that lose or double-book data in naive implementations, driven over HTTP against the real host on
// PostgreSQL (a pool of connections, so requests really run at the same time): the last places at an event, the last
// seat on an advisory board, and two people saving the same proposed edit of the Roadmap.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformServer, type PlatformServer } from '@musyawarah/api-host';
import { createSession } from '@musyawarah/auth';
import { CYCLE_PHASES } from '@musyawarah/core';
import { insertUser } from '@musyawarah/db';
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

async function secretariatSessions(count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const user = await insertUser(platform.db, {
      email: `secretariat-${randomUUID()}@example.org`,
      name: `Secretariat officer ${i}`,
      role: 'secretariat',
      passwordHash: null,
      status: 'active',
      emailVerifiedAt: new Date(),
    });
    tokens.push((await createSession(platform.db, user.id)).token);
  }
  return tokens;
}

/** A call that must succeed (test set-up). */
async function must<T>(path: string, input: unknown, sessionToken: string): Promise<T> {
  const answer = await post(path, input, sessionToken);
  if (answer.status !== 200) throw new Error(`${path} failed (${answer.status}): ${answer.error}`);
  return answer.data as T;
}

async function get<T>(path: string, input: unknown, sessionToken: string): Promise<T> {
  const response = await fetch(
    `${platform.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
    {
      headers: { cookie: `musyawarah_session=${sessionToken}` },
    },
  );
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  if (!body.result) throw new Error(`${path} failed (${response.status}): ${body.error?.message}`);
  return body.result.data;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function post(path: string, input: unknown, sessionToken: string) {
  const response = await fetch(`${platform.url}/trpc/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: platform.url,
      cookie: `musyawarah_session=${sessionToken}`,
    },
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
      sessions.map((token) =>
        post('contributions.registerForEvent', { roundId: round.id, accommodationsNeeded: [] }, token),
      ),
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

describe('advisory board seats', () => {
  it('12 acceptances at once for a board with 3 seats: exactly 3 seated, 9 told the board is full', async () => {
    const SEATS = 3;
    const APPLICANTS = 12;
    const officers = await secretariatSessions(APPLICANTS);
    const board = await must<{ id: string }>(
      'boards.create',
      {
        name: { en: 'Board with three seats' },
        scope: 'regional',
        mandate: { en: 'Advise on inclusive AI (C2.1.1)' },
        actionIds: ['C2.1.1'],
        lifeStartsOn: day(-30),
        lifeEndsOn: day(730),
        seatCapacity: SEATS,
        targets: [],
        selectionCriteria: [],
        published: true,
      },
      officers[0]!,
    );
    const call = await must<{ id: string }>(
      'boards.createCall',
      {
        boardId: board.id,
        description: { en: 'Apply to join' },
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      },
      officers[0]!,
    );
    const applicants = await stakeholderSessions(platform.db, APPLICANTS);
    const nominations = [];
    for (const token of applicants) {
      nominations.push(
        await must<{ id: string }>(
          'boards.submitNomination',
          {
            callId: call.id,
            self: true,
            constituencies: ['youth'],
            memberState: 'PH',
            motivation: 'I represent young people in rural Mindanao',
          },
          token,
        ),
      );
    }
    const answers = await Promise.all(
      nominations.map((n, i) =>
        post(
          'boards.acceptNomination',
          { nominationId: n.id, role: 'member', termStartsOn: day(0), termEndsOn: day(365) },
          officers[i]!,
        ),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(SEATS);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused).toHaveLength(APPLICANTS - SEATS);
    expect(new Set(refused.map((a) => `${a.status} ${a.error}`))).toEqual(new Set(['409 board.full']));
    const seats = await platform.db
      .selectFrom('board_seat')
      .select('id')
      .where('board_id', '=', board.id)
      .execute();
    expect(seats).toHaveLength(SEATS);
  });
});

describe('proposed edits of the Roadmap', () => {
  it('10 secretariat officers saving the same edit at once: exactly one save wins, nine get a conflict, nothing is lost silently', async () => {
    const OFFICERS = 10;
    const officers = await secretariatSessions(OFFICERS);
    const framework = await get<{ version: number } | null>('review.framework', {}, officers[0]!);
    const saved = await must<{ version: number }>(
      'review.saveFramework',
      {
        document: {
          title: 'Regional Review Framework',
          criteria: [
            { key: 'relevance', name: 'Relevance', description: 'Still answers the region’s needs.' },
          ],
          metrics: [{ key: 'engagement', name: 'Engagement', description: 'Who took part.' }],
          timeline: CYCLE_PHASES.map((phase) => ({ phase, durationDays: 14 })),
        },
        expectedVersion: framework?.version ?? null,
      },
      officers[0]!,
    );
    const cycle = await must<{ id: string }>(
      'review.createCycle',
      {
        title: 'Concurrency review',
        frameworkVersion: saved.version,
        audience: 'all_participants',
        publicationDate: day(60),
        phases: CYCLE_PHASES.map((phase, i) => ({
          phase,
          plannedStart: day(i * 10 - 30),
          plannedEnd: day(i * 10 - 21),
        })),
      },
      officers[0]!,
    );
    let stage = (await get<{ stage: string }>('review.adminCycle', { cycleId: cycle.id }, officers[0]!))
      .stage;
    while (stage !== 'drafting')
      stage = (
        await must<{ stage: string }>(
          'review.advancePhase',
          { cycleId: cycle.id, expectedStage: stage },
          officers[0]!,
        )
      ).stage;
    const retitle = {
      kind: 'changeActionAreaTitle',
      actionAreaId: 'C3.3',
      title: 'Continuously review the Roadmap',
    };
    const edit = await must<{ id: string; version: number }>(
      'review.createEdit',
      { cycleId: cycle.id, payload: retitle, rationale: 'First draft' },
      officers[0]!,
    );
    const answers = await Promise.all(
      officers.map((token, i) =>
        post(
          'review.updateEdit',
          {
            editId: edit.id,
            expectedVersion: edit.version,
            payload: { ...retitle, title: `Title from officer ${i}` },
            rationale: `Officer ${i}`,
          },
          token,
        ),
      ),
    );
    const won = answers.flatMap((a, i) => (a.status === 200 ? [i] : []));
    expect(won).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 200);
    expect(new Set(refused.map((a) => `${a.status} ${a.error}`))).toEqual(
      new Set(['409 review.editConflict']),
    );
    const stored = await platform.db
      .selectFrom('review_edit')
      .select(['version', 'rationale'])
      .where('id', '=', edit.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ version: edit.version + 1, rationale: `Officer ${won[0]}` });
  });
});
