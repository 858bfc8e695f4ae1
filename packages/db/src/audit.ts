import type { Executor } from './client';

export interface AuditContext {
  actorUserId: string | null;
  requestId?: string | null;
  ipAddress?: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Values that must never reach the audit log, whatever table they come from. */
const REDACTED_KEYS = new Set(['password_hash', 'password', 'token', 'passwordHash']);

function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, REDACTED_KEYS.has(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

/**
 * Appends to the audit log. Call it with the same transaction as the change it records, so that a change and its
 * audit row commit or roll back together.
 */
export async function writeAudit(executor: Executor, context: AuditContext, entry: AuditEntry): Promise<void> {
  await executor.insertInto('audit_log').values(auditRow(context, entry)).execute();
}

/** The audit_log row for an entry, redacted; for callers that write it as part of a larger statement. */
export function auditRow(context: AuditContext, entry: AuditEntry) {
  return {
    actor_user_id: context.actorUserId,
    request_id: context.requestId ?? null,
    ip_address: context.ipAddress ?? null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    before_value: entry.before === undefined ? null : JSON.stringify(redact(entry.before)),
    after_value: entry.after === undefined ? null : JSON.stringify(redact(entry.after)),
  };
}
