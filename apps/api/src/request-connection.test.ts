import http from 'node:http';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSession } from '@musyawarah/auth';
import { insertUser } from '@musyawarah/db';
import { createScratchDatabaseUrl } from '@musyawarah/db/testing';
import { startPlatformServer, type PlatformServer } from './server';

// In a closing rush every pooled connection can be busy (a slow WAL flush holds them all in COMMIT). A submission that
// gave its connection back between its statements queued for the pool again behind every newer request, three times
// (session, submission context, insert): that was the API's p99 (bench/README.md, 7 December). A submission or a
// draft save now takes one connection for its whole answer. PostgreSQL only: the embedded database has one connection.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);

describe.skipIf(!onPostgres)('a closing-rush mutation holds one pooled connection', () => {
  let platform: PlatformServer;
  let scratch: Awaited<ReturnType<typeof createScratchDatabaseUrl>>;
  let roundId: string;
  let cookie: string;

  beforeAll(async () => {
    scratch = await createScratchDatabaseUrl();
    platform = await startPlatformServer({
      port: 0,
      databaseUrl: scratch.url,
      serveApps: false,
      logLevel: 'silent',
      nodeEnv: 'test',
      // No job runner: every pool checkout while a request runs is that request's.
      jobs: { concurrency: 0 },
    });
    const round = await platform.db
      .insertInto('consultation_round')
      .values({
        title: JSON.stringify({ en: 'Rush round' }),
        description: JSON.stringify({ en: 'A round closing with a rush' }),
        format: 'online_consultation',
        audience: 'public',
        languages: ['en'],
        opens_at: new Date(Date.now() - 3_600_000),
        closes_at: new Date(Date.now() + 86_400_000),
        published_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    roundId = round.id;
    const user = await insertUser(platform.db, {
      email: 'rush@example.org',
      name: 'Rush Participant',
      role: 'stakeholder',
      stakeholderGroup: 'civil_society',
      passwordHash: null,
      status: 'active',
      emailVerifiedAt: new Date(),
    });
    cookie = `musyawarah_session=${(await createSession(platform.db, user.id)).token}`;
  });
  afterAll(async () => {
    await platform?.close();
    await scratch?.drop();
  });

  function post(procedure: string, input: unknown): Promise<{ status: number; body: string }> {
    const body = JSON.stringify(input);
    return new Promise((resolve, reject) => {
      const req = http.request(
        `${platform.url}/trpc/${procedure}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  async function checkoutsOf(request: () => Promise<{ status: number; body: string }>) {
    const connect = vi.spyOn(pg.Pool.prototype, 'connect');
    try {
      const answer = await request();
      expect(answer.status, answer.body).toBe(200);
      return connect.mock.calls.length;
    } finally {
      connect.mockRestore();
    }
  }

  const feedback = {
    answers: {},
    stakeholderGroup: 'civil_society',
    memberState: 'LA',
    writtenIn: 'lo',
    namedPublicly: false,
    items: [{ type: 'suggestion', text: 'Publish the review calendar a month ahead.' }],
  };

  it('saves a draft and submits feedback on one checkout each, and stores them', async () => {
    const input = { ...feedback, roundId };
    expect(await checkoutsOf(() => post('contributions.saveDraft', input))).toBe(1);
    const idempotencyKey = randomUUID();
    expect(await checkoutsOf(() => post('contributions.submit', { ...input, idempotencyKey }))).toBe(1);
    // A retry is answered with the first receipt, on one checkout too.
    expect(await checkoutsOf(() => post('contributions.submit', { ...input, idempotencyKey }))).toBe(1);
    const stored = await platform.db
      .selectFrom('contribution')
      .select(['status', 'written_in'])
      .where('round_id', '=', roundId)
      .execute();
    // The draft became the submission: one row, submitted.
    expect(stored).toEqual([{ status: 'submitted', written_in: 'lo' }]);
  });

  it('answers a refused submission (a closed round) on one checkout, with the field-level answer', async () => {
    await platform.db
      .updateTable('consultation_round')
      .set({ closes_at: new Date(Date.now() - 1000), opens_at: new Date(Date.now() - 7_200_000) })
      .where('id', '=', roundId)
      .execute();
    const connect = vi.spyOn(pg.Pool.prototype, 'connect');
    try {
      const answer = await post('contributions.submit', {
        ...feedback,
        roundId,
        idempotencyKey: randomUUID(),
      });
      expect(answer.status).toBe(403);
      expect(connect.mock.calls.length).toBe(1);
    } finally {
      connect.mockRestore();
    }
    // And the connection went back: the next request is answered.
    const res = await fetch(
      `${platform.url}/trpc/rounds.get?input=${encodeURIComponent(JSON.stringify({ roundId }))}`,
    );
    expect(res.status).toBe(200);
  });
});
