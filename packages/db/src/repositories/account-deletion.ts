import { sql } from 'kysely';
import type { Executor } from '../client';
import { releaseBoardPlacesOfDeletedUser } from './boards';
import { deleteNotificationDataOf } from './notifications';

/** How a deleted account is named wherever it is still referenced (contributions, board history, the audit log). */
export const DELETED_USER_NAME = 'Deleted user';

export const deletedUserEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Anonymises a deleted account in every table but the append-only audit log (issue #11 item 5). Rows stay where the
 * public or board record needs them (contributions, ended seats, attendance, inputs, survey counts), but every field that
 * identifies the person is cleared: name, e-mail, organisation, self-declarations (gender, conflict of interest), needs
 * and notes (RSVPs, event registrations), nominations of the person, their mail, their login throttle, an organisation
 * only they belonged to. Returns the entities whose audit rows are shown pseudonymised (see `pseudonymiseAuditRows`).
 * The caller invalidates the sessions and writes the audit row, in the same transaction.
 */
export async function anonymiseDeletedAccount(db: Executor, account: { id: string }, now: Date = new Date()) {
  // Read under a lock, not from the caller's copy: the name or organisation may have changed since it was loaded.
  const user = await db
    .selectFrom('user_account')
    .select(['id', 'email', 'name', 'organisation_id'])
    .where('id', '=', account.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const email = user.email.toLowerCase();
  await db
    .updateTable('user_account')
    .set({
      status: 'deleted',
      email: deletedUserEmail(user.id),
      name: DELETED_USER_NAME,
      password_hash: null,
      organisation_id: null,
      stakeholder_group: null,
      deleted_at: now,
      updated_at: now,
    })
    .where('id', '=', user.id)
    .execute();
  await db.deleteFrom('email_token').where('user_id', '=', user.id).execute();
  // What a person followed and was told is about them alone; nothing else refers to it.
  await deleteNotificationDataOf(db, user.id);
  // The sign-in counter and the account-mail counters (accountMailLimits' `rate:mail:to:…` and, per client,
  // `rate:mail:to:…:from:…`) name the address. A prefix test, not LIKE: `_` and `%` are legal in an address.
  await db
    .deleteFrom('login_throttle')
    .where((eb) =>
      eb.or([
        eb('key', 'in', [`account:${email}`, `rate:mail:to:${email}`]),
        sql<boolean>`starts_with(key, ${`rate:mail:to:${email}:from:`})`,
      ]),
    )
    .execute();
  await db
    .updateTable('invitation')
    .set({ name: DELETED_USER_NAME, email: deletedUserEmail(user.id) })
    .where('user_id', '=', user.id)
    .execute();
  // An organisation nobody else names is the person's own detail.
  if (user.organisation_id) {
    await db
      .deleteFrom('organisation')
      .where('id', '=', user.organisation_id)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('user_account').select('id').where('organisation_id', '=', user.organisation_id),
          ),
        ),
      )
      .execute();
  }

  // Feedback stays in the public record under "Deleted user": no organisation, no longer named.
  const contributions = await db
    .updateTable('contribution')
    .set({ organisation_name: null, named_publicly: false, updated_at: now })
    .where('author_user_id', '=', user.id)
    .returning('id')
    .execute();
  await db
    .updateTable('contribution_report')
    .set({ note: null })
    .where('reported_by', '=', user.id)
    .execute();
  // Event places are released (the waitlist is the consultation domain's), the needs given with them removed.
  const registrations = await db
    .updateTable('event_registration')
    .set({ status: 'cancelled', accommodations_needed: [], other_needs: null })
    .where('user_id', '=', user.id)
    .returning('id')
    .execute();

  // Mail to the person goes (sent or not); mail to others says "Deleted user" where it named them.
  await db
    .deleteFrom('mail_outbox')
    .where(sql<boolean>`lower(to_address) = ${email}`)
    .execute();
  if (user.name.trim().length >= 3 && user.name !== DELETED_USER_NAME) {
    const pattern = `\\m${escapeRegExp(user.name.trim())}\\M`;
    await db
      .updateTable('mail_outbox')
      .set({
        subject: sql`regexp_replace(subject, ${pattern}, ${DELETED_USER_NAME}, 'g')`,
        text_body: sql`regexp_replace(text_body, ${pattern}, ${DELETED_USER_NAME}, 'g')`,
        html_body: sql`regexp_replace(html_body, ${pattern}, ${DELETED_USER_NAME}, 'g')`,
      })
      .where((eb) =>
        eb.or([
          sql<boolean>`subject ~ ${pattern}`,
          sql<boolean>`text_body ~ ${pattern}`,
          sql<boolean>`coalesce(html_body, '') ~ ${pattern}`,
        ]),
      )
      .execute();
  }

  const boards = await releaseBoardPlacesOfDeletedUser(db, user, now);
  return {
    endedSeats: boards.endedSeats,
    withdrawnNominations: boards.withdrawnNominations,
    /** Entities whose audit history carries the person's details: shown pseudonymised. */
    pseudonymised: [
      ...boards.entities,
      ...contributions.map((c) => ({ type: 'contribution', id: c.id })),
      ...registrations.map((r) => ({ type: 'event_registration', id: r.id })),
    ],
  };
}
