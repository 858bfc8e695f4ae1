import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type KyselyPlugin } from 'kysely';
import { createSession } from '@musyawarah/auth';
import { createContext, requestPreload, type RequestPreload } from './context';
import { createCaller } from './root';
import { createTestApi, type TestApi } from './test-support';

// What the closing rush of a round costs the database per submission (issue #16): PostgreSQL with fsync on is bound by
// commits, so a submission is one transaction, and its statements are counted so a new one is a decision, not a drift.
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

/** A published public round; open now unless it opens later. */
async function openRound(opensInHours = -1) {
  const secretariat = await api.signedIn('secretariat');
  const round = await secretariat.caller.rounds.create({
    title: { en: 'The cost of a submission' },
    description: { en: 'What one submission asks of the database' },
    format: 'online_consultation',
    actionIds: ['C3.2'],
    audience: 'public',
    memberStates: [],
    languages: ['en'],
    opensAt: hoursFromNow(opensInHours),
    closesAt: hoursFromNow(48),
    targets: [],
  });
  await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
  return round;
}

/** A caller whose every statement is recorded by kind (begin and commit are not statements of Kysely's). */
async function recordingCaller(token: string, preload?: RequestPreload) {
  const statements: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      statements.push(args.node.kind);
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
  const ctx = await createContext(
    { ...api.services, db: api.services.db.withPlugin(plugin) },
    {
      requestId: `cost-${randomUUID()}`,
      // not loopback: both the person's and the client's limit are counted
      ipAddress: '203.0.113.9',
      userAgent: 'vitest',
      cookieHeader: `musyawarah_session=${token}`,
      origin: null,
      secFetchSite: null,
      host: 'localhost:3000',
      setCookie: () => undefined,
    },
    preload,
  );
  return { caller: createCaller(ctx), statements };
}

const feedback = (roundId: string) => ({
  roundId,
  idempotencyKey: randomUUID(),
  answers: {},
  items: [{ type: 'suggestion' as const, text: 'One submission among thousands at the close' }],
  stakeholderGroup: 'civil_society' as const,
  writtenIn: 'en' as const,
  namedPublicly: false,
});

describe('what one submission costs the database (issue #16)', () => {
  it('counts the submission against the limits in the statement that stores it: one commit', async () => {
    const round = await openRound();
    const user = await api.createUser('stakeholder');
    const { token } = await createSession(api.db, user.id);
    const { caller } = await recordingCaller(token);
    const receipt = await caller.contributions.submit(feedback(round.id));

    const { rows } = await sql<{ source: string; writer: string }>`
      select 'contribution' as source, xmin::text as writer from contribution where id = ${receipt.id}
      union all
      select key as source, xmin::text as writer from login_throttle where key like 'rate:contribution:submissions%'
        and (key like ${`%:user:${user.id}`} or key like '%:client:%')
    `.execute(api.db);
    const writers = new Set(rows.map((r) => r.writer));
    expect(rows.map((r) => r.source)).toEqual(
      expect.arrayContaining(['contribution', `rate:contribution:submissionsPerAuthor:user:${user.id}`]),
    );
    expect(rows.some((r) => r.source.includes(':client:'))).toBe(true);
    expect(writers.size).toBe(1);
  });

  it('counts an autosaved draft against its limit in the transaction that saves it: one commit', async () => {
    const round = await openRound();
    const user = await api.createUser('stakeholder');
    const { token } = await createSession(api.db, user.id);
    const { caller } = await recordingCaller(token);
    const saved = await caller.contributions.saveDraft(feedback(round.id));

    const { rows } = await sql<{ source: string; writer: string }>`
      select 'draft' as source, xmin::text as writer from contribution where id = ${saved.id}
      union all
      select key as source, xmin::text as writer from login_throttle
       where key = ${`rate:contribution:draftsPerAuthor:user:${user.id}`}
    `.execute(api.db);
    expect(rows.map((r) => r.source).sort()).toEqual([
      'draft',
      `rate:contribution:draftsPerAuthor:user:${user.id}`,
    ]);
    expect(new Set(rows.map((r) => r.writer)).size).toBe(1);
  });

  it('runs a fixed number of statements: session, round and draft, then one that counts the limits and stores everything (through tRPC’s handler, which reads the input after the session)', async () => {
    const round = await openRound();
    const user = await api.createUser('stakeholder');
    const { token } = await createSession(api.db, user.id);
    const first = await recordingCaller(token);
    await first.caller.contributions.submit(feedback(round.id));
    const second = await recordingCaller(token);
    await second.caller.contributions.submit(feedback(round.id));
    expect(second.statements).toEqual(first.statements);
    expect(second.statements).toEqual(['SelectQueryNode', 'SelectQueryNode', 'SelectQueryNode']);
  });

  it('reads the session and the submission context in one statement when the host passes the submission’s preload', async () => {
    const round = await openRound();
    const user = await api.createUser('stakeholder');
    const { token } = await createSession(api.db, user.id);
    await (await recordingCaller(token)).caller.contributions.saveDraft(feedback(round.id));
    const input = feedback(round.id);
    const first = await recordingCaller(token, requestPreload('contributions.submit', input));
    const receipt = await first.caller.contributions.submit(input);
    expect(first.statements).toEqual(['SelectQueryNode', 'SelectQueryNode']);
    expect(receipt.replayed).toBe(false);
    // The draft the one statement found became the submission, as it does when the context is read apart.
    const rows = await api.db
      .selectFrom('contribution')
      .select(['id', 'status'])
      .where('round_id', '=', round.id)
      .where('author_user_id', '=', user.id)
      .execute();
    expect(rows).toEqual([{ id: receipt.id, status: 'submitted' }]);

    // A retry with the same key finds the stored submission in the same statement and gets the first receipt.
    const retry = await recordingCaller(token, requestPreload('contributions.submit', input));
    const again = await retry.caller.contributions.submit(input);
    expect(again).toMatchObject({
      id: receipt.id,
      receiptReference: receipt.receiptReference,
      replayed: true,
    });
    expect(retry.statements).toEqual(['SelectQueryNode', 'SelectQueryNode']);
  });

  it('uses a preloaded context only for the round and key it was read for', async () => {
    const round = await openRound();
    const other = await openRound();
    const user = await api.createUser('stakeholder');
    const { token } = await createSession(api.db, user.id);
    const input = feedback(other.id);
    const { caller, statements } = await recordingCaller(
      token,
      requestPreload('contributions.submit', feedback(round.id)),
    );
    const receipt = await caller.contributions.submit(input);
    expect(statements).toHaveLength(3);
    const stored = await api.db
      .selectFrom('contribution')
      .select('round_id')
      .where('id', '=', receipt.id)
      .executeTakeFirst();
    expect(stored?.round_id).toBe(other.id);
  });

  it('saves a draft with its round and questions read with the session when the host passes its preload', async () => {
    const round = await openRound();
    const user = await api.createUser('stakeholder');
    const { token } = await createSession(api.db, user.id);
    const input = feedback(round.id);
    const apart = await recordingCaller(token);
    const first = await apart.caller.contributions.saveDraft(input);
    const together = await recordingCaller(token, requestPreload('contributions.saveDraft', input));
    const second = await together.caller.contributions.saveDraft({ ...input, organisationName: 'Later' });
    // The session, the round and its questions: three reads apart, one together; the writes are the same.
    const reads = (kinds: string[]) => kinds.filter((kind) => kind === 'SelectQueryNode').length;
    expect(reads(apart.statements)).toBe(3);
    expect(reads(together.statements)).toBe(1);
    expect(together.statements.filter((kind) => kind !== 'SelectQueryNode')).toEqual(
      apart.statements.filter((kind) => kind !== 'SelectQueryNode'),
    );
    expect(second.id).toBe(first.id);
    const draft = await api.db
      .selectFrom('contribution')
      .select(['status', 'organisation_name'])
      .where('id', '=', first.id)
      .executeTakeFirst();
    expect(draft).toEqual({ status: 'draft', organisation_name: 'Later' });
  });

  it('refuses a draft for a round that is not open, from the preloaded round as from its own read', async () => {
    const round = await openRound(24);
    const user = await api.createUser('stakeholder');
    const { token } = await createSession(api.db, user.id);
    const input = feedback(round.id);
    for (const preload of [undefined, requestPreload('contributions.saveDraft', input)]) {
      const { caller } = await recordingCaller(token, preload);
      await expect(caller.contributions.saveDraft(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const missing = feedback(randomUUID());
    const { caller } = await recordingCaller(token, requestPreload('contributions.saveDraft', missing));
    await expect(caller.contributions.saveDraft(missing)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('preloads only a participant’s own submission or draft save, and only for values its input schema accepts', () => {
    const input = feedback(randomUUID());
    expect(requestPreload('contributions.submit', input)).toEqual({
      participation: { roundId: input.roundId, idempotencyKey: input.idempotencyKey },
    });
    expect(requestPreload('contributions.saveDraft', input)).toEqual({
      participation: { roundId: input.roundId, idempotencyKey: null },
    });
    expect(requestPreload('contributions.submitOnBehalf', input)).toBeUndefined();
    expect(requestPreload('contributions.saveDraft', { ...input, roundId: 'not-a-uuid' })).toBeUndefined();
    expect(requestPreload('contributions.submit', { ...input, roundId: 'not-a-uuid' })).toBeUndefined();
    expect(requestPreload('contributions.submit', { ...input, idempotencyKey: 42 })).toBeUndefined();
    expect(requestPreload('contributions.submit', null)).toBeUndefined();
    expect(requestPreload('contributions.submit', [input])).toBeUndefined();
  });
});
