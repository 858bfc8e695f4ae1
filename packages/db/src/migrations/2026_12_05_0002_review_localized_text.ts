import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
/**
 * Review cycles' titles and descriptions per language (issue #13), like the rounds' and boards' texts: `{ "en": …,
 * "km"?: … }` as jsonb. Existing texts become the English of the object (`{ "en": <old text> }`); a cycle without a
 * description keeps null. English is always there. The framework's criteria and metrics live in its jsonb document and
 * need no migration: core reads a plain string there as English (`readFrameworkDocument`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table review_cycle
    alter column title type jsonb using jsonb_build_object('en', title),
    alter column description type jsonb using case when description is null then null else jsonb_build_object('en', description) end`.execute(
    db,
  );
  // `-> 'en'` is null on anything but an object with that key, so the checks also refuse strings and arrays.
  await sql`alter table review_cycle add constraint review_cycle_title_localized
    check (coalesce(jsonb_typeof(title -> 'en'), '') = 'string')`.execute(db);
  await sql`alter table review_cycle add constraint review_cycle_description_localized
    check (description is null or coalesce(jsonb_typeof(description -> 'en'), '') = 'string')`.execute(db);
}

/** Back to plain text: the English of each object (other languages are lost). */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table review_cycle drop constraint if exists review_cycle_description_localized`.execute(
    db,
  );
  await sql`alter table review_cycle drop constraint if exists review_cycle_title_localized`.execute(db);
  await sql`alter table review_cycle
    alter column title type text using title ->> 'en',
    alter column description type text using description ->> 'en'`.execute(db);
}
