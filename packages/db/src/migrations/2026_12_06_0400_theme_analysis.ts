import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
/**
 * Theme analysis of a round's free text (issue #17). A run is one analysis (queued → running → done | failed, with
 * progress); its suggestions are what the secretariat decides on. A suggestion tags nothing by itself: accepting it
 * links it to a `round_theme` (`theme_id`) and only then are its contributions tagged in `contribution_theme`.
 * A merge or a split creates new suggestions and marks the old ones `merged` / `split` with `derived_into`, so the
 * secretariat's cross-language merges are remembered beside the machine's output. `derived_into` and `derived_from`
 * carry no foreign key on purpose: the backup restores a table's rows in any order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('theme_analysis_run')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('consultation_round.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contribution_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('error', 'text')
    .addColumn('requested_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addCheckConstraint('theme_analysis_run_status', sql`status in ('queued', 'running', 'done', 'failed')`)
    .addCheckConstraint('theme_analysis_run_progress', sql`progress between 0 and 100`)
    .execute();
  // One analysis at a time per round: a second request while one is queued or running is refused, not doubled.
  await sql`create unique index theme_analysis_run_one_active on theme_analysis_run (round_id)
    where status in ('queued', 'running')`.execute(db);
  await db.schema
    .createIndex('theme_analysis_run_round')
    .on('theme_analysis_run')
    .columns(['round_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('theme_suggestion')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('theme_analysis_run.id').onDelete('cascade'))
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('consultation_round.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('languages', sql`text[]`, (c) => c.notNull())
    .addColumn('terms', sql`text[]`, (c) => c.notNull())
    .addColumn('member_ids', sql`uuid[]`, (c) => c.notNull())
    .addColumn('representative_ids', sql`uuid[]`, (c) => c.notNull())
    .addColumn('cohesion', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('label', 'text')
    .addColumn('theme_id', 'uuid', (c) => c.references('round_theme.id').onDelete('set null'))
    .addColumn('derived_from', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
    .addColumn('derived_into', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
    .addColumn('decided_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'theme_suggestion_status',
      sql`status in ('open', 'accepted', 'rejected', 'merged', 'split')`,
    )
    // Nothing is tagged without a person: an accepted suggestion names its theme and who accepted it.
    .addCheckConstraint(
      'theme_suggestion_accepted_by_person',
      sql`status <> 'accepted' or (theme_id is not null and decided_at is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('theme_suggestion_run')
    .on('theme_suggestion')
    .columns(['run_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('theme_suggestion').ifExists().execute();
  await db.schema.dropTable('theme_analysis_run').ifExists().execute();
}
