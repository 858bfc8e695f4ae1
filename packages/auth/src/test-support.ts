import type { AccountStatus, Executor } from '@musyawarah/db';

let counter = 0;

/** A user row with only what the schema requires; tests choose the status that matters to them. */
export async function insertTestUser(db: Executor, status: AccountStatus = 'active'): Promise<string> {
  counter += 1;
  const row = await db
    .insertInto('user_account')
    .values({
      email: `user${counter}-${Math.random().toString(36).slice(2, 8)}@example.org`,
      name: `Test User ${counter}`,
      role: 'stakeholder',
      member_state_code: null,
      stakeholder_group: null,
      organisation_id: null,
      password_hash: null,
      status,
      email_verified_at: null,
      privacy_consent_at: null,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** `Set-Cookie` value → name, value and attributes (keys lower-cased), the way a browser reads it. */
export function parseSetCookie(header: string): {
  name: string;
  value: string;
  attributes: Map<string, string | true>;
} {
  const [pair = '', ...rest] = header.split(';');
  const eq = pair.indexOf('=');
  const attributes = new Map<string, string | true>();
  for (const part of rest) {
    const i = part.indexOf('=');
    if (i === -1) attributes.set(part.trim().toLowerCase(), true);
    else attributes.set(part.slice(0, i).trim().toLowerCase(), part.slice(i + 1).trim());
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes };
}

export const dbLabel = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? 'postgres' : 'pglite';
