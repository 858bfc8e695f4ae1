import type { MemberStateCode, OrganisationKind, Role, StakeholderGroup } from '@musyawarah/core';
import type { Db } from './client';
import { findOrCreateOrganisation, upsertMemberStates } from './repositories/reference';
import { findUserByEmail, insertUser } from './repositories/users';
import { writeAudit } from './audit';

/** Shared by every demo account; printed at start-up. Long enough to pass the password policy, never valid in production. */
export const DEMO_PASSWORD = 'asean-demo-2030';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  memberState: MemberStateCode | null;
  stakeholderGroup: StakeholderGroup | null;
  organisation: string | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'secretariat@example.org', name: 'Siti Rahmawati', role: 'secretariat', memberState: null, stakeholderGroup: null, organisation: 'ASEAN Secretariat' },
  { email: 'member-state.id@example.org', name: 'Budi Santoso', role: 'member_state', memberState: 'ID', stakeholderGroup: null, organisation: null },
  { email: 'stakeholder@example.org', name: 'Maria Dela Cruz', role: 'stakeholder', memberState: 'PH', stakeholderGroup: 'civil_society', organisation: 'Digital Rights Collective Manila' },
];

const DEMO_ORGANISATIONS: { name: string; kind: OrganisationKind; memberState: MemberStateCode | null }[] = [
  { name: 'ASEAN Secretariat', kind: 'international_partner', memberState: null },
  { name: 'Digital Rights Collective Manila', kind: 'civil_society', memberState: 'PH' },
  { name: 'Mekong Rural Women Network', kind: 'civil_society', memberState: 'KH' },
  { name: 'Disability Inclusion Alliance Thailand', kind: 'civil_society', memberState: 'TH' },
  { name: 'Nusantara AI Industry Association', kind: 'industry', memberState: 'ID' },
  { name: 'Universiti Teknologi Data Lab', kind: 'academia', memberState: 'MY' },
  { name: 'National Digital Agency (demo)', kind: 'government_agency', memberState: 'VN' },
  { name: 'Timor-Leste Youth Tech Forum', kind: 'civil_society', memberState: 'TL' },
];

/** Reference data every installation needs, demo or not. Idempotent. */
export async function seedReferenceData(db: Db): Promise<void> {
  await upsertMemberStates(db);
}

export class DemoDataRefusedError extends Error {
  constructor() {
    super('Demo accounts are refused when NODE_ENV=production: they have a published password.');
  }
}

/**
 * Demo organisations and one account per role. Idempotent: accounts that exist are left alone.
 * The password hasher is passed in because packages/auth depends on this package, not the other way round.
 */
export async function seedDemoData(
  db: Db,
  options: { hashPassword: (password: string) => Promise<string>; nodeEnv?: string | undefined },
): Promise<{ created: string[] }> {
  if (options.nodeEnv === 'production') throw new DemoDataRefusedError();
  await seedReferenceData(db);
  const created: string[] = [];
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (tx) => {
    const organisationIds = new Map<string, string>();
    for (const org of DEMO_ORGANISATIONS) {
      organisationIds.set(org.name, await findOrCreateOrganisation(tx, { name: org.name, kind: org.kind, memberStateCode: org.memberState }));
    }
    for (const account of DEMO_ACCOUNTS) {
      if (await findUserByEmail(tx, account.email)) continue;
      const user = await insertUser(tx, {
        email: account.email,
        name: account.name,
        role: account.role,
        memberStateCode: account.memberState,
        stakeholderGroup: account.stakeholderGroup,
        organisationId: account.organisation ? (organisationIds.get(account.organisation) ?? null) : null,
        passwordHash,
        status: 'active',
        emailVerifiedAt: new Date(),
        privacyConsentAt: new Date(),
        isDemo: true,
      });
      await writeAudit(tx, { actorUserId: null }, { action: 'user.seed_demo', entityType: 'user', entityId: user.id, after: user });
      created.push(account.email);
    }
  });
  return { created };
}
