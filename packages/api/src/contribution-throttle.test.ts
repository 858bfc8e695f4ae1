import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRIBUTION_LIMITS, type ContributionLimits } from './routers/contribution-limits';
import { createTestApi, type TestApi, rejection } from './test-support';

/** Issue #11 item 14 (contributions): writes are throttled per author and per client address; a retry never is. */
let api: TestApi;
let secretariat: Awaited<ReturnType<TestApi['signedIn']>>;
beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
});
afterAll(async () => api.close());

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const HOUR = 3_600_000;

async function openRound(event?: Record<string, unknown>) {
  const round = await secretariat.caller.rounds.create({
    title: { en: 'Throttled round' },
    description: { en: 'Feedback on throttling' },
    format: event ? 'town_hall' : 'online_consultation',
    audience: 'public',
    opensAt: hoursFromNow(-1),
    closesAt: hoursFromNow(48),
    ...(event ? { event } : {}),
  } as never);
  await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
  return round;
}

const feedback = (roundId: string, idempotencyKey = randomUUID()) => ({
  roundId,
  idempotencyKey,
  answers: {},
  items: [{ type: 'suggestion' as const, text: 'More captions' }],
  stakeholderGroup: 'civil_society' as const,
  writtenIn: 'en' as const,
  namedPublicly: false,
});

/** Low limits for this test file only; the defaults are checked to be generous below. */
function limit(overrides: Partial<ContributionLimits>) {
  api.services.config.contributionLimits = overrides;
}

describe('throttling contributions', () => {
  it('the defaults never stop a real participant: dozens of submissions, an autosave a second, many registrations an hour', () => {
    expect(CONTRIBUTION_LIMITS.submissionsPerAuthor.limit).toBeGreaterThanOrEqual(50);
    expect(
      CONTRIBUTION_LIMITS.draftsPerAuthor.limit * (HOUR / CONTRIBUTION_LIMITS.draftsPerAuthor.windowMs),
    ).toBeGreaterThanOrEqual(3600);
    expect(CONTRIBUTION_LIMITS.submissionsPerClient.limit).toBeGreaterThanOrEqual(1000);
  });

  it('refuses an author’s submissions beyond the limit with 429, but a retry of an earlier one still gets its receipt', async () => {
    limit({ submissionsPerAuthor: { limit: 2, windowMs: HOUR } });
    const round = await openRound();
    const author = await api.signedIn('stakeholder');
    const key = randomUUID();
    const first = await author.caller.contributions.submit(feedback(round.id, key));
    await author.caller.contributions.submit(feedback(round.id));
    expect(await rejection(author.caller.contributions.submit(feedback(round.id)))).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    expect(await author.caller.contributions.submit(feedback(round.id, key))).toMatchObject({
      receiptReference: first.receiptReference,
      replayed: true,
    });
    // Someone else is not affected.
    const other = await api.signedIn('stakeholder');
    await expect(other.caller.contributions.submit(feedback(round.id))).resolves.toMatchObject({
      replayed: false,
    });
  });

  it('refuses submissions beyond the limit from one client address, whoever sends them', async () => {
    limit({ submissionsPerClient: { limit: 2, windowMs: HOUR } });
    const round = await openRound();
    const address = { request: { ipAddress: '198.51.100.23' } };
    const people = await Promise.all([1, 2, 3].map(() => api.signedIn('stakeholder')));
    const callers = await Promise.all(people.map((p) => api.call({ token: p.token, ...address })));
    await callers[0]!.caller.contributions.submit(feedback(round.id));
    await callers[1]!.caller.contributions.submit(feedback(round.id));
    expect(await rejection(callers[2]!.caller.contributions.submit(feedback(round.id)))).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    // Another address is not affected.
    const elsewhere = await api.call({ token: people[2]!.token, request: { ipAddress: '2001:db8:5::7' } });
    await expect(elsewhere.caller.contributions.submit(feedback(round.id))).resolves.toMatchObject({
      replayed: false,
    });
  });

  it('a refused submission stores nothing and keeps the draft, and the answer says when to try again', async () => {
    limit({ submissionsPerAuthor: { limit: 1, windowMs: HOUR } });
    const round = await openRound();
    const author = await api.signedIn('stakeholder');
    await author.caller.contributions.submit(feedback(round.id));
    const draft = { ...feedback(round.id), items: [{ type: 'concern' as const, text: 'Kept for later' }] };
    await author.caller.contributions.saveDraft(draft);
    const refused = await rejection(author.caller.contributions.submit(draft));
    expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'auth.throttled' });
    const retryAfter = (refused as unknown as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(HOUR / 1000 - 60);
    expect(retryAfter).toBeLessThanOrEqual(HOUR / 1000);
    const mine = await author.caller.contributions.mine();
    expect(mine.filter((c) => c.roundId === round.id && c.status === 'submitted')).toHaveLength(1);
    expect(await author.caller.contributions.myDraft({ roundId: round.id })).toMatchObject({
      items: [expect.objectContaining({ text: 'Kept for later' })],
    });
  });

  it('a submission refused by the client address’s limit is not counted against the person’s own', async () => {
    limit({
      submissionsPerAuthor: { limit: 1, windowMs: HOUR },
      submissionsPerClient: { limit: 2, windowMs: HOUR },
    });
    const round = await openRound();
    const shared = { request: { ipAddress: '198.51.100.77' } };
    const people = await Promise.all([1, 2, 3].map(() => api.signedIn('stakeholder')));
    const callers = await Promise.all(people.map((p) => api.call({ token: p.token, ...shared })));
    await callers[0]!.caller.contributions.submit(feedback(round.id));
    await callers[1]!.caller.contributions.submit(feedback(round.id));
    expect(await rejection(callers[2]!.caller.contributions.submit(feedback(round.id)))).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    // Their one submission an hour is still theirs, from another network.
    const elsewhere = await api.call({ token: people[2]!.token, request: { ipAddress: '203.0.113.140' } });
    await expect(elsewhere.caller.contributions.submit(feedback(round.id))).resolves.toMatchObject({
      replayed: false,
    });
  });

  it('throttles autosaved drafts, reports and event registration changes per person', async () => {
    limit({
      draftsPerAuthor: { limit: 2, windowMs: HOUR },
      reportsPerUser: { limit: 1, windowMs: HOUR },
      registrationChangesPerUser: { limit: 2, windowMs: HOUR },
    });
    const round = await openRound({
      mode: 'online',
      link: 'https://meet.example.org/x',
      startsAt: hoursFromNow(72),
      endsAt: hoursFromNow(74),
      timezone: 'Asia/Jakarta',
    });
    const person = await api.signedIn('stakeholder');
    const draft = {
      roundId: round.id,
      answers: {},
      items: [],
      stakeholderGroup: 'civil_society' as const,
      writtenIn: 'en' as const,
      namedPublicly: false,
    };
    await person.caller.contributions.saveDraft(draft);
    await person.caller.contributions.saveDraft(draft);
    expect(await rejection(person.caller.contributions.saveDraft(draft))).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });

    const a = await secretariat.caller.contributions.submitOnBehalf(feedback(round.id));
    const b = await secretariat.caller.contributions.submitOnBehalf(feedback(round.id));
    await person.caller.contributions.report({ contributionId: a.id, reason: 'spam' });
    expect(
      await rejection(person.caller.contributions.report({ contributionId: b.id, reason: 'spam' })),
    ).toMatchObject({ code: 'TOO_MANY_REQUESTS' });

    await person.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] });
    await person.caller.contributions.cancelRegistration({ roundId: round.id });
    expect(
      await rejection(
        person.caller.contributions.registerForEvent({ roundId: round.id, accommodationsNeeded: [] }),
      ),
    ).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});
