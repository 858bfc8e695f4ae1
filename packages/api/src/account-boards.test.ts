// A person's data across domains: "Download my data" includes their feedback and their advisory-board records, and
// deleting the account takes them off their boards without erasing the boards' history.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-support';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

it('exports feedback and board records, and deletion ends seats and withdraws nominations while keeping the history', async () => {
  const secretariat = await api.signedIn('secretariat');
  const board = await secretariat.caller.boards.create({
    name: { en: 'Board for the data test' },
    scope: 'regional',
    mandate: { en: 'Advise on C2.1.1' },
    actionIds: ['C2.1.1'],
    lifeStartsOn: day(-30),
    lifeEndsOn: day(730),
    seatCapacity: 5,
    targets: [],
    selectionCriteria: [],
    published: true,
  } as never);
  const me = await api.signedIn('stakeholder');
  await secretariat.caller.boards.addSeat({
    boardId: board.id,
    email: me.user.email,
    constituencies: ['youth'],
    termStartsOn: day(0),
    termEndsOn: day(365),
  });
  const second = await secretariat.caller.boards.create({
    name: { en: 'Second board' },
    scope: 'regional',
    mandate: { en: 'Advise' },
    actionIds: ['C2.1.1'],
    lifeStartsOn: day(-30),
    lifeEndsOn: day(730),
    seatCapacity: 5,
    targets: [],
    selectionCriteria: [],
    published: true,
  } as never);
  const secondCall = await secretariat.caller.boards.createCall({
    boardId: second.id,
    description: { en: 'Apply' },
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const nomination = await me.caller.boards.submitNomination({
    callId: secondCall.id,
    self: true,
    constituencies: ['youth'],
    memberState: 'PH',
    motivation: 'I work with young people',
  });

  const round = await secretariat.caller.rounds.create({
    title: { en: 'Data round' },
    description: { en: 'Feedback' },
    format: 'online_consultation',
    audience: 'public',
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  } as never);
  await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
  await me.caller.contributions.submit({
    roundId: round.id,
    idempotencyKey: randomUUID(),
    answers: {},
    items: [{ type: 'concern', text: 'Rural connectivity' }],
    stakeholderGroup: 'civil_society',
    writtenIn: 'en',
    namedPublicly: false,
  });

  const exported = await me.caller.account.exportData();
  expect(exported.contributions).toHaveLength(1);
  expect(exported.contributions[0]!.items).toEqual([
    { type: 'concern', text: 'Rural connectivity', actionId: null },
  ]);
  expect(exported.advisoryBoards.seats).toHaveLength(1);
  expect(exported.advisoryBoards.nominations).toHaveLength(1);

  await me.caller.account.deleteAccount({ confirmEmail: me.user.email, password: TEST_PASSWORD });
  const seats = await secretariat.caller.boards.seats({ boardId: board.id, includeEnded: true });
  expect(seats).toHaveLength(1);
  expect(seats[0]).toMatchObject({ endReason: 'resigned' });
  const active = await api.db
    .selectFrom('board_seat')
    .select('id')
    .where('board_id', '=', board.id)
    .where('ended_at', 'is', null)
    .execute();
  expect(active).toEqual([]);
  const stored = await api.db
    .selectFrom('board_nomination')
    .selectAll()
    .where('id', '=', nomination.id)
    .executeTakeFirstOrThrow();
  expect(stored.status).toBe('withdrawn');
  expect(stored.nominee_email).not.toContain(me.user.email);
  expect(stored.nominee_name).toBe('Deleted user');
});
