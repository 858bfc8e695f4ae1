import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
/**
 * Published reports (issue #17): the Secretariat publishes a closed round's "What we heard"; a job renders it in each
 * language and stores the PDF and the accessible HTML, served as files. Publishing again bumps `version`; each
 * language's file is replaced when its job renders the new version, so a reader never meets a missing file meanwhile.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_publication')
    .addColumn('subject_kind', 'text', (c) =>
      c.notNull().check(sql`subject_kind in ('round', 'review_cycle')`),
    )
    .addColumn('subject_id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('published_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('report_publication_pkey', ['subject_kind', 'subject_id'])
    .execute();
  await db.schema
    .createTable('report_file')
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'uuid', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('pdf', 'bytea', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('html_sha256', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('report_file_pkey', ['subject_kind', 'subject_id', 'locale'])
    .addForeignKeyConstraint(
      'report_file_publication',
      ['subject_kind', 'subject_id'],
      'report_publication',
      ['subject_kind', 'subject_id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_file').ifExists().execute();
  await db.schema.dropTable('report_publication').ifExists().execute();
}
