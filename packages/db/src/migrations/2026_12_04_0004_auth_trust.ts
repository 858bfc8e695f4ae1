import { sql, type Kysely } from 'kysely';

/**
 * Registration no longer takes a password: the person who confirms the address chooses it. A password set on a
 * registration that is still unconfirmed may have been chosen by someone who registered a stranger's address, so it
 * is dropped; whoever confirms (or resets through the mailbox) sets a new one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update user_account set password_hash = null, updated_at = now()
    where status = 'pending_verification' and role = 'stakeholder' and password_hash is not null`.execute(db);
}

/** Dropped passwords cannot come back; nothing to undo. */
export async function down(): Promise<void> {}
