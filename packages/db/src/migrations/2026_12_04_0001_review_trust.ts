import { sql, type Kysely } from 'kysely';

/**
 * A review cycle can be closed without adopting (its base edition was superseded by another cycle's adoption, or the
 * Secretariat abandons it): when, by whom and why. The reason is shown on the public cycle record. A closed cycle accepts
 * no more writes; its stage stays derived from the phase dates, with `closed_at` on top. A cycle is adopted or closed,
 * never both.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('review_cycle')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('closed_reason', 'text')
    // Which edition superseded the cycle's base, when that is why it was closed (shown as "Superseded by edition N").
    .addColumn('closed_superseded_by', 'integer')
    .execute();
  await sql`alter table review_cycle add constraint review_cycle_closed_reason
    check ((closed_at is null and closed_reason is null and closed_superseded_by is null)
        or (closed_at is not null and (closed_superseded_by is not null or length(btrim(coalesce(closed_reason, ''))) > 0)))`.execute(
    db,
  );
  await sql`alter table review_cycle add constraint review_cycle_adopted_or_closed
    check (closed_at is null or adopted_edition_number is null)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table review_cycle drop constraint if exists review_cycle_adopted_or_closed`.execute(db);
  await sql`alter table review_cycle drop constraint if exists review_cycle_closed_reason`.execute(db);
  await db.schema
    .alterTable('review_cycle')
    .dropColumn('closed_superseded_by')
    .dropColumn('closed_reason')
    .dropColumn('closed_by')
    .dropColumn('closed_at')
    .execute();
}
