import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
/**
 * Visit de-duplication moves from each host's memory into the database (issue #16): behind a load balancer the same
 * visitor reached every replica and was counted once per replica. One row per (round, visitor): the visitor is a
 * SHA-256 of the round and the client address (the address itself is not stored), with the time its visit last
 * counted. Rows older than the window are pruned while visits are recorded (see repositories/visits.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('round_visit')
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('consultation_round.id').onDelete('cascade'))
    .addColumn('visitor_hash', 'bytea', (c) => c.notNull())
    .addColumn('counted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('round_visit_pk', ['round_id', 'visitor_hash'])
    .execute();
  await db.schema.createIndex('round_visit_counted_at').on('round_visit').column('counted_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('round_visit').ifExists().execute();
}
