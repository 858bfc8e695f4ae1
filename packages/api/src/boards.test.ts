// AI advisory boards (issue #4): every rule of "Rules that must hold", through the real router on PGlite or, with
// TEST_DATABASE_URL, on PostgreSQL (where the concurrent acceptances really run in parallel).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardDay } from '@musyawarah/core';
import { listAuditEntries } from '@musyawarah/db';
import { createTestApi, rejection, type TestApi } from './test-support';

let api: TestApi;
let secretariat: Awaited<ReturnType<TestApi['signedIn']>>;
beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
});
afterAll(async () => api.close());

const DAY = 86_400_000;
// Board dates are days at the Secretariat in Jakarta (core's boardDay), not UTC days.
const day = (offset: number) => boardDay(new Date(Date.now() + offset * DAY));
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const MARGINALISED = [
  'persons_with_disabilities',
  'indigenous_peoples',
  'women',
  'youth',
  'older_persons',
  'rural_communities',
  'ethnic_religious_minorities',
  'migrant_workers',
  'lgbtiq',
  'low_income_communities',
];

async function createBoard(overrides: Record<string, unknown> = {}) {
  return secretariat.caller.boards.create({
    name: { en: 'Test advisory board' },
    scope: 'regional',
    mandate: { en: 'Advise on inclusive AI (C2.1.1)' },
    actionIds: ['C2.1.1'],
    lifeStartsOn: day(-30),
    lifeEndsOn: day(730),
    seatCapacity: 10,
    targets: [
      { kind: 'min_share', constituencies: MARGINALISED, minPercent: 40 },
      { kind: 'min_count', constituency: 'industry', minCount: 1 },
    ],
    selectionCriteria: [
      { key: 'lived_experience', label: { en: 'Lived experience' }, weight: 2 },
      { key: 'reach', label: { en: 'Reach into the community' }, weight: 1 },
    ],
    published: true,
    ...overrides,
  } as never);
}

async function openCall(boardId: string) {
  return secretariat.caller.boards.createCall({
    boardId,
    description: { en: 'Apply to join' },
    opensAt: hoursFromNow(-1),
    closesAt: hoursFromNow(24 * 14),
  });
}

type Person = Awaited<ReturnType<TestApi['signedIn']>>;

async function applySelf(person: Person, callId: string, constituencies: string[] = ['youth']) {
  return person.caller.boards.submitNomination({
    callId,
    self: true,
    constituencies,
    memberState: 'PH',
    motivation: 'I represent young people in rural Mindanao',
  });
}

const term = () => ({ termStartsOn: day(0), termEndsOn: day(365) });

/** A board member seated directly by the secretariat, signed in. */
async function seatedMember(boardId: string, constituencies: string[] = ['women']) {
  const person = await api.signedIn('stakeholder');
  const seat = await secretariat.caller.boards.addSeat({
    boardId,
    email: person.user.email,
    constituencies,
    ...term(),
  });
  return { ...person, seat };
}

describe('only the secretariat manages boards', () => {
  it('a stakeholder or a board member cannot create, read the admin views, seat or decide', async () => {
    const board = await createBoard();
    const member = await seatedMember(board.id);
    for (const person of [member, await api.signedIn('stakeholder'), await api.signedIn('member_state')]) {
      expect((await rejection(person.caller.boards.create({} as never))).code).toBe('FORBIDDEN');
      expect(
        (await rejection(person.caller.boards.seats({ boardId: board.id, includeEnded: true }))).code,
      ).toBe('FORBIDDEN');
      expect((await rejection(person.caller.boards.monitor({ boardId: board.id }))).code).toBe('FORBIDDEN');
      expect(
        (
          await rejection(
            person.caller.boards.addSeat({
              boardId: board.id,
              email: person.user.email,
              constituencies: ['youth'],
              ...term(),
            }),
          )
        ).code,
      ).toBe('FORBIDDEN');
    }
  });
});

describe('nominations', () => {
  it('an applicant applies, the secretariat scores and accepts: the seat and board access exist, the monitor changes, all audited', async () => {
    const board = await createBoard();
    const call = await openCall(board.id);
    expect((await (await api.call()).caller.boards.openCalls()).some((c) => c.id === call.id)).toBe(true);

    const before = await secretariat.caller.boards.monitor({ boardId: board.id });
    expect(before.evaluations.map((e) => e.met)).toEqual([false, false]);
    expect(before.unmet).toBe(2);

    const applicant = await api.signedIn('stakeholder');
    const { id: nominationId } = await applySelf(applicant, call.id, ['youth', 'industry']);
    expect(await applicant.caller.boards.myNominations()).toMatchObject([
      { id: nominationId, status: 'submitted', decisionReason: null },
    ]);
    // Not a member yet: the board is not "theirs".
    expect(await applicant.caller.boards.myBoards()).toEqual([]);
    expect((await rejection(applicant.caller.boards.memberBoard({ boardId: board.id }))).code).toBe(
      'NOT_FOUND',
    );

    const scored = await secretariat.caller.boards.scoreNomination({
      nominationId,
      scores: { lived_experience: 5, reach: 2 },
    });
    expect(scored.score).toEqual({ total: 80, complete: true, missing: [] });
    const unknown = await rejection(
      secretariat.caller.boards.scoreNomination({ nominationId, scores: { charisma: 5 } }),
    );
    expect(unknown.code).toBe('BAD_REQUEST');

    const accepted = await secretariat.caller.boards.acceptNomination({
      nominationId,
      role: 'member',
      ...term(),
    });
    expect(accepted.seat).toMatchObject({
      userId: applicant.user.id,
      constituencies: ['youth', 'industry'],
      active: true,
      current: true,
      listedPublicly: false,
    });

    const after = await secretariat.caller.boards.monitor({ boardId: board.id });
    expect(after.evaluations.map((e) => [e.kind, e.met, e.actual])).toEqual([
      ['min_share', true, 100],
      ['min_count', true, 1],
    ]);
    expect(after.unmet).toBe(0);

    const [mine] = await applicant.caller.boards.myBoards();
    expect(mine).toMatchObject({ board: { id: board.id }, seat: { id: accepted.seat.id, role: 'member' } });
    expect((await applicant.caller.boards.memberBoard({ boardId: board.id })).mySeat.id).toBe(
      accepted.seat.id,
    );
    expect(await applicant.caller.boards.myNominations()).toMatchObject([
      { id: nominationId, status: 'accepted' },
    ]);

    const audit = await listAuditEntries(api.db, {
      entityType: 'board_nomination',
      entityId: nominationId,
      limit: 10,
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'board.nomination_accept',
      'board.nomination_score',
      'board.nomination_submit',
    ]);
    expect(audit.find((a) => a.action === 'board.nomination_accept')?.actor_user_id).toBe(
      secretariat.user.id,
    );
    expect((await api.latestMailTo(applicant.user.email))?.subject).toMatch(/seat on Test advisory board/);

    // Deciding twice is refused.
    expect(
      (
        await rejection(
          secretariat.caller.boards.declineNomination({ nominationId, reason: 'Changed our mind' }),
        )
      ).message,
    ).toBe('board.nominationDecided');
  });

  it('a decline needs a reason, which the applicant (and only the applicant) sees', async () => {
    const board = await createBoard();
    const call = await openCall(board.id);
    const applicant = await api.signedIn('stakeholder');
    const other = await api.signedIn('stakeholder');
    const { id: nominationId } = await applySelf(applicant, call.id);

    const blank = await rejection(
      secretariat.caller.boards.declineNomination({ nominationId, reason: '   ' }),
    );
    expect(blank.code).toBe('BAD_REQUEST');
    expect(JSON.stringify((blank as unknown as { cause: unknown }).cause)).toContain(
      'board.validation.reasonRequired',
    );

    const reason =
      'The board currently needs members from Cambodia and Lao PDR; please apply to the national board.';
    await secretariat.caller.boards.declineNomination({ nominationId, reason });
    expect(await applicant.caller.boards.myNominations()).toMatchObject([
      { id: nominationId, status: 'declined', decisionReason: reason },
    ]);
    expect(await other.caller.boards.myNominations()).toEqual([]);
    expect((await api.latestMailTo(applicant.user.email))?.text_body).toContain(reason);
    const audit = await listAuditEntries(api.db, {
      entityType: 'board_nomination',
      entityId: nominationId,
      limit: 10,
    });
    expect(audit.map((a) => a.action)).toContain('board.nomination_decline');
  });

  it('applicants see and withdraw only their own applications: another person’s id is NOT_FOUND', async () => {
    const board = await createBoard();
    const call = await openCall(board.id);
    const applicant = await api.signedIn('stakeholder');
    const stranger = await api.signedIn('stakeholder');
    const { id } = await applySelf(applicant, call.id);
    expect((await rejection(stranger.caller.boards.withdrawNomination({ nominationId: id }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await stranger.caller.boards.myNominations()).some((n) => n.id === id)).toBe(false);
    expect(await applicant.caller.boards.withdrawNomination({ nominationId: id })).toEqual({
      id,
      status: 'withdrawn',
    });
  });

  it('a second open application for the same person in the same call is refused', async () => {
    const board = await createBoard();
    const call = await openCall(board.id);
    const applicant = await api.signedIn('stakeholder');
    await applySelf(applicant, call.id);
    const again = await rejection(applySelf(applicant, call.id));
    expect(again.code).toBe('CONFLICT');
  });

  it('a closed call or an unpublished board takes no applications', async () => {
    const board = await createBoard();
    const call = await openCall(board.id);
    await secretariat.caller.boards.closeCall({ callId: call.id });
    const applicant = await api.signedIn('stakeholder');
    expect((await rejection(applySelf(applicant, call.id))).message).toBe('board.callClosed');
    const hidden = await createBoard({ published: false });
    const hiddenCall = await openCall(hidden.id);
    expect((await rejection(applySelf(applicant, hiddenCall.id))).code).toBe('NOT_FOUND');
  });

  it('nominating someone without an account: acceptance waits until they register with that address', async () => {
    const board = await createBoard();
    const call = await openCall(board.id);
    const nominator = await api.signedIn('stakeholder');
    const email = `nominee-${Date.now()}@example.org`;
    const { id: nominationId } = await nominator.caller.boards.submitNomination({
      callId: call.id,
      self: false,
      nomineeName: 'Nominee Person',
      nomineeEmail: email,
      constituencies: ['older_persons'],
      motivation: 'Decades of work with older people’s associations',
    });
    const queue = await secretariat.caller.boards.nominations({ boardId: board.id, status: 'submitted' });
    expect(queue.find((n) => n.id === nominationId)).toMatchObject({
      nomineeHasAccount: false,
      applicant: { id: nominator.user.id },
    });
    expect(
      (
        await rejection(
          secretariat.caller.boards.acceptNomination({ nominationId, role: 'member', ...term() }),
        )
      ).message,
    ).toBe('board.nomineeHasNoAccount');
    const nominee = await api.createUser('stakeholder', { email });
    const accepted = await secretariat.caller.boards.acceptNomination({
      nominationId,
      role: 'member',
      ...term(),
    });
    expect(accepted.seat.userId).toBe(nominee.id);
  });

  it('two simultaneous acceptances competing for the last seat: exactly one succeeds, the other is told the board is full', async () => {
    const board = await createBoard({ seatCapacity: 1 });
    const call = await openCall(board.id);
    const [a, b] = [await api.signedIn('stakeholder'), await api.signedIn('stakeholder')];
    const [na, nb] = [await applySelf(a, call.id), await applySelf(b, call.id)];
    // Each acceptance on its own connection (PostgreSQL) so they really overlap.
    const [ca, cb] = [
      (await api.call({ token: secretariat.token })).caller,
      (await api.call({ token: secretariat.token })).caller,
    ];
    const results = await Promise.allSettled([
      ca.boards.acceptNomination({ nominationId: na.id, role: 'member', ...term() }),
      cb.boards.acceptNomination({ nominationId: nb.id, role: 'member', ...term() }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'CONFLICT', message: 'board.full' });
    const seats = await secretariat.caller.boards.seats({ boardId: board.id, includeEnded: true });
    expect(seats).toHaveLength(1);
    // The loser's nomination is still open, to be declined or accepted when a seat frees up.
    const statuses = (await secretariat.caller.boards.nominations({ boardId: board.id }))
      .map((n) => n.status)
      .sort();
    expect(statuses).toEqual(['accepted', 'submitted']);
  });

  it('the same nomination accepted twice at once seats the person once', async () => {
    const board = await createBoard();
    const call = await openCall(board.id);
    const applicant = await api.signedIn('stakeholder');
    const { id } = await applySelf(applicant, call.id);
    const callers = [
      (await api.call({ token: secretariat.token })).caller,
      (await api.call({ token: secretariat.token })).caller,
    ];
    const results = await Promise.allSettled(
      callers.map((c) => c.boards.acceptNomination({ nominationId: id, role: 'member', ...term() })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
      code: 'CONFLICT',
      message: 'board.nominationDecided',
    });
    expect(await secretariat.caller.boards.seats({ boardId: board.id, includeEnded: true })).toHaveLength(1);
  });
});

describe('seats', () => {
  it('a seat cannot start before or end after its board’s life, whether added directly or by accepting', async () => {
    const board = await createBoard({ lifeStartsOn: day(-10), lifeEndsOn: day(100) });
    const person = await api.signedIn('stakeholder');
    const early = await rejection(
      secretariat.caller.boards.addSeat({
        boardId: board.id,
        email: person.user.email,
        constituencies: ['women'],
        termStartsOn: day(-11),
        termEndsOn: day(50),
      }),
    );
    expect(early.code).toBe('BAD_REQUEST');
    expect((early as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      termStartsOn: ['board.validation.seatStartsBeforeBoard'],
    });
    const late = await rejection(
      secretariat.caller.boards.addSeat({
        boardId: board.id,
        email: person.user.email,
        constituencies: ['women'],
        termStartsOn: day(-10),
        termEndsOn: day(101),
      }),
    );
    expect((late as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      termEndsOn: ['board.validation.seatEndsAfterBoard'],
    });
    // Exactly the board's life is fine.
    await secretariat.caller.boards.addSeat({
      boardId: board.id,
      email: person.user.email,
      constituencies: ['women'],
      termStartsOn: day(-10),
      termEndsOn: day(100),
    });

    const call = await openCall(board.id);
    const applicant = await api.signedIn('stakeholder');
    const { id } = await applySelf(applicant, call.id);
    const refused = await rejection(
      secretariat.caller.boards.acceptNomination({
        nominationId: id,
        role: 'member',
        termStartsOn: day(0),
        termEndsOn: day(200),
      }),
    );
    expect((refused as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      termEndsOn: ['board.validation.seatEndsAfterBoard'],
    });
    // Nothing was half-done: the nomination is still open and no seat was created.
    expect(
      (await secretariat.caller.boards.nominations({ boardId: board.id, status: 'submitted' })).map(
        (n) => n.id,
      ),
    ).toEqual([id]);
    // And the board's life cannot shrink under a seat already held.
    const shrink = await rejection(
      secretariat.caller.boards.update({
        boardId: board.id,
        expectedVersion: board.version,
        board: {
          name: { en: 'x' },
          scope: 'regional',
          mandate: { en: 'y' },
          lifeStartsOn: day(-10),
          lifeEndsOn: day(99),
          seatCapacity: 10,
        } as never,
      }),
    );
    expect(shrink.code).toBe('CONFLICT');
  });

  it('one person holds at most one active seat per board; ending it keeps the history and frees the place', async () => {
    const board = await createBoard({ seatCapacity: 2 });
    const member = await seatedMember(board.id);
    const twice = await rejection(
      secretariat.caller.boards.addSeat({
        boardId: board.id,
        email: member.user.email,
        constituencies: ['youth'],
        ...term(),
      }),
    );
    expect(twice).toMatchObject({ code: 'CONFLICT', message: 'board.alreadyHoldsSeat' });
    // Applying while holding a seat is received like any application (the answer must not tell a nominator who holds a
    // seat, issue #11 item 7); the Secretariat sees it, and accepting it is refused.
    const call = await openCall(board.id);
    const application = await applySelf(member, call.id);
    expect(
      (await secretariat.caller.boards.nominations({ boardId: board.id })).find(
        (n) => n.id === application.id,
      )?.nomineeHoldsSeat,
    ).toBe(true);
    expect(
      (
        await rejection(
          secretariat.caller.boards.acceptNomination({
            nominationId: application.id,
            role: 'member',
            ...term(),
          }),
        )
      ).message,
    ).toBe('board.alreadyHoldsSeat');
    await member.caller.boards.withdrawNomination({ nominationId: application.id });

    const ended = await secretariat.caller.boards.endSeat({
      seatId: member.seat.id,
      reason: 'resigned',
      note: 'Moved abroad',
    });
    expect(ended).toMatchObject({ active: false, current: false, endReason: 'resigned', endedOn: day(0) });
    expect(
      (await rejection(secretariat.caller.boards.endSeat({ seatId: member.seat.id, reason: 'resigned' })))
        .message,
    ).toBe('board.seatEnded');
    // The ended member no longer reaches the board.
    expect((await rejection(member.caller.boards.memberBoard({ boardId: board.id }))).code).toBe('NOT_FOUND');

    const again = await secretariat.caller.boards.addSeat({
      boardId: board.id,
      email: member.user.email,
      constituencies: ['youth'],
      role: 'chair',
      ...term(),
    });
    const history = await secretariat.caller.boards.seats({ boardId: board.id, includeEnded: true });
    expect(history.map((s) => [s.id, s.active])).toEqual(
      expect.arrayContaining([
        [member.seat.id, false],
        [again.id, true],
      ]),
    );
    expect(await secretariat.caller.boards.seats({ boardId: board.id, includeEnded: false })).toHaveLength(1);
  });

  it('capacity counts seats not ended; observers do not count towards targets', async () => {
    const board = await createBoard({
      seatCapacity: 2,
      targets: [{ kind: 'min_share', constituencies: ['women'], minPercent: 50 }],
    });
    await seatedMember(board.id, ['industry']);
    const observer = await api.signedIn('stakeholder');
    await secretariat.caller.boards.addSeat({
      boardId: board.id,
      email: observer.user.email,
      constituencies: ['women'],
      role: 'observer',
      ...term(),
    });
    const monitor = await secretariat.caller.boards.monitor({ boardId: board.id });
    expect(monitor).toMatchObject({ currentSeats: 2, countedSeats: 1, observers: 1, unmet: 1 });
    const third = await api.signedIn('stakeholder');
    expect(
      (
        await rejection(
          secretariat.caller.boards.addSeat({
            boardId: board.id,
            email: third.user.email,
            constituencies: ['women'],
            ...term(),
          }),
        )
      ).message,
    ).toBe('board.full');
  });

  it('a member sets the self-declared parts of their own seat, not anyone else’s', async () => {
    const board = await createBoard();
    const member = await seatedMember(board.id);
    const other = await seatedMember(board.id);
    const updated = await member.caller.boards.updateMySeat({
      seatId: member.seat.id,
      gender: 'woman',
      listedPublicly: true,
      conflictOfInterest: 'Board member of a telecom foundation',
    });
    expect(updated).toMatchObject({ gender: 'woman', listedPublicly: true });
    expect(
      (await rejection(member.caller.boards.updateMySeat({ seatId: other.seat.id, listedPublicly: true })))
        .code,
    ).toBe('NOT_FOUND');
  });
});

describe('boards and members', () => {
  it('moves forming → active → dissolved only; dissolving ends every seat', async () => {
    const board = await createBoard();
    expect(board.status).toBe('forming');
    const member = await seatedMember(board.id);
    expect((await secretariat.caller.boards.transition({ boardId: board.id, status: 'active' })).status).toBe(
      'active',
    );
    expect(
      (await rejection(secretariat.caller.boards.transition({ boardId: board.id, status: 'forming' })))
        .message,
    ).toBe('board.transitionNotAllowed');
    await secretariat.caller.boards.transition({ boardId: board.id, status: 'dissolved' });
    const [seat] = await secretariat.caller.boards.seats({ boardId: board.id, includeEnded: true });
    expect(seat).toMatchObject({ id: member.seat.id, active: false, endReason: 'board_dissolved' });
    expect(
      (
        await rejection(
          secretariat.caller.boards.createCall({
            boardId: board.id,
            description: { en: 'x' },
            opensAt: hoursFromNow(0),
            closesAt: hoursFromNow(5),
          }),
        )
      ).message,
    ).toBe('board.dissolved');
  });

  it('members see their own boards and sessions only: another board’s ids are NOT_FOUND', async () => {
    const mine = await createBoard();
    const theirs = await createBoard();
    const member = await seatedMember(mine.id);
    const session = await secretariat.caller.boards.createSession({
      boardId: theirs.id,
      kind: 'consultation',
      mode: 'online',
      method: 'survey',
      title: { en: 'Not yours' },
      startsAt: hoursFromNow(24),
      endsAt: hoursFromNow(26),
      link: 'https://meet.example.org/x',
    });
    expect((await member.caller.boards.myBoards()).map((b) => b.board.id)).toEqual([mine.id]);
    expect((await rejection(member.caller.boards.memberBoard({ boardId: theirs.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await rejection(member.caller.boards.memberSession({ sessionId: session.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await rejection(member.caller.boards.rsvp({ sessionId: session.id, response: 'yes' }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (await rejection(member.caller.boards.submitInput({ sessionId: session.id, text: 'x' }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await rejection(
          member.caller.boards.answerSurvey({ sessionId: session.id, satisfaction: 3, trust: 3 }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('the public page lists only members who consented and only minutes published to the public', async () => {
    const board = await createBoard();
    const listed = await seatedMember(board.id);
    await listed.caller.boards.updateMySeat({ seatId: listed.seat.id, listedPublicly: true });
    await seatedMember(board.id);
    const publicSession = await secretariat.caller.boards.createSession({
      boardId: board.id,
      kind: 'inaugural',
      mode: 'online',
      method: 'workshop',
      title: { en: 'Public minutes' },
      startsAt: hoursFromNow(-5),
      endsAt: hoursFromNow(-3),
      link: 'https://meet.example.org/p',
    });
    const membersSession = await secretariat.caller.boards.createSession({
      boardId: board.id,
      kind: 'consultation',
      mode: 'online',
      method: 'focus_group',
      title: { en: 'Members minutes' },
      startsAt: hoursFromNow(-2),
      endsAt: hoursFromNow(-1),
      link: 'https://meet.example.org/m',
    });
    await secretariat.caller.boards.saveMinutes({
      sessionId: publicSession.id,
      minutes: 'Open record',
      visibility: 'public',
      publish: true,
    });
    await secretariat.caller.boards.saveMinutes({
      sessionId: membersSession.id,
      minutes: 'Members only record',
      visibility: 'members',
      publish: true,
    });

    const visitor = (await api.call()).caller;
    const page = await visitor.boards.getPublic({ boardId: board.id });
    expect(page.members).toEqual([expect.objectContaining({ name: listed.user.name })]);
    expect(JSON.stringify(page)).not.toContain(listed.user.email);
    expect(page.sessions.map((s) => s.minutes?.minutes)).toEqual(['Open record']);
    const memberView = await listed.caller.boards.memberBoard({ boardId: board.id });
    expect(memberView.sessions.map((s) => s.minutes?.minutes).sort()).toEqual([
      'Members only record',
      'Open record',
    ]);

    const hidden = await createBoard({ published: false });
    expect((await rejection(visitor.boards.getPublic({ boardId: hidden.id }))).code).toBe('NOT_FOUND');
    expect((await visitor.boards.listPublic()).some((b) => b.id === hidden.id)).toBe(false);
  });
});

describe('sessions', () => {
  it('invites members, who RSVP and send input tied to an agenda item; attendance gives the participation rate', async () => {
    const board = await createBoard();
    const [m1, m2, m3] = [
      await seatedMember(board.id),
      await seatedMember(board.id),
      await seatedMember(board.id),
    ];
    const upcoming = await secretariat.caller.boards.createSession({
      boardId: board.id,
      kind: 'consultation',
      mode: 'hybrid',
      method: 'focus_group',
      title: { en: 'Upcoming' },
      startsAt: hoursFromNow(48),
      endsAt: hoursFromNow(50),
      venue: 'Jakarta',
      link: 'https://meet.example.org/u',
      languages: ['en', 'id'],
      accommodations: ['sign_language'],
      agenda: [{ title: 'Risks', actionId: 'C2.3' }],
    });
    expect(await secretariat.caller.boards.invite({ sessionId: upcoming.id })).toEqual({ invited: 3 });
    expect(await secretariat.caller.boards.invite({ sessionId: upcoming.id })).toEqual({ invited: 0 });
    expect((await api.latestMailTo(m1.user.email))?.subject).toBe('Invitation: Upcoming');

    const [mine] = await m1.caller.boards.myBoards();
    expect(mine!.upcomingSessions).toMatchObject([
      { id: upcoming.id, invited: true, rsvp: null, rsvpOpen: true },
    ]);
    await m1.caller.boards.rsvp({
      sessionId: upcoming.id,
      response: 'yes',
      accommodationsNeeded: ['sign_language'],
    });
    expect((await m1.caller.boards.memberSession({ sessionId: upcoming.id })).invitation).toMatchObject({
      rsvp: 'yes',
      accommodationsNeeded: ['sign_language'],
    });

    const agendaItemId = upcoming.agenda[0]!.id;
    const input = await m2.caller.boards.submitInput({
      sessionId: upcoming.id,
      agendaItemId,
      actionId: 'c2.3',
      text: 'Deepfakes target older persons in our villages',
    });
    expect(input).toMatchObject({ agendaItemId, actionId: 'C2.3' });
    const wrongItem = await rejection(
      m2.caller.boards.submitInput({ sessionId: upcoming.id, agendaItemId: crypto.randomUUID(), text: 'x' }),
    );
    expect((wrongItem as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      agendaItemId: ['board.validation.unknownAgendaItem'],
    });
    expect((await m2.caller.boards.memberSession({ sessionId: upcoming.id })).myInputs).toHaveLength(1);
    expect((await m1.caller.boards.memberSession({ sessionId: upcoming.id })).myInputs).toHaveLength(0);

    expect(
      (
        await rejection(
          secretariat.caller.boards.recordAttendance({
            sessionId: upcoming.id,
            records: [{ userId: m1.user.id, status: 'present' }],
          }),
        )
      ).message,
    ).toBe('board.sessionNotHeld');

    const past = await secretariat.caller.boards.createSession({
      boardId: board.id,
      kind: 'inaugural',
      mode: 'online',
      method: 'workshop',
      title: { en: 'Held' },
      startsAt: hoursFromNow(-3),
      endsAt: hoursFromNow(-1),
      link: 'https://meet.example.org/h',
    });
    await secretariat.caller.boards.invite({
      sessionId: past.id,
      userIds: [m1.user.id, m2.user.id, m3.user.id],
    });
    expect((await rejection(m1.caller.boards.rsvp({ sessionId: past.id, response: 'yes' }))).message).toBe(
      'board.sessionStarted',
    );
    const recorded = await secretariat.caller.boards.recordAttendance({
      sessionId: past.id,
      records: [
        { userId: m1.user.id, status: 'present' },
        { userId: m2.user.id, status: 'excused' },
        { userId: m3.user.id, status: 'absent' },
      ],
    });
    expect(recorded.participation).toEqual({ invited: 3, present: 1, rate: 33.3, held: true });
    // Correcting a record replaces it.
    const corrected = await secretariat.caller.boards.recordAttendance({
      sessionId: past.id,
      records: [{ userId: m3.user.id, status: 'present' }],
    });
    expect(corrected.participation).toEqual({ invited: 3, present: 2, rate: 66.7, held: true });
    const stranger = await api.signedIn('stakeholder');
    expect(
      (
        await rejection(
          secretariat.caller.boards.recordAttendance({
            sessionId: past.id,
            records: [{ userId: stranger.user.id, status: 'present' }],
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');

    const participation = await secretariat.caller.boards.participation({ boardId: board.id });
    expect(participation.sessions.map((s) => [s.sessionId, s.rate])).toEqual([[past.id, 66.7]]);
    expect(participation.members.find((m) => m.userId === m2.user.id)).toMatchObject({
      invited: 1,
      present: 0,
      rate: 0,
    });

    const detail = await secretariat.caller.boards.session({ sessionId: upcoming.id });
    expect(detail.inputs).toMatchObject([
      { userId: m2.user.id, text: 'Deepfakes target older persons in our villages' },
    ]);
    expect(detail.inputCounts).toEqual({ byAgendaItem: { [agendaItemId]: 1 }, byAction: { 'C2.3': 1 } });
    expect(detail.invitations.find((i) => i.userId === m1.user.id)).toMatchObject({
      rsvp: 'yes',
      accommodationsNeeded: ['sign_language'],
    });

    const measures = await secretariat.caller.boards.measures({ boardId: board.id, period: 'month' });
    const current = measures.measures.at(-1)!;
    expect(current.participation).toMatchObject({ sessions: 1, invited: 3, present: 2 });
    expect(current.engagement.inputs).toBe(1);
    expect(current.representation.countedSeats).toBe(3);
    // A point sent again with its key (the answer was lost on a bad connection) is stored once, with one audit row;
    // the same key from another member is theirs alone.
    const idempotencyKey = crypto.randomUUID();
    const point = { sessionId: upcoming.id, text: 'Interpreters for Tetum speakers', idempotencyKey };
    const first = await m1.caller.boards.submitInput(point);
    const again = await m1.caller.boards.submitInput(point);
    expect(again).toEqual(first);
    expect((await m1.caller.boards.memberSession({ sessionId: upcoming.id })).myInputs).toHaveLength(1);
    const audited = await api.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', first.id)
      .where('action', '=', 'board.input_submit')
      .execute();
    expect(audited).toHaveLength(1);
    const theirs = await m3.caller.boards.submitInput(point);
    expect(theirs.id).not.toBe(first.id);
  });
});

describe('session editing', () => {
  it('keeps agenda item ids when a session is edited, so inputs stay tied to their item; new items get new ids', async () => {
    const board = await createBoard();
    const base = {
      boardId: board.id,
      kind: 'consultation' as const,
      mode: 'online' as const,
      method: 'interview' as const,
      title: { en: 'Interviews' },
      startsAt: hoursFromNow(24),
      endsAt: hoursFromNow(25),
      link: 'https://meet.example.org/i',
    };
    const created = await secretariat.caller.boards.createSession({
      ...base,
      agenda: [{ title: 'One' }, { title: 'Two' }],
    });
    const [one, two] = created.agenda;
    const updated = await secretariat.caller.boards.updateSession({
      sessionId: created.id,
      session: {
        ...base,
        title: { en: 'Interviews (moved)' },
        agenda: [{ id: two!.id, title: 'Two, renamed' }, { id: two!.id, title: 'Copy' }, { title: 'Three' }],
      },
    });
    expect(updated.agenda[0]).toEqual({ id: two!.id, title: 'Two, renamed' });
    expect(new Set(updated.agenda.map((i) => i.id)).size).toBe(3);
    expect(updated.agenda.map((i) => i.id)).not.toContain(one!.id);
    const other = await createBoard();
    expect(
      (
        await rejection(
          secretariat.caller.boards.updateSession({
            sessionId: created.id,
            session: { ...base, boardId: other.id },
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });
});

describe('satisfaction and trust survey', () => {
  it('one answer per member; unsigned answers carry no user and are aggregated only from three; signed ones are named', async () => {
    const board = await createBoard();
    const members = [
      await seatedMember(board.id),
      await seatedMember(board.id),
      await seatedMember(board.id),
      await seatedMember(board.id),
    ];
    const session = await secretariat.caller.boards.createSession({
      boardId: board.id,
      kind: 'consultation',
      mode: 'online',
      method: 'survey',
      title: { en: 'Survey session' },
      startsAt: hoursFromNow(-2),
      endsAt: hoursFromNow(-1),
      link: 'https://meet.example.org/s',
    });
    await secretariat.caller.boards.invite({ sessionId: session.id });
    const [a, b, c, d] = members;

    expect((await a!.caller.boards.myBoards())[0]!.surveysToAnswer.map((s) => s.sessionId)).toEqual([
      session.id,
    ]);
    await a!.caller.boards.answerSurvey({
      sessionId: session.id,
      satisfaction: 2,
      trust: 1,
      comment: 'Too short',
    });
    expect((await a!.caller.boards.myBoards())[0]!.surveysToAnswer).toEqual([]);
    expect(
      (await rejection(a!.caller.boards.answerSurvey({ sessionId: session.id, satisfaction: 5, trust: 5 })))
        .message,
    ).toBe('board.surveyAlreadyAnswered');

    // While the survey is open only the count is shown.
    expect(await secretariat.caller.boards.surveyResults({ sessionId: session.id })).toMatchObject({
      responses: 1,
      suppressed: true,
      withheldBecause: 'survey_open',
      satisfaction: null,
      anonymousComments: [],
    });

    await b!.caller.boards.answerSurvey({ sessionId: session.id, satisfaction: 4, trust: 4 });
    await c!.caller.boards.answerSurvey({
      sessionId: session.id,
      satisfaction: 5,
      trust: 4,
      comment: 'Good interpretation',
    });
    await d!.caller.boards.answerSurvey({
      sessionId: session.id,
      satisfaction: 3,
      trust: 3,
      comment: 'Happy to be named',
      signed: true,
    });
    expect(await secretariat.caller.boards.surveyResults({ sessionId: session.id })).toMatchObject({
      responses: 4,
      suppressed: true,
      withheldBecause: 'survey_open',
      anonymousComments: [],
    });

    const closed = await secretariat.caller.boards.closeSurvey({ sessionId: session.id });
    expect(closed.surveyOpen).toBe(false);
    expect((await rejection(secretariat.caller.boards.closeSurvey({ sessionId: session.id }))).message).toBe(
      'board.surveyClosed',
    );
    const results = await secretariat.caller.boards.surveyResults({ sessionId: session.id });
    expect(results).toMatchObject({
      responses: 4,
      suppressed: false,
      satisfaction: { mean: 3.5 },
      trust: { mean: 3 },
    });
    expect(results.signed).toEqual([
      { userId: d!.user.id, name: d!.user.name, satisfaction: 3, trust: 3, comment: 'Happy to be named' },
    ]);
    expect(results.anonymousComments).toEqual(['Good interpretation', 'Too short']);

    // Stored so that an unsigned answer cannot be attributed: no user, no time on the answer rows.
    const rows = await api.db
      .selectFrom('board_survey_response')
      .selectAll()
      .where('session_id', '=', session.id)
      .execute();
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.signed_by === null)).toHaveLength(3);
    for (const row of rows)
      expect(Object.keys(row).sort()).toEqual([
        'comment',
        'id',
        'satisfaction',
        'session_id',
        'signed_by',
        'trust',
      ]);
    expect(
      await api.db
        .selectFrom('board_survey_participation')
        .select('user_id')
        .where('session_id', '=', session.id)
        .execute(),
    ).toHaveLength(4);
    // The audit log records that a member answered, never what an unsigned answer said.
    const audit = await listAuditEntries(api.db, {
      entityType: 'board_session',
      entityId: session.id,
      limit: 50,
    });
    const answers = audit.filter((e) => e.action === 'board.survey_answer');
    expect(answers).toHaveLength(4);
    for (const entry of answers.filter((e) => e.actor_user_id !== d!.user.id))
      expect(entry.after_value).toEqual({ signed: false });

    // A member not invited to the session cannot answer its survey; nobody can once it is closed.
    const late = await seatedMember(board.id);
    expect(
      (await rejection(late.caller.boards.answerSurvey({ sessionId: session.id, satisfaction: 3, trust: 3 })))
        .message,
    ).toBe('board.notInvited');
    const fifth = await seatedMember(board.id);
    await secretariat.caller.boards.invite({ sessionId: session.id, userIds: [fifth.user.id] });
    expect(
      (
        await rejection(
          fifth.caller.boards.answerSurvey({ sessionId: session.id, satisfaction: 3, trust: 3 }),
        )
      ).message,
    ).toBe('board.surveyClosed');
    expect(
      (await secretariat.caller.boards.measures({ boardId: board.id, period: 'month' })).measures.at(-1)!
        .satisfaction,
    ).toEqual({ responses: 4, satisfactionMean: 3.5, trustMean: 3 });
  });

  it('a small closed survey shows only its count', async () => {
    const board = await createBoard();
    const [a, b] = [await seatedMember(board.id), await seatedMember(board.id)];
    const session = await secretariat.caller.boards.createSession({
      boardId: board.id,
      kind: 'consultation',
      mode: 'online',
      method: 'survey',
      title: { en: 'Small' },
      startsAt: hoursFromNow(-2),
      endsAt: hoursFromNow(-1),
      link: 'https://meet.example.org/s',
    });
    await secretariat.caller.boards.invite({ sessionId: session.id });
    await a.caller.boards.answerSurvey({ sessionId: session.id, satisfaction: 1, trust: 1 });
    await b.caller.boards.answerSurvey({
      sessionId: session.id,
      satisfaction: 5,
      trust: 5,
      comment: 'Named',
      signed: true,
    });
    await secretariat.caller.boards.closeSurvey({ sessionId: session.id });
    const results = await secretariat.caller.boards.surveyResults({ sessionId: session.id });
    expect(results).toMatchObject({
      responses: 2,
      suppressed: true,
      withheldBecause: 'too_few_unsigned',
      satisfaction: null,
      anonymousComments: [],
    });
    expect(results.signed).toMatchObject([{ userId: b.user.id, satisfaction: 5 }]);
    expect(
      (await secretariat.caller.boards.measures({ boardId: board.id, period: 'month' })).measures.at(-1)!
        .satisfaction.responses,
    ).toBe(0);
  });
});

describe('constituencies and training', () => {
  it('the secretariat adds a constituency, which targets and applications can then use', async () => {
    const key = `fisherfolk_${Math.random().toString(36).slice(2, 8)}`;
    const unknown = await rejection(
      createBoard({ targets: [{ kind: 'min_count', constituency: key, minCount: 1 }] }),
    );
    expect((unknown as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      'targets.0': ['board.validation.unknownConstituency'],
    });
    await secretariat.caller.boards.addConstituency({
      key,
      label: { en: 'Fisherfolk communities' },
      marginalised: true,
    });
    expect(
      (await rejection(secretariat.caller.boards.addConstituency({ key, label: { en: 'Again' } }))).code,
    ).toBe('CONFLICT');
    const list = await (await api.call()).caller.boards.constituencies();
    expect(list.find((c) => c.key === key)).toMatchObject({ marginalised: true, isDefault: false });
    expect(list.filter((c) => c.isDefault)).toHaveLength(14);
    const board = await createBoard({ targets: [{ kind: 'min_count', constituency: key, minCount: 1 }] });
    expect(board.targets).toEqual([{ kind: 'min_count', constituency: key, minCount: 1 }]);
  });

  it('records training for seat holders; members see their own records', async () => {
    const board = await createBoard();
    const member = await seatedMember(board.id);
    const stranger = await api.signedIn('stakeholder');
    const record = await secretariat.caller.boards.addTraining({
      boardId: board.id,
      userId: member.user.id,
      course: 'AI policy basics',
      takenOn: day(-1),
    });
    expect(record.completed).toBe(false);
    await secretariat.caller.boards.updateTraining({
      trainingId: record.id,
      course: 'AI policy basics',
      takenOn: day(-1),
      completed: true,
    });
    expect(
      (
        await rejection(
          secretariat.caller.boards.addTraining({
            boardId: board.id,
            userId: stranger.user.id,
            course: 'x',
            takenOn: day(0),
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    expect((await member.caller.boards.memberBoard({ boardId: board.id })).training).toEqual([
      { id: record.id, course: 'AI policy basics', takenOn: day(-1), completed: true },
    ]);
    expect(await secretariat.caller.boards.training({ boardId: board.id })).toMatchObject([
      { userId: member.user.id, completed: true },
    ]);
  });
});
