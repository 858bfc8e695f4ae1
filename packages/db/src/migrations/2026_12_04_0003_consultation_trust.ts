import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
/**
 * Consultation trust (issue #11):
 * - An idempotency key belongs to one author (or facilitator) and one round. It was unique platform-wide, so a key
 *   reused for another round was answered with the first round's receipt and the new feedback was dropped.
 * - Event registrations record when they changed and who cancelled them, and the waitlist is read in order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table contribution drop constraint if exists contribution_idempotency_key_key`.execute(db);
  await sql`
    create unique index contribution_idempotency_key_scope
      on contribution (round_id, (coalesce(author_user_id, facilitated_by)), idempotency_key)
      where idempotency_key is not null
  `.execute(db);

  await db.schema
    .alterTable('event_registration')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.alterTable('event_registration').addColumn('cancelled_at', 'timestamptz').execute();
  await db.schema
    .alterTable('event_registration')
    .addColumn('cancelled_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('event_registration').addColumn('promoted_at', 'timestamptz').execute();
  await db.schema
    .createIndex('event_registration_queue')
    .on('event_registration')
    .columns(['round_id', 'status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('event_registration_queue').ifExists().execute();
  for (const column of ['promoted_at', 'cancelled_by', 'cancelled_at', 'updated_at']) {
    await db.schema.alterTable('event_registration').dropColumn(column).execute();
  }
  await sql`drop index if exists contribution_idempotency_key_scope`.execute(db);
  await sql`alter table contribution add constraint contribution_idempotency_key_key unique (idempotency_key)`.execute(
    db,
  );
}
