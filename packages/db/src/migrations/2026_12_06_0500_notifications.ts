import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
/**
 * Notifications people can follow (issue #15): what each person was told (`notification`, listed in the apps' bell and
 * e-mailed per `notification_preference`), what they follow (`follow`), when their last digest of each period went
 * out (`notification_digest`), and the key that signs one-click unsubscribe links (`notification_signing_key`, one row,
 * made by the first host that needs it, so every host of one database signs and checks alike).
 *
 * `dedup_key` makes a notification once-only where the cause can be seen twice (a reminder, a round that opened on the
 * scheduler's clock): the unique index refuses the second, and producers insert `on conflict do nothing`.
 * `mail_outbox.headers` carries List-Unsubscribe (RFC 8058) to the delivery.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('params', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('dedup_key', 'text')
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('digested_at', 'timestamptz')
    .addColumn('read_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'notification_delivery_known',
      sql`delivery in ('immediately', 'daily', 'weekly', 'off')`,
    )
    .execute();
  await db.schema
    .createIndex('notification_user_created')
    .on('notification')
    .columns(['user_id', 'created_at'])
    .execute();
  await sql`create unique index notification_once on notification (user_id, dedup_key) where dedup_key is not null`.execute(
    db,
  );
  await sql`create index notification_digest_pending on notification (delivery, created_at)
    where digested_at is null and delivery in ('daily', 'weekly')`.execute(db);

  await db.schema
    .createTable('follow')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('follow_pk', ['user_id', 'subject_type', 'subject_id'])
    .addCheckConstraint(
      'follow_subject_known',
      sql`subject_type in ('round', 'action', 'board', 'review_cycle')`,
    )
    .execute();
  await db.schema
    .createIndex('follow_subject')
    .on('follow')
    .columns(['subject_type', 'subject_id'])
    .execute();

  await db.schema
    .createTable('notification_preference')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('notification_preference_pk', ['user_id', 'kind'])
    .addCheckConstraint(
      'notification_preference_delivery_known',
      sql`delivery in ('immediately', 'daily', 'weekly', 'off')`,
    )
    .execute();

  await db.schema
    .createTable('notification_digest')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_digest_pk', ['user_id', 'period'])
    .execute();

  await db.schema
    .createTable('notification_signing_key')
    .addColumn('id', 'smallint', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('secret', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema.alterTable('mail_outbox').addColumn('headers', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').dropColumn('headers').execute();
  for (const table of [
    'notification_signing_key',
    'notification_digest',
    'notification_preference',
    'follow',
    'notification',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
