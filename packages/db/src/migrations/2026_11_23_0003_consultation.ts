import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consultation_round')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('description', 'jsonb', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('action_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('edition_id', 'text')
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('invited_groups', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('board_id', 'uuid')
    .addColumn('member_states', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{en}'`))
    .addColumn('opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    .addColumn('event', 'jsonb')
    .addColumn('targets', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('published_at', 'timestamptz')
    .addColumn('summary', 'jsonb')
    .addColumn('summary_published_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('consultation_round_dates', sql`closes_at > opens_at`)
    .execute();
  await db.schema
    .createIndex('consultation_round_published')
    .on('consultation_round')
    .columns(['published_at', 'closes_at'])
    .execute();

  await db.schema
    .createTable('round_question')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('consultation_round.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('prompt', 'jsonb', (c) => c.notNull())
    .addColumn('help', 'jsonb')
    .addColumn('required', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('options', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('likert', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('round_question_round')
    .on('round_question')
    .columns(['round_id', 'position'])
    .execute();

  await db.schema
    .createTable('contribution')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'uuid', (c) =>
      c.notNull().references('consultation_round.id').onDelete('restrict'),
    )
    .addColumn('author_user_id', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','submitted')`))
    // The client's key for one submission: a retry with the same key finds the first result instead of a duplicate.
    .addColumn('idempotency_key', 'uuid', (c) => c.unique())
    .addColumn('receipt_reference', 'text', (c) => c.unique())
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('stakeholder_group', 'text')
    .addColumn('member_state_code', 'char(2)', (c) => c.references('member_state.code'))
    .addColumn('organisation_name', 'text')
    .addColumn('written_in', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('named_publicly', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('facilitated_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('participant_name', 'text')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('hidden_reason', 'text')
    .addColumn('hidden_note', 'text')
    .addColumn('hidden_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index contribution_one_draft on contribution (round_id, author_user_id) where status = 'draft'`.execute(
    db,
  );
  await db.schema
    .createIndex('contribution_round_status')
    .on('contribution')
    .columns(['round_id', 'status'])
    .execute();
  await db.schema.createIndex('contribution_author').on('contribution').column('author_user_id').execute();

  await db.schema
    .createTable('contribution_item')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('contribution_id', 'uuid', (c) =>
      c.notNull().references('contribution.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text')
    .execute();
  await db.schema
    .createIndex('contribution_item_contribution')
    .on('contribution_item')
    .column('contribution_id')
    .execute();

  await db.schema
    .createTable('round_theme')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('consultation_round.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('round_theme_label', ['round_id', 'label'])
    .execute();

  await db.schema
    .createTable('contribution_theme')
    .addColumn('contribution_id', 'uuid', (c) =>
      c.notNull().references('contribution.id').onDelete('cascade'),
    )
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('round_theme.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('contribution_theme_pk', ['contribution_id', 'theme_id'])
    .execute();

  await db.schema
    .createTable('contribution_response')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('contribution_id', 'uuid', (c) =>
      c.notNull().unique().references('contribution.id').onDelete('cascade'),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('responded_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('contribution_report')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('contribution_id', 'uuid', (c) =>
      c.notNull().references('contribution.id').onDelete('cascade'),
    )
    .addColumn('reported_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolved_at', 'timestamptz')
    .addUniqueConstraint('contribution_report_once', ['contribution_id', 'reported_by'])
    .execute();

  await db.schema
    .createTable('event_registration')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('consultation_round.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('registered','waitlisted','cancelled')`),
    )
    .addColumn('accommodations_needed', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('other_needs', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('event_registration_once', ['round_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('round_document')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('consultation_round.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    // Files live in the database so API replicas stay stateless; background documents are small (limit 10 MB).
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('download_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uploaded_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('round_daily_stat')
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('consultation_round.id').onDelete('cascade'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('downloads', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('round_daily_stat_pk', ['round_id', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'round_daily_stat',
    'round_document',
    'event_registration',
    'contribution_report',
    'contribution_response',
    'contribution_theme',
    'round_theme',
    'contribution_item',
    'contribution',
    'round_question',
    'consultation_round',
  ]) {
    await db.schema.dropTable(table).ifExists().cascade().execute();
  }
}
