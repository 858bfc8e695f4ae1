import { sql } from 'kysely';
import type { Executor } from '../client';
import type { MailOutbox } from '../schema';

/**
 * A mail whose delivery failed and is being retried, or was given up (the job queue's statuses): what the Mail
 * screen's "failed" filter lists, what the overview counts, and what "retry now" accepts.
 */
export const FAILED_MAIL_STATUSES = ['failed', 'dead'] as const;

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
  let query = db
    .selectFrom('mail_outbox')
    .leftJoin('job', 'job.mail_id', 'mail_outbox.id')
    .selectAll('mail_outbox')
    .select(['job.id as job_id', 'job.run_at as job_run_at', 'job.status as job_status']);
  if (options.toAddress) query = query.where('to_address', '=', options.toAddress.toLowerCase());
  // The same rule as countFailedMail (work.ts): a delivery that failed and is retried or given up.
  if (options.failedOnly) query = query.where('mail_outbox.status', 'in', FAILED_MAIL_STATUSES);
  return query
    .orderBy('mail_outbox.created_at', 'desc')
    .orderBy('mail_outbox.id', 'desc')
    .limit(options.limit)
    .execute();
}

export async function findOutboxMail(db: Executor, id: string): Promise<MailOutbox | undefined> {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records a delivery the SMTP server accepted; written in the transaction that completes the delivery job. */
export async function markOutboxMailSent(db: Executor, id: string) {
  await db
    .updateTable('mail_outbox')
    .set({
      status: 'sent',
      sent_at: sql`now()`,
      last_attempt_at: sql`now()`,
      attempts: sql`attempts + 1`,
    })
    .where('id', '=', id)
    .execute();
}

/** Records a refused or failed attempt with the server's answer: `failed` while another attempt is scheduled, else `dead`. */
export async function markOutboxMailFailed(
  db: Executor,
  id: string,
  outcome: { error: string; dead: boolean },
) {
  await db
    .updateTable('mail_outbox')
    .set({
      status: outcome.dead ? 'dead' : 'failed',
      error: outcome.error.slice(0, 2000),
      last_attempt_at: sql`now()`,
      attempts: sql`attempts + 1`,
    })
    .where('id', '=', id)
    .where('status', '<>', 'sent')
    .execute();
}

/**
 * "Retry now" for a mail whose delivery failed or was given up: the mail is marked `retried` and its delivery job is
 * due at once (recreated if it was pruned), with one more attempt allowed. Undefined when the mail is not in a state
 * that can be retried (sent, kept, or already waiting).
 */
export async function retryOutboxMailNow(db: Executor, id: string): Promise<MailOutbox | undefined> {
  const mail = await db
    .updateTable('mail_outbox')
    .set({ status: 'retried' })
    .where('id', '=', id)
    .where('transport', '=', 'smtp')
    .where('status', 'in', FAILED_MAIL_STATUSES)
    .returningAll()
    .executeTakeFirst();
  if (!mail) return undefined;
  await sql`
    insert into job (kind, mail_id, payload, unique_key)
    values ('mail.deliver', ${id}, jsonb_build_object('mailId', ${id}::uuid), ${`mail.deliver:${id}`})
    on conflict (unique_key) do update set
      status = 'queued',
      run_at = now(),
      finished_at = null,
      max_attempts = greatest(job.max_attempts, job.attempts + 1)
    where job.status <> 'running'`.execute(db);
  return mail;
}
