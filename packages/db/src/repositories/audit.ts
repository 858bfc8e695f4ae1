import type { Executor } from '../client';
import { pseudonymiseValue, rowConcernsDeletedPerson, stringsIn } from '../audit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Audit rows, newest first. Rows about a person whose account was deleted come back with that person's details
 * pseudonymised (names "Deleted user", other personal fields "[removed]"; see `pseudonymiseValue`): the log itself is
 * append-only and keeps the original values.
 */
export async function listAuditEntries(
  db: Executor,
  filter: {
    entityType?: string | undefined;
    entityId?: string | undefined;
    actorUserId?: string | undefined;
    limit: number;
  },
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
  const rows = await query.orderBy('audit_log.id', 'desc').limit(filter.limit).execute();
  return pseudonymiseAuditRows(db, rows);
}

/** Applies the deleted-person rule to audit rows read by any caller (see `listAuditEntries`). */
export async function pseudonymiseAuditRows<
  R extends {
    actor_user_id: string | null;
    entity_type: string;
    entity_id: string | null;
    before_value: unknown;
    after_value: unknown;
  },
>(db: Executor, rows: R[]): Promise<R[]> {
  if (rows.length === 0) return rows;
  const candidates = new Set<string>();
  for (const row of rows) {
    if (row.actor_user_id) candidates.add(row.actor_user_id);
    if (row.entity_id && UUID.test(row.entity_id)) candidates.add(row.entity_id);
    for (const s of stringsIn([row.before_value, row.after_value])) if (UUID.test(s)) candidates.add(s);
  }
  const deleted = candidates.size
    ? await db
        .selectFrom('user_account')
        .select('id')
        .where('status', '=', 'deleted')
        .where('id', 'in', [...candidates])
        .execute()
    : [];
  const deletions = await db
    .selectFrom('audit_log')
    .select('after_value')
    .where('entity_type', '=', 'user')
    .where('action', '=', 'user.delete')
    .execute();
  const entities = new Set(
    deletions.flatMap((d) =>
      ((d.after_value as { pseudonymised?: { type: string; id: string }[] } | null)?.pseudonymised ?? []).map(
        (e) => `${e.type}:${e.id}`,
      ),
    ),
  );
  const deletedIds = new Set(deleted.map((d) => d.id));
  if (deletedIds.size === 0 && entities.size === 0) return rows;
  return rows.map((row) =>
    rowConcernsDeletedPerson(row, deletedIds, entities)
      ? {
          ...row,
          before_value: pseudonymiseValue(row.before_value),
          after_value: pseudonymiseValue(row.after_value),
        }
      : row,
  );
}
