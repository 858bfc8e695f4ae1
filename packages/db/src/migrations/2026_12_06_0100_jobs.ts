import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
/**
 * A durable job queue and a scheduler in the database (issue #15), so background work commits with the change that
 * causes it and survives a crash of the host that was running it.
 *
 * - `job`: one row per unit of work. A worker claims due rows with `for update skip locked` (several hosts never take
 *   the same row) and holds a lease (`locked_until`) it renews while the job runs; a row still `running` after its
 *   lease ran out belonged to a host that died and is claimed again. Failures go back to `queued` with a later
 *   `run_at` (exponential backoff) until `max_attempts`, then `dead`. `unique_key` makes an enqueue idempotent.
 * - Every mail written to `mail_outbox` for SMTP gets its delivery job from a trigger, in the same statement, whatever
 *   path inserted it (a repository call, the submission's single CTE statement, a conditional insert): a mail can
 *   never be committed without the job that sends it. `mail_id` cascades, so deleting a person's mail (account
 *   deletion) takes its delivery job with it. A restored backup (which leaves the queue out) gets a job for each mail
 *   still to be sent; sent, kept and dead mail get none.
 * - `mail_outbox.status` is the mail's own history as the Secretariat reads it: kept (no SMTP), queued, failed (an
 *   attempt failed; another is scheduled), retried (staff asked for another attempt), sent, dead (given up).
 * - `job_schedule`: recurring jobs. A host claims a due schedule by moving `next_run_at` forward in one UPDATE, so of
 *   several hosts exactly one enqueues each tick.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('mail_outbox')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_attempt_at', 'timestamptz')
    .execute();
  await sql`
    update mail_outbox set status = case
      when transport <> 'smtp' then 'kept'
      when sent_at is not null then 'sent'
      when error is not null then 'dead'
      else 'dead' end`.execute(db);
  await sql`
    alter table mail_outbox add constraint mail_outbox_status
    check (status in ('kept', 'queued', 'failed', 'retried', 'sent', 'dead'))`.execute(db);

  await db.schema
    .createTable('job')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('mail_id', 'uuid', (c) => c.references('mail_outbox.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(sql`status in ('queued', 'running', 'done', 'dead')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(8))
    .addColumn('run_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('unique_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  // The claim query reads only unfinished rows; finished ones pile up until pruned and must not slow it down.
  await sql`create index job_due on job (run_at) where status in ('queued', 'running')`.execute(db);
  await db.schema.createIndex('job_mail_id').on('job').column('mail_id').execute();
  await db.schema.createIndex('job_status_created').on('job').columns(['status', 'created_at']).execute();

  await sql`
    create function mail_outbox_status_from_transport() returns trigger language plpgsql as $$
    begin
      if new.transport <> 'smtp' then new.status := 'kept'; end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger mail_outbox_status_from_transport before insert on mail_outbox
    for each row execute function mail_outbox_status_from_transport()`.execute(db);
  await sql`
    create function mail_outbox_enqueue_delivery() returns trigger language plpgsql as $$
    begin
      insert into job (kind, mail_id, payload, unique_key)
      values ('mail.deliver', new.id, jsonb_build_object('mailId', new.id), 'mail.deliver:' || new.id)
      on conflict (unique_key) do nothing;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger mail_outbox_enqueue_delivery after insert on mail_outbox
    for each row when (new.transport = 'smtp' and new.status in ('queued', 'failed', 'retried'))
    execute function mail_outbox_enqueue_delivery()`.execute(db);

  await db.schema
    .createTable('job_schedule')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('interval_seconds', 'integer', (c) => c.notNull().check(sql`interval_seconds > 0`))
    .addColumn('next_run_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_run_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists mail_outbox_enqueue_delivery on mail_outbox`.execute(db);
  await sql`drop trigger if exists mail_outbox_status_from_transport on mail_outbox`.execute(db);
  await sql`drop function if exists mail_outbox_enqueue_delivery()`.execute(db);
  await sql`drop function if exists mail_outbox_status_from_transport()`.execute(db);
  await db.schema.dropTable('job_schedule').ifExists().execute();
  await db.schema.dropTable('job').ifExists().execute();
  await sql`alter table mail_outbox drop constraint if exists mail_outbox_status`.execute(db);
  await db.schema
    .alterTable('mail_outbox')
    .dropColumn('status')
    .dropColumn('attempts')
    .dropColumn('last_attempt_at')
    .execute();
}
