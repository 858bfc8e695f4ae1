import { sql, type Kysely } from 'kysely';

/**
 * AI advisory boards (Roadmap action C2.1). Frozen once released: never edit a migration that has shipped; add a new one.
 * The default constituencies are written out here rather than imported from core, so this migration keeps doing the
 * same thing whatever core's list becomes later (a test checks they match today).
 */
const DEFAULT_CONSTITUENCIES: [key: string, marginalised: boolean, label: string][] = [
  ['persons_with_disabilities', true, 'Persons with disabilities'],
  ['indigenous_peoples', true, 'Indigenous peoples'],
  ['women', true, 'Women'],
  ['youth', true, 'Youth'],
  ['older_persons', true, 'Older persons'],
  ['rural_communities', true, 'Rural communities'],
  ['ethnic_religious_minorities', true, 'Ethnic and religious minorities'],
  ['migrant_workers', true, 'Migrant workers'],
  ['lgbtiq', true, 'LGBTIQ+ people'],
  ['low_income_communities', true, 'Low-income communities'],
  ['industry', false, 'Industry'],
  ['academia', false, 'Academia'],
  ['civil_society', false, 'Civil society'],
  ['government', false, 'Government'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('board_constituency')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('label', 'jsonb', (c) => c.notNull())
    .addColumn('marginalised', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_default', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db
    .insertInto('board_constituency')
    .values(
      DEFAULT_CONSTITUENCIES.map(([key, marginalised, label]) => ({
        key,
        marginalised,
        label: JSON.stringify({ en: label }),
        is_default: true,
      })),
    )
    .execute();

  await db.schema
    .createTable('advisory_board')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'jsonb', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('regional','member_state')`))
    .addColumn('member_state_code', 'char(2)', (c) => c.references('member_state.code'))
    .addColumn('mandate', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('forming')
        .check(sql`status in ('forming','active','dissolved')`),
    )
    .addColumn('action_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('life_starts_on', 'date', (c) => c.notNull())
    .addColumn('life_ends_on', 'date')
    .addColumn('seat_capacity', 'integer', (c) => c.notNull().check(sql`seat_capacity > 0`))
    .addColumn('targets', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('selection_criteria', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'advisory_board_scope_state',
      sql`(scope = 'member_state') = (member_state_code is not null)`,
    )
    .addCheckConstraint('advisory_board_life', sql`life_ends_on is null or life_ends_on >= life_starts_on`)
    .execute();

  await db.schema
    .createTable('board_seat')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('advisory_board.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('chair','vice_chair','member','observer')`),
    )
    .addColumn('constituencies', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('member_state_code', 'char(2)', (c) => c.references('member_state.code'))
    .addColumn('organisation', 'text')
    .addColumn('gender', 'text')
    .addColumn('conflict_of_interest', 'text')
    .addColumn('listed_publicly', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('term_starts_on', 'date', (c) => c.notNull())
    .addColumn('term_ends_on', 'date', (c) => c.notNull())
    .addColumn('ended_on', 'date')
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text')
    .addColumn('end_note', 'text')
    .addColumn('nomination_id', 'uuid')
    .addColumn('created_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('board_seat_term', sql`term_ends_on >= term_starts_on`)
    .addCheckConstraint(
      'board_seat_ended',
      sql`(ended_at is null) = (ended_on is null) and (ended_at is null) = (end_reason is null)`,
    )
    .execute();
  // One person holds at most one seat on a board that has not been ended; ended seats stay as history.
  await sql`create unique index board_seat_one_active on board_seat (board_id, user_id) where ended_at is null`.execute(
    db,
  );
  await db.schema.createIndex('board_seat_user').on('board_seat').column('user_id').execute();

  await db.schema
    .createTable('board_call')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('advisory_board.id').onDelete('cascade'))
    .addColumn('description', 'jsonb', (c) => c.notNull())
    .addColumn('opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('board_call_dates', sql`closes_at > opens_at`)
    .execute();
  await db.schema.createIndex('board_call_board').on('board_call').column('board_id').execute();

  await db.schema
    .createTable('board_nomination')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('board_call.id').onDelete('cascade'))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('advisory_board.id').onDelete('cascade'))
    .addColumn('applicant_user_id', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('is_self', 'boolean', (c) => c.notNull())
    .addColumn('nominee_name', 'text', (c) => c.notNull())
    .addColumn('nominee_email', 'text', (c) => c.notNull())
    .addColumn('nominee_user_id', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('constituencies', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('member_state_code', 'char(2)', (c) => c.references('member_state.code'))
    .addColumn('organisation', 'text')
    .addColumn('gender', 'text')
    .addColumn('motivation', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('submitted')
        .check(sql`status in ('submitted','accepted','declined','withdrawn')`),
    )
    .addColumn('scores', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('score_note', 'text')
    .addColumn('scored_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('seat_id', 'uuid', (c) => c.references('board_seat.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'board_nomination_declined_reason',
      sql`status <> 'declined' or decision_reason is not null`,
    )
    .execute();
  // One open application per nominee per call: a double submit or a second nomination of the same person is refused.
  await sql`create unique index board_nomination_one_open on board_nomination (call_id, nominee_email) where status = 'submitted'`.execute(
    db,
  );
  await db.schema
    .createIndex('board_nomination_board')
    .on('board_nomination')
    .columns(['board_id', 'status'])
    .execute();
  await db.schema
    .createIndex('board_nomination_applicant')
    .on('board_nomination')
    .column('applicant_user_id')
    .execute();

  await db.schema
    .createTable('board_session')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('advisory_board.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('inaugural','consultation')`))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('online','in_person','hybrid')`))
    .addColumn('method', 'text', (c) =>
      c.notNull().check(sql`method in ('focus_group','survey','interview','workshop')`),
    )
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('venue', 'text')
    .addColumn('link', 'text')
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{en}'`))
    .addColumn('accommodations', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('agenda', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('action_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('minutes', 'text')
    .addColumn('outcomes', 'text')
    .addColumn('minutes_visibility', 'text', (c) =>
      c
        .notNull()
        .defaultTo('members')
        .check(sql`minutes_visibility in ('members','public')`),
    )
    .addColumn('minutes_published_at', 'timestamptz')
    .addColumn('survey_closed_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('board_session_dates', sql`ends_at > starts_at`)
    .execute();
  await db.schema
    .createIndex('board_session_board')
    .on('board_session')
    .columns(['board_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('board_session_invitation')
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('board_session.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('invited_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('rsvp', 'text', (c) => c.check(sql`rsvp in ('yes','no','maybe')`))
    .addColumn('rsvp_at', 'timestamptz')
    .addColumn('accommodations_needed', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('other_needs', 'text')
    .addPrimaryKeyConstraint('board_session_invitation_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('board_session_invitation_user')
    .on('board_session_invitation')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('board_attendance')
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('board_session.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('present','absent','excused')`))
    .addColumn('recorded_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('board_attendance_pk', ['session_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('board_session_input')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('board_session.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('agenda_item_id', 'text')
    .addColumn('action_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('board_session_input_session')
    .on('board_session_input')
    .column('session_id')
    .execute();

  // No timestamp and no user on unsigned answers (see schema-boards.ts); uuid ids carry no insertion order either.
  await db.schema
    .createTable('board_survey_response')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('board_session.id').onDelete('cascade'))
    .addColumn('satisfaction', 'smallint', (c) => c.notNull().check(sql`satisfaction between 1 and 5`))
    .addColumn('trust', 'smallint', (c) => c.notNull().check(sql`trust between 1 and 5`))
    .addColumn('comment', 'text')
    .addColumn('signed_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('board_survey_response_session')
    .on('board_survey_response')
    .column('session_id')
    .execute();

  await db.schema
    .createTable('board_survey_participation')
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('board_session.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('responded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('board_survey_participation_pk', ['session_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('board_training')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('advisory_board.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('course', 'text', (c) => c.notNull())
    .addColumn('taken_on', 'date', (c) => c.notNull())
    .addColumn('completed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('recorded_by', 'uuid', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('board_training_board')
    .on('board_training')
    .columns(['board_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'board_training',
    'board_survey_participation',
    'board_survey_response',
    'board_session_input',
    'board_attendance',
    'board_session_invitation',
    'board_session',
    'board_nomination',
    'board_call',
    'board_seat',
    'advisory_board',
    'board_constituency',
  ]) {
    await db.schema.dropTable(table).ifExists().cascade().execute();
  }
}
