import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest } from './client';
import { writeAudit } from './audit';
import { openTestDatabase, type TestDatabase } from './testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

describe(`migrations (${process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('running the migrations again applies nothing', async () => {
    expect(await migrateToLatest(t.db)).toEqual({ applied: [] });
    const recorded = await sql<{ name: string }>`select name from kysely_migration`.execute(t.db);
    expect(recorded.rows.map((r) => r.name)).toContain('2026_11_23_0001_foundation');
  });

  it('the audit log refuses updates and deletes', async () => {
    await writeAudit(
      t.db,
      { actorUserId: null },
      { action: 'test.write', entityType: 'test', after: { password_hash: 'x', a: 1 } },
    );
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'test.write')
      .executeTakeFirstOrThrow();
    expect(row.after_value).toEqual({ password_hash: '[redacted]', a: 1 });
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(t.db.updateTable('audit_log').set({ action: 'rewritten' }).execute()).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('row counts', () => {
  it('reports how many rows an update and a delete touched, on either database', async () => {
    await t.db
      .insertInto('mail_outbox')
      .values([
        { to_address: 'count-a@example.org', subject: 's', text_body: 't', transport: 'outbox' },
        { to_address: 'count-b@example.org', subject: 's', text_body: 't', transport: 'outbox' },
      ])
      .execute();
    const updated = await t.db
      .updateTable('mail_outbox')
      .set({ error: 'x' })
      .where('to_address', 'like', 'count-%')
      .executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);
    const deleted = await t.db
      .deleteFrom('mail_outbox')
      .where('to_address', 'like', 'count-%')
      .executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(2n);
  });
});
