import { sql } from 'kysely';
import type { MemberStateCode } from '@musyawarah/core';
import type { Executor } from '../client';
import type { InvitationTable } from '../schema';

export async function listInvitations(db: Executor) {
  return db
    .selectFrom('invitation')
    .leftJoin('user_account as inviter', 'inviter.id', 'invitation.invited_by')
    .select([
      'invitation.id',
      'invitation.email',
      'invitation.name',
      'invitation.role',
      'invitation.member_state_code',
      'invitation.user_id',
      'invitation.created_at',
      'invitation.accepted_at',
      'invitation.revoked_at',
      'inviter.name as invited_by_name',
    ])
    .orderBy('invitation.created_at', 'desc')
    .execute();
}

export async function findInvitationById(db: Executor, id: string) {
  return db.selectFrom('invitation').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The open (neither accepted nor revoked) invitation behind a pending account, if any. */
export async function findOpenInvitationForUser(db: Executor, userId: string) {
  return db
    .selectFrom('invitation')
    .selectAll()
    .where('user_id', '=', userId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

// Writes of invitations moved out of the users and auth routers (executor first, same statements as before).

/** The id of the open invitation behind the account, if any. */
export async function findOpenInvitationId(db: Executor, userId: string) {
  return db
    .selectFrom('invitation')
    .select('id')
    .where('user_id', '=', userId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function insertInvitation(
  db: Executor,
  values: {
    email: string;
    name: string;
    role: InvitationTable['role'];
    memberState: MemberStateCode | null;
    userId: string;
    invitedBy: string;
  },
) {
  return db
    .insertInto('invitation')
    .values({
      email: values.email,
      name: values.name,
      role: values.role,
      member_state_code: values.memberState,
      user_id: values.userId,
      invited_by: values.invitedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** When each account's latest invitation link expires. */
export async function listInvitationExpiries(db: Executor) {
  return db
    .selectFrom('email_token')
    .select(['user_id', sql<Date>`max(expires_at)`.as('expires_at')])
    .where('purpose', '=', 'invitation')
    .groupBy('user_id')
    .execute();
}

export async function markInvitationRevoked(db: Executor, invitationId: string) {
  return db
    .updateTable('invitation')
    .set({ revoked_at: new Date() })
    .where('id', '=', invitationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function markInvitationAccepted(db: Executor, invitationId: string) {
  await db
    .updateTable('invitation')
    .set({ accepted_at: new Date() })
    .where('id', '=', invitationId)
    .execute();
}

/** Uses up the account's unused invitation links, so the link in a revoked invitation's e-mail stops working. */
export async function useUpInvitationTokens(db: Executor, userId: string) {
  await db
    .updateTable('email_token')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('purpose', '=', 'invitation')
    .where('used_at', 'is', null)
    .execute();
}
