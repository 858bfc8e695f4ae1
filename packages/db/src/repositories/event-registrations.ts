import type { Executor } from '../client';
import type { EventRegistration } from '../schema';

// Writes of event registrations moved out of the contributions router (executor first, same statements as before).
// Reads, the round lock and promotion from the waitlist are in consultation.ts. Call these only while holding
// `lockRoundForRegistrations`.

/**
 * Registers the person for the round's event with the given status. A registration made again after cancelling takes a
 * new place at the back of the queue (`event_registration_once` rewrites the earlier row).
 */
export async function upsertEventRegistration(
  db: Executor,
  values: {
    roundId: string;
    userId: string;
    status: EventRegistration['status'];
    accommodationsNeeded: string[];
    otherNeeds: string | null;
    now: Date;
  },
) {
  const row = {
    status: values.status,
    accommodations_needed: values.accommodationsNeeded,
    other_needs: values.otherNeeds,
    created_at: values.now,
    updated_at: values.now,
    cancelled_at: null,
    cancelled_by: null,
    promoted_at: null,
  };
  return db
    .insertInto('event_registration')
    .values({ round_id: values.roundId, user_id: values.userId, ...row })
    .onConflict((oc) => oc.constraint('event_registration_once').doUpdateSet(row))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function cancelEventRegistration(
  db: Executor,
  registrationId: string,
  values: { cancelledBy: string; now: Date },
) {
  return db
    .updateTable('event_registration')
    .set({
      status: 'cancelled',
      cancelled_at: values.now,
      cancelled_by: values.cancelledBy,
      updated_at: values.now,
    })
    .where('id', '=', registrationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
