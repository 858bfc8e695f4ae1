import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutboxMail } from '@musyawarah/db';
import { openTestDatabase, type TestDatabase } from '@musyawarah/db/testing';
import { createMailer, type SmtpTransport } from './mailer';

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
  it('without SMTP keeps the mail in the outbox and logs it', async () => {
    const logged: string[] = [];
    const mailer = createMailer({ smtp: null, from: 'x@example.org', log: (m) => logged.push(m.to) });
    const queued = await mailer.queue(t.db, mail('outbox@example.org'));
    await mailer.deliver(t.db, [queued]);
    const [row] = await listOutboxMail(t.db, { limit: 1, toAddress: 'outbox@example.org' });
    expect(row).toMatchObject({ transport: 'outbox', sent_at: null, error: null });
    expect(logged).toEqual(['outbox@example.org']);
  });

  it('with SMTP sends it, marks it sent, and records a failed delivery instead of losing the mail', async () => {
    const sent: string[] = [];
    const working: SmtpTransport = { sendMail: async (m) => sent.push(`${m.from} -> ${m.to}`) };
    const broken: SmtpTransport = {
      sendMail: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      },
    };

    const ok = createMailer({
      smtp: working,
      from: 'Musyawarah <no-reply@example.org>',
      log: () => undefined,
    });
    await ok.deliver(t.db, [await ok.queue(t.db, mail('smtp-ok@example.org'))]);
    expect(sent).toEqual(['Musyawarah <no-reply@example.org> -> smtp-ok@example.org']);
    const [delivered] = await listOutboxMail(t.db, { limit: 1, toAddress: 'smtp-ok@example.org' });
    expect(delivered?.sent_at).toBeInstanceOf(Date);

    const failing = createMailer({ smtp: broken, from: 'x@example.org', log: () => undefined });
    await failing.deliver(t.db, [await failing.queue(t.db, mail('smtp-down@example.org'))]);
    const [kept] = await listOutboxMail(t.db, { limit: 1, toAddress: 'smtp-down@example.org' });
    expect(kept).toMatchObject({
      transport: 'smtp',
      sent_at: null,
      error: 'connect ECONNREFUSED 127.0.0.1:25',
    });
  });
});
