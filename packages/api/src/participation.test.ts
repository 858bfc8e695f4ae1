// rounds.participation counts in the database (GROUP BY) since bench/ showed that fetching one row per contribution
// took seconds at a million contributions. The numbers must be the same as counting contribution by contribution.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './test-support';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

it('tallies group × state × language from grouped counts, leaving hidden contributions and drafts out', async () => {
  const secretariat = await api.signedIn('secretariat');
  const round = await secretariat.caller.rounds.create({
    title: { en: 'Participation round' },
    description: { en: 'Who took part?' },
    format: 'online_consultation',
    audience: 'public',
    memberStates: [],
    languages: ['en', 'km'],
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    targets: [{ dimension: 'member_state', value: 'KH', minimum: 3 }],
  } as never);
  await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
  const people = [
    { stakeholderGroup: 'civil_society', memberState: 'KH', writtenIn: 'km' },
    { stakeholderGroup: 'civil_society', memberState: 'KH', writtenIn: 'km' },
    { stakeholderGroup: 'civil_society', memberState: 'KH', writtenIn: 'km' },
    { stakeholderGroup: 'industry', memberState: 'SG', writtenIn: 'en' },
    { stakeholderGroup: 'individual', memberState: undefined, writtenIn: 'en' },
    { stakeholderGroup: 'industry', memberState: 'KH', writtenIn: 'en', hide: true },
  ] as const;
  for (const p of people) {
    const participant = await api.signedIn('stakeholder');
    const submitted = await participant.caller.contributions.submit({
      roundId: round.id,
      idempotencyKey: randomUUID(),
      answers: {},
      items: [{ type: 'suggestion', text: 'More local-language sessions' }],
      stakeholderGroup: p.stakeholderGroup,
      memberState: p.memberState,
      writtenIn: p.writtenIn,
      namedPublicly: false,
    });
    if ('hide' in p) await secretariat.caller.contributions.hide({ contributionId: submitted.id, reason: 'spam' });
  }
  const drafter = await api.signedIn('stakeholder');
  await drafter.caller.contributions.saveDraft({ roundId: round.id, answers: {}, items: [], stakeholderGroup: 'academia', memberState: 'KH', writtenIn: 'km', namedPublicly: false });

  const { tally, gaps, byType } = await secretariat.caller.rounds.participation({ roundId: round.id });
  expect(tally.total).toBe(5);
  expect(tally.byStakeholderGroup).toEqual({ civil_society: 3, industry: 1, individual: 1 });
  expect(tally.byMemberState).toEqual({ KH: 3, SG: 1 });
  expect(tally.unspecifiedMemberState).toBe(1);
  expect(tally.byLanguage).toEqual({ km: 3, en: 2 });
  expect(tally.byGroupStateLanguage[0]).toEqual({ stakeholderGroup: 'civil_society', memberState: 'KH', writtenIn: 'km', count: 3 });
  expect(tally.byGroupStateLanguage.reduce((sum, c) => sum + c.count, 0)).toBe(5);
  expect(gaps).toEqual([]);
  expect(byType).toEqual({ suggestion: 5 });
});
