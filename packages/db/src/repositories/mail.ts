import type { Executor } from '../client';

export interface NewOutboxMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  transport: string;
  sentAt?: Date | null;
  error?: string | null;
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
  };
}

export async function insertOutboxMail(db: Executor, mail: NewOutboxMail) {
  return db.insertInto('mail_outbox').values(outboxRow(mail)).returningAll().executeTakeFirstOrThrow();
}

export async function markOutboxMail(db: Executor, id: string, result: { sentAt: Date | null; error: string | null }) {
  await db.updateTable('mail_outbox').set({ sent_at: result.sentAt, error: result.error }).where('id', '=', id).execute();
}

export async function listOutboxMail(db: Executor, options: { limit: number; toAddress?: string | undefined }) {
  let query = db.selectFrom('mail_outbox').selectAll();
  if (options.toAddress) query = query.where('to_address', '=', options.toAddress.toLowerCase());
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}
