// Board news (issue #15): minutes published for the first time ("board decisions") and session invitations, through the
// real router on PGlite or, with TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardDay } from '@musyawarah/core';
import { listOutboxMail } from '@musyawarah/db';
import { runDigests } from './notifications/digests';
import { createTestApi, type TestApi } from './test-support';

let api: TestApi;
type Session = Awaited<ReturnType<TestApi['signedIn']>>;
let secretariat: Session;
const dbLabel = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
});
afterAll(async () => api.close());

const DAY = 86_400_000;
const day = (offset: number) => boardDay(new Date(Date.now() + offset * DAY));
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function createBoard(published = true) {
  return secretariat.caller.boards.create({
    name: { en: 'Regional board on inclusive AI' },
    scope: 'regional',
    mandate: { en: 'Advise on inclusive AI (C2.1.1)' },
    actionIds: ['C2.1.1'],
    lifeStartsOn: day(-30),
    lifeEndsOn: day(730),
    seatCapacity: 10,
    targets: [],
    selectionCriteria: [],
    published,
  } as never);
}

async function seatedMember(boardId: string) {
  const person = await api.signedIn('stakeholder');
  await secretariat.caller.boards.addSeat({
    boardId,
    email: person.user.email,
    constituencies: ['women'],
    termStartsOn: day(0),
    termEndsOn: day(365),
  });
  return person;
}

async function heldSession(boardId: string, title: string) {
  return secretariat.caller.boards.createSession({
    boardId,
    kind: 'consultation',
    mode: 'online',
    method: 'workshop',
    title: { en: title },
    startsAt: hoursFromNow(-5),
    endsAt: hoursFromNow(-3),
    link: 'https://meet.example.org/s',
  });
}

async function publishMinutes(sessionId: string, visibility: 'public' | 'members', minutes = 'Decided: …') {
  await secretariat.caller.boards.saveMinutes({ sessionId, minutes, visibility, publish: true });
}

async function mailsTo(email: string) {
  return listOutboxMail(api.db, { limit: 50, toAddress: email });
}

async function events(person: Session) {
  return (await person.caller.notifications.list()).items.map((n) => [n.event, n.link]);
}

describe(`board decisions (${dbLabel})`, () => {
  it('public minutes tell the members (their session page) and the followers (the public board page) once, by one mail each with RFC 8058 headers; a bystander hears nothing', async () => {
    const board = await createBoard();
    const member = await seatedMember(board.id);
    const follower = await api.signedIn('stakeholder');
    const bystander = await api.signedIn('stakeholder');
    await follower.caller.notifications.follow({ subjectType: 'board', subjectId: board.id });
    // A member who follows their own board hears once, as a member.
    await member.caller.notifications.follow({ subjectType: 'board', subjectId: board.id });
    const session = await heldSession(board.id, 'Second consultation');
    const memberMailsBefore = (await mailsTo(member.user.email)).length;

    await publishMinutes(session.id, 'public');
    // Correcting published minutes is not news again.
    await publishMinutes(session.id, 'public', 'Decided: … (typo fixed)');

    expect(await events(member)).toEqual([['board.decision', `/boards/mine/sessions/${session.id}`]]);
    expect(await events(follower)).toEqual([['board.decision', `/boards/${board.id}`]]);
    expect(await events(bystander)).toEqual([]);

    const followerMails = await mailsTo(follower.user.email);
    expect(followerMails).toHaveLength(1);
    expect(followerMails[0]!.subject).toContain('Second consultation');
    expect(followerMails[0]!.text_body).toContain(`http://localhost:3000/boards/${board.id}`);
    expect(followerMails[0]!.headers).toMatchObject({
      'List-Unsubscribe': expect.stringMatching(
        /^<http:\/\/localhost:3000\/unsubscribe\/one-click\?token=.+>$/,
      ),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect((await mailsTo(member.user.email)).length - memberMailsBefore).toBe(1);
    expect(await mailsTo(bystander.user.email)).toEqual([]);
  });

  it('minutes for members only reach the members, never a follower without a seat', async () => {
    const board = await createBoard();
    const member = await seatedMember(board.id);
    const follower = await api.signedIn('stakeholder');
    await follower.caller.notifications.follow({ subjectType: 'board', subjectId: board.id });
    const session = await heldSession(board.id, 'Closed session');

    await publishMinutes(session.id, 'members');

    expect(await events(member)).toEqual([['board.decision', `/boards/mine/sessions/${session.id}`]]);
    expect(await events(follower)).toEqual([]);
    expect(await mailsTo(follower.user.email)).toEqual([]);
  });

  it('respects each person’s choice: “off” lists it without a mail, “weekly” waits for the weekly summary', async () => {
    const board = await createBoard();
    const quiet = await seatedMember(board.id);
    const weekly = await api.signedIn('stakeholder');
    await quiet.caller.notifications.setPreference({ kind: 'board_update', delivery: 'off' });
    await weekly.caller.notifications.setPreference({ kind: 'board_update', delivery: 'weekly' });
    await weekly.caller.notifications.follow({ subjectType: 'board', subjectId: board.id });
    const quietMailsBefore = (await mailsTo(quiet.user.email)).length;
    const session = await heldSession(board.id, 'Third consultation');

    await publishMinutes(session.id, 'public');

    expect(await events(quiet)).toEqual([['board.decision', `/boards/mine/sessions/${session.id}`]]);
    expect(await events(weekly)).toEqual([['board.decision', `/boards/${board.id}`]]);
    expect(await mailsTo(weekly.user.email)).toEqual([]);

    await runDigests(api.services, new Date(Date.now() + 60_000));
    const [digest, ...more] = await mailsTo(weekly.user.email);
    expect(more).toEqual([]);
    expect(digest!.subject).toBe('Your weekly summary: 1 update');
    expect(digest!.text_body).toContain('Third consultation');
    // "Off" is never mailed, in a summary or otherwise.
    expect((await mailsTo(quiet.user.email)).length).toBe(quietMailsBefore);
  });
});

describe(`session invitations (${dbLabel})`, () => {
  it('each invited member finds the invitation under the bell; the invitation mail is the one mail, whatever they chose, and is not summarised again', async () => {
    const board = await createBoard();
    const atOnce = await seatedMember(board.id);
    const daily = await seatedMember(board.id);
    const notInvited = await seatedMember(board.id);
    await daily.caller.notifications.setPreference({ kind: 'board_update', delivery: 'daily' });
    const before = new Map(
      await Promise.all(
        [atOnce, daily].map(async (p) => [p.user.id, (await mailsTo(p.user.email)).length] as const),
      ),
    );
    const session = await secretariat.caller.boards.createSession({
      boardId: board.id,
      kind: 'consultation',
      mode: 'online',
      method: 'focus_group',
      title: { en: 'Planning session' },
      startsAt: hoursFromNow(48),
      endsAt: hoursFromNow(50),
      link: 'https://meet.example.org/p',
    });

    const invitees = { sessionId: session.id, userIds: [atOnce.user.id, daily.user.id] };
    expect(await secretariat.caller.boards.invite(invitees)).toEqual({ invited: 2 });
    // Inviting them again invites no one anew and tells no one again.
    expect(await secretariat.caller.boards.invite(invitees)).toEqual({ invited: 0 });

    for (const person of [atOnce, daily]) {
      expect(await events(person)).toEqual([
        ['board.sessionInvitation', `/boards/mine/sessions/${session.id}`],
      ]);
      const mails = await mailsTo(person.user.email);
      expect(mails.length - before.get(person.user.id)!).toBe(1);
      expect(mails[0]!.subject).toBe('Invitation: Planning session');
    }
    await runDigests(api.services, new Date(Date.now() + 60_000));
    expect((await mailsTo(daily.user.email)).length - before.get(daily.user.id)!).toBe(1);
    expect(await events(notInvited)).toEqual([]);
  });

  it("mails each invited member in their own language, with the board's and the session's names in it when given", async () => {
    const board = await createBoard();
    const khmer = await seatedMember(board.id);
    await khmer.caller.account.setLocale({ locale: 'km' });
    const english = await seatedMember(board.id);
    const session = await secretariat.caller.boards.createSession({
      boardId: board.id,
      kind: 'consultation',
      mode: 'online',
      method: 'focus_group',
      title: { en: 'Planning session', km: 'វគ្គរៀបចំផែនការ' },
      startsAt: hoursFromNow(48),
      endsAt: hoursFromNow(50),
      link: 'https://meet.example.org/p',
    });
    await secretariat.caller.boards.invite({
      sessionId: session.id,
      userIds: [khmer.user.id, english.user.id],
    });

    const [inKhmer] = await mailsTo(khmer.user.email);
    expect(inKhmer!.subject).toBe('ការអញ្ជើញ៖ វគ្គរៀបចំផែនការ');
    expect(inKhmer!.text_body).not.toContain('You are invited');
    const [inEnglish] = await mailsTo(english.user.email);
    expect(inEnglish!.subject).toBe('Invitation: Planning session');
  });
});
