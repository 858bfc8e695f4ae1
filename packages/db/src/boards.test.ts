import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CONSTITUENCIES,
  evaluateTargets,
  seatHeldOn,
  utcDay,
  type BoardTarget,
} from '@musyawarah/core';
import { seedDemoData } from './seed';
import { findUserByEmail } from './repositories/users';
import {
  listActiveBoardSeatsOfUser,
  listBoardConstituencies,
  listOpenBoardCalls,
} from './repositories/boards';
import { openTestDatabase, type TestDatabase } from './testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  await seedDemoData(t.db, { hashPassword: async () => 'test-hash', nodeEnv: 'development' });
});
afterAll(async () => t.close());

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('boards migration', () => {
  it('seeds the default constituencies exactly as core lists them', async () => {
    const rows = await listBoardConstituencies(t.db);
    const byKey = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(
      rows
        .filter((r) => r.is_default)
        .map((r) => [r.key, r.marginalised, r.label.en])
        .sort(byKey),
    ).toEqual(DEFAULT_CONSTITUENCIES.map((c) => [c.key, c.marginalised, c.label]).sort(byKey));
    // Marginalised communities are listed first, as the forms show them.
    expect(rows.slice(0, 10).every((r) => r.marginalised)).toBe(true);
  });

  it('the database itself refuses a second active seat for one person on one board, a reversed term, and a half-ended seat', async () => {
    const [board] = await t.db.selectFrom('advisory_board').select(['id', 'life_starts_on']).execute();
    const user = (await findUserByEmail(t.db, 'stakeholder@example.org'))!;
    const seat = {
      board_id: board!.id,
      user_id: user.id,
      role: 'member' as const,
      constituencies: ['youth'],
      member_state_code: null,
      organisation: null,
      gender: null,
      conflict_of_interest: null,
      term_starts_on: board!.life_starts_on,
      term_ends_on: board!.life_starts_on,
      nomination_id: null,
      created_by: null,
      updated_at: new Date(),
    };
    // The demo seed already gave the stakeholder an active seat on this board.
    expect(await codeOf(t.db.insertInto('board_seat').values(seat).execute())).toBe('23505');
    // An ended seat is history and does not block.
    await t.db
      .insertInto('board_seat')
      .values({ ...seat, ended_at: new Date(), ended_on: board!.life_starts_on, end_reason: 'other' })
      .execute();
    expect(
      await codeOf(
        t.db
          .insertInto('board_seat')
          .values({
            ...seat,
            ended_at: new Date(),
            ended_on: board!.life_starts_on,
            term_ends_on: '2000-01-01',
          })
          .execute(),
      ),
    ).toBe('23514');
    expect(
      await codeOf(
        t.db
          .insertInto('board_seat')
          .values({ ...seat, ended_at: new Date(), ended_on: null, end_reason: 'other' })
          .execute(),
      ),
    ).toBe('23514');
  });

  it('a regional board has no Member State and a national one must name it', async () => {
    const values = {
      name: '{"en":"x"}',
      mandate: '{"en":"y"}',
      action_ids: [],
      life_starts_on: '2026-01-01',
      life_ends_on: null,
      seat_capacity: 5,
      targets: '[]',
      selection_criteria: '[]',
      created_by: null,
      updated_at: new Date(),
    };
    expect(
      await codeOf(
        t.db
          .insertInto('advisory_board')
          .values({ ...values, scope: 'member_state', member_state_code: null })
          .execute(),
      ),
    ).toBe('23514');
    expect(
      await codeOf(
        t.db
          .insertInto('advisory_board')
          .values({ ...values, scope: 'regional', member_state_code: 'ID' })
          .execute(),
      ),
    ).toBe('23514');
    expect(
      await codeOf(
        t.db
          .insertInto('advisory_board')
          .values({ ...values, scope: 'regional', member_state_code: null, seat_capacity: 0 })
          .execute(),
      ),
    ).toBe('23514');
  });
});

describe('demo board', () => {
  it('is active and published, with exactly one unmet target (no industry seat yet)', async () => {
    const board = (await t.db
      .selectFrom('advisory_board')
      .selectAll()
      .where('name', '@>', JSON.stringify({ en: 'Demo: ASEAN Regional AI Advisory Board' }) as never)
      .executeTakeFirst())!;
    expect(board).toMatchObject({ status: 'active', published: true, scope: 'regional' });
    const today = utcDay(new Date());
    const seats = await t.db.selectFrom('board_seat').selectAll().where('board_id', '=', board.id).execute();
    const current = seats.filter((s) =>
      seatHeldOn({ termStartsOn: s.term_starts_on, termEndsOn: s.term_ends_on, endedOn: s.ended_on }, today),
    );
    const evaluations = evaluateTargets(
      board.targets as BoardTarget[],
      current.map((s) => ({
        role: s.role,
        constituencies: s.constituencies,
        memberState: s.member_state_code,
        gender: s.gender,
      })),
    );
    expect(evaluations.filter((e) => !e.met).map((e) => e.kind)).toEqual(['min_count']);
    // History: the representative's earlier observer seat is kept, ended.
    const representative = (await findUserByEmail(t.db, 'member-state.id@example.org'))!;
    expect(
      seats
        .filter((s) => s.user_id === representative.id)
        .map((s) => [s.role, s.ended_at !== null])
        .sort(),
    ).toEqual([
      ['observer', true],
      ['vice_chair', false],
    ]);
  });

  it('gives the demo stakeholder a member seat, an open call, an upcoming session they are invited to and a past one with attendance', async () => {
    const stakeholder = (await findUserByEmail(t.db, 'stakeholder@example.org'))!;
    const seats = await listActiveBoardSeatsOfUser(t.db, stakeholder.id);
    expect(seats.map((s) => s.role)).toContain('member');
    const boardId = seats[0]!.board_id;
    expect((await listOpenBoardCalls(t.db, new Date())).map((c) => c.board_id)).toContain(boardId);
    const sessions = await t.db
      .selectFrom('board_session')
      .selectAll()
      .where('board_id', '=', boardId)
      .execute();
    const upcoming = sessions.filter((s) => new Date(s.starts_at) > new Date());
    const past = sessions.filter((s) => new Date(s.starts_at) <= new Date());
    expect(upcoming).toHaveLength(1);
    expect(past).toHaveLength(1);
    const invited = await t.db
      .selectFrom('board_session_invitation')
      .select('user_id')
      .where('session_id', '=', upcoming[0]!.id)
      .execute();
    expect(invited.map((i) => i.user_id)).toContain(stakeholder.id);
    const attendance = await t.db
      .selectFrom('board_attendance')
      .select('status')
      .where('session_id', '=', past[0]!.id)
      .execute();
    expect(attendance.length).toBeGreaterThan(0);
  });
});
