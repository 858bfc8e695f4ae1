import type { Executor } from '../client';

export async function listAuditEntries(
  db: Executor,
  filter: { entityType?: string | undefined; entityId?: string | undefined; actorUserId?: string | undefined; limit: number },
) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('user_account', 'user_account.id', 'audit_log.actor_user_id')
    .select([
      'audit_log.id',
      'audit_log.occurred_at',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.before_value',
      'audit_log.after_value',
      'audit_log.request_id',
      'audit_log.actor_user_id',
      'user_account.name as actor_name',
    ]);
  if (filter.entityType) query = query.where('audit_log.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('audit_log.entity_id', '=', filter.entityId);
  if (filter.actorUserId) query = query.where('audit_log.actor_user_id', '=', filter.actorUserId);
  return query.orderBy('audit_log.id', 'desc').limit(filter.limit).execute();
}
