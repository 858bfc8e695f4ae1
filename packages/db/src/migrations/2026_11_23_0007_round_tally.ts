import { sql, type Kysely } from 'kysely';

/**
 * Write-time counts for the round dashboard. Counting a million contributions with GROUP BY on every dashboard view
 * took seconds (bench/); these counts are kept by triggers, so every path that changes a contribution — the API,
 * seeds, imports, hand-written SQL — keeps them exact, in the same statement as the change.
 *
 * Triggers only APPEND to round_tally_delta (no row is updated, so concurrent submissions never wait on, or deadlock
 * over, a shared counter row — the one-round load test has 64 clients writing to one round). Readers fold the deltas
 * into round_tally first (`foldRoundTally`), so a read costs the deltas written since the last read plus a few
 * hundred rows.
 *
 * What is counted, matching the dashboard's definitions:
 * - `cell`  ["group","state","language"]: submitted, visible contributions (stakeholder map);
 * - `type`  item type: items of submitted, visible contributions;
 * - `theme` theme id: theme tags of visible contributions;
 * - `day`   UTC day of submission: submitted contributions, hidden or not ("participation over time").
 * Submitted contributions are never deleted (nothing acknowledged is ever lost), which a trigger enforces here too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('round_tally')
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('consultation_round.id').onDelete('cascade'))
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_tally_pk', ['round_id', 'dimension', 'key'])
    .execute();
  await db.schema
    .createTable('round_tally_delta')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('consultation_round.id').onDelete('cascade'))
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('delta', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('round_tally_delta_round').on('round_tally_delta').column('round_id').execute();

  await sql`
    create function contribution_cell_key(c contribution) returns text language sql immutable as $$
      select jsonb_build_array(c.stakeholder_group, c.member_state_code, c.written_in)::text
    $$;
  `.execute(db);
  await sql`
    create function contribution_day_key(c contribution) returns text language sql immutable as $$
      select to_char(c.submitted_at at time zone 'UTC', 'YYYY-MM-DD')
    $$;
  `.execute(db);

  // Contributions inserted by a statement: +1 per cell and per day.
  await sql`
    create function round_tally_contribution_insert() returns trigger language plpgsql as $$
    begin
      insert into round_tally_delta (round_id, dimension, key, delta)
      select n.round_id, 'cell', contribution_cell_key(n), count(*)
        from new_rows n where n.status = 'submitted' and n.hidden_at is null
       group by 1, 3
      union all
      select n.round_id, 'day', contribution_day_key(n), count(*)
        from new_rows n where n.status = 'submitted'
       group by 1, 3;
      return null;
    end $$;
  `.execute(db);

  // Contributions updated by a statement: the difference between what the old and the new rows counted, including
  // their items and themes when visibility changed (hide, unhide, a draft becoming submitted).
  await sql`
    create function round_tally_contribution_update() returns trigger language plpgsql as $$
    begin
      insert into round_tally_delta (round_id, dimension, key, delta)
      select round_id, dimension, key, sum(delta) from (
        select o.round_id, 'cell' as dimension, contribution_cell_key(o) as key, -1 as delta
          from old_rows o where o.status = 'submitted' and o.hidden_at is null
        union all
        select n.round_id, 'cell', contribution_cell_key(n), 1
          from new_rows n where n.status = 'submitted' and n.hidden_at is null
        union all
        select o.round_id, 'day', contribution_day_key(o), -1 from old_rows o where o.status = 'submitted'
        union all
        select n.round_id, 'day', contribution_day_key(n), 1 from new_rows n where n.status = 'submitted'
        union all
        select n.round_id, 'type', i.type,
               (case when n.status = 'submitted' and n.hidden_at is null then 1 else 0 end)
             - (case when o.status = 'submitted' and o.hidden_at is null then 1 else 0 end)
          from new_rows n join old_rows o on o.id = n.id join contribution_item i on i.contribution_id = n.id
        union all
        select n.round_id, 'theme', t.theme_id::text,
               (case when n.hidden_at is null then 1 else 0 end) - (case when o.hidden_at is null then 1 else 0 end)
          from new_rows n join old_rows o on o.id = n.id join contribution_theme t on t.contribution_id = n.id
      ) changes
      group by 1, 2, 3
      having sum(delta) <> 0;
      return null;
    end $$;
  `.execute(db);

  await sql`
    create function contribution_submitted_is_kept() returns trigger language plpgsql as $$
    begin
      if old.status = 'submitted' then
        raise exception 'submitted contribution % cannot be deleted (hide it instead)', old.id
          using errcode = 'restrict_violation';
      end if;
      return old;
    end $$;
  `.execute(db);

  // Items and theme tags: counted when their contribution is submitted and visible at the end of the statement
  // (the submission statement inserts the contribution and its items together).
  await sql`
    create function round_tally_item_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into round_tally_delta (round_id, dimension, key, delta)
        select c.round_id, 'type', i.type, count(*)
          from new_rows i join contribution c on c.id = i.contribution_id
         where c.status = 'submitted' and c.hidden_at is null group by 1, 3;
      else
        insert into round_tally_delta (round_id, dimension, key, delta)
        select c.round_id, 'type', i.type, -count(*)
          from old_rows i join contribution c on c.id = i.contribution_id
         where c.status = 'submitted' and c.hidden_at is null group by 1, 3;
      end if;
      return null;
    end $$;
  `.execute(db);
  await sql`
    create function round_tally_theme_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into round_tally_delta (round_id, dimension, key, delta)
        select c.round_id, 'theme', t.theme_id::text, count(*)
          from new_rows t join contribution c on c.id = t.contribution_id
         where c.hidden_at is null group by 1, 3;
      else
        insert into round_tally_delta (round_id, dimension, key, delta)
        select c.round_id, 'theme', t.theme_id::text, -count(*)
          from old_rows t join contribution c on c.id = t.contribution_id
         where c.hidden_at is null group by 1, 3;
      end if;
      return null;
    end $$;
  `.execute(db);

  for (const statement of [
    `create trigger round_tally_contribution_insert after insert on contribution referencing new table as new_rows for each statement execute function round_tally_contribution_insert()`,
    `create trigger round_tally_contribution_update after update on contribution referencing old table as old_rows new table as new_rows for each statement execute function round_tally_contribution_update()`,
    `create trigger contribution_submitted_is_kept before delete on contribution for each row execute function contribution_submitted_is_kept()`,
    `create trigger round_tally_item_insert after insert on contribution_item referencing new table as new_rows for each statement execute function round_tally_item_change()`,
    `create trigger round_tally_item_delete after delete on contribution_item referencing old table as old_rows for each statement execute function round_tally_item_change()`,
    `create trigger round_tally_theme_insert after insert on contribution_theme referencing new table as new_rows for each statement execute function round_tally_theme_change()`,
    `create trigger round_tally_theme_delete after delete on contribution_theme referencing old table as old_rows for each statement execute function round_tally_theme_change()`,
  ]) {
    // One statement per query: the pg driver's extended protocol refuses several in one.
    await sql.raw(statement).execute(db);
  }

  // Counts for what existed before this migration.
  await sql`
    insert into round_tally (round_id, dimension, key, count)
    select round_id, 'cell', contribution_cell_key(c), count(*) from contribution c
     where status = 'submitted' and hidden_at is null group by 1, 3
    union all
    select round_id, 'day', contribution_day_key(c), count(*) from contribution c where status = 'submitted' group by 1, 3
    union all
    select c.round_id, 'type', i.type, count(*) from contribution_item i join contribution c on c.id = i.contribution_id
     where c.status = 'submitted' and c.hidden_at is null group by 1, 3
    union all
    select c.round_id, 'theme', t.theme_id::text, count(*) from contribution_theme t join contribution c on c.id = t.contribution_id
     where c.hidden_at is null group by 1, 3
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of [
    `drop trigger if exists round_tally_contribution_insert on contribution`,
    `drop trigger if exists round_tally_contribution_update on contribution`,
    `drop trigger if exists contribution_submitted_is_kept on contribution`,
    `drop trigger if exists round_tally_item_insert on contribution_item`,
    `drop trigger if exists round_tally_item_delete on contribution_item`,
    `drop trigger if exists round_tally_theme_insert on contribution_theme`,
    `drop trigger if exists round_tally_theme_delete on contribution_theme`,
    `drop function if exists round_tally_contribution_insert, round_tally_contribution_update, contribution_submitted_is_kept, round_tally_item_change, round_tally_theme_change, contribution_cell_key, contribution_day_key`,
  ]) {
    await sql.raw(statement).execute(db);
  }
  await db.schema.dropTable('round_tally_delta').ifExists().execute();
  await db.schema.dropTable('round_tally').ifExists().execute();
}
