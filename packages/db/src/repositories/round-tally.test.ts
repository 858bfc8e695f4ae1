import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../seed';
import { seedThemeAnalysisDemoRound } from '../seeds/insight';
import { openTestDatabase, type TestDatabase } from '../testing';
import { readRoundTally } from './consultation';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  await seedReferenceData(t.db);
});
afterAll(async () => t.close());

const dbLabel = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const total = (tally: Awaited<ReturnType<typeof readRoundTally>>) =>
  tally.cells.reduce((sum, cell) => sum + cell.count, 0);

async function submitOne(roundId: string) {
  await t.db
    .insertInto('contribution')
    .values({
      id: randomUUID(),
      round_id: roundId,
      status: 'submitted',
      receipt_reference: `MSY-TALLY-${randomUUID().slice(0, 8)}`,
      stakeholder_group: 'civil_society',
      member_state_code: 'TL',
      written_in: 'en',
      named_publicly: false,
      submitted_at: new Date(),
    })
    .execute();
}

describe(`a round's tally (${dbLabel})`, () => {
  // A report renders 13 languages at once and the Participation tab and the overview read the same tally: readers
  // that arrive together must all see every contribution, not a figure missing what another reader just folded.
  it('counts every contribution for readers that arrive at the same time, just after new feedback', async () => {
    const roundId = await seedThemeAnalysisDemoRound(t.db, { now: new Date() });
    let expected = (
      await t.db
        .selectFrom('contribution')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('round_id', '=', roundId)
        .executeTakeFirstOrThrow()
    ).n;
    for (let attempt = 0; attempt < 20; attempt++) {
      await submitOne(roundId);
      expected = String(Number(expected) + 1);
      const readings = await Promise.all(Array.from({ length: 8 }, () => readRoundTally(t.db, roundId)));
      expect(readings.map(total)).toEqual(readings.map(() => Number(expected)));
    }
  }, 60_000);
});
