import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { getCatalogue } from '@musyawarah/core';
import { applyEdits, proposedEditSchema, type ProposedEditInput } from '@musyawarah/core/editions';
import { adoptEdition } from '@musyawarah/db';
import { createTestApi, rejection, type TestApi } from './test-support';

const catalogue = getCatalogue();

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

function edited(...inputs: ProposedEditInput[]) {
  const result = applyEdits(
    catalogue,
    inputs.map((input) => proposedEditSchema.parse(input)),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.catalogue;
}

const secondEdition = () =>
  edited(
    {
      kind: 'changeSubActionTitle',
      subActionId: 'C3.3.1',
      title: 'A living Roadmap reviewed every two years',
    },
    { kind: 'retireActionArea', actionAreaId: 'E4.4' },
    {
      kind: 'addActionArea',
      actionArea: {
        id: 'C4.5',
        title: 'Share AI incident reports across ASEAN',
        subActions: [{ id: 'C4.5.1', title: 'A regional incident register' }],
      },
    },
  );

describe('editions', () => {
  it('starts with edition 1, the core catalogue, current; the catalogue reads it from the database', async () => {
    const { caller } = await api.call();
    const editions = await caller.editions.list();
    expect(editions).toEqual([expect.objectContaining({ number: 1, status: 'current', adoptedAt: null })]);
    const first = await caller.editions.get({ number: 1 });
    expect(first).toMatchObject({ number: 1, previous: null, changes: null });
    const overview = await caller.catalogue.overview();
    expect(overview.edition).toMatchObject({ number: 1, status: 'current' });
    expect((await caller.catalogue.list()).length).toBe(catalogue.actionAreas.length);
  });

  it('after an adoption, the catalogue shows the new current edition and earlier ones stay readable by number', async () => {
    await api.db
      .transaction()
      .execute((trx) =>
        adoptEdition(
          trx,
          { catalogue: secondEdition(), title: 'Second edition', notes: 'After the 2027 review.' },
          { actorUserId: null },
        ),
      );
    const { caller } = await api.call();
    expect((await caller.editions.list()).map((e) => [e.number, e.status])).toEqual([
      [2, 'current'],
      [1, 'superseded'],
    ]);
    expect((await caller.catalogue.overview()).edition).toMatchObject({
      number: 2,
      title: 'Second edition',
      notes: 'After the 2027 review.',
    });
    expect((await caller.catalogue.overview({ edition: 1 })).edition.number).toBe(1);

    const current = await caller.catalogue.list();
    expect(current.map((a) => a.id)).toContain('C4.5');
    expect(current.map((a) => a.id)).not.toContain('E4.4');
    expect((await caller.catalogue.list({ query: 'incident register' }))[0]?.id).toBe('C4.5');
    expect((await caller.catalogue.list({ query: '', edition: 1 })).map((a) => a.id)).toContain('E4.4');

    const c33 = await caller.catalogue.actionArea({ id: 'C3.3' });
    expect(c33.subActions[0]?.title).toBe('A living Roadmap reviewed every two years');
    const c33First = await caller.catalogue.actionArea({ id: 'c3.3', edition: 1 });
    expect(c33First.subActions[0]?.title).toBe(
      catalogue.actionAreas.find((a) => a.id === 'C3.3')?.subActions[0]?.title,
    );
    expect((await rejection(caller.catalogue.actionArea({ id: 'E4.4' }))).message).toBe(
      'errors.actionNotFound',
    );
    expect((await caller.catalogue.ids()).find((a) => a.id === 'C4.5')?.subActionIds).toEqual(['C4.5.1']);
    expect((await caller.catalogue.ids({ edition: 1 })).some((a) => a.id === 'C4.5')).toBe(false);
  });

  it('says what an edition changed compared with the one before it', async () => {
    const { caller } = await api.call();
    const second = await caller.editions.get({ number: 2 });
    expect(second).toMatchObject({
      number: 2,
      previous: 1,
      changes: { added: ['C4.5'], changed: ['C3.3'], retired: ['E4.4'] },
    });
    expect(second.changes?.counts.subActions).toEqual({ added: 1, retired: 1, changed: 1 });
    expect(second.changes?.subActions).toEqual({ added: [], changed: ['C3.3.1'], retired: [] });
  });

  it('compares any two editions with word-level diffs, in either direction', async () => {
    const { caller } = await api.call();
    const forward = await caller.editions.compare({ from: 1, to: 2 });
    expect(forward.from.number).toBe(1);
    expect(forward.to.number).toBe(2);
    const c33 = forward.diff.actionAreas.find((a) => a.id === 'C3.3');
    const title =
      c33?.status === 'changed' && c33.subActions[0]?.status === 'changed'
        ? c33.subActions[0].fields[0]
        : undefined;
    expect(title?.field).toBe('title');
    const inserted =
      title?.field === 'title'
        ? title.diff.filter((part) => part.type === 'insert').map((part) => part.value)
        : [];
    expect(inserted.join(' ')).toContain('every two years');

    const backward = await caller.editions.compare({ from: 2, to: 1 });
    expect(backward.diff.actionAreas.find((a) => a.id === 'C4.5')?.status).toBe('retired');
    expect(backward.diff.actionAreas.find((a) => a.id === 'E4.4')?.status).toBe('added');
    expect((await caller.editions.compare({ from: 2, to: 2 })).diff.actionAreas).toEqual([]);
  });

  it('answers an unknown edition with not found and bad numbers with field errors', async () => {
    const { caller } = await api.call();
    expect((await rejection(caller.editions.get({ number: 7 }))).message).toBe('edition.notFound');
    expect((await rejection(caller.editions.compare({ from: 1, to: 9 }))).code).toBe('NOT_FOUND');
    expect((await rejection(caller.catalogue.list({ query: '', edition: 9 }))).message).toBe(
      'edition.notFound',
    );
    const bad = await rejection(caller.editions.compare({ from: 0, to: 1.5 }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(
      bad.cause instanceof ZodError && bad.cause.issues.map((issue) => issue.path.join('.')).sort(),
    ).toEqual(['from', 'to']);
    expect((await rejection(caller.catalogue.ids({ edition: 1, extra: true } as never))).code).toBe(
      'BAD_REQUEST',
    );
  });
});
