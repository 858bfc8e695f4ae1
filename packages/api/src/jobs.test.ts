import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createSession } from '@musyawarah/auth';
import { findOutboxMail, insertOutboxMail, listAuditEntries } from '@musyawarah/db';
import { closeLapsedSurveysHandler, pruneHandler } from './jobs/maintenance';
import { createTestApi, rejection, type TestApi } from './test-support';

const dbLabel = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

const DAY = 86_400_000;
const smtpMail = (to: string) => ({ to, subject: 'Hello', text: 'Body', transport: 'smtp' });

describe(`retrying failed mail and jobs (${dbLabel})`, () => {
  it('lists dead mail among the problems and lets the Secretariat retry it now, audited', async () => {
    const { caller, user } = await api.signedIn('secretariat');
    const mail = await insertOutboxMail(api.db, smtpMail('dead-letter@example.org'));
    await sql`update mail_outbox set status = 'dead', error = '550 No such user', attempts = 8 where id = ${mail.id}`.execute(
      api.db,
    );
    await sql`update job set status = 'dead', attempts = 8, last_error = '550 No such user' where mail_id = ${mail.id}`.execute(
      api.db,
    );
    const { jobs, counts } = await caller.jobs.list({ filter: 'problems' });
    const job = jobs.find((j) => j.mailId === mail.id);
    expect(job).toMatchObject({ kind: 'mail.deliver', status: 'dead', lastError: '550 No such user' });
    expect(counts.dead).toBeGreaterThanOrEqual(1);

    const [listed] = await caller.mail.outbox({ toAddress: 'dead-letter@example.org' });
    expect(listed).toMatchObject({ status: 'dead', attempts: 8, error: '550 No such user', jobId: job!.id });

    expect(await caller.mail.retry({ mailId: mail.id })).toEqual({ id: mail.id, status: 'retried' });
    expect((await findOutboxMail(api.db, mail.id))?.status).toBe('retried');
    const retried = await api.db
      .selectFrom('job')
      .selectAll()
      .where('id', '=', job!.id)
      .executeTakeFirstOrThrow();
    expect(retried).toMatchObject({ status: 'queued', max_attempts: 9 });
    const audit = await listAuditEntries(api.db, { entityType: 'mail_outbox', entityId: mail.id, limit: 5 });
    expect(audit[0]).toMatchObject({ action: 'mail.retry', actor_user_id: user.id });

    // Waiting now, it cannot be "retried" again.
    const again = await rejection(caller.mail.retry({ mailId: mail.id }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'errors.jobNotRetryable' });
  });

  it('retries a dead job by its id, and refuses one that is done', async () => {
    const { caller } = await api.signedIn('secretariat');
    const [dead] = await sql<{ id: string }>`
      insert into job (kind, status, attempts, max_attempts, last_error, finished_at)
      values ('maintenance.prune', 'dead', 8, 8, 'boom', now()) returning id`
      .execute(api.db)
      .then((r) => r.rows);
    expect(await caller.jobs.retry({ jobId: dead!.id })).toMatchObject({
      status: 'queued',
      attempts: 8,
      maxAttempts: 9,
    });
    const audit = await listAuditEntries(api.db, { entityType: 'job', entityId: dead!.id, limit: 5 });
    expect(audit[0]?.action).toBe('job.retry');

    await sql`update job set status = 'done' where id = ${dead!.id}`.execute(api.db);
    expect(await rejection(caller.jobs.retry({ jobId: dead!.id }))).toMatchObject({
      message: 'errors.jobNotRetryable',
    });
    expect(
      await rejection(caller.jobs.retry({ jobId: '00000000-0000-4000-8000-000000000000' })),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'errors.jobNotFound' });
  });

  it('refuses anyone but the Secretariat', async () => {
    const { caller } = await api.signedIn('stakeholder');
    expect(await rejection(caller.jobs.list({}))).toMatchObject({ code: 'FORBIDDEN' });
    const member = await api.signedIn('member_state');
    expect(
      await rejection(member.caller.mail.retry({ mailId: '00000000-0000-4000-8000-000000000000' })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const context = (now: Date) => ({ db: api.db, now: () => now });

describe(`scheduled housekeeping (${dbLabel})`, () => {
  it('prunes expired sessions, spent e-mail links and day-old throttle rows, and keeps the live ones', async () => {
    const now = new Date();
    const user = await api.createUser('stakeholder');
    const live = await createSession(api.db, user.id);
    await sql`insert into user_session (id, user_id, expires_at) values ('expired-session', ${user.id}, ${new Date(now.getTime() - 1000)})`.execute(
      api.db,
    );
    await sql`insert into email_token (id, purpose, user_id, expires_at) values
      ('expired-token', 'password_reset', ${user.id}, ${new Date(now.getTime() - 1000)}),
      ('used-token', 'password_reset', ${user.id}, ${new Date(now.getTime() + DAY)}),
      ('live-token', 'password_reset', ${user.id}, ${new Date(now.getTime() + DAY)})`.execute(api.db);
    await sql`update email_token set used_at = now() where id = 'used-token'`.execute(api.db);
    await sql`insert into login_throttle (key, failures, window_started_at, locked_until) values
      ('account:old@example.org', 3, ${new Date(now.getTime() - 2 * DAY)}, null),
      ('account:locked@example.org', 9, ${new Date(now.getTime() - 2 * DAY)}, ${new Date(now.getTime() + DAY)}),
      ('account:fresh@example.org', 1, ${now}, null)`.execute(api.db);

    await pruneHandler(quiet).run({} as never, context(now));

    const sessions = await api.db
      .selectFrom('user_session')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions.map((s) => s.id)).toHaveLength(1);
    expect(sessions[0]!.id).not.toBe('expired-session');
    expect(live.token).toBeTruthy();
    const tokens = await api.db
      .selectFrom('email_token')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(tokens.map((t) => t.id)).toEqual(['live-token']);
    const throttles = await api.db
      .selectFrom('login_throttle')
      .select('key')
      .where('key', 'like', 'account:%')
      .execute();
    expect(throttles.map((t) => t.key).sort()).toEqual([
      'account:fresh@example.org',
      'account:locked@example.org',
    ]);
  });

  it('records the closing of a survey whose window has passed (with answers), audited, and leaves others open', async () => {
    const [board] = await sql<{ id: string }>`
      insert into advisory_board (name, scope, mandate, life_starts_on, seat_capacity)
      values ('{"en":"Board"}', 'regional', '{"en":"Mandate"}', '2026-01-01', 5) returning id`
      .execute(api.db)
      .then((r) => r.rows);
    const session = async (endsDaysAgo: number) =>
      (
        await sql<{ id: string }>`
        insert into board_session (board_id, kind, mode, method, title, starts_at, ends_at)
        values (${board!.id}, 'consultation', 'online', 'survey', '{"en":"S"}',
          now() - ${endsDaysAgo + 1}::int * interval '1 day', now() - ${endsDaysAgo}::int * interval '1 day')
        returning id`.execute(api.db)
      ).rows[0]!.id;
    const lapsed = await session(31);
    const lapsedUnanswered = await session(40);
    const open = await session(5);
    for (const id of [lapsed, open]) {
      await sql`insert into board_survey_response (session_id, satisfaction, trust) values (${id}, 4, 4)`.execute(
        api.db,
      );
    }

    await closeLapsedSurveysHandler().run({} as never, context(new Date()));

    const closed = await api.db
      .selectFrom('board_session')
      .select(['id', 'survey_closed_at', 'ends_at'])
      .where('board_id', '=', board!.id)
      .execute();
    const byId = new Map(closed.map((s) => [s.id, s]));
    expect(byId.get(lapsed)!.survey_closed_at!.getTime()).toBe(
      byId.get(lapsed)!.ends_at.getTime() + 30 * DAY,
    );
    expect(byId.get(lapsedUnanswered)!.survey_closed_at).toBeNull();
    expect(byId.get(open)!.survey_closed_at).toBeNull();
    const audit = await listAuditEntries(api.db, { entityType: 'board_session', entityId: lapsed, limit: 5 });
    expect(audit[0]).toMatchObject({ action: 'board.survey_close_lapsed', actor_user_id: null });
  });
});
