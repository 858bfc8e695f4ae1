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
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        REDACTED_KEYS.has(k) ? '[redacted]' : redact(v),
      ]),
    );
  }
  return value;
}

/**
 * Appends to the audit log. Call it with the same transaction as the change it records, so that a change and its
 * audit row commit or roll back together.
 */
export async function writeAudit(
  executor: Executor,
  context: AuditContext,
  entry: AuditEntry,
): Promise<void> {
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

// ---------------------------------------------------------------------------------------------------------------------
// Reading the audit log after an account was deleted (issue #11 item 5). The log stays append-only: its rows are never
// rewritten. Wherever rows are shown (the Secretariat's audit view, exports), the details of a deleted person are
// pseudonymised on read; the original values remain in the database for a data-protection officer with database access.

/** Keys that carry a person's details in audited rows (snake_case as stored, camelCase as some procedures audit them). */
const PERSONAL_NAME_KEYS = new Set([
  'name',
  'nominee_name',
  'holder_name',
  'user_name',
  'signer_name',
  'participant_name',
  'author_name',
  'applicant_name',
  'nomineeName',
  'participantName',
  'authorName',
]);
const PERSONAL_KEYS = new Set([
  ...PERSONAL_NAME_KEYS,
  'email',
  'nominee_email',
  'holder_email',
  'applicant_email',
  'to_address',
  'nomineeEmail',
  'confirmEmail',
  'organisation',
  'organisation_name',
  'organisationName',
  'organisation_id',
  'conflict_of_interest',
  'conflictOfInterest',
  'gender',
  'other_needs',
  'otherNeeds',
  'accommodations_needed',
  'accommodationsNeeded',
  'motivation',
  'end_note',
  'score_note',
  'decision_reason',
  'note',
  'comment',
  'ip_address',
  'user_agent',
  'ipAddress',
  'userAgent',
]);

export const DELETED_PERSON = 'Deleted user';
const REMOVED = '[removed]';

/** A copy of an audited value with every personal field replaced ("Deleted user" for names, "[removed]" for the rest). */
export function pseudonymiseValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pseudonymiseValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => {
        if (!PERSONAL_KEYS.has(k) || v === null) return [k, pseudonymiseValue(v)];
        if (Array.isArray(v)) return [k, []];
        return [k, PERSONAL_NAME_KEYS.has(k) ? DELETED_PERSON : typeof v === 'string' ? REMOVED : null];
      }),
    );
  }
  return value;
}

/** Every string inside a JSON value (to find references to deleted accounts). */
export function stringsIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

export interface AuditRowForReading {
  actor_user_id: string | null;
  entity_type: string;
  entity_id: string | null;
  before_value: unknown;
  after_value: unknown;
}

/**
 * Whether a row is about a deleted person: they acted, it is their account, it names their id anywhere, or it is about
 * an entity their deletion anonymised (`pseudonymisedEntities`, "type:id", from the `user.delete` rows).
 */
export function rowConcernsDeletedPerson(
  row: AuditRowForReading,
  deletedUserIds: ReadonlySet<string>,
  pseudonymisedEntities: ReadonlySet<string>,
): boolean {
  if (row.actor_user_id && deletedUserIds.has(row.actor_user_id)) return true;
  if (
    row.entity_id &&
    (deletedUserIds.has(row.entity_id) || pseudonymisedEntities.has(`${row.entity_type}:${row.entity_id}`))
  )
    return true;
  for (const s of stringsIn([row.before_value, row.after_value])) if (deletedUserIds.has(s)) return true;
  return false;
}
