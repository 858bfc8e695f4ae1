// rounds.participation reads write-time counts (migration 0007) since bench/ showed that counting a million
// contributions per dashboard view took seconds. The numbers must be the same as counting contribution by contribution.
import { randomUUID } from 'node:crypto';
import { countItemsByType, countSubmissionsByDay, countThemes, listParticipation } from '@musyawarah/db';
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
    if ('hide' in p)
      await secretariat.caller.contributions.hide({ contributionId: submitted.id, reason: 'spam' });
  }
  const drafter = await api.signedIn('stakeholder');
  await drafter.caller.contributions.saveDraft({
    roundId: round.id,
    answers: {},
    items: [],
    stakeholderGroup: 'academia',
    memberState: 'KH',
    writtenIn: 'km',
    namedPublicly: false,
  });

  const { tally, gaps, byType } = await secretariat.caller.rounds.participation({ roundId: round.id });
  expect(tally.total).toBe(5);
  expect(tally.byStakeholderGroup).toEqual({ civil_society: 3, industry: 1, individual: 1 });
  expect(tally.byMemberState).toEqual({ KH: 3, SG: 1 });
  expect(tally.unspecifiedMemberState).toBe(1);
  expect(tally.byLanguage).toEqual({ km: 3, en: 2 });
  expect(tally.byGroupStateLanguage[0]).toEqual({
    stakeholderGroup: 'civil_society',
    memberState: 'KH',
    writtenIn: 'km',
    count: 3,
  });
  expect(tally.byGroupStateLanguage.reduce((sum, c) => sum + c.count, 0)).toBe(5);
  expect(gaps).toEqual([]);
  expect(byType).toEqual({ suggestion: 5 });
});

it('keeps the write-time counts equal to counting every contribution, through submissions, drafts, hiding, unhiding and theme tags', async () => {
  const secretariat = await api.signedIn('secretariat');
  const round = await secretariat.caller.rounds.create({
    title: { en: 'Tally round' },
    description: { en: 'Counting' },
    format: 'online_consultation',
    audience: 'public',
    memberStates: [],
    languages: ['en', 'th'],
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    targets: [],
  } as never);
  await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
  const themeA = await secretariat.caller.rounds.addTheme({ roundId: round.id, label: 'Access' });
  const themeB = await secretariat.caller.rounds.addTheme({ roundId: round.id, label: 'Bias' });

  // A fixed pseudo-random walk, so a failure reproduces.
  let seed = 20261123;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const groups = ['civil_society', 'industry', 'academia'] as const;
  const states = ['TH', 'TL', undefined] as const;
  const types = ['suggestion', 'concern', 'recommendation', 'question'] as const;
  const submitted: string[] = [];
  for (let step = 0; step < 40; step++) {
    const action = next(6);
    if (action <= 2 || submitted.length === 0) {
      const participant = await api.signedIn('stakeholder');
      if (next(3) === 0) {
        // a draft first: its items must not count until it is submitted (the draft row is replaced)
        await participant.caller.contributions.saveDraft({
          roundId: round.id,
          answers: {},
          items: [{ type: 'concern', text: 'draft' }],
          stakeholderGroup: 'academia',
          memberState: 'TH',
          writtenIn: 'th',
          namedPublicly: false,
        });
      }
      const items = Array.from({ length: next(3) + 1 }, () => ({
        type: types[next(types.length)]!,
        text: 'Point',
      }));
      const receipt = await participant.caller.contributions.submit({
        roundId: round.id,
        idempotencyKey: randomUUID(),
        answers: {},
        items,
        stakeholderGroup: groups[next(groups.length)]!,
        memberState: states[next(states.length)],
        writtenIn: next(2) ? 'en' : 'th',
        namedPublicly: false,
      });
      submitted.push(receipt.id);
    } else if (action === 3) {
      const id = submitted[next(submitted.length)]!;
      await secretariat.caller.contributions
        .hide({ contributionId: id, reason: 'off_topic' })
        .catch(() => undefined);
    } else if (action === 4) {
      const id = submitted[next(submitted.length)]!;
      await secretariat.caller.contributions.unhide({ contributionId: id }).catch(() => undefined);
    } else {
      const id = submitted[next(submitted.length)]!;
      const themeIds = [[], [themeA.id], [themeB.id], [themeA.id, themeB.id]][next(4)]!;
      await secretariat.caller.contributions.setThemes({ contributionId: id, themeIds });
    }
    if (step % 10 === 9) await expectCountsToMatch(round.id);
  }
  await expectCountsToMatch(round.id);

  async function expectCountsToMatch(roundId: string) {
    const dashboard = await secretariat.caller.rounds.participation({ roundId });
    const [cells, byType, byTheme, byDay] = await Promise.all([
      listParticipation(api.db, roundId),
      countItemsByType(api.db, roundId),
      countThemes(api.db, roundId),
      countSubmissionsByDay(api.db, roundId),
    ]);
    const cellKey = (c: {
      stakeholderGroup: string;
      memberState: string | null;
      writtenIn: string;
      count: number;
    }) => `${c.stakeholderGroup}|${c.memberState}|${c.writtenIn}=${c.count}`;
    expect(dashboard.tally.byGroupStateLanguage.map(cellKey).sort()).toEqual(
      cells
        .map((c) =>
          cellKey({
            stakeholderGroup: c.stakeholder_group ?? 'other',
            memberState: c.member_state_code,
            writtenIn: c.written_in,
            count: c.count,
          }),
        )
        .sort(),
    );
    expect(dashboard.byType).toEqual(Object.fromEntries(byType.map((r) => [r.type, Number(r.count)])));
    expect(dashboard.byTheme).toEqual(
      byTheme.map((t) => ({ id: t.id, label: t.label, count: Number(t.count) })),
    );
    expect(dashboard.byDay).toEqual(byDay);
  }
});

it('refuses to delete a submitted contribution, so nothing acknowledged is lost', async () => {
  const secretariat = await api.signedIn('secretariat');
  const rounds = await secretariat.caller.rounds.adminList();
  expect(rounds.length).toBeGreaterThan(0);
  const submitted = await api.db
    .selectFrom('contribution')
    .select('id')
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow();
  await expect(api.db.deleteFrom('contribution').where('id', '=', submitted.id).execute()).rejects.toThrow(
    /cannot be deleted/,
  );
  expect(
    await api.db.selectFrom('contribution').select('id').where('id', '=', submitted.id).executeTakeFirst(),
  ).toBeTruthy();
});
