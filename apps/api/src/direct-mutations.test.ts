import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSession } from '@musyawarah/auth';
import { insertUser } from '@musyawarah/db';
import { createScratchDatabaseUrl, insertOpenRound } from '@musyawarah/db/testing';
import { startPlatformServer, type PlatformServer } from './server';

// Submissions and drafts answered without tRPC's fetch adapter (issue #16) must be the handler's answers: same status,
// same body, same headers that clients read, for every outcome a participant can meet.
let platform: PlatformServer;
let scratch: Awaited<ReturnType<typeof createScratchDatabaseUrl>>;
let roundId: string;
let cookie: string;

beforeAll(async () => {
  scratch = await createScratchDatabaseUrl();
  platform = await startPlatformServer({
    port: 0,
    pgliteDataDir: 'memory://',
    databaseUrl: scratch.url,
    serveApps: false,
    logLevel: 'silent',
    nodeEnv: 'test',
    // No job runner: every pool checkout while a request runs is that request's (the one-connection tests below).
    jobs: { concurrency: 0 },
  });
  roundId = await insertOpenRound(platform.db, { title: 'Direct round' });
  const user = await insertUser(platform.db, {
    email: 'direct@example.org',
    name: 'Direct Participant',
    role: 'stakeholder',
    stakeholderGroup: 'civil_society',
    passwordHash: null,
    status: 'active',
    emailVerifiedAt: new Date(),
  });
  const { token } = await createSession(platform.db, user.id);
  cookie = `musyawarah_session=${token}`;
});
afterAll(async () => {
  await platform.close();
  await scratch.drop();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A POST as the apps send it. `direct` declares the body's length, which the direct path requires; `handler` sends
 * the same bytes chunked (no length), which only tRPC's handler takes — the same request by HTTP's rules.
 */
function post(
  way: 'direct' | 'handler',
  procedure: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const url = new URL(`${platform.url}/trpc/${procedure}`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(way === 'direct' ? { 'content-length': Buffer.byteLength(body) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    if (way === 'handler') req.setHeader('transfer-encoding', 'chunked');
    req.end(body);
  });
}

/** What a client reads of an answer; which path sent it shows only in how its length is told. */
function comparable(answer: Answer) {
  return {
    status: answer.status,
    contentType: answer.headers['content-type'],
    vary: answer.headers.vary,
    cacheControl: answer.headers['cache-control'],
    body: JSON.parse(answer.body) as unknown,
  };
}

async function both(
  procedure: string,
  body: string,
  headers?: Record<string, string>,
  { handedOver = false } = {},
): Promise<{ direct: Answer; handler: Answer }> {
  const direct = await post('direct', procedure, body, headers);
  const handler = await post('handler', procedure, body, headers);
  // Proof of the path taken: the direct path knows its length, tRPC's adapter streams its answer.
  if (handedOver) expect(direct.headers['transfer-encoding']).toBe('chunked');
  else expect(direct.headers['content-length']).toBeDefined();
  expect(handler.headers['transfer-encoding']).toBe('chunked');
  return { direct, handler };
}

const feedback = (extra: Record<string, unknown> = {}) => ({
  roundId,
  answers: {},
  stakeholderGroup: 'civil_society',
  memberState: 'KH',
  writtenIn: 'en',
  namedPublicly: false,
  items: [{ type: 'suggestion', text: 'The Roadmap should say how communities review AI systems.' }],
  ...extra,
});

describe('contributions.submit and saveDraft without the fetch adapter', () => {
  it('stores a submission once and gives a retry on either path the same receipt', async () => {
    const idempotencyKey = randomUUID();
    const first = await post('direct', 'contributions.submit', JSON.stringify(feedback({ idempotencyKey })), {
      cookie,
    });
    expect(first.status).toBe(200);
    expect(first.headers['content-length']).toBeDefined();
    const receipt = (
      JSON.parse(first.body) as { result: { data: { receiptReference: string; replayed: boolean } } }
    ).result.data;
    expect(receipt.replayed).toBe(false);

    const retries = await both('contributions.submit', JSON.stringify(feedback({ idempotencyKey })), {
      cookie,
    });
    expect(comparable(retries.direct)).toEqual(comparable(retries.handler));
    expect(JSON.parse(retries.direct.body)).toEqual({ result: { data: { ...receipt, replayed: true } } });

    const stored = await platform.db
      .selectFrom('contribution')
      .select(['receipt_reference', 'status'])
      .where('idempotency_key', '=', idempotencyKey)
      .execute();
    expect(stored).toEqual([{ receipt_reference: receipt.receiptReference, status: 'submitted' }]);
  });

  it('answers the apps’ batch of one as a batch, on both paths alike', async () => {
    const idempotencyKey = randomUUID();
    const body = JSON.stringify({ 0: feedback({ idempotencyKey }) });
    const first = await post('direct', 'contributions.submit?batch=1', body, { cookie });
    expect(first.status).toBe(200);
    const [answer] = JSON.parse(first.body) as [{ result: { data: { replayed: boolean } } }];
    expect(answer.result.data.replayed).toBe(false);
    const retries = await both('contributions.submit?batch=1', body, { cookie });
    expect(comparable(retries.direct)).toEqual(comparable(retries.handler));
    expect(comparable(retries.direct).body).toEqual([
      { result: { data: { ...answer.result.data, replayed: true } } },
    ]);
  });

  const refusals: [string, string, () => unknown, Record<string, string>][] = [
    ['someone signed out', 'contributions.submit', () => feedback({ idempotencyKey: randomUUID() }), {}],
    [
      'another site posting in a participant’s name',
      'contributions.submit',
      () => feedback({ idempotencyKey: randomUUID() }),
      { origin: 'https://elsewhere.example' },
    ],
    [
      'input the schema refuses, field by field',
      'contributions.submit',
      () => ({ roundId: 'not-a-round', items: 'many', writtenIn: 'xx' }),
      {},
    ],
    [
      'a round that does not exist',
      'contributions.submit',
      () => feedback({ roundId: randomUUID(), idempotencyKey: randomUUID() }),
      {},
    ],
    [
      'a draft for a round that does not exist',
      'contributions.saveDraft',
      () => feedback({ roundId: randomUUID() }),
      {},
    ],
  ];
  it.each(refusals)(
    'refuses %s with the handler’s status and error',
    async (_case, procedure, input, headers) => {
      const signedIn: Record<string, string> = _case === 'someone signed out' ? {} : { cookie };
      for (const batch of [false, true]) {
        const body = JSON.stringify(batch ? { 0: input() } : input());
        const { direct, handler } = await both(`${procedure}${batch ? '?batch=1' : ''}`, body, {
          ...signedIn,
          ...headers,
        });
        expect(direct.status).toBeGreaterThanOrEqual(400);
        expect(comparable(direct)).toEqual(comparable(handler));
      }
    },
  );

  it('saves a draft as the handler does', async () => {
    const { direct, handler } = await both('contributions.saveDraft', JSON.stringify(feedback()), { cookie });
    expect(direct.status).toBe(200);
    const shape = (answer: Answer) => {
      const { body, ...rest } = comparable(answer);
      const data = (body as { result: { data: { id: string; savedAt: string } } }).result.data;
      return { ...rest, id: data.id, savedAtIsDate: !Number.isNaN(Date.parse(data.savedAt)) };
    };
    expect(shape(direct)).toEqual(shape(handler));
  });

  it.each([
    ['a body that is not JSON', 'contributions.submit', '{"roundId": '],
    ['a batch without its first call', 'contributions.submit?batch=1', '{"1": {}}'],
    ['a batch that is a list', 'contributions.submit?batch=1', '[{}]'],
  ])('leaves %s to the handler, which answers it as before', async (_case, path, body) => {
    const { direct, handler } = await both(path, body, { cookie }, { handedOver: true });
    expect(direct.status).toBeGreaterThanOrEqual(400);
    expect(direct.status).toBeLessThan(500);
    expect({ ...comparable(direct), body: direct.body }).toEqual({
      ...comparable(handler),
      body: handler.body,
    });
  });

  it('stores nothing for a client that goes away mid-body, and keeps answering others', async () => {
    const idempotencyKey = randomUUID();
    const body = JSON.stringify(feedback({ idempotencyKey }));
    await new Promise<void>((resolve) => {
      const req = http.request(new URL(`${platform.url}/trpc/contributions.submit`), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(body.slice(0, 40), () => setImmediate(() => req.destroy()));
    });
    const next = await post(
      'direct',
      'contributions.submit',
      JSON.stringify(feedback({ idempotencyKey: randomUUID() })),
      {
        cookie,
      },
    );
    expect(next.status).toBe(200);
    const stored = await platform.db
      .selectFrom('contribution')
      .select('id')
      .where('idempotency_key', '=', idempotencyKey)
      .execute();
    expect(stored).toEqual([]);
  });

  it('leaves a body over the limit to the handler, which refuses it before reading it all', async () => {
    const answer = await post(
      'direct',
      'contributions.submit',
      JSON.stringify(feedback({ padding: 'x'.repeat(1_100_000) })),
      { cookie },
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { data: { code: 'PAYLOAD_TOO_LARGE' } } });
  });
});

// In a closing rush every pooled connection can be busy (a slow WAL flush holds them all in COMMIT). A submission that
// gave its connection back between its statements queued for the pool again behind every newer request, three times
// (session, submission context, insert): that was the API's p99 (bench/README.md, 7 December). A submission or a
// draft save now takes one connection for its whole answer. PostgreSQL only: the embedded database has one connection.
describe.runIf(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL)(
  'a closing-rush mutation holds one pooled connection',
  () => {
    async function checkouts(procedure: string, input: Record<string, unknown>) {
      const connect = vi.spyOn(pg.Pool.prototype, 'connect');
      try {
        const answer = await post('direct', procedure, JSON.stringify(input), { cookie });
        return { status: answer.status, checkouts: connect.mock.calls.length };
      } finally {
        connect.mockRestore();
      }
    }

    it('saves a draft and submits it on one checkout each, and a retry too', async () => {
      const round = await insertOpenRound(platform.db);
      expect(await checkouts('contributions.saveDraft', feedback({ roundId: round }))).toEqual({
        status: 200,
        checkouts: 1,
      });
      const idempotencyKey = randomUUID();
      for (let attempt = 0; attempt < 2; attempt++) {
        expect(await checkouts('contributions.submit', feedback({ roundId: round, idempotencyKey }))).toEqual(
          { status: 200, checkouts: 1 },
        );
      }
      // The draft became the submission: one row, submitted.
      const stored = await platform.db
        .selectFrom('contribution')
        .select('status')
        .where('round_id', '=', round)
        .execute();
      expect(stored).toEqual([{ status: 'submitted' }]);
    });

    it('reads the round and its questions with the session, for a submission and a draft save', async () => {
      const round = await insertOpenRound(platform.db);
      for (const [procedure, input] of [
        ['contributions.saveDraft', feedback({ roundId: round })],
        ['contributions.submit', feedback({ roundId: round, idempotencyKey: randomUUID() })],
      ] as const) {
        const query = vi.spyOn(pg.Client.prototype, 'query');
        try {
          const answer = await post('direct', procedure, JSON.stringify(input), { cookie });
          expect(answer.status, procedure).toBe(200);
          const statements = query.mock.calls.map(([q]) =>
            typeof q === 'string' ? q : (q as { text: string }).text,
          );
          const roundReads = statements.filter((text) => /consultation_round|round_question/.test(text));
          expect(roundReads, procedure).toHaveLength(1);
          expect(roundReads[0], procedure).toContain('"user_session"');
        } finally {
          query.mockRestore();
        }
      }
    });

    it('refuses a closed round on one checkout, and gives the connection back each time', async () => {
      const closed = await insertOpenRound(platform.db, { closed: true });
      // More refusals than the pool has connections (10): one kept by each would leave the last waiting, then 503.
      for (let attempt = 0; attempt < 12; attempt++) {
        expect(
          await checkouts(
            'contributions.submit',
            feedback({ roundId: closed, idempotencyKey: randomUUID() }),
          ),
        ).toEqual({ status: 403, checkouts: 1 });
      }
    });
  },
);
