import type { Executor, MailOutbox, NewOutboxMail } from '@musyawarah/db';
import { insertOutboxMail } from '@musyawarah/db';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers for delivery (List-Unsubscribe on notification mail). */
  headers?: Record<string, string>;
}

export interface SmtpMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  from: string;
  headers?: Record<string, string>;
  /** Stable per outbox row, so a message sent again after a crash is recognisable as the same message. */
  messageId?: string;
}

export interface SmtpTransport {
  sendMail(mail: SmtpMessage): Promise<unknown>;
  close?(): void;
}

export interface Mailer {
  /**
   * Records the mail in the outbox inside the caller's transaction (so an account and its confirmation mail are
   * created together or not at all) and returns the row. With SMTP the row's delivery job is written in the same
   * statement (a trigger on mail_outbox), so committing the transaction is what sends the mail.
   */
  queue(executor: Executor, mail: OutgoingMail): Promise<MailOutbox>;
  /** The outbox row `queue` would insert, for callers that write it as part of a larger statement. */
  outboxValues(mail: OutgoingMail): NewOutboxMail;
  /**
   * Call after the transaction commits. Sends nothing itself (no request waits on SMTP): it wakes this process's job
   * runner so the delivery starts at once rather than at the next poll, and logs mail that is only kept in the outbox.
   */
  deliver(
    executor: Executor,
    queued: readonly Pick<MailOutbox, 'transport' | 'to_address' | 'subject' | 'text_body'>[],
  ): Promise<void>;
}

export function createMailer(options: {
  /** Whether mail goes out by SMTP (a transport or true); null/false keeps it in the outbox. */
  smtp: SmtpTransport | boolean | null;
  from: string;
  log: (entry: { to: string; subject: string; text: string }) => void;
  /** Wakes the job runner of this process, if it runs one. */
  wake?: () => void;
}): Mailer {
  const transport = options.smtp ? 'smtp' : 'outbox';
  const values = (mail: OutgoingMail): NewOutboxMail => ({
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    transport,
    headers: mail.headers ?? null,
  });
  return {
    outboxValues: values,
    async queue(executor, mail) {
      return insertOutboxMail(executor, values(mail));
    },
    async deliver(_executor, queued) {
      let wake = false;
      for (const mail of queued) {
        if (mail.transport === 'smtp') {
          wake = true;
          continue;
        }
        // Without SMTP the outbox is the delivery: the secretariat app shows it, and the log shows it to developers.
        options.log({ to: mail.to_address, subject: mail.subject, text: mail.text_body });
      }
      if (wake) options.wake?.();
    },
  };
}

/**
 * One pooled SMTP transport per process (nodemailer's pool: a few connections reused for every message), loaded only
 * when SMTP_URL is set so the embedded default does not pay for it. Parameters in the URL win over these defaults;
 * the timeouts keep a hung server from holding a delivery job longer than its lease.
 */
export async function createSmtpTransport(smtpUrl: string): Promise<SmtpTransport> {
  const nodemailer = await import('nodemailer');
  const url = new URL(smtpUrl);
  const defaults: Record<string, string> = {
    pool: 'true',
    maxConnections: '3',
    connectionTimeout: '10000',
    greetingTimeout: '10000',
    socketTimeout: '60000',
  };
  for (const [key, value] of Object.entries(defaults)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  const transporter = nodemailer.createTransport(url.toString());
  return {
    sendMail: (mail) => transporter.sendMail(mail),
    close: () => transporter.close(),
  };
}
