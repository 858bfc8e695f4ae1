// Issue #11 item 5: a deleted account leaves nothing that identifies the person anywhere but the append-only audit log,
// and the audit log is shown with the person's details pseudonymised ("Deleted user").
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { boardDay } from '@musyawarah/core';
import { sql } from 'kysely';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-support';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

const day = (offset: number) => boardDay(new Date(Date.now() + offset * 86_400_000));
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

const NAME = 'Zubaidah Qwertyson';
const ORGANISATION = 'Qwertyson Rural AI Collective';
const CONFLICT = 'Paid adviser to Zyxwvut Analytics';
const NEEDS = 'Malay sign interpreter Xylophonia';
const EVENT_NEEDS = 'Quiet room Vuvuzelia';

/** Every row of every table in the test schema but the audit log, as text. */
async function everythingButTheAuditLog(): Promise<Map<string, string>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'audit_log'`.execute(
    api.db,
  );
  const out = new Map<string, string>();
  for (const { table_name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table_name)}`.execute(api.db);
    out.set(
      table_name,
      JSON.stringify(rows.rows, (_k, v: unknown) => (v instanceof Uint8Array ? '' : v)).toLowerCase(),
    );
  }
  return out;
}

it('deleting an account with a seat, nominations, an RSVP, input, training, an event registration and feedback leaves nothing identifying outside the audit log', async () => {
  const secretariat = await api.signedIn('secretariat');
  const me = await api.signedIn('stakeholder');
  await me.caller.account.updateProfile({
    name: NAME,
    organisationName: ORGANISATION,
    stakeholderGroup: 'civil_society',
    memberState: 'PH',
    locale: 'en',
  } as never);
  const email = me.user.email;

  const boardInput = (name: string) => ({
    name: { en: name },
    scope: 'regional',
    mandate: { en: 'Advise' },
    actionIds: ['C2.1.1'],
    lifeStartsOn: day(-30),
    lifeEndsOn: day(730),
    seatCapacity: 5,
    targets: [],
    selectionCriteria: [],
    published: true,
  });
  const board = await secretariat.caller.boards.create(boardInput('Deletion board') as never);
  const seat = await secretariat.caller.boards.addSeat({
    boardId: board.id,
    email,
    constituencies: ['youth'],
    organisation: ORGANISATION,
    conflictOfInterest: CONFLICT,
    gender: 'woman',
    listedPublicly: true,
    termStartsOn: day(-1),
    termEndsOn: day(365),
  });
  await me.caller.boards.updateMySeat({
    seatId: seat.id,
    gender: 'woman',
    listedPublicly: true,
    conflictOfInterest: CONFLICT,
  });

  // Nominated by someone else on another board, and applying there too.
  const other = await secretariat.caller.boards.create(boardInput('Other board') as never);
  const call = await secretariat.caller.boards.createCall({
    boardId: other.id,
    description: { en: 'Apply' },
    opensAt: hoursFromNow(-1),
    closesAt: hoursFromNow(48),
  });
  const nominator = await api.signedIn('stakeholder');
  await nominator.caller.boards.submitNomination({
    callId: call.id,
    self: false,
    nomineeName: NAME,
    nomineeEmail: email,
    organisation: ORGANISATION,
    constituencies: ['youth'],
    motivation: `${NAME} runs ${ORGANISATION}`,
  });
  // Declined: the nominator's mail names the person.
  const [byNominator] = await secretariat.caller.boards.nominations({ boardId: other.id });
  await secretariat.caller.boards.declineNomination({
    nominationId: byNominator!.id,
    reason: `${NAME} is not eligible`,
  });
  expect((await api.latestMailTo(nominator.user.email))?.text_body).toContain(NAME);
  await me.caller.boards.submitNomination({
    callId: call.id,
    self: true,
    organisation: ORGANISATION,
    constituencies: ['youth'],
    memberState: 'PH',
    motivation: `I founded ${ORGANISATION}`,
  });

  // A session: invited (mail), RSVP with needs, input, signed survey answer; a training record.
  const upcoming = await secretariat.caller.boards.createSession({
    boardId: board.id,
    kind: 'consultation',
    mode: 'online',
    method: 'workshop',
    title: { en: 'Upcoming' },
    startsAt: hoursFromNow(24),
    endsAt: hoursFromNow(26),
    link: 'https://meet.example.org/u',
  });
  await secretariat.caller.boards.invite({ sessionId: upcoming.id, userIds: [] });
  await me.caller.boards.rsvp({
    sessionId: upcoming.id,
    response: 'yes',
    accommodationsNeeded: ['sign_language'],
    otherNeeds: NEEDS,
  } as never);
  await me.caller.boards.submitInput({
    sessionId: upcoming.id,
    text: 'Consider rural connectivity before deployment',
  });
  await secretariat.caller.boards.addTraining({
    boardId: board.id,
    userId: me.user.id,
    course: 'AI ethics basics',
    takenOn: day(-1),
    completed: true,
  });

  // Feedback in a consultation round, with the organisation, named publicly; and an event registration with needs.
  const round = await secretariat.caller.rounds.create({
    title: { en: 'Deletion round' },
    description: { en: 'Feedback' },
    format: 'online_consultation',
    audience: 'public',
    opensAt: hoursFromNow(-1),
    closesAt: hoursFromNow(24),
  } as never);
  await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
  await me.caller.contributions.submit({
    roundId: round.id,
    idempotencyKey: randomUUID(),
    answers: {},
    items: [{ type: 'concern', text: 'Rural connectivity' }],
    stakeholderGroup: 'civil_society',
    organisationName: ORGANISATION,
    writtenIn: 'en',
    namedPublicly: true,
  } as never);
  await api.db
    .insertInto('event_registration')
    .values({
      round_id: round.id,
      user_id: me.user.id,
      status: 'registered',
      accommodations_needed: ['step_free_access'],
      other_needs: EVENT_NEEDS,
    })
    .execute();
  await api.db
    .insertInto('login_throttle')
    .values({ key: `account:${email}`, failures: 1, window_started_at: new Date() })
    .execute();

  const identifying = [NAME, email, ORGANISATION, CONFLICT, NEEDS, EVENT_NEEDS].map((s) => s.toLowerCase());
  const before = await everythingButTheAuditLog();
  // The scan sees the person before deletion (so it can fail).
  const all = [...before.values()].join('\n');
  expect(identifying.filter((s) => !all.includes(s))).toEqual([]);

  await me.caller.account.deleteAccount({ confirmEmail: email, password: TEST_PASSWORD });

  const after = await everythingButTheAuditLog();
  const leaks = [...after].flatMap(([table, text]) =>
    identifying.filter((s) => text.includes(s)).map((s) => `${table}: ${s}`),
  );
  expect(leaks).toEqual([]);

  // The record stays: the seat as history, the contribution, the input, the training, counts.
  expect(await secretariat.caller.boards.seats({ boardId: board.id, includeEnded: true })).toMatchObject([
    {
      id: seat.id,
      name: 'Deleted user',
      organisation: null,
      conflictOfInterest: null,
      gender: null,
      listedPublicly: false,
      active: false,
    },
  ]);
  expect((await secretariat.caller.boards.session({ sessionId: upcoming.id })).inputs).toHaveLength(1);
  expect(
    await api.db.selectFrom('contribution').select('id').where('round_id', '=', round.id).execute(),
  ).toHaveLength(1);
  expect(
    await api.db.selectFrom('event_registration').select('status').where('round_id', '=', round.id).execute(),
  ).toEqual([{ status: 'cancelled' }]);

  // The audit log is append-only and keeps its rows; shown to the secretariat, the person's details are pseudonymised.
  const audit = await secretariat.caller.audit.list({ limit: 1000 });
  const shown = JSON.stringify(audit).toLowerCase();
  expect(identifying.filter((s) => shown.includes(s))).toEqual([]);
  expect(audit.find((a) => a.action === 'user.update_profile')).toMatchObject({
    actorName: 'Deleted user',
    entityId: me.user.id,
  });
  const raw = await api.db
    .selectFrom('audit_log')
    .select('after_value')
    .where('action', '=', 'board.seat_create')
    .where('entity_id', '=', seat.id)
    .executeTakeFirstOrThrow();
  expect(JSON.stringify(raw.after_value)).toContain(ORGANISATION);
  // Other people's audit rows are shown as they are.
  expect(audit.find((a) => a.action === 'board.create' && a.entityId === board.id)?.actorName).toBe(
    secretariat.user.name,
  );
});
