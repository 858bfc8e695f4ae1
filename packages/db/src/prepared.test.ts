import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type KyselyPlugin } from 'kysely';
import { openTestDatabase, type TestDatabase } from './testing';
import { preparedStatement } from './prepared';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

const upsert = preparedStatement<
  { key: string; now: Date; failures: number },
  { key: string; failures: number; window_started_at: Date }
>((db, param) =>
  db
    .insertInto('login_throttle')
    .values({
      key: param('key'),
      failures: param('failures'),
      window_started_at: param('now'),
      locked_until: null,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`login_throttle.failures + ${param('failures')}`,
        window_started_at: sql`${param('now')}::timestamptz`,
      }),
    )
    .returning(['key', 'failures', 'window_started_at']),
);

describe('a statement compiled once (preparedStatement)', () => {
  it('runs with each call’s values, every one of them in its place', async () => {
    const first = new Date('2026-12-06T10:00:00Z');
    const later = new Date('2026-12-06T11:00:00Z');
    expect((await upsert(t.db, { key: 'prepared:a', now: first, failures: 2 })).rows).toEqual([
      { key: 'prepared:a', failures: 2, window_started_at: first },
    ]);
    expect((await upsert(t.db, { key: 'prepared:b', now: first, failures: 1 })).rows[0]?.failures).toBe(1);
    expect((await upsert(t.db, { key: 'prepared:a', now: later, failures: 3 })).rows).toEqual([
      { key: 'prepared:a', failures: 5, window_started_at: later },
    ]);
  });

  it('runs inside a transaction, which rolls it back with the rest', async () => {
    await t.db
      .transaction()
      .execute(async (tx) => {
        await upsert(tx, { key: 'prepared:rolled-back', now: new Date(), failures: 1 });
        throw new Error('undo');
      })
      .catch(() => undefined);
    const row = await t.db
      .selectFrom('login_throttle')
      .select('key')
      .where('key', '=', 'prepared:rolled-back')
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('builds the statement through a database that has a plugin, so the plugin sees it', async () => {
    const seen: string[] = [];
    const plugin: KyselyPlugin = {
      transformQuery: (args) => (seen.push(args.node.kind), args.node),
      transformResult: async (args) => args.result,
    };
    const { rows } = await upsert(t.db.withPlugin(plugin), {
      key: 'prepared:c',
      now: new Date(),
      failures: 4,
    });
    expect(rows[0]?.failures).toBe(4);
    expect(seen).toEqual(['InsertQueryNode']);
  });

  it('refuses a value that Kysely would not send as a parameter', async () => {
    const wrong = preparedStatement<{ column: string }, unknown>((db, param) =>
      db.selectFrom('login_throttle').select(sql.ref(param('column')).as('x')),
    );
    await expect(wrong(t.db, { column: 'key' })).rejects.toThrow(/did not become a parameter/);
  });
});
