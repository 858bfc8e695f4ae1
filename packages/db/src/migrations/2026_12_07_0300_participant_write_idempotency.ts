import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
/**
 * A board member's point, or a comment on a proposed edit, sent again after a lost answer is stored once: the apps send
 * a key per write, unique per author (as contributions' keys are per author and round). Rows written before have none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('board_session_input').addColumn('idempotency_key', 'uuid').execute();
  await sql`
    create unique index board_session_input_idempotency_key
      on board_session_input (user_id, idempotency_key)
      where idempotency_key is not null
  `.execute(db);
  await db.schema.alterTable('review_comment').addColumn('idempotency_key', 'uuid').execute();
  await sql`
    create unique index review_comment_idempotency_key
      on review_comment (author_user_id, idempotency_key)
      where idempotency_key is not null
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists review_comment_idempotency_key`.execute(db);
  await db.schema.alterTable('review_comment').dropColumn('idempotency_key').execute();
  await sql`drop index if exists board_session_input_idempotency_key`.execute(db);
  await db.schema.alterTable('board_session_input').dropColumn('idempotency_key').execute();
}
