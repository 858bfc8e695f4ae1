// Each role's home, on the demo data: every figure equals what the screen behind its link lists, a representative
// sees only their own state, and each home is refused to every other role.
import { randomUUID } from 'node:crypto';
import { createSession } from '@musyawarah/auth';
import { findUserByEmail, insertOutboxMail, markOutboxMailFailed, seedDemoData } from '@musyawarah/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, rejection, type TestApi } from './test-support';

const dbLabel = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

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

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function publishedRound(
  secretariat: Awaited<ReturnType<typeof as>>,
  overrides: Record<string, unknown> = {},
) {
  const round = await secretariat.caller.rounds.create({
    title: { en: `Round ${randomUUID().slice(0, 6)}` },
    description: { en: 'Feedback' },
    format: 'online_consultation',
    audience: 'public',
    opensAt: inHours(-1),
    closesAt: inHours(72),
    targets: [{ dimension: 'stakeholder_group', value: 'industry', minimum: 3 }],
    ...overrides,
  } as never);
  await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
  return round;
}

describe(`homes (${dbLabel})`, () => {
  it('refuses each home to every other role and to visitors', async () => {
    const visitor = (await api.call()).caller;
    const secretariat = await as('secretariat@example.org');
    const representative = await as('member-state.id@example.org');
    const stakeholder = await as('stakeholder@example.org');
    for (const call of [visitor.home.secretariat(), visitor.home.memberState(), visitor.home.participant()])
      expect((await rejection(call)).code).toBe('UNAUTHORIZED');
    for (const call of [
      representative.caller.home.secretariat(),
      stakeholder.caller.home.secretariat(),
      secretariat.caller.home.memberState(),
      stakeholder.caller.home.memberState(),
      secretariat.caller.home.participant(),
      representative.caller.home.participant(),
    ]) {
      const error = await rejection(call);
      expect([error.code, error.message]).toEqual(['FORBIDDEN', 'errors.forbidden']);
    }
  });

  it('gives the Secretariat the moderation work each round’s moderation tab lists', async () => {
    const secretariat = await as('secretariat@example.org');
    const stakeholder = await as('stakeholder@example.org');
    const round = await publishedRound(secretariat);
    const submit = () =>
      stakeholder.caller.contributions.submit({
        roundId: round.id,
        idempotencyKey: randomUUID(),
        answers: {},
        items: [{ type: 'concern', text: `Rural connectivity ${randomUUID()}` }],
        stakeholderGroup: 'civil_society',
        writtenIn: 'en',
        namedPublicly: false,
      });
    await submit();
    await submit();
    const queued = await secretariat.caller.contributions.moderationQueue({ roundId: round.id });
    const reporter = await api.signedIn('stakeholder');
    await reporter.caller.contributions.report({ contributionId: queued[0]!.id, reason: 'spam' } as never);
    await secretariat.caller.contributions.respond({ contributionId: queued[1]!.id, text: 'Thank you.' });

    const queue = await secretariat.caller.contributions.moderationQueue({ roundId: round.id });
    const home = await secretariat.caller.home.secretariat();
    const line = home.moderation.find((m) => m.roundId === round.id);
    expect(line).toEqual({
      roundId: round.id,
      title: { en: expect.any(String) },
      reported: queue.filter((c) => c.openReports > 0).length,
      unanswered: queue.filter((c) => c.awaitingResponse).length,
    });
    expect(line).toMatchObject({ reported: 1, unanswered: 1 });
  });

  it('lists a round closing this week with its participation against targets, as its participation tab reads', async () => {
    const secretariat = await as('secretariat@example.org');
    const soon = await publishedRound(secretariat, { closesAt: inHours(30) });
    const later = await publishedRound(secretariat, { closesAt: inHours(24 * 20) });
    const home = await secretariat.caller.home.secretariat();
    const participation = await secretariat.caller.rounds.participation({ roundId: soon.id });
    expect(home.roundsThisWeek.find((r) => r.id === soon.id)).toMatchObject({
      event: 'closes',
      contributions: participation.tally.total,
      targets: participation.targets.length,
      targetsUnmet: participation.gaps.length,
    });
    expect(home.roundsThisWeek.some((r) => r.id === later.id)).toBe(false);
  });

  it('gives the Secretariat boards with unmet targets, the review cycle’s waiting states and failed mail', async () => {
    const secretariat = await as('secretariat@example.org');
    const undeliverable = await insertOutboxMail(api.db, {
      to: 'someone@example.org',
      subject: 'Undeliverable',
      text: 'x',
      transport: 'smtp',
    });
    // what the delivery job records when the SMTP server refuses for good
    await markOutboxMailFailed(api.db, undeliverable.id, { error: '550 mailbox unavailable', dead: true });
    const home = await secretariat.caller.home.secretariat();

    const boards = await secretariat.caller.boards.adminList();
    expect(home.boards.map((b) => [b.id, b.unmetTargets])).toEqual(
      boards.filter((b) => b.unmetTargets > 0).map((b) => [b.id, b.unmetTargets]),
    );

    const [cycle] = await secretariat.caller.review.adminCycles();
    const matrix = await secretariat.caller.review.positionsMatrix({ cycleId: cycle!.id });
    const waiting = [...new Set(matrix.rows.flatMap((r) => r.nonRespondents))].sort();
    expect(home.reviewCycles).toEqual([
      {
        id: cycle!.id,
        title: cycle!.title,
        stage: 'comment_period',
        plannedEnd: cycle!.phases.find((p) => p.phase === 'comment_period')!.plannedEnd,
        waitingFor: { kind: 'positions', states: expect.any(Array) },
      },
    ]);
    expect([...home.reviewCycles[0]!.waitingFor!.states].sort()).toEqual(waiting);

    expect(home.failedMail).toBe(
      (await secretariat.caller.mail.outbox({ limit: 500, failedOnly: true })).length,
    );
    expect(home.failedMail).toBeGreaterThanOrEqual(1);
  });

  it('gives a representative their own state’s positions to record, with the deadline, and the answers to them', async () => {
    const secretariat = await as('secretariat@example.org');
    const indonesia = await as('member-state.id@example.org');
    const [cycle] = await secretariat.caller.review.adminCycles();
    const { edits } = await indonesia.caller.review.edits({ cycleId: cycle!.id });
    const deadline = cycle!.phases.find((p) => p.phase === 'comment_period')!.plannedEnd;

    const before = await indonesia.caller.home.memberState();
    expect(before.memberState).toBe('ID');
    expect(before.positionsAwaited).toEqual([
      { cycleId: cycle!.id, title: cycle!.title, edits: edits.length, deadline },
    ]);
    expect(before.readiness).toEqual({ year: new Date().getUTCFullYear(), assessment: null });

    await indonesia.caller.review.recordPosition({
      editId: edits[0]!.id,
      memberState: 'ID',
      kind: 'support',
    } as never);
    const matrix = await secretariat.caller.review.positionsMatrix({ cycleId: cycle!.id });
    const ours = matrix.rows[0]!.positions.ID!;
    await secretariat.caller.review.answerPosition({ id: ours.id, answer: 'Noted, thank you.' });

    const after = await indonesia.caller.home.memberState();
    expect(after.positionsAwaited[0]?.edits ?? 0).toBe(edits.length - 1);
    expect(after.answers).toMatchObject([{ cycleId: cycle!.id, kind: 'position' }]);

    // Singapore's representative sees nothing of Indonesia's.
    const singapore = await api.signedIn('member_state', { memberState: 'SG' });
    const theirs = await singapore.caller.home.memberState();
    expect(theirs.memberState).toBe('SG');
    expect(theirs.answers).toEqual([]);
  });

  it('shows a representative this year’s readiness self-assessment once started', async () => {
    const representative = await api.signedIn('member_state', { memberState: 'KH' });
    const year = new Date().getUTCFullYear();
    await representative.caller.assessments.start({ year });
    const home = await representative.caller.home.memberState();
    const own = (await representative.caller.assessments.listOwn()).find((a) => a.year === year)!;
    expect(home.readiness).toEqual({
      year,
      assessment: { id: own.id, status: 'draft', answered: own.answered },
    });
  });

  it('gives a participant the rounds open to their group, their unsent drafts, answers and board sessions', async () => {
    const secretariat = await as('secretariat@example.org');
    const stakeholder = await as('stakeholder@example.org');
    const forThem = await publishedRound(secretariat, {
      audience: 'invited_groups',
      invitedGroups: [stakeholder.user.stakeholder_group ?? 'civil_society'],
    });
    const notForThem = await publishedRound(secretariat, {
      audience: 'invited_groups',
      invitedGroups: ['government_agency'],
    });
    const drafted = await publishedRound(secretariat, { closesAt: inHours(50) });
    await stakeholder.caller.contributions.saveDraft({
      roundId: drafted.id,
      answers: {},
      items: [],
      stakeholderGroup: 'civil_society',
      writtenIn: 'en',
      namedPublicly: false,
    } as never);

    const home = await stakeholder.caller.home.participant();
    const open = home.openRounds.map((r) => r.id);
    expect(open).toContain(forThem.id);
    expect(open).not.toContain(notForThem.id);
    expect(open).not.toContain(drafted.id);
    expect(home.drafts).toContainEqual({
      roundId: drafted.id,
      title: drafted.title,
      closesAt: new Date(drafted.closesAt).toISOString(),
    });

    const [board] = await stakeholder.caller.boards.myBoards();
    expect(home.sessions.map((s) => s.kind).sort()).toEqual(['rsvp', 'survey']);
    expect(home.sessions.find((s) => s.kind === 'rsvp')!.sessionId).toBe(board!.upcomingSessions[0]!.id);
    expect(home.sessions.find((s) => s.kind === 'survey')!.sessionId).toBe(
      board!.surveysToAnswer[0]!.sessionId,
    );

    const answered = (await stakeholder.caller.contributions.mine()).filter((c) => c.response).length;
    expect(home.responses).toHaveLength(answered);
  });
});
