import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '@musyawarah/db';
import { createTestApi, type TestApi, rejection, TEST_PASSWORD } from './test-support';

/** Issue #11 item 11: the Secretariat sees who registered and what they need; cancelling moves the waitlist. */
let api: TestApi;
let secretariat: Awaited<ReturnType<TestApi['signedIn']>>;
beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
});
afterAll(async () => api.close());

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function eventRound(capacity: number | undefined, startsInHours = 72) {
  const round = await secretariat.caller.rounds.create({
    title: { en: 'Town hall on inclusive AI' },
    description: { en: 'An in-person town hall in Dili.' },
    format: 'town_hall',
    actionIds: [],
    audience: 'public',
    memberStates: [],
    languages: ['en'],
    opensAt: hoursFromNow(-1),
    closesAt: hoursFromNow(48),
    event: {
      mode: 'in_person',
      venue: 'Dili Convention Centre',
      capacity,
      startsAt: hoursFromNow(startsInHours),
      endsAt: hoursFromNow(startsInHours + 3),
      timezone: 'Asia/Dili',
      accommodationsOffered: ['sign_language', 'captioning'],
    },
    targets: [],
  });
  await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
  return round;
}

async function people(n: number) {
  return Promise.all(Array.from({ length: n }, () => api.signedIn('stakeholder')));
}

describe('the Secretariat’s registrations view', () => {
  it('lists registered and waitlisted people with their accommodations, against capacity, and exports them as CSV', async () => {
    const round = await eventRound(1);
    const [first, second] = await people(2);
    await first!.caller.contributions.registerForEvent({
      roundId: round.id,
      accommodationsNeeded: ['sign_language', 'wheelchair_access'],
      otherNeeds: 'Seat near the interpreter',
    });
    await second!.caller.contributions.registerForEvent({
      roundId: round.id,
      accommodationsNeeded: ['captioning'],
      otherNeeds: '=HYPERLINK("http://evil.example")',
    });
    const view = await secretariat.caller.contributions.eventRegistrations({ roundId: round.id });
    expect(view).toMatchObject({
      hasEvent: true,
      capacity: 1,
      registered: 1,
      waitlisted: 1,
      accommodations: { sign_language: 1, wheelchair_access: 1, captioning: 1 },
    });
    expect(view.registrations.map((r) => [r.status, r.email])).toEqual([
      ['registered', first!.user.email],
      ['waitlisted', second!.user.email],
    ]);
    expect(view.registrations[0]).toMatchObject({
      name: first!.user.name,
      accommodationsNeeded: ['sign_language', 'wheelchair_access'],
      otherNeeds: 'Seat near the interpreter',
    });

    const csv = await secretariat.caller.contributions.exportRegistrations({ roundId: round.id });
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe(
      'status,name,email,organisation,stakeholder_group,member_state,accommodations,other_needs,registered_at,promoted_at,cancelled_at',
    );
    expect(lines[1]).toContain(first!.user.email);
    expect(lines[1]).toContain('sign_language; wheelchair_access');
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });
});

describe('cancelling a registration', () => {
  it('by the participant frees the place for the first person waiting, who is told by e-mail; audited', async () => {
    const round = await eventRound(1);
    const [holder, waiting, later] = await people(3);
    await holder!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] });
    expect(
      await waiting!.caller.contributions.registerForEvent({
        roundId: round.id,
        accommodationsNeeded: ['captioning'],
      }),
    ).toEqual({ status: 'waitlisted' });
    expect(
      await later!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] }),
    ).toEqual({ status: 'waitlisted' });

    expect(await holder!.caller.contributions.cancelRegistration({ roundId: round.id })).toEqual({
      status: 'cancelled',
    });
    expect(await holder!.caller.contributions.myRegistration({ roundId: round.id })).toBeNull();
    expect(await waiting!.caller.contributions.myRegistration({ roundId: round.id })).toMatchObject({
      status: 'registered',
      accommodationsNeeded: ['captioning'],
    });
    expect(await later!.caller.contributions.myRegistration({ roundId: round.id })).toMatchObject({
      status: 'waitlisted',
    });
    const mail = await api.latestMailTo(waiting!.user.email);
    expect(mail?.subject).toBe('A place at the event is now yours');
    expect(mail?.text_body).toContain(`/consultations/${round.id}#event`);
    expect(await api.latestMailTo(later!.user.email)).toBeUndefined();

    const audit = await listAuditEntries(api.db, { entityType: 'event_registration', limit: 200 });
    expect(
      audit.some((a) => a.action === 'event.cancel_registration' && a.actor_user_id === holder!.user.id),
    ).toBe(true);
    expect(audit.some((a) => a.action === 'event.promote_from_waitlist')).toBe(true);

    // Cancelling twice is refused, and a new registration goes to the back of the queue.
    expect(
      await rejection(holder!.caller.contributions.cancelRegistration({ roundId: round.id })),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'errors.eventNotRegistered' });
    expect(
      await holder!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] }),
    ).toEqual({ status: 'waitlisted' });
    const view = await secretariat.caller.contributions.eventRegistrations({ roundId: round.id });
    expect(view.registrations.filter((r) => r.status === 'waitlisted').map((r) => r.email)).toEqual([
      later!.user.email,
      holder!.user.email,
    ]);

    const mine = await waiting!.caller.contributions.myRegistrations();
    expect(mine).toEqual([
      expect.objectContaining({ roundId: round.id, status: 'registered', canCancel: true }),
    ]);
  });

  it('by the Secretariat, with the same promotion; a waitlisted person cancelling moves nobody', async () => {
    const round = await eventRound(1);
    const [holder, waiting, other] = await people(3);
    await holder!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] });
    await waiting!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] });
    await other!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] });
    await other!.caller.contributions.cancelRegistration({ roundId: round.id });
    expect(await waiting!.caller.contributions.myRegistration({ roundId: round.id })).toMatchObject({
      status: 'waitlisted',
    });

    const view = await secretariat.caller.contributions.eventRegistrations({ roundId: round.id });
    const held = view.registrations.find((r) => r.email === holder!.user.email)!;
    await secretariat.caller.contributions.cancelRegistrationFor({ registrationId: held.id });
    expect(await waiting!.caller.contributions.myRegistration({ roundId: round.id })).toMatchObject({
      status: 'registered',
    });
    const after = await secretariat.caller.contributions.eventRegistrations({ roundId: round.id });
    expect(after).toMatchObject({ registered: 1, waitlisted: 0, cancelled: 2 });
  });

  it('when a registered person deletes their account, the first waiting person gets the place and an e-mail', async () => {
    const round = await eventRound(1);
    const [holder, waiting] = await people(2);
    await holder!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] });
    await waiting!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] });
    await holder!.caller.account.deleteAccount({ confirmEmail: holder!.user.email, password: TEST_PASSWORD });

    expect(await waiting!.caller.contributions.myRegistration({ roundId: round.id })).toMatchObject({
      status: 'registered',
    });
    expect(await secretariat.caller.contributions.eventRegistrations({ roundId: round.id })).toMatchObject({
      registered: 1,
      waitlisted: 0,
    });
    expect((await api.latestMailTo(waiting!.user.email))?.subject).toMatch(/place/i);
  });

  it('is refused once the event has started', async () => {
    const round = await eventRound(5);
    const [holder] = await people(1);
    await holder!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] });
    const event = {
      mode: 'in_person',
      venue: 'Dili',
      startsAt: hoursFromNow(-1),
      endsAt: hoursFromNow(2),
      timezone: 'Asia/Dili',
      capacity: 5,
    };
    await api.db
      .updateTable('consultation_round')
      .set({ event: JSON.stringify(event) })
      .where('id', '=', round.id)
      .execute();
    expect(
      await rejection(holder!.caller.contributions.cancelRegistration({ roundId: round.id })),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'errors.eventStarted' });
  });

  it('in parallel, hands each freed place to exactly one waiting person and never exceeds the capacity', async () => {
    const round = await eventRound(3);
    const holders = await people(3);
    const waiting = await people(4);
    for (const p of [...holders, ...waiting])
      await p.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] });
    const view = await secretariat.caller.contributions.eventRegistrations({ roundId: round.id });
    const firstHolder = view.registrations.find((r) => r.email === holders[0]!.user.email)!;
    // Three cancellations at once, one of them made twice (by the holder and by the Secretariat).
    const results = await Promise.allSettled([
      ...holders.map((h) => h.caller.contributions.cancelRegistration({ roundId: round.id })),
      secretariat.caller.contributions.cancelRegistrationFor({ registrationId: firstHolder.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const after = await secretariat.caller.contributions.eventRegistrations({ roundId: round.id });
    expect(after).toMatchObject({ registered: 3, waitlisted: 1, cancelled: 3 });
    expect(
      after.registrations
        .filter((r) => r.status === 'registered')
        .map((r) => r.email)
        .sort(),
    ).toEqual(
      waiting
        .slice(0, 3)
        .map((w) => w.user.email)
        .sort(),
    );
    const promotions = await api.db
      .selectFrom('mail_outbox')
      .select('to_address')
      .where('subject', '=', 'A place at the event is now yours')
      .where(
        'to_address',
        'in',
        waiting.map((w) => w.user.email),
      )
      .execute();
    expect(promotions).toHaveLength(3);
  });
});

/** The round editor's update, with the event replaced (`null` removes it). */
async function updateEvent(
  roundId: string,
  change: (event: Record<string, unknown>) => Record<string, unknown> | null,
) {
  const current = await secretariat.caller.rounds.adminGet({ roundId });
  return secretariat.caller.rounds.update({
    roundId,
    expectedVersion: current.version,
    round: {
      title: current.title,
      description: current.description,
      format: current.format,
      actionIds: current.actionIds,
      audience: current.audience,
      invitedGroups: current.invitedGroups,
      memberStates: current.memberStates,
      languages: current.languages,
      opensAt: new Date(current.opensAt).toISOString(),
      closesAt: new Date(current.closesAt).toISOString(),
      event: change(current.event as Record<string, unknown>),
      targets: current.targets,
    } as never,
  });
}

describe('changing an event people registered for', () => {
  it('refuses fewer places than people already hold, on the capacity field; as many is fine', async () => {
    const round = await eventRound(3);
    const [a, b, c] = await people(3);
    for (const p of [a, b])
      await p!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] });
    const refused = await rejection(updateEvent(round.id, (e) => ({ ...e, capacity: 1 })));
    expect(refused.code).toBe('CONFLICT');
    expect((refused as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      'event.capacity': ['round.capacityBelowRegistered'],
    });
    // nobody lost a place they were told they have
    for (const p of [a, b])
      expect(await p!.caller.contributions.myRegistration({ roundId: round.id })).toMatchObject({
        status: 'registered',
      });
    await updateEvent(round.id, (e) => ({ ...e, capacity: 2 }));
    expect(
      await c!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] }),
    ).toEqual({
      status: 'waitlisted',
    });
  });

  it('refuses removing the event while anyone holds or waits for a place; allowed once they are cancelled', async () => {
    const round = await eventRound(1);
    const [holder, waiting] = await people(2);
    for (const p of [holder, waiting])
      await p!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] });
    const refused = await rejection(updateEvent(round.id, () => null));
    expect(refused.code).toBe('CONFLICT');
    expect((refused as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      event: ['round.eventHasRegistrations'],
    });
    expect((await secretariat.caller.contributions.eventRegistrations({ roundId: round.id })).hasEvent).toBe(
      true,
    );
    await waiting!.caller.contributions.cancelRegistration({ roundId: round.id });
    await holder!.caller.contributions.cancelRegistration({ roundId: round.id });
    await updateEvent(round.id, () => null);
    expect((await secretariat.caller.contributions.eventRegistrations({ roundId: round.id })).hasEvent).toBe(
      false,
    );
  });
});

describe('a larger capacity', () => {
  it('gives the new places to the people waiting, in order, with an e-mail — before anyone new', async () => {
    const round = await eventRound(1);
    const [holder, firstWaiting, secondWaiting, newcomer] = await people(4);
    for (const p of [holder, firstWaiting, secondWaiting])
      await p!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] });
    const current = await secretariat.caller.rounds.adminGet({ roundId: round.id });
    const event = { ...(current.event as Record<string, unknown>), capacity: 2 };
    await secretariat.caller.rounds.update({
      roundId: round.id,
      expectedVersion: current.version,
      round: {
        title: current.title,
        description: current.description,
        format: current.format,
        actionIds: current.actionIds,
        audience: current.audience,
        invitedGroups: current.invitedGroups,
        memberStates: current.memberStates,
        languages: current.languages,
        opensAt: new Date(current.opensAt).toISOString(),
        closesAt: new Date(current.closesAt).toISOString(),
        event,
        targets: current.targets,
      } as never,
    });
    expect(await firstWaiting!.caller.contributions.myRegistration({ roundId: round.id })).toMatchObject({
      status: 'registered',
    });
    expect(await secondWaiting!.caller.contributions.myRegistration({ roundId: round.id })).toMatchObject({
      status: 'waitlisted',
    });
    expect((await api.latestMailTo(firstWaiting!.user.email))?.subject).toBe(
      'A place at the event is now yours',
    );
    expect(
      await newcomer!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] }),
    ).toEqual({ status: 'waitlisted' });
  });
});

describe('a new time or place for the event', () => {
  const changedSubject = 'The event you registered for has changed';
  const mailsOf = (email: string) =>
    api.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', email)
      .where('subject', '=', changedSubject)
      .execute();

  it('tells everyone holding or waiting for a place, once, with the new time and place; not those who cancelled', async () => {
    const round = await eventRound(1);
    const [holder, waiting, gone] = await people(3);
    for (const p of [holder, waiting, gone])
      await p!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] });
    await gone!.caller.contributions.cancelRegistration({ roundId: round.id });
    const startsAt = new Date(Date.now() + 96 * 3_600_000);
    startsAt.setUTCMinutes(0, 0, 0);
    await updateEvent(round.id, (e) => ({
      ...e,
      mode: 'hybrid',
      venue: 'Palácio do Governo, Dili',
      link: 'https://meet.example.org/town-hall',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
    }));
    for (const p of [holder, waiting]) {
      const mails = await mailsOf(p!.user.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text_body).toContain('Town hall on inclusive AI');
      expect(mails[0]!.text_body).toContain('Palácio do Governo, Dili');
      expect(mails[0]!.text_body).toContain('https://meet.example.org/town-hall');
      // the new start, in the event's own time zone (Dili is UTC+9)
      const local = new Date(startsAt.getTime() + 9 * 3_600_000);
      expect(mails[0]!.text_body).toContain(`${local.getUTCHours()}:00`);
      expect(mails[0]!.text_body).toContain(`/consultations/${round.id}#event`);
    }
    expect(await mailsOf(gone!.user.email)).toEqual([]);
  });

  it('sends nothing when only the capacity or the accommodations offered change', async () => {
    const round = await eventRound(5);
    const [holder] = await people(1);
    await holder!.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] });
    await updateEvent(round.id, (e) => ({ ...e, capacity: 10, accommodationsOffered: ['captioning'] }));
    expect(await mailsOf(holder!.user.email)).toEqual([]);
  });
});
