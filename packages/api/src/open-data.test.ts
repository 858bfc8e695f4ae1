import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELLED_CORPUS } from '@musyawarah/core/insight/corpus';
import { seedThemeAnalysisDemoRound } from '@musyawarah/db';
import { buildOpenDataset, openDatasetCsv, OPEN_DATA_LICENCE } from './open-data';
import { createTestApi, type TestApi } from './test-support';

const dbLabel = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

let api: TestApi;
let secretariat: Awaited<ReturnType<TestApi['signedIn']>>;
beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
});
afterAll(async () => api.close());

const URL = 'https://consult.example.org';

async function closedRound(count = 12) {
  const roundId = await seedThemeAnalysisDemoRound(api.db, {
    contributions: LABELLED_CORPUS.slice(0, count),
  });
  const ids = await api.db
    .selectFrom('contribution')
    .select(['id', 'named_publicly'])
    .where('round_id', '=', roundId)
    .orderBy('receipt_reference')
    .execute();
  return { roundId, ids };
}

describe(`open data (${dbLabel})`, () => {
  it('has no dataset for a round until its results are published, then lists it with its URLs and licence', async () => {
    const { roundId } = await closedRound();
    expect(await buildOpenDataset(api.db, roundId, URL)).toBeUndefined();
    expect((await (await api.call()).caller.openData.list()).map((d) => d.roundId)).not.toContain(roundId);

    await secretariat.caller.rounds.transition({
      roundId,
      action: 'publish_summary',
      summary: { en: 'What we heard.' },
    });
    const listed = (await (await api.call()).caller.openData.list()).find((d) => d.roundId === roundId);
    expect(listed).toMatchObject({
      json: `http://localhost:3000/files/open-data/rounds/${roundId}.json`,
      csv: `http://localhost:3000/files/open-data/rounds/${roundId}.csv`,
      licence: OPEN_DATA_LICENCE,
    });
  });

  it('publishes aggregates, themes and responses, leaves hidden contributions out and names only those who chose it', async () => {
    const { roundId, ids } = await closedRound(9);
    const [hidden, answered, named] = [ids[1]!, ids[2]!, ids.find((i) => i.named_publicly)!];
    await secretariat.caller.contributions.hide({ contributionId: hidden.id, reason: 'off_topic' });
    await secretariat.caller.contributions.respond({
      contributionId: answered.id,
      text: 'Added to section C2.1.',
    });
    const theme = await secretariat.caller.rounds.addTheme({ roundId, label: 'Privacy' });
    await secretariat.caller.contributions.setThemes({ contributionId: answered.id, themeIds: [theme.id] });
    await api.db
      .updateTable('contribution')
      .set({ participant_name: 'Dara' })
      .where('round_id', '=', roundId)
      .execute();
    await secretariat.caller.rounds.transition({
      roundId,
      action: 'publish_summary',
      summary: { en: 'Summary.' },
    });

    const data = (await buildOpenDataset(api.db, roundId, URL))!;
    expect(data.dataset).toMatchObject({
      url: `${URL}/files/open-data/rounds/${roundId}.json`,
      licence: OPEN_DATA_LICENCE,
    });
    expect(data.aggregates.contributions).toBe(8);
    expect(data.aggregates.responded).toBe(1);
    expect(data.contributions.map((c) => c.id)).not.toContain(hidden.id);
    expect(data.themes).toEqual([{ label: 'Privacy', contributions: 1 }]);
    expect(data.contributions.find((c) => c.id === answered.id)).toMatchObject({
      response: 'Added to section C2.1.',
      themes: ['Privacy'],
    });
    expect(data.contributions.find((c) => c.id === named.id)?.name).toBe('Dara');
    expect(data.contributions.filter((c) => c.name !== null).length).toBe(
      ids.filter((i) => i.named_publicly && i.id !== hidden.id).length,
    );

    const csv = openDatasetCsv(data);
    const [header, ...lines] = csv.split('\r\n');
    expect(header).toBe(
      'round_id,contribution_id,submitted_at,name,organisation,stakeholder_group,member_state,written_in,item_type,item_text,action_id,themes,response,licence',
    );
    expect(lines).toHaveLength(8);
    expect(csv).toContain('CC-BY-4.0');
  });

  it('writes a contribution that starts with a formula as text in the CSV', async () => {
    const roundId = await seedThemeAnalysisDemoRound(api.db, {
      contributions: [{ id: 'x', language: 'en', theme: 'privacy', text: '=HYPERLINK("http://evil")' }],
    });
    await secretariat.caller.rounds.transition({ roundId, action: 'publish_summary', summary: { en: 'S.' } });
    const csv = openDatasetCsv((await buildOpenDataset(api.db, roundId, URL))!);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
