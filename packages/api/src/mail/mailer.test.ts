import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutboxMail } from '@musyawarah/db';
import { openTestDatabase, type TestDatabase } from '@musyawarah/db/testing';
import { createMailer } from './mailer';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

const mail = (to: string) => ({
  to,
  subject: 'Confirm your e-mail',
  text: 'Link: https://example.org/confirm-email?token=x',
});

describe('mailer', () => {
  it('without SMTP keeps the mail in the outbox (no delivery job) and logs it', async () => {
    const logged: string[] = [];
    const mailer = createMailer({ smtp: null, from: 'x@example.org', log: (m) => logged.push(m.to) });
    const queued = await mailer.queue(t.db, mail('outbox@example.org'));
    await mailer.deliver(t.db, [queued]);
    const [row] = await listOutboxMail(t.db, { limit: 1, toAddress: 'outbox@example.org' });
    expect(row).toMatchObject({
      transport: 'outbox',
      status: 'kept',
      sent_at: null,
      error: null,
      job_id: null,
    });
    expect(logged).toEqual(['outbox@example.org']);
  });

  it('with SMTP writes the mail and its delivery job in the caller’s transaction, and only wakes the runner', async () => {
    let wakes = 0;
    const mailer = createMailer({
      smtp: true,
      from: 'x@example.org',
      log: () => undefined,
      wake: () => wakes++,
    });
    await t.db
      .transaction()
      .execute(async (tx) => {
        await mailer.queue(tx, mail('rolled-back@example.org'));
        throw new Error('the request failed');
      })
      .catch(() => undefined);
    expect(await listOutboxMail(t.db, { limit: 1, toAddress: 'rolled-back@example.org' })).toEqual([]);

    const queued = await t.db.transaction().execute((tx) => mailer.queue(tx, mail('smtp@example.org')));
    await mailer.deliver(t.db, [queued]);
    const [row] = await listOutboxMail(t.db, { limit: 1, toAddress: 'smtp@example.org' });
    expect(row).toMatchObject({ transport: 'smtp', status: 'queued', sent_at: null, job_status: 'queued' });
    expect(wakes).toBe(1);
  });
});
