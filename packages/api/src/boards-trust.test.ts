// Issue #11, items 4 and 6–8: advisory boards keep what they promise — a survey once shown stays closed and its unsigned
// answers stay unattributed, the public page carries nothing members-only, a nomination reveals nobody's seat, and
// participation counts only the people who were still members.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardDay } from '@musyawarah/core';
import { createTestApi, rejection, type TestApi } from './test-support';

let api: TestApi;
let secretariat: Awaited<ReturnType<TestApi['signedIn']>>;
beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
});
afterAll(async () => api.close());

const DAY = 86_400_000;
const day = (offset: number) => boardDay(new Date(Date.now() + offset * DAY));
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
type Person = Awaited<ReturnType<TestApi['signedIn']>>;

async function createBoard() {
  return secretariat.caller.boards.create({
    name: { en: 'Trust test board' },
    scope: 'regional',
    mandate: { en: 'Advise on inclusive AI (C2.1.1)' },
    actionIds: ['C2.1.1'],
    lifeStartsOn: day(-60),
    lifeEndsOn: day(730),
    seatCapacity: 10,
    targets: [],
    selectionCriteria: [],
    published: true,
  } as never);
}

async function seatedMember(
  boardId: string,
  extra: Record<string, unknown> = {},
): Promise<Person & { seatId: string }> {
  const person = await api.signedIn('stakeholder');
  const seat = await secretariat.caller.boards.addSeat({
    boardId,
    email: person.user.email,
    constituencies: ['women'],
    termStartsOn: day(-10),
    termEndsOn: day(365),
    ...extra,
  });
  return { ...person, seatId: seat.id };
}

const sessionBase = (boardId: string, startsInHours: number, title = 'Session') => ({
  boardId,
  kind: 'consultation' as const,
  mode: 'online' as const,
  method: 'survey' as const,
  title: { en: title },
  startsAt: hoursFromNow(startsInHours),
  endsAt: hoursFromNow(startsInHours + 1),
  link: 'https://meet.example.org/members-only-room',
});

describe('item 4: a survey whose results were shown stays closed', () => {
  it('re-dating a session after its survey closed does not reopen it: no further answer, results unchanged', async () => {
    const board = await createBoard();
    const members = await Promise.all([1, 2, 3, 4].map(() => seatedMember(board.id)));
    const session = await secretariat.caller.boards.createSession(
      sessionBase(board.id, -2, 'Survey session'),
    );
    await secretariat.caller.boards.invite({ sessionId: session.id, userIds: [] });
    for (const [i, m] of members.slice(0, 3).entries()) {
      await m.caller.boards.answerSurvey({
        sessionId: session.id,
        satisfaction: 3 + i,
        trust: 3,
        signed: false,
      });
    }
    // Move the session back in time: its survey window (30 days after the end) has passed, so the survey is closed.
    await secretariat.caller.boards.updateSession({
      sessionId: session.id,
      session: sessionBase(board.id, -24 * 40, 'Survey session'),
    });
    const shown = await secretariat.caller.boards.surveyResults({ sessionId: session.id });
    expect(shown).toMatchObject({ surveyOpen: false, suppressed: false, responses: 3 });
    const distribution = shown.satisfaction!.distribution;

    // Moving it forward again must not reopen the survey the results of which were shown.
    await secretariat.caller.boards.updateSession({
      sessionId: session.id,
      session: sessionBase(board.id, -2, 'Survey session'),
    });
    const late = await rejection(
      members[3]!.caller.boards.answerSurvey({
        sessionId: session.id,
        satisfaction: 1,
        trust: 1,
        signed: false,
      }),
    );
    expect(late.message).toBe('board.surveyClosed');
    const again = await secretariat.caller.boards.surveyResults({ sessionId: session.id });
    expect(again).toMatchObject({ surveyOpen: false, responses: 3 });
    expect(again.satisfaction!.distribution).toEqual(distribution);
    expect((await members[3]!.caller.boards.memberSession({ sessionId: session.id })).surveyOpen).toBe(false);
    expect((await members[3]!.caller.boards.myBoards())[0]!.surveysToAnswer).toEqual([]);
  });

  it('the audit row of an unsigned answer names nobody (no actor, no address); a signed one names its author', async () => {
    const board = await createBoard();
    const [anonymous, named] = await Promise.all([seatedMember(board.id), seatedMember(board.id)]);
    const session = await secretariat.caller.boards.createSession(sessionBase(board.id, -2));
    await secretariat.caller.boards.invite({ sessionId: session.id, userIds: [] });
    await anonymous.caller.boards.answerSurvey({
      sessionId: session.id,
      satisfaction: 2,
      trust: 2,
      signed: false,
    });
    await named.caller.boards.answerSurvey({
      sessionId: session.id,
      satisfaction: 5,
      trust: 5,
      signed: true,
    });
    const rows = await api.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'board.survey_answer')
      .where('entity_id', '=', session.id)
      .execute();
    expect(rows).toHaveLength(2);
    const unsigned = rows.find((r) => (r.after_value as { signed: boolean }).signed === false)!;
    expect(unsigned).toMatchObject({ actor_user_id: null, ip_address: null, request_id: null });
    expect(JSON.stringify(unsigned)).not.toContain(anonymous.user.id);
    expect(rows.find((r) => (r.after_value as { signed: boolean }).signed === true)!.actor_user_id).toBe(
      named.user.id,
    );
    // Nor does the participation row (which refuses a second answer) carry a time that could be lined up with it.
    const participation = await api.db
      .selectFrom('board_survey_participation')
      .selectAll()
      .where('session_id', '=', session.id)
      .execute();
    expect(participation).toHaveLength(2);
    for (const row of participation) expect(Object.keys(row).sort()).toEqual(['session_id', 'user_id']);
  });
});

describe('item 6: the public board page carries nothing members-only', () => {
  it('no meeting link (nor venue) in the public answer, while members still get it', async () => {
    const board = await createBoard();
    const member = await seatedMember(board.id, { listedPublicly: false });
    const session = await secretariat.caller.boards.createSession({
      ...sessionBase(board.id, -3, 'Open session'),
      mode: 'hybrid',
      venue: 'Room 4, Members Building',
    } as never);
    await secretariat.caller.boards.saveMinutes({
      sessionId: session.id,
      minutes: 'Open record',
      visibility: 'public',
      publish: true,
    });
    const anonymous = await api.call();
    const page = await anonymous.caller.boards.getPublic({ boardId: board.id });
    expect(page.sessions).toHaveLength(1);
    const text = JSON.stringify(page);
    expect(text).not.toContain('meet.example.org');
    expect(text).not.toContain('Members Building');
    expect(page.sessions[0]).not.toHaveProperty('link');
    expect(page.members).toEqual([]);
    expect(text).not.toContain(member.user.name);
    for (const listing of [
      await anonymous.caller.boards.listPublic(),
      await anonymous.caller.boards.openCalls(),
    ]) {
      expect(JSON.stringify(listing)).not.toContain('meet.example.org');
    }
    expect((await member.caller.boards.memberSession({ sessionId: session.id })).link).toBe(
      'https://meet.example.org/members-only-room',
    );
  });
});

describe('item 7: a nomination reveals nobody', () => {
  it('nominating an unlisted seat holder, or someone already nominated by another, is answered as for anyone else', async () => {
    const board = await createBoard();
    const call = await secretariat.caller.boards.createCall({
      boardId: board.id,
      description: { en: 'Apply' },
      opensAt: hoursFromNow(-1),
      closesAt: hoursFromNow(48),
    });
    const seated = await seatedMember(board.id, { listedPublicly: false });
    const outsider = await api.signedIn('stakeholder');
    const [first, second] = [await api.signedIn('stakeholder'), await api.signedIn('stakeholder')];
    const nominate = (by: Person, email: string) =>
      by.caller.boards.submitNomination({
        callId: call.id,
        self: false,
        nomineeName: 'Someone',
        nomineeEmail: email,
        constituencies: ['youth'],
        motivation: 'Knows the field well',
      });

    const ofOutsider = await nominate(first, outsider.user.email);
    const ofMember = await nominate(first, seated.user.email);
    expect(Object.keys(ofMember)).toEqual(Object.keys(ofOutsider));
    expect(ofMember.status).toBe(ofOutsider.status);
    // A second applicant nominating the same people gets the same answer again.
    const again = await nominate(second, seated.user.email);
    expect(again.status).toBe('submitted');
    expect((await nominate(second, outsider.user.email)).status).toBe('submitted');
    // The seat holder applying to their own board is answered alike.
    expect(
      (
        await seated.caller.boards.submitNomination({
          callId: call.id,
          self: true,
          constituencies: ['youth'],
          motivation: 'Again, please',
        })
      ).status,
    ).toBe('submitted');
    // The secretariat sees them all, with who already holds a seat, and dedups.
    const listed = await secretariat.caller.boards.nominations({ boardId: board.id });
    expect(listed.filter((n) => n.nomineeEmail === seated.user.email).map((n) => n.nomineeHoldsSeat)).toEqual(
      [true, true, true],
    );
    expect(
      listed.filter((n) => n.nomineeEmail === outsider.user.email).map((n) => n.nomineeHoldsSeat),
    ).toEqual([false, false]);
    // The same applicant submitting the same nominee twice is their own double submit, and is said so.
    expect((await rejection(nominate(first, outsider.user.email))).code).toBe('CONFLICT');
  });
});

describe('item 8: participation counts the people who were still members', () => {
  it('a member who resigned before the session is not counted as invited (100 %, not 50 %)', async () => {
    const board = await createBoard();
    const [stays, leaves] = [await seatedMember(board.id), await seatedMember(board.id)];
    const session = await secretariat.caller.boards.createSession(sessionBase(board.id, -2));
    await secretariat.caller.boards.invite({ sessionId: session.id, userIds: [] });
    await secretariat.caller.boards.endSeat({
      seatId: leaves.seatId,
      reason: 'resigned',
      endedOn: day(-3),
    } as never);
    const recorded = await secretariat.caller.boards.recordAttendance({
      sessionId: session.id,
      records: [{ userId: stays.user.id, status: 'present' }],
    });
    expect(recorded.participation).toMatchObject({ invited: 1, present: 1, rate: 100 });
    expect((await secretariat.caller.boards.session({ sessionId: session.id })).participation).toMatchObject({
      invited: 1,
      present: 1,
      rate: 100,
    });
    const overview = await secretariat.caller.boards.participation({ boardId: board.id });
    expect(overview.sessions.find((s) => s.sessionId === session.id)).toMatchObject({
      invited: 1,
      rate: 100,
    });
    expect(overview.members.map((m) => m.userId)).toEqual([stays.user.id]);
    const [quarter] = (
      await secretariat.caller.boards.measures({ boardId: board.id, period: 'quarter' })
    ).measures.slice(-1);
    expect(quarter!.participation).toMatchObject({ invited: 1, present: 1, rate: 100 });
  });

  it('a session not yet held has no rate; a member who deleted their account is no longer counted as invited', async () => {
    const board = await createBoard();
    const [stays, leaves] = [await seatedMember(board.id), await seatedMember(board.id)];
    const upcoming = await secretariat.caller.boards.createSession(sessionBase(board.id, 48, 'Upcoming'));
    await secretariat.caller.boards.invite({ sessionId: upcoming.id, userIds: [] });
    const listed = () =>
      secretariat.caller.boards
        .sessions({ boardId: board.id })
        .then((all) => all.find((s) => s.id === upcoming.id)!);
    expect((await listed()).participation).toEqual({ invited: 2, present: 0, rate: null, held: false });
    await leaves.caller.account.deleteAccount({
      confirmEmail: leaves.user.email,
      password: 'a long test password',
    });
    expect((await listed()).participation).toMatchObject({ invited: 1, rate: null });
    void stays;
  });

  it('the secretariat withdraws an invitation: audited, the member no longer invited nor counted', async () => {
    const board = await createBoard();
    const [stays, withdrawn] = [await seatedMember(board.id), await seatedMember(board.id)];
    const session = await secretariat.caller.boards.createSession(sessionBase(board.id, -2));
    await secretariat.caller.boards.invite({ sessionId: session.id, userIds: [] });
    const result = await secretariat.caller.boards.withdrawInvitation({
      sessionId: session.id,
      userId: withdrawn.user.id,
    });
    expect(result).toMatchObject({ sessionId: session.id, userId: withdrawn.user.id, withdrawn: true });
    const detail = await secretariat.caller.boards.session({ sessionId: session.id });
    expect(detail.invitations.map((i) => i.userId)).toEqual([stays.user.id]);
    await secretariat.caller.boards.recordAttendance({
      sessionId: session.id,
      records: [{ userId: stays.user.id, status: 'present' }],
    });
    expect((await secretariat.caller.boards.session({ sessionId: session.id })).participation).toMatchObject({
      invited: 1,
      rate: 100,
    });
    expect((await withdrawn.caller.boards.memberSession({ sessionId: session.id })).invitation).toBeNull();
    const audit = await api.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'board.invitation_withdraw')
      .where('entity_id', '=', session.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_user_id).toBe(secretariat.user.id);
    // Not invited (any more): refused, with the field named; bad input is a field error too.
    expect(
      (
        await rejection(
          secretariat.caller.boards.withdrawInvitation({ sessionId: session.id, userId: withdrawn.user.id }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    const bad = await rejection(
      secretariat.caller.boards.withdrawInvitation({ sessionId: 'nope', userId: 42 } as never),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    // Someone recorded present took part: their invitation cannot be withdrawn.
    expect(
      (
        await rejection(
          secretariat.caller.boards.withdrawInvitation({ sessionId: session.id, userId: stays.user.id }),
        )
      ).message,
    ).toBe('board.attendanceRecorded');
  });
});

describe('a session moved or relocated', () => {
  const subjectOf = (title: string) => `Changed: ${title}`;
  it('tells the invited members, once, with the new time and link; nobody for a title-only edit or a past session', async () => {
    const board = await createBoard();
    const [invited, notInvited] = [await seatedMember(board.id), await seatedMember(board.id)];
    const planned = sessionBase(board.id, 48, 'Planning');
    const session = await secretariat.caller.boards.createSession(planned);
    await secretariat.caller.boards.invite({ sessionId: session.id, userIds: [invited.user.id] });
    const changedMails = async (email: string) =>
      (await api.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).execute()).filter(
        (m) => m.subject === subjectOf('Planning'),
      );

    await secretariat.caller.boards.updateSession({
      sessionId: session.id,
      session: { ...planned, title: { en: 'Planning', fil: 'Pagpaplano' } },
    });
    expect(await changedMails(invited.user.email)).toEqual([]);

    await secretariat.caller.boards.updateSession({
      sessionId: session.id,
      session: { ...sessionBase(board.id, 72, 'Planning'), link: 'https://meet.example.org/new-room' },
    });
    const mails = await changedMails(invited.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toContain('https://meet.example.org/new-room');
    expect(mails[0]!.text_body).toContain(`/boards/mine/sessions/${session.id}`);
    expect(await changedMails(notInvited.user.email)).toEqual([]);

    // Correcting the record of a session already held is not news to anyone.
    await secretariat.caller.boards.updateSession({
      sessionId: session.id,
      session: sessionBase(board.id, -30, 'Planning'),
    });
    expect(await changedMails(invited.user.email)).toHaveLength(1);
  });
});
