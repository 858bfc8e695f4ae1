import { sql, type Kysely } from 'kysely';

// Frozen once released: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('roadmap_edition')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'integer', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`number > 0`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    // The whole catalogue in its public JSON shape ({ actionAreas: [...] }), as adopted.
    .addColumn('catalogue', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('current','superseded')`))
    // Null only for the first edition: the Roadmap as published, before this platform existed.
    .addColumn('adopted_at', 'timestamptz')
    .addColumn('notes', 'text')
    // The review cycle that produced the edition. No foreign key: the review domain's tables come in a later migration.
    .addColumn('review_cycle_id', 'uuid')
    .addColumn('adopted_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Exactly one edition is current: adopting a new one must supersede the old one in the same transaction.
  await sql`create unique index roadmap_edition_one_current on roadmap_edition ((true)) where status = 'current'`.execute(
    db,
  );
  // An adopted edition's text never changes (readers cache it by id, links to "edition 2" must keep meaning the same
  // thing); only its status moves from current to superseded. Enforced by the database, like the audit log.
  await sql`
    create function roadmap_edition_is_immutable() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'roadmap_edition rows are never deleted';
      end if;
      if new.number <> old.number or new.catalogue is distinct from old.catalogue or new.title <> old.title
         or new.adopted_at is distinct from old.adopted_at then
        raise exception 'an adopted roadmap_edition is immutable except for its status';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger roadmap_edition_immutable before update or delete on roadmap_edition
    for each row execute function roadmap_edition_is_immutable()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('roadmap_edition').ifExists().execute();
  await sql`drop function if exists roadmap_edition_is_immutable()`.execute(db);
}
