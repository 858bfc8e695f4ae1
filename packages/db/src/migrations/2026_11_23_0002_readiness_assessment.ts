import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('readiness_assessment')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('member_state_code', 'char(2)', (c) => c.notNull().references('member_state.code'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2024 and 2100`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft','submitted')`),
    )
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // The scores as computed when submitted, so a later change to the scoring code never rewrites a state's record.
    .addColumn('result', 'jsonb')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('updated_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('submitted_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addUniqueConstraint('readiness_assessment_state_year', ['member_state_code', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('readiness_assessment').ifExists().execute();
}
