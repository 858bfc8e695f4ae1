import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../testing';
import { findSessionWithSubmissionContext, loadSubmissionContext } from './consultation';
import { findSessionWithUser } from './sessions';

/**
 * A participant's own submission reads its session and its context in one statement; what it reads must be exactly
 * what the two statements it replaces read, for the session's user and no one else.
 */
describe('the session and a submission context in one statement', () => {
  let t: TestDatabase;
  let roundId: string;
  let otherRoundId: string;
  let author: { id: string; sessionId: string };
  let someoneElse: { id: string; sessionId: string };
  const submittedKey = randomUUID();
  const othersKey = randomUUID();

  async function insertUser(email: string) {
    const { rows } = await sql<{ id: string }>`
      insert into user_account (email, name, role, status) values (${email}, 'Participant', 'stakeholder', 'active')
      returning id`.execute(t.db);
    const id = rows[0]!.id;
    const sessionId = randomUUID().replaceAll('-', '').repeat(2);
    await sql`
      insert into user_session (id, user_id, expires_at, last_used_at)
      values (${sessionId}, ${id}, now() + interval '30 days', now())`.execute(t.db);
    return { id, sessionId };
  }

  async function insertRound(title: string) {
    const { rows } = await sql<{ id: string }>`
      insert into consultation_round (title, description, format, audience, languages, opens_at, closes_at, published_at, updated_at)
      values (${JSON.stringify({ en: title })}, '{"en":"Read with the session"}', 'online_consultation', 'public', '{en}',
              now() - interval '1 day', now() + interval '1 day', now(), now())
      returning id`.execute(t.db);
    return rows[0]!.id;
  }

  async function insertContribution(args: {
    roundId: string;
    authorId: string;
    status: string;
    key: string;
  }) {
    const submitted = args.status === 'submitted';
    await sql`
      insert into contribution (round_id, author_user_id, status, idempotency_key, answers, written_in, named_publicly,
                                submitted_at, updated_at)
      values (${args.roundId}, ${args.authorId}, ${args.status}, ${args.key}, '{}'::jsonb, 'en', false,
              ${submitted ? new Date() : null}, now())`.execute(t.db);
  }

  beforeAll(async () => {
    t = await openTestDatabase();
    roundId = await insertRound('Read together');
    otherRoundId = await insertRound('Another round');
    for (const [position, kind] of [
      [2, 'text'],
      [1, 'single_choice'],
    ] as const) {
      await sql`
        insert into round_question (round_id, position, kind, prompt, required, options)
        values (${roundId}, ${position}, ${kind}, '{"en":"A question"}', true,
                ${kind === 'text' ? '[]' : JSON.stringify([{ en: 'Yes' }, { en: 'No' }])})`.execute(t.db);
    }
    author = await insertUser('author@example.org');
    someoneElse = await insertUser('someone@example.org');
    await insertContribution({ roundId, authorId: author.id, status: 'submitted', key: submittedKey });
    await insertContribution({ roundId, authorId: author.id, status: 'draft', key: randomUUID() });
    // Someone else's submission and draft in the same round: never the author's.
    await insertContribution({ roundId, authorId: someoneElse.id, status: 'submitted', key: othersKey });
    await insertContribution({
      roundId: otherRoundId,
      authorId: someoneElse.id,
      status: 'draft',
      key: randomUUID(),
    });
  });
  afterAll(async () => t.close());

  async function apart(
    who: { id: string; sessionId: string },
    args: { roundId: string; idempotencyKey: string },
  ) {
    return {
      session: await findSessionWithUser(t.db, who.sessionId),
      context: await loadSubmissionContext(t.db, { ...args, authorUserId: who.id }),
    };
  }

  const cases = () => [
    { name: 'a retry of a stored submission', who: author, roundId, idempotencyKey: submittedKey },
    { name: 'a new submission from a draft', who: author, roundId, idempotencyKey: randomUUID() },
    { name: 'a key someone else used', who: author, roundId, idempotencyKey: othersKey },
    {
      name: 'a round without questions or a draft',
      who: someoneElse,
      roundId: otherRoundId,
      idempotencyKey: randomUUID(),
    },
    { name: 'a round that does not exist', who: author, roundId: randomUUID(), idempotencyKey: submittedKey },
  ];

  it('reads what the session lookup and the context read apart read', async () => {
    for (const { name, who, ...args } of cases()) {
      const together = await findSessionWithSubmissionContext(t.db, who.sessionId, args);
      expect(together, name).toEqual(await apart(who, args));
    }
  });

  it('finds the retry, the draft and the questions of the session’s own user only', async () => {
    const retry = await findSessionWithSubmissionContext(t.db, author.sessionId, {
      roundId,
      idempotencyKey: submittedKey,
    });
    expect(retry?.session.id).toBe(author.id);
    expect(retry?.context.existingId).not.toBeNull();
    expect(retry?.context.draftId).not.toBeNull();
    expect(retry?.context.round?.id).toBe(roundId);
    expect(retry?.context.round?.closes_at).toBeInstanceOf(Date);
    expect(retry?.context.questions.map((q) => q.kind)).toEqual(['single_choice', 'text']);

    const others = await findSessionWithSubmissionContext(t.db, someoneElse.sessionId, {
      roundId,
      idempotencyKey: submittedKey,
    });
    expect(others?.session.id).toBe(someoneElse.id);
    expect(others?.context.existingId).toBeNull();
    expect(others?.context.draftId).toBeNull();
  });

  it('reads a draft save’s context without a key: the round, its questions and the draft, no earlier submission', async () => {
    const draft = await findSessionWithSubmissionContext(t.db, author.sessionId, {
      roundId,
      idempotencyKey: null,
    });
    const withKey = await findSessionWithSubmissionContext(t.db, author.sessionId, {
      roundId,
      idempotencyKey: submittedKey,
    });
    expect(draft?.context.existingId).toBeNull();
    expect(withKey?.context.existingId).not.toBeNull();
    expect(draft?.context).toEqual({ ...withKey?.context, existingId: null });
  });

  it('reads nothing for a session that does not exist', async () => {
    expect(
      await findSessionWithSubmissionContext(t.db, 'f'.repeat(64), { roundId, idempotencyKey: submittedKey }),
    ).toBeUndefined();
  });
});
