import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_STATES } from '@musyawarah/core';
import { DEMO_ACCOUNTS, DemoDataRefusedError, seedDemoData } from './seed';
import { listMemberStates } from './repositories/reference';
import { openTestDatabase, type TestDatabase } from './testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

// A stand-in hasher keeps this test fast; packages/auth tests the real argon2id hashing.
const hashPassword = async (password: string) => `test-hash:${password.length}`;

describe('seeds', () => {
  it('refuses demo accounts in production and writes nothing', async () => {
    await expect(seedDemoData(t.db, { hashPassword, nodeEnv: 'production' })).rejects.toBeInstanceOf(
      DemoDataRefusedError,
    );
    expect(await t.db.selectFrom('user_account').selectAll().execute()).toEqual([]);
  });

  it('seeds the 11 Member States, Timor-Leste included, and one account per role; running it again changes nothing', async () => {
    const first = await seedDemoData(t.db, { hashPassword, nodeEnv: 'development' });
    expect(first.created.sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    const states = await listMemberStates(t.db);
    expect(states.map((s) => s.code).sort()).toEqual(MEMBER_STATES.map((s) => s.code).sort());
    expect(states.find((s) => s.code === 'TL')).toMatchObject({
      name: 'Timor-Leste',
      joined_on: '2025-10-26',
    });
    const roles = await t.db
      .selectFrom('user_account')
      .select(['role', 'member_state_code', 'status'])
      .execute();
    expect(roles.map((r) => r.role).sort()).toEqual(['member_state', 'secretariat', 'stakeholder']);
    expect(roles.every((r) => r.status === 'active')).toBe(true);
    expect((await seedDemoData(t.db, { hashPassword })).created).toEqual([]);
    const kinds = await t.db.selectFrom('organisation').select('kind').distinct().execute();
    expect(kinds.length).toBeGreaterThanOrEqual(4);
  });
});
