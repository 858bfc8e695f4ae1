// The demo data of the boards domain, read through the API the apps use: what a visitor, the demo stakeholder and
// the Secretariat see after `npm start`.
import { createSession } from '@musyawarah/auth';
import { findUserByEmail, seedDemoData } from '@musyawarah/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './test-support';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await seedDemoData(api.db, { hashPassword: async () => 'not-a-real-hash', nodeEnv: 'development' });
});
afterAll(async () => api.close());

async function as(email: string) {
  const user = (await findUserByEmail(api.db, email))!;
  const { token } = await createSession(api.db, user.id);
  return { user, caller: (await api.call({ token })).caller };
}

it('shows the demo board to visitors, with its listed members, public minutes and open call', async () => {
  const visitor = (await api.call()).caller;
  const [board] = await visitor.boards.listPublic();
  expect(board).toMatchObject({ status: 'active', scope: 'regional' });
  expect(board!.openCalls).toHaveLength(1);
  const page = await visitor.boards.getPublic({ boardId: board!.id });
  expect(page.members.map((m) => m.name).sort()).toEqual(['Budi Santoso', 'Maria Dela Cruz']);
  expect(page.sessions).toHaveLength(1);
  expect(page.sessions[0]!.minutes?.minutes).toMatch(/quarterly consultation sessions/);
  expect((await visitor.boards.openCalls())[0]!.board.id).toBe(board!.id);
});

it('gives the demo stakeholder a board under "my boards" with an upcoming session to reply to and a survey to answer', async () => {
  const stakeholder = await as('stakeholder@example.org');
  const [mine] = await stakeholder.caller.boards.myBoards();
  expect(mine!.seat).toMatchObject({ role: 'member', constituencies: ['civil_society', 'women'] });
  expect(mine!.upcomingSessions).toMatchObject([{ invited: true, rsvp: null, rsvpOpen: true }]);
  expect(mine!.surveysToAnswer).toHaveLength(1);
  expect(await stakeholder.caller.boards.myNominations()).toMatchObject([
    { nomineeName: 'Dewi Lestari', status: 'submitted' },
  ]);
  const session = await stakeholder.caller.boards.memberSession({ sessionId: mine!.upcomingSessions[0]!.id });
  expect(session.agenda).toHaveLength(2);
});

it('shows the Secretariat the unmet industry target, the nomination queue, participation and measures', async () => {
  const secretariat = await as('secretariat@example.org');
  const [board] = await secretariat.caller.boards.adminList();
  expect(board!.unmetTargets).toBe(1);
  const monitor = await secretariat.caller.boards.monitor({ boardId: board!.id });
  expect(monitor.evaluations.filter((e) => !e.met).map((e) => e.kind)).toEqual(['min_count']);
  expect(monitor).toMatchObject({ countedSeats: 2, observers: 1 });
  expect(await secretariat.caller.boards.nominations({ boardId: board!.id })).toMatchObject([
    { nomineeHasAccount: false, status: 'submitted' },
  ]);
  const participation = await secretariat.caller.boards.participation({ boardId: board!.id });
  expect(participation.sessions).toMatchObject([{ invited: 3, present: 2, rate: 66.7 }]);
  const { measures } = await secretariat.caller.boards.measures({ boardId: board!.id, period: 'quarter' });
  expect(measures.length).toBeGreaterThanOrEqual(2);
  expect(measures.some((m) => m.participation.sessions === 1)).toBe(true);
  const seats = await secretariat.caller.boards.seats({ boardId: board!.id, includeEnded: true });
  expect(seats.filter((s) => !s.active)).toHaveLength(1);
});
