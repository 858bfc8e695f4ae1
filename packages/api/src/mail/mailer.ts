import type { Executor, MailOutbox, NewOutboxMail } from '@musyawarah/db';
import { insertOutboxMail, markOutboxMail } from '@musyawarah/db';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers (List-Unsubscribe on non-essential mail, RFC 8058); stored with the outbox row. */
  headers?: Record<string, string>;
}

export interface SmtpTransport {
  sendMail(mail: {
    to: string;
    subject: string;
    text: string;
    html?: string;
    from: string;
    headers?: Record<string, string>;
  }): Promise<unknown>;
}

export interface Mailer {
  /**
   * Records the mail in the outbox inside the caller's transaction (so an account and its confirmation mail are
   * created together or not at all) and returns the row; call `deliver` with it after the transaction commits.
   */
  queue(executor: Executor, mail: OutgoingMail): Promise<MailOutbox>;
  /** The outbox row `queue` would insert, for callers that write it as part of a larger statement. */
  outboxValues(mail: OutgoingMail): NewOutboxMail;
  deliver(executor: Executor, queued: MailOutbox[]): Promise<void>;
}

export function createMailer(options: {
  smtp: SmtpTransport | null;
  from: string;
  log: (entry: { to: string; subject: string; text: string }) => void;
}): Mailer {
  return {
    outboxValues(mail) {
      return {
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? null,
        transport: options.smtp ? 'smtp' : 'outbox',
        headers: mail.headers ?? null,
      };
    },
    async queue(executor, mail) {
      return insertOutboxMail(executor, {
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? null,
        transport: options.smtp ? 'smtp' : 'outbox',
        headers: mail.headers ?? null,
      });
    },
    async deliver(executor, queued) {
      for (const mail of queued) {
        if (!options.smtp) {
          // Without SMTP the outbox is the delivery: the secretariat app shows it, and the log shows it to developers.
          options.log({ to: mail.to_address, subject: mail.subject, text: mail.text_body });
          continue;
        }
        try {
          await options.smtp.sendMail({
            from: options.from,
            to: mail.to_address,
            subject: mail.subject,
            text: mail.text_body,
            ...(mail.html_body ? { html: mail.html_body } : {}),
            ...(mail.headers ? { headers: mail.headers } : {}),
          });
          await markOutboxMail(executor, mail.id, { sentAt: new Date(), error: null });
        } catch (error) {
          // The row stays in the outbox with the error, so nothing is lost and the secretariat can see what failed.
          await markOutboxMail(executor, mail.id, {
            sentAt: null,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    },
  };
}

/** nodemailer is loaded only when SMTP_URL is set, so the embedded default does not pay for it. */
export async function createSmtpTransport(smtpUrl: string): Promise<SmtpTransport> {
  const nodemailer = await import('nodemailer');
  return nodemailer.createTransport(smtpUrl);
}
