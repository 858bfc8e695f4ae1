import type { MemberStateCode, Role, StakeholderGroup } from '@musyawarah/core';
import { sql } from 'kysely';
import type { Executor } from '../client';
import type { AccountStatus, UserAccountUpdate } from '../schema';

const publicUserColumns = [
  'user_account.id',
  'user_account.email',
  'user_account.name',
  'user_account.role',
  'user_account.member_state_code',
  'user_account.stakeholder_group',
  'user_account.organisation_id',
  'user_account.status',
  'user_account.locale',
  'user_account.email_verified_at',
  'user_account.created_at',
] as const;

export async function findUserByEmail(db: Executor, email: string) {
  return db
    .selectFrom('user_account')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Executor, id: string) {
  return db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserWithOrganisation(db: Executor, id: string) {
  return db
    .selectFrom('user_account')
    .leftJoin('organisation', 'organisation.id', 'user_account.organisation_id')
    .select([...publicUserColumns, 'organisation.name as organisation_name'])
    .where('user_account.id', '=', id)
    .executeTakeFirst();
}

export async function insertUser(
  db: Executor,
  values: {
    email: string;
    name: string;
    role: Role;
    memberStateCode?: MemberStateCode | null;
    stakeholderGroup?: StakeholderGroup | null;
    organisationId?: string | null;
    passwordHash?: string | null;
    status?: AccountStatus;
    locale?: string;
    privacyConsentAt?: Date | null;
    emailVerifiedAt?: Date | null;
    isDemo?: boolean;
  },
) {
  return db
    .insertInto('user_account')
    .values({
      email: values.email.toLowerCase(),
      name: values.name,
      role: values.role,
      member_state_code: values.memberStateCode ?? null,
      stakeholder_group: values.stakeholderGroup ?? null,
      organisation_id: values.organisationId ?? null,
      password_hash: values.passwordHash ?? null,
      status: values.status ?? 'pending_verification',
      locale: values.locale ?? 'en',
      privacy_consent_at: values.privacyConsentAt ?? null,
      email_verified_at: values.emailVerifiedAt ?? null,
      is_demo: values.isDemo ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Self-registration in one statement whose text is the same whoever owns the address (so known and unknown addresses
 * cost the same): a new address gets a pending stakeholder account; a pending stakeholder registration is replaced
 * (details from this registration, no password: the person who confirms chooses it); an active, invited or deleted
 * account is left alone and nothing is returned.
 */
export async function upsertPendingRegistration(
  db: Executor,
  values: {
    email: string;
    name: string;
    stakeholderGroup: StakeholderGroup;
    organisationId: string | null;
    memberStateCode: MemberStateCode | null;
    locale: string;
    privacyConsentAt: Date;
  },
) {
  return db
    .insertInto('user_account')
    .values({
      email: values.email.toLowerCase(),
      name: values.name,
      role: 'stakeholder',
      member_state_code: values.memberStateCode,
      stakeholder_group: values.stakeholderGroup,
      organisation_id: values.organisationId,
      password_hash: null,
      status: 'pending_verification',
      locale: values.locale,
      privacy_consent_at: values.privacyConsentAt,
      email_verified_at: null,
      is_demo: false,
    })
    .onConflict((oc) =>
      oc
        .column('email')
        .doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          member_state_code: eb.ref('excluded.member_state_code'),
          stakeholder_group: eb.ref('excluded.stakeholder_group'),
          organisation_id: eb.ref('excluded.organisation_id'),
          password_hash: null,
          locale: eb.ref('excluded.locale'),
          privacy_consent_at: eb.ref('excluded.privacy_consent_at'),
          updated_at: sql`now()`,
        }))
        .where('user_account.status', '=', 'pending_verification')
        .where('user_account.role', '=', 'stakeholder'),
    )
    .returningAll()
    .executeTakeFirst();
}

export async function updateUser(db: Executor, id: string, changes: UserAccountUpdate) {
  return db
    .updateTable('user_account')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listUsers(
  db: Executor,
  filter: { role?: Role | undefined; search?: string | undefined; limit?: number },
) {
  let query = db
    .selectFrom('user_account')
    .leftJoin('organisation', 'organisation.id', 'user_account.organisation_id')
    .select([...publicUserColumns, 'organisation.name as organisation_name'])
    .where('user_account.status', '!=', 'deleted');
  if (filter.role) query = query.where('user_account.role', '=', filter.role);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('user_account.email', 'ilike', pattern), eb('user_account.name', 'ilike', pattern)]),
    );
  }
  return query
    .orderBy('user_account.created_at', 'desc')
    .limit(filter.limit ?? 200)
    .execute();
}
