import type { Executor } from '../client';

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
