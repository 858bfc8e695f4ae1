import { TRPCError } from '@trpc/server';
import Papa from 'papaparse';
import {
  acceptsRegistrations,
  canCancelRegistration,
  registrationDecision,
  registrationInput,
} from '@musyawarah/core';
import {
  cancelEventRegistration,
  countEventRegistrations,
  findEventRegistration,
  findEventRegistrationById,
  findRound,
  listEventRegistrations,
  listEventRegistrationsOfUser,
  lockRoundForRegistrations,
  upsertEventRegistration,
  writeAudit,
  type EventRegistration,
  type MailOutbox,
  type Tx,
} from '@musyawarah/db';
import type { Context } from '../../context';
import { notFound } from '../../errors';
import { auditContext, authedProcedure, secretariatProcedure } from '../../trpc';
import { throttleContribution } from '../contribution-limits';
import { boardIdsFor, checkAudience } from '../round-access';
import { eventOf, fillFromWaitlist, scheduleOf, type RoundEvent } from '../shared/consultation';
import { registrationIdInput, roundIdInput } from './contributions.types';

/**
 * Event registrations of consultation rounds (town halls, forums, hybrid sessions), merged into the `contributions`
 * router. Every change to one event's registrations — register, cancel, promote from the waitlist — first locks the
 * round's row, so places are counted and handed out one change at a time (the waitlist: ../shared/consultation.ts).
 */

/**
 * Cancels a registration (by its holder or the Secretariat) until the event starts; a place it frees goes to the first
 * person waiting, in the same transaction. Returns the mail to deliver once committed.
 */
async function cancel(
  ctx: Context & { user: { id: string } },
  find: (tx: Tx) => Promise<EventRegistration | undefined>,
) {
  const queued: MailOutbox[] = [];
  const result = await ctx.db.transaction().execute(async (tx) => {
    const first = await find(tx);
    if (!first) throw notFound('errors.eventNotRegistered');
    await lockRoundForRegistrations(tx, first.round_id);
    // Read again under the lock: a parallel cancel of the same registration has either finished or not started.
    const before = await findEventRegistrationById(tx, first.id);
    const round = await findRound(tx, first.round_id);
    const event = round ? eventOf(round) : null;
    if (!before || before.status === 'cancelled' || !round || !event)
      throw notFound('errors.eventNotRegistered');
    const allowed = canCancelRegistration({ startsAt: new Date(event.startsAt) }, new Date());
    if (!allowed.ok) throw new TRPCError({ code: 'FORBIDDEN', message: allowed.reason });
    const now = new Date();
    const after = await cancelEventRegistration(tx, before.id, { cancelledBy: ctx.user.id, now });
    await writeAudit(tx, auditContext(ctx), {
      action: 'event.cancel_registration',
      entityType: 'event_registration',
      entityId: before.id,
      before,
      after,
    });
    if (before.status === 'registered') queued.push(...(await fillFromWaitlist(ctx, tx, round, event)));
    return { status: after.status };
  });
  await ctx.mailer.deliver(ctx.db, queued);
  return result;
}

export const eventProcedures = {
  /** The signed-in person's registration for a round's event, so the page can say "you are registered". */
  myRegistration: authedProcedure.input(roundIdInput).query(async ({ ctx, input }) => {
    const [row, round] = await Promise.all([
      findEventRegistration(ctx.db, input.roundId, ctx.user.id),
      findRound(ctx.db, input.roundId),
    ]);
    const event = round ? eventOf(round) : null;
    if (!row || row.status === 'cancelled') return null;
    return {
      id: row.id,
      status: row.status,
      accommodationsNeeded: row.accommodations_needed,
      otherNeeds: row.other_needs,
      registeredAt: row.created_at,
      canCancel: !!event && canCancelRegistration({ startsAt: new Date(event.startsAt) }, new Date()).ok,
    };
  }),

  /** Every event the signed-in person holds a place at or waits for, for "My contributions". */
  myRegistrations: authedProcedure.query(async ({ ctx }) => {
    const rows = await listEventRegistrationsOfUser(ctx.db, ctx.user.id);
    const now = new Date();
    return rows.map((r) => {
      const event = r.event as RoundEvent | null;
      return {
        id: r.id,
        roundId: r.round_id,
        roundTitle: r.round_title,
        status: r.status,
        accommodationsNeeded: r.accommodations_needed,
        otherNeeds: r.other_needs,
        registeredAt: r.created_at,
        startsAt: event?.startsAt ?? null,
        timezone: event?.timezone ?? null,
        canCancel: !!event && canCancelRegistration({ startsAt: new Date(event.startsAt) }, now).ok,
      };
    });
  }),

  /**
   * Registration for an in-person or hybrid event, with the accommodations the registrant needs. Only the round's
   * audience may register (the same rule as for feedback), from publication until the round closes or the event starts.
   */
  registerForEvent: authedProcedure.input(registrationInput).mutation(async ({ ctx, input }) => {
    await throttleContribution(ctx, 'registrationChangesPerUser');
    const queued: MailOutbox[] = [];
    const result = await ctx.db.transaction().execute(async (tx) => {
      const round = await findRound(tx, input.roundId);
      const event = round ? eventOf(round) : null;
      if (!round || !round.published_at || !event) throw notFound('round.notFound');
      const window = acceptsRegistrations(
        scheduleOf(round),
        { startsAt: new Date(event.startsAt) },
        new Date(),
      );
      if (!window.ok) throw new TRPCError({ code: 'FORBIDDEN', message: window.reason });
      checkAudience(round, ctx.user, await boardIdsFor(tx, round, ctx.user));
      // Serialise registrations of one event so two people cannot both take the last seat.
      await lockRoundForRegistrations(tx, round.id);
      const existing = await findEventRegistration(tx, round.id, ctx.user.id);
      if (existing && existing.status !== 'cancelled') return { status: existing.status };
      // Places freed earlier (a larger capacity) go to those already waiting before anyone new.
      queued.push(...(await fillFromWaitlist(ctx, tx, round, event)));
      const counts = await countEventRegistrations(tx, round.id);
      const status =
        counts.waitlisted > 0
          ? 'waitlisted'
          : registrationDecision(event.capacity ?? null, counts.registered);
      const now = new Date();
      // A registration made again after cancelling takes a new place at the back of the queue.
      const row = await upsertEventRegistration(tx, {
        roundId: round.id,
        userId: ctx.user.id,
        status,
        accommodationsNeeded: input.accommodationsNeeded,
        otherNeeds: input.otherNeeds ?? null,
        now,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'event.register',
        entityType: 'event_registration',
        entityId: row.id,
        before: existing,
        after: row,
      });
      return { status: row.status };
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return result;
  }),

  /** "Cancel my registration": the place goes to the first person on the waitlist, who is told by e-mail. */
  cancelRegistration: authedProcedure.input(roundIdInput).mutation(async ({ ctx, input }) => {
    await throttleContribution(ctx, 'registrationChangesPerUser');
    return cancel(ctx, (tx) => findEventRegistration(tx, input.roundId, ctx.user.id));
  }),

  /** The Secretariat cancels someone's registration (they told the Secretariat, or registered twice). */
  cancelRegistrationFor: secretariatProcedure
    .input(registrationIdInput)
    .mutation(({ ctx, input }) => cancel(ctx, (tx) => findEventRegistrationById(tx, input.registrationId))),

  /** Who is coming and what they need: registered and waitlisted people with their accommodations, against capacity. */
  eventRegistrations: secretariatProcedure.input(roundIdInput).query(async ({ ctx, input }) => {
    const round = await findRound(ctx.db, input.roundId);
    if (!round) throw notFound('round.notFound');
    const event = eventOf(round);
    const rows = event ? await listEventRegistrations(ctx.db, round.id) : [];
    const registrations = rows.map((r) => ({
      id: r.id,
      status: r.status,
      name: r.name,
      email: r.email,
      organisation: r.organisation_name,
      stakeholderGroup: r.stakeholder_group,
      memberState: r.member_state_code,
      accommodationsNeeded: r.accommodations_needed,
      otherNeeds: r.other_needs,
      registeredAt: r.created_at,
      promotedAt: r.promoted_at,
      cancelledAt: r.cancelled_at,
    }));
    const accommodations: Record<string, number> = {};
    for (const r of registrations) {
      if (r.status === 'cancelled') continue;
      for (const a of r.accommodationsNeeded) accommodations[a] = (accommodations[a] ?? 0) + 1;
    }
    return {
      hasEvent: !!event,
      capacity: event?.capacity ?? null,
      startsAt: event?.startsAt ?? null,
      /** Cancelling is possible until the event starts (the same rule the procedures apply). */
      canCancel: !!event && canCancelRegistration({ startsAt: new Date(event.startsAt) }, new Date()).ok,
      registered: registrations.filter((r) => r.status === 'registered').length,
      waitlisted: registrations.filter((r) => r.status === 'waitlisted').length,
      cancelled: registrations.filter((r) => r.status === 'cancelled').length,
      accommodations,
      registrations,
    };
  }),

  /** The registrations as CSV for the venue and the interpreters; cells that a spreadsheet would run are escaped. */
  exportRegistrations: secretariatProcedure.input(roundIdInput).query(async ({ ctx, input }) => {
    const round = await findRound(ctx.db, input.roundId);
    if (!round) throw notFound('round.notFound');
    const rows = eventOf(round) ? await listEventRegistrations(ctx.db, round.id) : [];
    const flat = rows.map((r) => ({
      status: r.status,
      name: r.name,
      email: r.email,
      organisation: r.organisation_name ?? '',
      stakeholder_group: r.stakeholder_group ?? '',
      member_state: r.member_state_code ?? '',
      accommodations: r.accommodations_needed.join('; '),
      other_needs: r.other_needs ?? '',
      registered_at: new Date(r.created_at).toISOString(),
      promoted_at: r.promoted_at ? new Date(r.promoted_at).toISOString() : '',
      cancelled_at: r.cancelled_at ? new Date(r.cancelled_at).toISOString() : '',
    }));
    const columns = [
      'status',
      'name',
      'email',
      'organisation',
      'stakeholder_group',
      'member_state',
      'accommodations',
      'other_needs',
      'registered_at',
      'promoted_at',
      'cancelled_at',
    ];
    return {
      filename: `registrations-${round.id.slice(0, 8)}.csv`,
      contentType: 'text/csv',
      body: Papa.unparse(
        { fields: columns, data: flat.map((r) => columns.map((c) => r[c as keyof typeof r])) },
        { escapeFormulae: true },
      ),
    };
  }),
};
