import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, rejection } from './test-support';

/** Issue #11 items 9, 10 and 12: counts that agree, event registrations within the round's audience and dates, scoped idempotency keys. */
let api: TestApi;
let secretariat: Awaited<ReturnType<TestApi['signedIn']>>;
beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
});
afterAll(async () => api.close());

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function publishedRound(overrides: Record<string, unknown> = {}) {
  const round = await secretariat.caller.rounds.create({
    title: { en: 'Consultation on trustworthy participation' },
    description: { en: 'How should the platform earn trust?' },
    format: 'online_consultation',
    actionIds: ['C3.2'],
    audience: 'public',
    memberStates: [],
    languages: ['en'],
    opensAt: hoursFromNow(-1),
    closesAt: hoursFromNow(48),
    targets: [],
    ...overrides,
  });
  await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
  return round;
}

const feedback = (roundId: string, idempotencyKey: string, text: string) => ({
  roundId,
  idempotencyKey,
  answers: {},
  items: [{ type: 'suggestion' as const, text }],
  stakeholderGroup: 'civil_society' as const,
  writtenIn: 'en' as const,
  namedPublicly: false,
});

describe('idempotency keys are scoped to the author and the round (item 12)', () => {
  it('a key reused for another round stores the new feedback; a retry to the first round still gets the first receipt', async () => {
    const first = await publishedRound();
    const second = await publishedRound();
    const participant = await api.signedIn('stakeholder');
    const key = randomUUID();
    const a = await participant.caller.contributions.submit(
      feedback(first.id, key, 'Feedback for the first round'),
    );
    const b = await participant.caller.contributions.submit(
      feedback(second.id, key, 'Different feedback for the second round'),
    );
    expect(b.replayed).toBe(false);
    expect(b.receiptReference).not.toBe(a.receiptReference);
    const stored = await api.db
      .selectFrom('contribution')
      .select(['round_id', 'receipt_reference'])
      .where('author_user_id', '=', participant.user.id)
      .where('status', '=', 'submitted')
      .execute();
    expect(stored.map((s) => s.round_id).sort()).toEqual([first.id, second.id].sort());
    const retry = await participant.caller.contributions.submit(
      feedback(first.id, key, 'Feedback for the first round'),
    );
    expect(retry).toMatchObject({ receiptReference: a.receiptReference, replayed: true });
    const retrySecond = await participant.caller.contributions.submit(
      feedback(second.id, key, 'Different feedback for the second round'),
    );
    expect(retrySecond).toMatchObject({ receiptReference: b.receiptReference, replayed: true });
  });

  it('another person using the same key never receives, nor blocks, someone else’s receipt', async () => {
    const round = await publishedRound();
    const one = await api.signedIn('stakeholder');
    const other = await api.signedIn('stakeholder');
    const key = randomUUID();
    const a = await one.caller.contributions.submit(feedback(round.id, key, 'Mine'));
    const b = await other.caller.contributions.submit(feedback(round.id, key, 'Theirs'));
    expect(b.replayed).toBe(false);
    expect(b.receiptReference).not.toBe(a.receiptReference);
  });

  it('on-behalf entries are scoped to the facilitator and the round too', async () => {
    const first = await publishedRound();
    const second = await publishedRound();
    const key = randomUUID();
    const a = await secretariat.caller.contributions.submitOnBehalf(
      feedback(first.id, key, 'Said at the Dili town hall'),
    );
    const b = await secretariat.caller.contributions.submitOnBehalf(
      feedback(second.id, key, 'Said at the Hanoi forum'),
    );
    expect(b.replayed).toBe(false);
    expect(b.receiptReference).not.toBe(a.receiptReference);
    expect(
      await secretariat.caller.contributions.submitOnBehalf(
        feedback(first.id, key, 'Said at the Dili town hall'),
      ),
    ).toMatchObject({ receiptReference: a.receiptReference, replayed: true });
  });
});

describe('event registration follows the round’s audience and dates (item 10)', () => {
  const event = {
    mode: 'in_person',
    venue: 'ASEAN Secretariat, Jakarta',
    capacity: 1,
    startsAt: hoursFromNow(72),
    endsAt: hoursFromNow(75),
    timezone: 'Asia/Jakarta',
    accommodationsOffered: ['sign_language'],
  };

  it('only a board’s members can register for a board round’s event, so outsiders cannot take their places', async () => {
    const board = await secretariat.caller.boards.create({
      name: { en: 'Board for event registrations' },
      scope: 'regional',
      mandate: { en: 'Advise on C3.2' },
      actionIds: ['C3.2'],
      lifeStartsOn: day(-30),
      lifeEndsOn: day(730),
      seatCapacity: 5,
      targets: [],
      selectionCriteria: [],
      published: true,
    } as never);
    const member = await api.signedIn('stakeholder');
    await secretariat.caller.boards.addSeat({
      boardId: board.id,
      email: member.user.email,
      constituencies: ['youth'],
      termStartsOn: day(0),
      termEndsOn: day(365),
    });
    const outsider = await api.signedIn('stakeholder');
    const round = await publishedRound({ format: 'town_hall', audience: 'board', boardId: board.id, event });
    expect(
      await rejection(
        outsider.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'round.notInvited' });
    expect(
      await member.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] }),
    ).toEqual({ status: 'registered' });
  });

  it('an invited-groups round’s event takes registrations only from those groups', async () => {
    const round = await publishedRound({
      format: 'town_hall',
      audience: 'invited_groups',
      invitedGroups: ['academia'],
      event,
    });
    const outsider = await api.signedIn('stakeholder');
    expect(
      await rejection(
        outsider.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'round.notInvited' });
  });

  it('refuses registrations once the round has closed, and for an event that has started', async () => {
    const closed = await publishedRound({ format: 'town_hall', event });
    await secretariat.caller.rounds.transition({ roundId: closed.id, action: 'close_early' });
    const participant = await api.signedIn('stakeholder');
    expect(
      await rejection(
        participant.caller.contributions.registerForEvent({ roundId: closed.id, accommodationsNeeded: [] }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'round.closed' });

    const started = await publishedRound({
      format: 'town_hall',
      event: { ...event, startsAt: hoursFromNow(-1), endsAt: hoursFromNow(2) },
    });
    expect(
      await rejection(
        participant.caller.contributions.registerForEvent({ roundId: started.id, accommodationsNeeded: [] }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'errors.eventStarted' });
  });

  it('an upcoming round’s event already takes registrations', async () => {
    const upcoming = await publishedRound({
      format: 'town_hall',
      opensAt: hoursFromNow(24),
      closesAt: hoursFromNow(96),
      event,
    });
    const participant = await api.signedIn('stakeholder');
    expect(
      await participant.caller.contributions.registerForEvent({
        roundId: upcoming.id,
        accommodationsNeeded: [],
      }),
    ).toEqual({ status: 'registered' });
  });
});

describe('one definition of each count, used by every screen (item 9)', () => {
  it('public counts leave out hidden contributions; the secretariat sees all received, with the hidden ones stated', async () => {
    const round = await publishedRound();
    const authors = await Promise.all([
      api.signedIn('stakeholder'),
      api.signedIn('stakeholder'),
      api.signedIn('stakeholder'),
    ]);
    const receipts = [];
    for (const [i, author] of authors.entries())
      receipts.push(await author.caller.contributions.submit(feedback(round.id, randomUUID(), `Idea ${i}`)));
    await secretariat.caller.contributions.hide({ contributionId: receipts[0]!.id, reason: 'spam' });

    const visitor = await api.call();
    const listed = await visitor.caller.contributions.listPublic({ roundId: round.id });
    const card = (await visitor.caller.rounds.listPublic()).find((r) => r.id === round.id)!;
    const page = await visitor.caller.rounds.get({ roundId: round.id });
    expect(listed).toHaveLength(2);
    expect(card.contributionCount).toBe(listed.length);
    expect(page.contributionCount).toBe(listed.length);

    const queue = await secretariat.caller.contributions.moderationQueue({ roundId: round.id });
    const overview = await secretariat.caller.rounds.adminGet({ roundId: round.id });
    const row = (await secretariat.caller.rounds.adminList()).find((r) => r.id === round.id)!;
    expect(queue).toHaveLength(3);
    expect(overview.contributionCount).toBe(queue.length);
    expect(overview.hiddenCount).toBe(queue.filter((c) => c.hidden).length);
    expect(row).toMatchObject({ contributionCount: queue.length, hiddenCount: 1 });
  });
});
