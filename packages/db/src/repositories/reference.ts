import { MEMBER_STATES, type OrganisationKind, type MemberStateCode } from '@musyawarah/core';
import type { Executor } from '../client';

export async function listMemberStates(db: Executor) {
  return db
    .selectFrom('member_state')
    .select(['code', 'name', 'languages', 'joined_on'])
    .orderBy('name')
    .execute();
}

/** Organisations are matched case-insensitively so "UNICEF" and "unicef" are one organisation. */
export async function findOrCreateOrganisation(
  db: Executor,
  input: { name: string; kind: OrganisationKind; memberStateCode?: MemberStateCode | null },
): Promise<string> {
  const existing = await db
    .selectFrom('organisation')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
    .executeTakeFirst();
  if (existing) return existing.id;
  const inserted = await db
    .insertInto('organisation')
    .values({ name: input.name, kind: input.kind, member_state_code: input.memberStateCode ?? null })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  // Lost a race with a concurrent insert of the same name: read the winner.
  const winner = await db
    .selectFrom('organisation')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
    .executeTakeFirstOrThrow();
  return winner.id;
}

export const MEMBER_STATE_JOINED_ON: Record<MemberStateCode, string> = {
  BN: '1984-01-07',
  KH: '1999-04-30',
  ID: '1967-08-08',
  LA: '1997-07-23',
  MY: '1967-08-08',
  MM: '1997-07-23',
  PH: '1967-08-08',
  SG: '1967-08-08',
  TH: '1967-08-08',
  TL: '2025-10-26',
  VN: '1995-07-28',
};

export async function upsertMemberStates(db: Executor): Promise<void> {
  await db
    .insertInto('member_state')
    .values(
      MEMBER_STATES.map((s) => ({
        code: s.code,
        name: s.name,
        languages: [...s.languages],
        joined_on: MEMBER_STATE_JOINED_ON[s.code],
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        languages: eb.ref('excluded.languages'),
        joined_on: eb.ref('excluded.joined_on'),
      })),
    )
    .execute();
}
