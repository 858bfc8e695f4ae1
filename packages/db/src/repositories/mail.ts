import { sql } from 'kysely';
import type { Executor } from '../client';
import type { MailOutbox } from '../schema';

export interface NewOutboxMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  transport: string;
  sentAt?: Date | null;
  error?: string | null;
  headers?: Record<string, string> | null;
}

export function outboxRow(mail: NewOutboxMail) {
  return {
    to_address: mail.to,
    subject: mail.subject,
    text_body: mail.text,
    html_body: mail.html ?? null,
    transport: mail.transport,
    sent_at: mail.sentAt ?? null,
    error: mail.error ?? null,
    headers: mail.headers ? JSON.stringify(mail.headers) : null,
  };
}

export async function insertOutboxMail(db: Executor, mail: NewOutboxMail) {
  return db.insertInto('mail_outbox').values(outboxRow(mail)).returningAll().executeTakeFirstOrThrow();
}

/**
 * Records the mail only when `send` is true, in one statement whose text is the same either way, so a request that
 * must not reveal whether it had anyone to write to does the same work in both cases.
 */
export async function insertOutboxMailIf(
  db: Executor,
  mail: NewOutboxMail,
  send: boolean,
): Promise<MailOutbox | undefined> {
  const row = outboxRow(mail);
  const result =
    await sql<MailOutbox>`insert into mail_outbox (to_address, subject, text_body, html_body, transport, sent_at, error)
    select ${row.to_address}::text, ${row.subject}::text, ${row.text_body}::text, ${row.html_body}::text, ${row.transport}::text,
      ${row.sent_at}::timestamptz, ${row.error}::text
    where ${send}::boolean
    returning *`.execute(db);
  return result.rows[0];
}

export async function markOutboxMail(
  db: Executor,
  id: string,
  result: { sentAt: Date | null; error: string | null },
) {
  await db
    .updateTable('mail_outbox')
    .set({ sent_at: result.sentAt, error: result.error })
    .where('id', '=', id)
    .execute();
}

export async function listOutboxMail(
  db: Executor,
  options: { limit: number; toAddress?: string | undefined; failedOnly?: boolean | undefined },
) {
  let query = db.selectFrom('mail_outbox').selectAll();
  if (options.toAddress) query = query.where('to_address', '=', options.toAddress.toLowerCase());
  // The same rule as countFailedMail (work.ts): a failed delivery keeps its error.
  if (options.failedOnly) query = query.where('error', 'is not', null);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}
