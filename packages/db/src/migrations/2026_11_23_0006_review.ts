import { sql, type Kysely } from 'kysely';

// Review cycles (Roadmap C3.3). Frozen once released; this slot is unreleased.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_framework')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('review_cycle')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('framework_version', 'integer', (c) =>
      c.notNull().references('review_framework.version').onDelete('restrict'),
    )
    // The editions domain numbers editions 1, 2, …; no foreign key so the two domains migrate independently.
    .addColumn('base_edition_number', 'integer', (c) => c.notNull())
    .addColumn('audience', 'text', (c) =>
      c.notNull().check(sql`audience in ('all_participants','member_states')`),
    )
    .addColumn('publication_date', 'date', (c) => c.notNull())
    .addColumn('adopted_edition_number', 'integer')
    .addColumn('published_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('review_cycle_phase')
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('review_cycle.id').onDelete('cascade'))
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('planned_start', 'date', (c) => c.notNull())
    .addColumn('planned_end', 'date', (c) => c.notNull())
    .addColumn('actual_start', 'timestamptz')
    .addColumn('actual_end', 'timestamptz')
    .addPrimaryKeyConstraint('review_cycle_phase_pk', ['cycle_id', 'phase'])
    .addCheckConstraint('review_cycle_phase_planned', sql`planned_end >= planned_start`)
    .addCheckConstraint(
      'review_cycle_phase_actual',
      sql`actual_end is null or (actual_start is not null and actual_end >= actual_start)`,
    )
    .execute();

  await db.schema
    .createTable('review_assessment')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('review_cycle.id').onDelete('cascade'))
    .addColumn('member_state_code', 'char(2)', (c) => c.notNull().references('member_state.code'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft','submitted')`),
    )
    // [{ actionAreaId, criterionKey, rating, comment? }]
    .addColumn('ratings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('submitted_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('review_assessment_one_per_state', ['cycle_id', 'member_state_code'])
    .execute();

  await db.schema
    .createTable('review_edit')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('cycle_id', 'uuid', (c) => c.notNull().references('review_cycle.id').onDelete('cascade'))
    // Drafting order, which is also the order the edits are applied in.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('updated_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('review_edit_cycle')
    .on('review_edit')
    .columns(['cycle_id', 'position'])
    .execute();

  await db.schema
    .createTable('review_edit_motivation')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('edit_id', 'uuid', (c) => c.notNull().references('review_edit.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('contribution_id', 'uuid', (c) => c.references('contribution.id').onDelete('restrict'))
    .addColumn('assessment_id', 'uuid', (c) => c.references('review_assessment.id').onDelete('restrict'))
    // The boards domain is built apart: a session is referenced by id only.
    .addColumn('board_session_id', 'uuid')
    .addColumn('note', 'text')
    .addCheckConstraint(
      'review_edit_motivation_target',
      sql`(kind = 'contribution' and contribution_id is not null and assessment_id is null and board_session_id is null)
        or (kind = 'assessment' and assessment_id is not null and contribution_id is null and board_session_id is null)
        or (kind = 'board_session' and board_session_id is not null and contribution_id is null and assessment_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex('review_edit_motivation_edit')
    .on('review_edit_motivation')
    .column('edit_id')
    .execute();
  await db.schema
    .createIndex('review_edit_motivation_contribution')
    .on('review_edit_motivation')
    .column('contribution_id')
    .execute();

  await db.schema
    .createTable('review_position')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('edit_id', 'uuid', (c) => c.notNull().references('review_edit.id').onDelete('cascade'))
    .addColumn('member_state_code', 'char(2)', (c) => c.notNull().references('member_state.code'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('support','support_with_amendment','object','abstain')`),
    )
    .addColumn('text', 'text')
    .addColumn('counter_proposal', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('review_position_one_per_state', ['edit_id', 'member_state_code'])
    .execute();

  await db.schema
    .createTable('review_comment')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('edit_id', 'uuid', (c) => c.notNull().references('review_edit.id').onDelete('cascade'))
    .addColumn('parent_id', 'uuid', (c) => c.references('review_comment.id').onDelete('cascade'))
    .addColumn('author_user_id', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('confidential', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('review_comment_edit')
    .on('review_comment')
    .columns(['edit_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('review_resolution')
    .addColumn('edit_id', 'uuid', (c) => c.primaryKey().references('review_edit.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('accepted','accepted_with_changes','rejected')`),
    )
    .addColumn('final_payload', 'jsonb')
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('resolved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'review_resolution_final',
      sql`(kind = 'accepted_with_changes') = (final_payload is not null)`,
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'review_resolution',
    'review_comment',
    'review_position',
    'review_edit_motivation',
    'review_edit',
    'review_assessment',
    'review_cycle_phase',
    'review_cycle',
    'review_framework',
  ]) {
    await db.schema.dropTable(table).ifExists().cascade().execute();
  }
}
