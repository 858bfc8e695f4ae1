import type { Job } from '@musyawarah/db';
import { findOutboxMail, markOutboxMailFailed, markOutboxMailSent } from '@musyawarah/db';
import type { JobHandler } from '../jobs/runner';
import type { SmtpTransport } from './mailer';

export const MAIL_DELIVERY_JOB = 'mail.deliver';

/** `<outbox-id@sender-domain>`: the same for every attempt at one outbox row. */
export function outboxMessageId(mailId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'musyawarah.invalid';
  return `<${mailId}@${domain}>`;
}

/**
 * A refusal no retry can change: the server's 55x answers (no such mailbox, policy refusal). 4xx answers and
 * network errors are temporary and retried with backoff.
 */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 550 && code < 560;
}

function mailIdOf(job: Job): string {
  const id = job.mail_id ?? job.payload.mailId;
  if (typeof id !== 'string') throw new Error(`mail.deliver job ${job.id} names no mail`);
  return id;
}

/**
 * Sends one outbox row. Idempotent: a mail already recorded as sent is not sent again, and a mail that no longer
 * exists (deleted with its account) is done. The row's status is written in the transaction that settles the job, so
 * "sent" and "job done" commit together; the one window for a second copy is a crash after the server accepted the
 * message and before that commit, and the copy then carries the same Message-ID.
 */
export function mailDeliveryHandler(options: { smtp: SmtpTransport; from: string }): JobHandler {
  return {
    async run(job, { db }) {
      const mail = await findOutboxMail(db, mailIdOf(job));
      if (!mail || mail.status === 'sent') return;
      await options.smtp.sendMail({
        from: options.from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        ...(mail.html_body ? { html: mail.html_body } : {}),
        // List-Unsubscribe (RFC 8058) on notification mail, written with the row.
        ...(mail.headers ? { headers: mail.headers } : {}),
        messageId: outboxMessageId(mail.id, options.from),
      });
    },
    async succeeded(tx, job) {
      await markOutboxMailSent(tx, mailIdOf(job));
    },
    async failed(tx, job, outcome) {
      await markOutboxMailFailed(tx, mailIdOf(job), outcome);
    },
    isPermanent: isPermanentSmtpError,
  };
}
