// Consultation helpers shared by the rounds, contributions and account routers: a round's schedule and phase, receipt
// references, a round's event and the waitlist (no router imports another router).
import { randomBytes } from 'node:crypto';
import {
  eventChangesForAttendees,
  formatReceiptReference,
  localized,
  placesToFill,
  receiptCodeFromBytes,
  roundPhase,
  type EventArrangements,
  type RoundPhase,
} from '@musyawarah/core';
import {
  countEventRegistrations,
  findNotificationRecipients,
  findUserById,
  listEventRegistrations,
  promoteFromWaitlist,
  writeAudit,
  type ConsultationRound,
  type MailOutbox,
  type Tx,
} from '@musyawarah/db';
import type { Context } from '../../context';
import { eventChangedMail, eventPlaceOfferedMail } from '../../mail/templates';
import { auditContext } from '../../trpc';
import { link } from './links';

export function scheduleOf(round: ConsultationRound) {
  return {
    publishedAt: round.published_at ? new Date(round.published_at) : null,
    opensAt: new Date(round.opens_at),
    closesAt: new Date(round.closes_at),
    summaryPublishedAt: round.summary_published_at ? new Date(round.summary_published_at) : null,
  };
}

export function phaseOf(round: ConsultationRound, now = new Date()): RoundPhase {
  return roundPhase(scheduleOf(round), now);
}

const RECEIPT_CODE_BYTES = 5;
const RECEIPT_CODES_PER_READ = 256;
let receiptEntropy = new Uint8Array(0);
let receiptEntropyUsed = 0;

/**
 * Five bytes from the operating system's CSPRNG, read 256 codes' worth at a time as Node's randomUUID does: one system
 * call per 256 submissions instead of one each (the calls were ~1 % of a submission's host CPU, bench/). Each byte is
 * handed out once.
 */
function receiptCodeBytes(): Uint8Array {
  if (receiptEntropyUsed + RECEIPT_CODE_BYTES > receiptEntropy.length) {
    receiptEntropy = randomBytes(RECEIPT_CODE_BYTES * RECEIPT_CODES_PER_READ);
    receiptEntropyUsed = 0;
  }
  const bytes = receiptEntropy.subarray(receiptEntropyUsed, receiptEntropyUsed + RECEIPT_CODE_BYTES);
  receiptEntropyUsed += RECEIPT_CODE_BYTES;
  return bytes;
}

export function newReceiptReference(now = new Date()): string {
  return formatReceiptReference(now.getUTCFullYear(), receiptCodeFromBytes(receiptCodeBytes()));
}

/** A round's in-person or hybrid event, as far as registrations need it. */
export interface RoundEvent extends EventArrangements {
  capacity?: number | null;
}

export function eventOf(round: ConsultationRound): RoundEvent | null {
  return (round.event as RoundEvent | null) ?? null;
}

/**
 * Fills free places from the waitlist, first come first served, and queues each promoted person's e-mail in the same
 * transaction. The caller holds the round lock.
 */
export async function fillFromWaitlist(
  ctx: Context,
  tx: Tx,
  round: ConsultationRound,
  event: RoundEvent,
): Promise<MailOutbox[]> {
  const counts = await countEventRegistrations(tx, round.id);
  const promoted = await promoteFromWaitlist(
    tx,
    round.id,
    placesToFill(event.capacity ?? null, counts.registered, counts.waitlisted),
  );
  const queued: MailOutbox[] = [];
  for (const row of promoted) {
    await writeAudit(tx, auditContext(ctx), {
      action: 'event.promote_from_waitlist',
      entityType: 'event_registration',
      entityId: row.id,
      before: { status: 'waitlisted' },
      after: row,
    });
    const person = await findUserById(tx, row.user_id);
    if (person && person.status === 'active') {
      queued.push(
        await ctx.mailer.queue(
          tx,
          eventPlaceOfferedMail(person, {
            roundTitle: localized(round.title as { en: string }, [person.locale]).text,
            startsAt: new Date(event.startsAt),
            timezone: event.timezone,
            link: link(ctx, `/consultations/${round.id}#event`),
          }),
        ),
      );
    }
  }
  return queued;
}

/**
 * When the Secretariat moves an event or changes where it happens, everyone holding or waiting for a place is told by
 * e-mail, in their language, with the new time and place, in the update's transaction (nobody turns up at the old
 * room). A new capacity or accommodations offered are not news to them (core's eventChangesForAttendees).
 */
export async function tellRegistrantsOfEventChange(
  ctx: Context,
  tx: Tx,
  round: ConsultationRound,
  before: RoundEvent,
  after: RoundEvent,
): Promise<MailOutbox[]> {
  if (eventChangesForAttendees(before, after).length === 0) return [];
  const holders = (await listEventRegistrations(tx, round.id)).filter((r) => r.status !== 'cancelled');
  const queued: MailOutbox[] = [];
  for (const person of await findNotificationRecipients(
    tx,
    holders.map((r) => r.user_id),
  )) {
    queued.push(
      await ctx.mailer.queue(
        tx,
        eventChangedMail(person, {
          roundTitle: localized(round.title as { en: string }, [person.locale]).text,
          startsAt: new Date(after.startsAt),
          endsAt: new Date(after.endsAt),
          timezone: after.timezone,
          venue: after.venue,
          onlineLink: after.link,
          link: link(ctx, `/consultations/${round.id}#event`),
        }),
      ),
    );
  }
  return queued;
}
