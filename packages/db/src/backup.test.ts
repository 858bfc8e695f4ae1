import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupRefusedError, exportDatabase, importDatabase } from './backup';
import type { Executor } from './client';
import { readRoundTally } from './repositories/consultation';
import { seedDemoData, seedReferenceData } from './seed';
import { openTestDatabase, type TestDatabase } from './testing';

const hashPassword = async (password: string) => `test-hash:${password.length}`;

let source: TestDatabase;
let target: TestDatabase;
let backup: string[];

beforeAll(async () => {
  source = await openTestDatabase();
  target = await openTestDatabase();
  await seedDemoData(source.db, { hashPassword, nodeEnv: 'development' });
  // Feedback with items, a theme tag, a hidden one, and a binary document: the kinds of value a restore can get wrong.
  const round = await source.db.selectFrom('consultation_round').select('id').executeTakeFirstOrThrow();
  const theme = await source.db
    .insertInto('round_theme')
    .values({ round_id: round.id, label: 'Access' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < 3; i++) {
    const id = randomUUID();
    await source.db
      .insertInto('contribution')
      .values({
        id,
        round_id: round.id,
        author_user_id: null,
        status: 'submitted',
        idempotency_key: randomUUID(),
        receipt_reference: `MSY-TEST-${i}`,
        answers: JSON.stringify({ q: ['ä', 'ไทย', '"quoted"'] }),
        stakeholder_group: 'civil_society',
        member_state_code: 'TL',
        written_in: 'tet',
        submitted_at: new Date(Date.UTC(2026, 10, 20 + i)),
        hidden_at: i === 2 ? new Date() : null,
        updated_at: new Date(),
      })
      .execute();
    await source.db
      .insertInto('contribution_item')
      .values({ contribution_id: id, position: 0, type: 'concern', text: `Line\nbreak ${i} <b>` })
      .execute();
    if (i === 0)
      await source.db
        .insertInto('contribution_theme')
        .values({ contribution_id: id, theme_id: theme.id })
        .execute();
  }
  await source.db
    .insertInto('round_document')
    .values({
      round_id: round.id,
      title: 'Brief',
      filename: 'brief.pdf',
      content_type: 'application/pdf',
      size_bytes: 4,
      content: Buffer.from([0x25, 0x50, 0x00, 0xff]),
    })
    .execute();
  backup = [];
  await exportDatabase(source.db, (line) => void backup.push(line));
}, 120_000);
afterAll(async () => {
  await source.close();
  await target.close();
});

async function tableNames(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE'
       and table_name not in ('kysely_migration', 'kysely_migration_lock', 'round_tally', 'round_tally_delta')
     order by 1`.execute(db);
  return rows.map((r) => r.name);
}

async function fingerprint(db: Executor, table: string): Promise<{ rows: number; digest: string | null }> {
  const { rows } = await sql<{ rows: number; digest: string | null }>`
    select count(*)::int as rows, md5(string_agg(to_jsonb(t)::text, '|' order by to_jsonb(t)::text)) as digest
      from ${sql.table(table)} t`.execute(db);
  return rows[0]!;
}

describe('backup and restore', () => {
  it('restores every table of a seeded database, row for row, into an empty one (after its start-up seeding)', async () => {
    await seedReferenceData(target.db);
    const { rows } = await importDatabase(target.db, backup);
    expect(rows).toBeGreaterThan(50);
    const tables = await tableNames(source.db);
    expect(tables).toEqual(await tableNames(target.db));
    for (const table of tables) {
      expect({ table, ...(await fingerprint(target.db, table)) }).toEqual({
        table,
        ...(await fingerprint(source.db, table)),
      });
    }
    const document = await target.db.selectFrom('round_document').select('content').executeTakeFirstOrThrow();
    expect([...document.content]).toEqual([0x25, 0x50, 0x00, 0xff]);
  });

  it('rebuilds the dashboard counts from the restored feedback', async () => {
    const rounds = await source.db.selectFrom('consultation_round').select('id').execute();
    for (const round of rounds) {
      const before = await readRoundTally(source.db, round.id);
      const after = await readRoundTally(target.db, round.id);
      expect(after).toEqual(before);
    }
    const round = rounds[0]!;
    expect((await readRoundTally(target.db, round.id)).cells).toContainEqual({
      stakeholder_group: 'civil_society',
      member_state_code: 'TL',
      written_in: 'tet',
      count: 2,
    });
  });

  it('refuses to restore over feedback, and changes nothing when it refuses', async () => {
    const before = await fingerprint(target.db, 'contribution');
    await expect(importDatabase(target.db, backup)).rejects.toBeInstanceOf(BackupRefusedError);
    expect(await fingerprint(target.db, 'contribution')).toEqual(before);
  });

  it('refuses a file that is not a backup, or one from another schema version', async () => {
    const empty = await openTestDatabase();
    try {
      await expect(importDatabase(empty.db, ['{"hello":1}'])).rejects.toThrow(/not a Musyawarah backup/);
      const header = JSON.parse(backup[0]!) as { migrations: string[] };
      const older = JSON.stringify({ ...header, migrations: header.migrations.slice(0, -1) });
      await expect(importDatabase(empty.db, [older, ...backup.slice(1)])).rejects.toThrow(
        /migrate both to the same version/,
      );
      // A restore that fails half-way leaves nothing behind.
      await expect(
        importDatabase(empty.db, [backup[0]!, backup[1]!, '{"table":"no_such_table","rows":[]}']),
      ).rejects.toThrow(/no_such_table/);
      expect((await fingerprint(empty.db, 'member_state')).rows).toBe(0);
    } finally {
      await empty.close();
    }
  });
});
