import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
/**
 * Hosts keep "which edition is current" in memory (issue #16) and must forget it the moment another host adopts one.
 * Any statement that writes roadmap_edition sends a notification on `musyawarah_edition`; PostgreSQL delivers it at
 * commit to every session that LISTENs, so each host's cache is dropped when the adoption commits (and a rolled-back
 * adoption sends nothing). Statement-level: one notification per statement, whatever it touched.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function roadmap_edition_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('musyawarah_edition', '');
      return null;
    end $$`.execute(db);
  await sql`
    create trigger roadmap_edition_notify
    after insert or update or delete on roadmap_edition
    for each statement execute function roadmap_edition_notify()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists roadmap_edition_notify on roadmap_edition`.execute(db);
  await sql`drop function if exists roadmap_edition_notify()`.execute(db);
}
