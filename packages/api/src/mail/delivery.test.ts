import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { findJob, findOutboxMail, retryOutboxMailNow, type MailOutbox } from '@musyawarah/db';
import { openTestDatabase, type TestDatabase } from '@musyawarah/db/testing';
import { startJobRunner, type JobRunner } from '../jobs/runner';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink';
import { boardSeatMail, nominationDeclinedMail, sessionInvitationMail } from './boards-templates';
import { MAIL_DELIVERY_JOB, mailDeliveryHandler } from './delivery';
import { createMailer, createSmtpTransport, type OutgoingMail, type SmtpTransport } from './mailer';
import {
  alreadyRegisteredMail,
  confirmEmailMail,
  contributionHiddenMail,
  contributionReceiptMail,
  eventPlaceOfferedMail,
  invitationMail,
  passwordResetMail,
} from './templates';

const FROM = 'Musyawarah <no-reply@example.org>';
const dbLabel = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

let t: TestDatabase;
let sink: SmtpSink;
let smtp: SmtpTransport;
let runner: JobRunner;
beforeAll(async () => {
  t = await openTestDatabase();
  sink = await startSmtpSink();
  smtp = await createSmtpTransport(sink.url);
  runner = startJobRunner({
    db: t.db,
    handlers: { [MAIL_DELIVERY_JOB]: mailDeliveryHandler({ smtp, from: FROM }) },
    logger: quiet,
    autoStart: false,
    retryBaseMs: 1,
  });
});
afterAll(async () => {
  smtp.close?.();
  await sink.close();
  await t.close();
});
beforeEach(() => {
  sink.received.length = 0;
  sink.refusals = 0;
  sink.answer = () => 'accept';
});

const mailer = () => createMailer({ smtp: true, from: FROM, log: () => undefined });

async function queueAll(mails: OutgoingMail[]): Promise<MailOutbox[]> {
  const m = mailer();
  return t.db.transaction().execute(async (tx) => {
    const rows: MailOutbox[] = [];
    for (const mail of mails) rows.push(await m.queue(tx, mail));
    return rows;
  });
}

/** Runs due jobs until the mail's job is settled the way the test expects (retries are 1 ms apart here). */
async function runUntil(check: () => Promise<boolean>) {
  for (let i = 0; i < 50 && !(await check()); i++) {
    await runner.drain();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(await check()).toBe(true);
}

describe(`mail delivery by the job queue to a real SMTP server (${dbLabel})`, () => {
  it('delivers every kind of message the platform writes, once, with its outbox id as Message-ID', async () => {
    const to = (n: string, locale: 'en' | 'km' = 'en') => ({
      email: `${n}@example.org`,
      name: 'Siti Aminah',
      locale,
    });
    const link = 'http://localhost:3000/x?token=abcdefghijklmnopqrstuvwxyz234567';
    const kinds: OutgoingMail[] = [
      confirmEmailMail(to('confirm'), link),
      alreadyRegisteredMail(to('already'), link, link),
      invitationMail(to('invite'), { invited: { role: 'secretariat' }, inviterName: 'Budi' }, link),
      passwordResetMail(to('reset', 'km'), link),
      contributionReceiptMail(to('receipt'), {
        roundTitle: 'Open round',
        reference: 'R-ABC123',
        submittedAt: new Date('2026-12-01T10:00:00Z'),
        link,
      }),
      contributionHiddenMail(to('hidden'), {
        roundTitle: 'Open round',
        reference: 'R-ABC124',
        reason: 'spam',
      }),
      eventPlaceOfferedMail(to('place'), {
        roundTitle: 'Open round',
        startsAt: new Date('2026-12-20T02:00:00Z'),
        timezone: 'Asia/Jakarta',
        link,
      }),
      boardSeatMail(
        to('seat'),
        { boardName: 'Advisory board', self: true, termStartsOn: '2027-01-01', termEndsOn: '2028-12-31' },
        link,
      ),
      nominationDeclinedMail(
        to('declined'),
        { boardName: 'Advisory board', self: false, nomineeName: 'Ana', reason: 'Not eligible' },
        link,
      ),
      sessionInvitationMail(
        to('session'),
        {
          boardName: 'Advisory board',
          sessionTitle: 'First session',
          startsAt: new Date('2027-02-01T03:00:00Z'),
        },
        link,
      ),
    ];
    const rows = await queueAll(kinds);
    await runner.drain();
    const received = await sink.waitFor(kinds.length);
    expect(received).toHaveLength(kinds.length);
    for (const [i, row] of rows.entries()) {
      const got = received.find((r) => r.to === row.to_address);
      expect(got, row.to_address).toBeDefined();
      expect(got!.subject).toBe(kinds[i]!.subject);
      expect(got!.text.trim()).toBe(kinds[i]!.text.trim());
      expect(got!.from).toBe('no-reply@example.org');
      expect(got!.messageId).toBe(`<${row.id}@example.org>`);
      expect(await findOutboxMail(t.db, row.id)).toMatchObject({ status: 'sent', attempts: 1, error: null });
    }
    // Nothing is sent twice by running the queue again.
    await runner.drain();
    expect(sink.received).toHaveLength(kinds.length);
  });

  it('retries after the server refuses with 451 and the message arrives exactly once when it accepts', async () => {
    let tries = 0;
    sink.answer = () => (++tries <= 2 ? { code: 451, message: 'Greylisted, try again later' } : 'accept');
    const seen = sink.refusals;
    const [row] = await queueAll([
      confirmEmailMail({ email: 'grey@example.org', name: 'Grey' }, 'http://x/c'),
    ]);
    await runner.drain(1);
    const failed = await findOutboxMail(t.db, row!.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.error).toMatch(/451.*Greylisted/);
    expect(
      (await t.db.selectFrom('job').selectAll().where('mail_id', '=', row!.id).executeTakeFirst())?.status,
    ).toBe('queued');

    await runUntil(async () => (await findOutboxMail(t.db, row!.id))?.status === 'sent');
    await runner.drain();
    expect(sink.refusals - seen).toBe(2);
    expect(sink.received.filter((r) => r.to === 'grey@example.org')).toHaveLength(1);
    expect(await findOutboxMail(t.db, row!.id)).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('gives up at once on a 550 refusal (dead, with the server’s answer); retry now sends it once', async () => {
    sink.answer = () => ({ code: 550, message: 'No such user here' });
    const [row] = await queueAll([
      passwordResetMail({ email: 'nobody@example.org', name: 'N' }, 'http://x/r'),
    ]);
    await runner.drain();
    expect(await findOutboxMail(t.db, row!.id)).toMatchObject({ status: 'dead', attempts: 1 });
    const job = await t.db
      .selectFrom('job')
      .selectAll()
      .where('mail_id', '=', row!.id)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'dead' });
    expect(job.last_error).toMatch(/550/);
    await runner.drain();
    expect(sink.received).toHaveLength(0);

    sink.answer = () => 'accept';
    expect((await retryOutboxMailNow(t.db, row!.id))?.status).toBe('retried');
    await runner.drain();
    expect(sink.received.map((r) => r.to)).toEqual(['nobody@example.org']);
    expect(await findOutboxMail(t.db, row!.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect((await findJob(t.db, job.id))?.status).toBe('done');
  });

  it('returns from the request’s deliver at once while the SMTP server has not answered', async () => {
    sink.answer = () => 'hold';
    const wakes: number[] = [];
    const m = createMailer({ smtp: true, from: FROM, log: () => undefined, wake: () => wakes.push(1) });
    const row = await m.queue(t.db, confirmEmailMail({ email: 'slow@example.org', name: 'S' }, 'http://x/c'));
    const started = Date.now();
    await m.deliver(t.db, [row]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(wakes).toHaveLength(1);
    expect((await findOutboxMail(t.db, row.id))?.status).toBe('queued');
    // Leave nothing for the other tests: the held message is settled by marking it sent by hand.
    await sql`update mail_outbox set status = 'sent' where id = ${row.id}`.execute(t.db);
    await sql`update job set status = 'done' where mail_id = ${row.id}`.execute(t.db);
  });
});
