import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
/**
 * Review of the interface's translations by the Secretariat (issue #13). The English source and the machine-drafted
 * translations live in the repository's locale files; a reviewer's approved text is stored here, one row per
 * (locale, scope, key), with the hash of the English text it was approved against (so a later change of the English
 * shows the translation as changed), until `pnpm cli translations:export` writes it back into the files.
 * `scope` is the tree the key lives in (ui, stakeholder, secretariat, mail); `key` is `<namespace>.<key.path>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('translation_review')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source_hash', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('reviewed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('translation_review_locale_scope_key', ['locale', 'scope', 'key'])
    .addCheckConstraint('translation_review_locale', sql`locale <> 'en' and locale ~ '^[a-z]{2,3}$'`)
    .addCheckConstraint(
      'translation_review_scope',
      sql`scope in ('ui', 'stakeholder', 'secretariat', 'mail')`,
    )
    .addCheckConstraint('translation_review_text', sql`length(btrim(text)) > 0`)
    .addCheckConstraint('translation_review_source_hash', sql`source_hash ~ '^[0-9a-f]{12}$'`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('translation_review').ifExists().execute();
}
