import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { getCatalogue } from '@musyawarah/core';
import { applyEdits, proposedEditSchema } from '@musyawarah/core/editions';
import { seedReferenceData } from '../seed';
import { openTestDatabase, type TestDatabase } from '../testing';
import { adoptEdition, findEdition, findEditionRef, listEditions, loadEditionCatalogue } from './editions';

const catalogue = getCatalogue();

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

function secondCatalogue() {
  const result = applyEdits(catalogue, [
    proposedEditSchema.parse({
      kind: 'changeSubActionTitle',
      subActionId: 'C3.3.1',
      title: 'A living Roadmap',
    }),
  ]);
  if (!result.ok) throw new Error('edit refused');
  return result.catalogue;
}

describe('roadmap editions', () => {
  it('seeds the core catalogue as edition 1, current, once however often reference data is seeded', async () => {
    await seedReferenceData(t.db);
    await seedReferenceData(t.db);
    const editions = await listEditions(t.db);
    expect(editions).toHaveLength(1);
    expect(editions[0]).toMatchObject({ number: 1, status: 'current', adoptedAt: null, reviewCycleId: null });
    const first = await findEdition(t.db, 'current');
    expect(first?.catalogue).toEqual(catalogue);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'roadmap_edition')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['edition.seed_first']);
  });

  it('adopts a new edition in the caller transaction: the old one is superseded, both audited', async () => {
    const cycleId = '7d1b8a52-3f55-4a4e-9d7a-0a8f1e0c9b11';
    const adopted = await t.db.transaction().execute((trx) =>
      adoptEdition(
        trx,
        {
          catalogue: secondCatalogue(),
          title: 'Second edition',
          notes: 'C3.3.1 retitled.',
          reviewCycleId: cycleId,
        },
        { actorUserId: null, requestId: 'req-1' },
      ),
    );
    expect(adopted).toMatchObject({
      number: 2,
      status: 'current',
      title: 'Second edition',
      reviewCycleId: cycleId,
    });
    expect(adopted.adoptedAt).toBeInstanceOf(Date);
    expect((await listEditions(t.db)).map((e) => [e.number, e.status])).toEqual([
      [2, 'current'],
      [1, 'superseded'],
    ]);
    expect((await findEditionRef(t.db, 'current'))?.number).toBe(2);
    const second = await loadEditionCatalogue(t.db, adopted.id);
    expect(second?.actionAreas.find((a) => a.id === 'C3.3')?.subActions[0]?.title).toBe('A living Roadmap');
    expect((await findEdition(t.db, { number: 1 }))?.catalogue).toEqual(catalogue);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'request_id'])
      .where('entity_type', '=', 'roadmap_edition')
      .where('request_id', '=', 'req-1')
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['edition.supersede', 'edition.adopt']);
  });

  it('rolls back with the caller: a failed adoption leaves the current edition current', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await adoptEdition(trx, { catalogue, title: 'Never adopted' }, { actorUserId: null });
        throw new Error('the review cycle refused to close');
      }),
    ).rejects.toThrow('refused to close');
    expect((await findEditionRef(t.db, 'current'))?.number).toBe(2);
    expect(await findEditionRef(t.db, { number: 3 })).toBeUndefined();
  });

  it('refuses a second current edition, a changed catalogue and a deletion in the database itself', async () => {
    await expect(
      t.db
        .insertInto('roadmap_edition')
        .values({ number: 9, title: 'x', catalogue: '{"actionAreas":[]}', status: 'current' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      sql`update roadmap_edition set catalogue = '{"actionAreas":[]}' where number = 1`.execute(t.db),
    ).rejects.toThrow(/immutable/);
    await expect(t.db.deleteFrom('roadmap_edition').where('number', '=', 1).execute()).rejects.toThrow(
      /never deleted/,
    );
  });

  it('runs two adoptions at once one after the other, numbered 3 and 4, with one current', async () => {
    await Promise.all(
      ['Third', 'Fourth'].map((title) =>
        t.db.transaction().execute((trx) => adoptEdition(trx, { catalogue, title }, { actorUserId: null })),
      ),
    );
    const editions = await listEditions(t.db);
    expect(editions.map((e) => e.number)).toEqual([4, 3, 2, 1]);
    expect(editions.filter((e) => e.status === 'current').map((e) => e.number)).toEqual([4]);
  });
});
