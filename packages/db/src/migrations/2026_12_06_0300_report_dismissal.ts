import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
/**
 * A report can be dismissed without hiding the contribution (issue #14): the Secretariat records why, and the report
 * is resolved with that note and by whom. Reports resolved by hiding keep both empty (the contribution's hidden_note
 * says why it was hidden).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('contribution_report')
    .addColumn('resolution_note', 'text')
    .addColumn('resolved_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('contribution_report')
    .dropColumn('resolved_by')
    .dropColumn('resolution_note')
    .execute();
}
