import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleStage, timeliness } from '@musyawarah/core';
import { seedDemoData } from './seed';
import { listCyclePhases, listPositions, listReviewCycles, listReviewEdits } from './repositories/review';
import { openTestDatabase, type TestDatabase } from './testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  await seedDemoData(t.db, {
    hashPassword: async (p: string) => `test-hash:${p.length}`,
    nodeEnv: 'development',
  });
});
afterAll(async () => t.close());

const phaseRows = async (cycleId: string) =>
  (await listCyclePhases(t.db, [cycleId])).map((p) => ({
    phase: p.phase as never,
    plannedStart: p.planned_start,
    plannedEnd: p.planned_end,
    actualStart: p.actual_start,
    actualEnd: p.actual_end,
  }));

describe('demo review', () => {
  it('has framework v1 and one cycle in its comment period with three edits and the positions of two states', async () => {
    const framework = await t.db.selectFrom('review_framework').select('version').execute();
    expect(framework).toEqual([{ version: 1 }]);
    const [cycle, ...others] = await listReviewCycles(t.db);
    expect(others).toEqual([]);
    const phases = await phaseRows(cycle!.id);
    expect(cycleStage(phases)).toBe('comment_period');
    // Two earlier phases ended late, so the report has something to show.
    expect(
      timeliness(phases, new Date())
        .phases.filter((p) => p.status === 'late')
        .map((p) => p.phase),
    ).toEqual(['assessment', 'drafting']);
    const edits = await listReviewEdits(t.db, cycle!.id);
    expect(edits).toHaveLength(3);
    const positions = await listPositions(
      t.db,
      edits.map((e) => e.id),
    );
    expect([...new Set(positions.map((p) => p.member_state_code))].sort()).toEqual(['SG', 'TL']);
  });
});

describe('review tables', () => {
  it('hold one position per state per edit', async () => {
    const [edit] = await t.db.selectFrom('review_edit').select('id').execute();
    const position = {
      edit_id: edit!.id,
      member_state_code: 'MY' as const,
      kind: 'abstain' as const,
      updated_at: new Date(),
    };
    await t.db.insertInto('review_position').values(position).execute();
    await expect(
      t.db
        .insertInto('review_position')
        .values({ ...position, kind: 'support' })
        .execute(),
    ).rejects.toThrow();
  });

  it('refuse a motivation whose target does not match its kind', async () => {
    const [edit] = await t.db.selectFrom('review_edit').select('id').execute();
    await expect(
      t.db
        .insertInto('review_edit_motivation')
        .values({ edit_id: edit!.id, kind: 'contribution', board_session_id: edit!.id })
        .execute(),
    ).rejects.toThrow();
    await t.db
      .insertInto('review_edit_motivation')
      .values({ edit_id: edit!.id, kind: 'board_session', board_session_id: edit!.id })
      .execute();
  });

  it('keep a final wording exactly for edits accepted with changes', async () => {
    const [a, b] = await t.db.selectFrom('review_edit').select('id').orderBy('position').execute();
    await expect(
      t.db
        .insertInto('review_resolution')
        .values({ edit_id: a!.id, kind: 'accepted_with_changes', final_payload: null, answer: 'x' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      t.db
        .insertInto('review_resolution')
        .values({
          edit_id: a!.id,
          kind: 'rejected',
          final_payload: JSON.stringify({ kind: 'retireSubAction', subActionId: 'C3.3.1' }),
          answer: 'x',
        })
        .execute(),
    ).rejects.toThrow();
    await t.db
      .insertInto('review_resolution')
      .values({ edit_id: b!.id, kind: 'rejected', final_payload: null, answer: 'Not now.' })
      .execute();
  });

  it('refuse an actual end before the actual start', async () => {
    const [cycle] = await listReviewCycles(t.db);
    await expect(
      t.db
        .updateTable('review_cycle_phase')
        .set({ actual_start: new Date('2027-01-02T00:00:00Z'), actual_end: new Date('2027-01-01T00:00:00Z') })
        .where('cycle_id', '=', cycle!.id)
        .where('phase', '=', 'adoption')
        .execute(),
    ).rejects.toThrow();
  });
});
