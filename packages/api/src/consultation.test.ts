import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReceiptReference } from '@musyawarah/core';
import { listAuditEntries } from '@musyawarah/db';
import { createTestApi, type TestApi, rejection } from './test-support';

let api: TestApi;
let secretariat: Awaited<ReturnType<TestApi['signedIn']>>;
beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
});
afterAll(async () => api.close());

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function openRound(overrides: Record<string, unknown> = {}) {
  const round = await secretariat.caller.rounds.create({
    title: { en: 'Consultation on AI advisory boards', id: 'Konsultasi dewan penasihat AI' },
    description: { en: 'How should advisory boards include marginalised communities?' },
    format: 'online_consultation',
    actionIds: ['C2.1', 'C2.1.1'],
    audience: 'public',
    memberStates: [],
    languages: ['en', 'id'],
    opensAt: hoursFromNow(-1),
    closesAt: hoursFromNow(48),
    targets: [{ dimension: 'stakeholder_group', value: 'civil_society', minimum: 2 }],
    ...overrides,
  });
  const questions = await secretariat.caller.rounds.saveQuestions({
    roundId: round.id,
    questions: [
      {
        kind: 'likert',
        prompt: { en: 'How well does C2.1 address your community?' },
        required: true,
        likert: { points: 5, minLabel: { en: 'Not at all' }, maxLabel: { en: 'Fully' } },
      },
      { kind: 'free_text', prompt: { en: 'What is missing?' }, required: false },
    ],
  });
  return { round, questions };
}

const participation = {
  stakeholderGroup: 'civil_society' as const,
  memberState: 'PH' as const,
  writtenIn: 'en' as const,
  namedPublicly: false,
};

describe('consultation rounds', () => {
  it('a draft round is invisible to the public until published', async () => {
    const { round } = await openRound();
    const visitor = await api.call();
    expect((await visitor.caller.rounds.listPublic()).some((r) => r.id === round.id)).toBe(false);
    expect((await rejection(visitor.caller.rounds.get({ roundId: round.id }))).code).toBe('NOT_FOUND');
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
    const listed = (await visitor.caller.rounds.listPublic({ phase: 'open' })).find((r) => r.id === round.id);
    expect(listed).toMatchObject({ phase: 'open', title: { en: 'Consultation on AI advisory boards' } });
    expect(
      (await visitor.caller.rounds.listPublic({ actionId: 'C2.1' })).some((r) => r.id === round.id),
    ).toBe(true);
    expect((await visitor.caller.rounds.get({ roundId: round.id })).questions).toHaveLength(2);
  });

  it('rejects a round that closes before it opens, field by field', async () => {
    const error = await rejection(
      secretariat.caller.rounds.create({
        title: { en: 'x' },
        description: { en: 'y' },
        format: 'survey',
        audience: 'public',
        opensAt: hoursFromNow(5),
        closesAt: hoursFromNow(1),
      } as never),
    );
    expect(error.code).toBe('BAD_REQUEST');
  });
});

describe('feedback', () => {
  it('saves a draft, submits it with a receipt, and a retry with the same key stores nothing twice', async () => {
    const { round, questions } = await openRound();
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
    const participant = await api.signedIn('stakeholder');
    const [likert, freeText] = questions;

    await participant.caller.contributions.saveDraft({
      roundId: round.id,
      answers: { [freeText!.id]: 'Rural women are not mentioned' },
      items: [],
      ...participation,
    });
    const draft = await participant.caller.contributions.myDraft({ roundId: round.id });
    expect(draft?.answers).toEqual({ [freeText!.id]: 'Rural women are not mentioned' });

    const missing = await rejection(
      participant.caller.contributions.submit({
        roundId: round.id,
        idempotencyKey: randomUUID(),
        answers: {},
        items: [],
        ...participation,
      }),
    );
    expect(missing.code).toBe('BAD_REQUEST');

    const key = randomUUID();
    const submission = {
      roundId: round.id,
      idempotencyKey: key,
      answers: { [likert!.id]: 2, [freeText!.id]: 'Rural women are not mentioned' },
      items: [
        {
          type: 'concern' as const,
          text: 'Board seats should be reserved for rural communities.',
          actionId: 'C2.1.1',
        },
      ],
      ...participation,
    };
    const [first, second] = await Promise.all([
      participant.caller.contributions.submit(submission),
      participant.caller.contributions.submit(submission),
    ]);
    expect(isReceiptReference(first.receiptReference)).toBe(true);
    expect(second.receiptReference).toBe(first.receiptReference);
    const again = await participant.caller.contributions.submit(submission);
    expect(again).toMatchObject({ receiptReference: first.receiptReference, replayed: true });

    const stored = await api.db
      .selectFrom('contribution')
      .selectAll()
      .where('round_id', '=', round.id)
      .execute();
    expect(stored.filter((c) => c.status === 'submitted')).toHaveLength(1);
    expect(stored.filter((c) => c.status === 'draft')).toHaveLength(0);

    const receipt = await api.latestMailTo(participant.user.email);
    expect(receipt?.text_body).toContain(first.receiptReference);
    const mine = await participant.caller.contributions.mine();
    expect(mine.find((m) => m.roundId === round.id)).toMatchObject({
      status: 'submitted',
      receiptReference: first.receiptReference,
    });
  });

  it('stores every one of many simultaneous submissions to one round', async () => {
    const { round } = await openRound();
    await secretariat.caller.rounds.saveQuestions({ roundId: round.id, questions: [] });
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
    const participants = await Promise.all(Array.from({ length: 12 }, () => api.signedIn('stakeholder')));
    const receipts = await Promise.all(
      participants.map((p, i) =>
        p.caller.contributions.submit({
          roundId: round.id,
          idempotencyKey: randomUUID(),
          answers: {},
          items: [{ type: 'suggestion', text: `Idea number ${i}` }],
          ...participation,
        }),
      ),
    );
    expect(new Set(receipts.map((r) => r.receiptReference)).size).toBe(12);
    const count = await api.db
      .selectFrom('contribution')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', round.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(12);
  });

  it('accepts nothing after the deadline, with a clear reason', async () => {
    const { round } = await openRound();
    await secretariat.caller.rounds.saveQuestions({ roundId: round.id, questions: [] });
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'close_early' });
    const participant = await api.signedIn('stakeholder');
    const late = await rejection(
      participant.caller.contributions.submit({
        roundId: round.id,
        idempotencyKey: randomUUID(),
        answers: {},
        items: [{ type: 'question', text: 'Too late?' }],
        ...participation,
      }),
    );
    expect(late.code).toBe('FORBIDDEN');
    expect(late.message).toBe('round.closed');
    const lateDraft = await rejection(
      participant.caller.contributions.saveDraft({
        roundId: round.id,
        answers: {},
        items: [],
        ...participation,
      }),
    );
    expect(lateDraft.message).toBe('round.closed');
  });

  it('moderation hides with a reason, tells the author, keeps the audit trail; responses and themes are public', async () => {
    const { round } = await openRound();
    await secretariat.caller.rounds.saveQuestions({ roundId: round.id, questions: [] });
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
    const author = await api.signedIn('stakeholder');
    const reporter = await api.signedIn('stakeholder');
    const spam = await author.caller.contributions.submit({
      roundId: round.id,
      idempotencyKey: randomUUID(),
      answers: {},
      items: [{ type: 'suggestion', text: 'Buy cheap watches here' }],
      ...participation,
    });
    const good = await reporter.caller.contributions.submit({
      roundId: round.id,
      idempotencyKey: randomUUID(),
      answers: {},
      items: [{ type: 'recommendation', text: 'Publish board minutes in local languages.' }],
      ...participation,
      namedPublicly: true,
    });

    await reporter.caller.contributions.report({ contributionId: spam.id, reason: 'spam' });
    const queue = await secretariat.caller.contributions.moderationQueue({ roundId: round.id });
    expect(queue.find((c) => c.id === spam.id)?.openReports).toBe(1);

    await secretariat.caller.contributions.hide({ contributionId: spam.id, reason: 'spam' });
    const visitor = await api.call();
    const visible = await visitor.caller.contributions.listPublic({ roundId: round.id });
    expect(visible.map((c) => c.id)).toEqual([good.id]);
    expect(visible[0]?.authorName).toBe(reporter.user.name);
    expect((await api.latestMailTo(author.user.email))?.subject).toMatch(/hidden/);
    const audit = await listAuditEntries(api.db, {
      entityType: 'contribution',
      entityId: spam.id,
      limit: 10,
    });
    expect(audit.map((a) => a.action)).toContain('contribution.hide');

    const theme = await secretariat.caller.rounds.addTheme({ roundId: round.id, label: 'Language access' });
    await secretariat.caller.contributions.setThemes({ contributionId: good.id, themeIds: [theme.id] });
    await secretariat.caller.contributions.respond({
      contributionId: good.id,
      text: 'Thank you — minutes will be translated.',
    });
    const [shown] = await visitor.caller.contributions.listPublic({ roundId: round.id });
    expect(shown).toMatchObject({
      themes: [{ label: 'Language access' }],
      response: 'Thank you — minutes will be translated.',
    });

    const map = await secretariat.caller.rounds.participation({ roundId: round.id });
    expect(map.tally.total).toBe(1);
    expect(map.gaps).toEqual([expect.objectContaining({ actual: 1, shortfall: 1 })]);
    expect(map.byTheme).toEqual([expect.objectContaining({ label: 'Language access', count: 1 })]);
    expect(map.byDay).toEqual([{ day: new Date().toISOString().slice(0, 10), count: 2 }]);

    // Exports name only those who agreed to be named; the others are identified by receipt reference alone.
    const exported = JSON.parse(
      (await secretariat.caller.contributions.export({ roundId: round.id, format: 'json' })).body,
    );
    const byRef = Object.fromEntries(
      exported.contributions.map((c: { receiptReference: string }) => [c.receiptReference, c]),
    );
    expect(byRef[good.receiptReference]).toMatchObject({
      name: reporter.user.name,
      hidden: false,
      themes: ['Language access'],
    });
    expect(byRef[spam.receiptReference]).toMatchObject({ name: null, hidden: true, hiddenReason: 'spam' });
    const csv = (await secretariat.caller.contributions.export({ roundId: round.id, format: 'csv' })).body;
    expect(csv.split('\n')[0]).toContain('receipt_reference');
    expect(csv).not.toContain(author.user.name);
  });

  it('the secretariat enters feedback from an in-person event on behalf of a participant, recorded as facilitated', async () => {
    const { round } = await openRound({ format: 'town_hall' });
    await secretariat.caller.rounds.saveQuestions({ roundId: round.id, questions: [] });
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
    const entered = await secretariat.caller.contributions.submitOnBehalf({
      roundId: round.id,
      idempotencyKey: randomUUID(),
      answers: {},
      items: [{ type: 'concern', text: 'Farmers were not consulted.' }],
      ...participation,
      participantName: 'Village elder, Savannakhet',
    });
    const row = await api.db
      .selectFrom('contribution')
      .selectAll()
      .where('id', '=', entered.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      facilitated_by: secretariat.user.id,
      author_user_id: null,
      participant_name: 'Village elder, Savannakhet',
    });
  });

  it('publishes a "what we heard" summary only after the round has closed', async () => {
    const { round } = await openRound();
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
    const early = await rejection(
      secretariat.caller.rounds.transition({
        roundId: round.id,
        action: 'publish_summary',
        summary: { en: 'Too early' },
      }),
    );
    expect(early.message).toBe('round.transitionNotAllowed');
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'close_early' });
    const published = await secretariat.caller.rounds.transition({
      roundId: round.id,
      action: 'publish_summary',
      summary: { en: 'We heard 3 concerns about rural inclusion.' },
    });
    expect(published.phase).toBe('summary_published');
    expect((await (await api.call()).caller.rounds.get({ roundId: round.id })).summary).toEqual({
      en: 'We heard 3 concerns about rural inclusion.',
    });
  });

  it('an invited-groups round takes feedback only from the groups it names', async () => {
    const { round } = await openRound({ audience: 'invited_groups', invitedGroups: ['academia'] });
    await secretariat.caller.rounds.saveQuestions({ roundId: round.id, questions: [] });
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
    const outsider = await api.signedIn('stakeholder');
    const refused = await rejection(
      outsider.caller.contributions.submit({
        roundId: round.id,
        idempotencyKey: randomUUID(),
        answers: {},
        items: [{ type: 'concern', text: 'Let us in' }],
        ...participation,
      }),
    );
    expect(refused.message).toBe('round.notInvited');
    await api.db
      .updateTable('user_account')
      .set({ stakeholder_group: 'academia' })
      .where('id', '=', outsider.user.id)
      .execute();
    const invited = await api.call({ token: outsider.token });
    await expect(
      invited.caller.contributions.submit({
        roundId: round.id,
        idempotencyKey: randomUUID(),
        answers: {},
        items: [{ type: 'concern', text: 'Now we are in' }],
        ...participation,
        stakeholderGroup: 'academia',
      }),
    ).resolves.toMatchObject({ replayed: false });
  });

  it('registers for an event once, waitlists beyond capacity, and reads the registration back', async () => {
    const { round } = await openRound({
      format: 'town_hall',
      event: {
        mode: 'in_person',
        venue: 'Dili Convention Centre',
        capacity: 1,
        startsAt: hoursFromNow(72),
        endsAt: hoursFromNow(75),
        timezone: 'Asia/Dili',
        accommodationsOffered: ['sign_language'],
      },
    });
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
    const first = await api.signedIn('stakeholder');
    const second = await api.signedIn('stakeholder');
    expect(await first.caller.contributions.myRegistration({ roundId: round.id })).toBeNull();
    expect(
      await first.caller.contributions.registerForEvent({
        roundId: round.id,
        accommodationsNeeded: ['sign_language'],
      }),
    ).toEqual({ status: 'registered' });
    expect(
      await first.caller.contributions.registerForEvent({
        roundId: round.id,
        accommodationsNeeded: ['sign_language'],
      }),
    ).toEqual({ status: 'registered' });
    expect(
      await second.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] }),
    ).toEqual({ status: 'waitlisted' });
    expect(await first.caller.contributions.myRegistration({ roundId: round.id })).toMatchObject({
      status: 'registered',
      accommodationsNeeded: ['sign_language'],
    });
  });
});

describe('a round for an advisory board (C2.1 consultation sessions)', () => {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  it('takes feedback from the board’s members only, and must name a board that exists', async () => {
    const board = await secretariat.caller.boards.create({
      name: { en: 'Regional board on inclusive AI' },
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
    const member = await api.signedIn('stakeholder');
    await secretariat.caller.boards.addSeat({
      boardId: board.id,
      email: member.user.email,
      constituencies: ['youth'],
      termStartsOn: day(0),
      termEndsOn: day(365),
    });
    const outsider = await api.signedIn('stakeholder');

    const unknown = await rejection(openRound({ audience: 'board', boardId: randomUUID() }));
    expect(unknown).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { boardId: ['validation.unknownBoard'] },
    });

    const { round, questions } = await openRound({ audience: 'board', boardId: board.id });
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
    const submission = (key: string) => ({
      roundId: round.id,
      idempotencyKey: key,
      answers: { [questions[0]!.id]: 4 },
      items: [{ type: 'recommendation' as const, text: 'Hold sessions in local languages' }],
      stakeholderGroup: 'civil_society' as const,
      writtenIn: 'en' as const,
      namedPublicly: false,
    });
    expect(await rejection(outsider.caller.contributions.submit(submission(randomUUID())))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'round.notInvited',
    });
    const receipt = await member.caller.contributions.submit(submission(randomUUID()));
    expect(receipt.replayed).toBe(false);
  });
});
