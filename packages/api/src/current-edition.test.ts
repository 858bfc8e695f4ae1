import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '@musyawarah/db';
import { openTestDatabase, type TestDatabase } from '@musyawarah/db/testing';
import { CurrentEditionCache } from './current-edition';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedReferenceData(database.db);
});
afterAll(async () => {
  await database.close();
});

/** Renames the current edition behind the platform's back (immutability and notification triggers off): what a read that reached the database would see. */
const rename = (title: string) =>
  sql`alter table roadmap_edition disable trigger user`
    .execute(database.db)
    .then(() =>
      sql`update roadmap_edition set title = ${title} where status = 'current'`.execute(database.db),
    )
    .then(() => sql`alter table roadmap_edition enable trigger user`.execute(database.db));

describe('CurrentEditionCache', () => {
  it('asks the database every time until it is told it is listening', async () => {
    const cache = new CurrentEditionCache();
    const before = (await cache.current(database.db))!;
    await rename('Renamed while not listening');
    expect((await cache.current(database.db))!.title).toBe('Renamed while not listening');
    await rename(before.title);
  });

  it('keeps the edition while listening, forgets it on a notification or a lost connection', async () => {
    const cache = new CurrentEditionCache();
    cache.setListening(true);
    const first = (await cache.current(database.db))!;
    await rename('Renamed behind the cache');
    // No notification (the trigger was off): still the kept one, and concurrent readers share one answer.
    const [a, b] = await Promise.all([cache.current(database.db), cache.current(database.db)]);
    expect(a).toBe(b);
    expect(a!.title).toBe(first.title);
    cache.invalidate();
    expect((await cache.current(database.db))!.title).toBe('Renamed behind the cache');

    await rename('Renamed while the connection was down');
    cache.setListening(false);
    expect((await cache.current(database.db))!.title).toBe('Renamed while the connection was down');
    cache.setListening(true);
    expect((await cache.current(database.db))!.title).toBe('Renamed while the connection was down');
    await rename(first.title);
  });
});
