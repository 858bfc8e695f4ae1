// Secretariat review procedures: adoption, closing without adopting, the timeliness report.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { closeCycleInput, closeDecision, cycleStage } from '@musyawarah/core';
import {
  adoptReviewedEdition,
  markReviewCycleAdopted,
  markReviewCycleClosed,
  setCyclePhaseActuals,
  listCyclePhases,
  listReviewCycles,
  lockEditionsForAdoption,
  writeAudit,
  type MailOutbox,
} from '@musyawarah/db';
import { FieldError } from '../../errors';
import { deliverAfterCommit } from '../../notifications/notify';
import { notifyCyclePhase } from '../../notifications/producers';
import { auditContext, secretariatProcedure } from '../../trpc';
import { uuid } from './review.types';
import { timelinessReport } from '../../review-timeliness';
import { phaseDates, presentCycle } from './presenters';
import { notReadyRefusal, readinessOf, refuseUnlessPhase, requireCycle } from './shared';

export const adoptionProcedures = {
  /**
   * In one transaction: refuses while any edit is unresolved, applies the accepted (or finally worded) edits to the base
   * edition, makes the result the current edition, ends the adoption phase and publishes the cycle's record.
   */
  adopt: secretariatProcedure
    .input(
      z.object({
        cycleId: uuid,
        title: z
          .string({ error: 'validation.required' })
          .trim()
          .min(1, { error: 'validation.required' })
          .max(300, { error: 'validation.tooLong' }),
        notes: z
          .string({ error: 'validation.invalidType' })
          .trim()
          .max(20_000, { error: 'validation.tooLong' })
          .nullish()
          .transform((v) => v || null),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const queued: MailOutbox[] = [];
      const adopted = await deliverAfterCommit(
        ctx,
        queued,
        ctx.db.transaction().execute(async (tx) => {
          const cycle = await requireCycle(tx, input.cycleId, { lock: true });
          const beforePhases = await listCyclePhases(tx, [cycle.id]);
          const stage = cycleStage(phaseDates(beforePhases), cycle.closed_at);
          refuseUnlessPhase(stage, 'adopt');
          // Edits are written against the base; if another edition was adopted since, applying them would drop its changes.
          // The current edition is read under the adoption lock, so of two adoptions on one base the second waits and is
          // refused (review.baseNotCurrent) instead of superseding the first.
          const draft = await readinessOf(tx, cycle, await lockEditionsForAdoption(tx));
          if (!draft.ok) throw notReadyRefusal(draft.problems);
          const now = new Date();
          const edition = await adoptReviewedEdition(tx, {
            catalogue: draft.catalogue,
            title: input.title,
            notes: input.notes,
            reviewCycleId: cycle.id,
            adoptedBy: ctx.user.id,
            audit: auditContext(ctx),
          });
          await setCyclePhaseActuals(tx, cycle.id, 'adoption', { actual_end: now });
          const after = await markReviewCycleAdopted(tx, cycle.id, edition.number, now);
          const phases = await listCyclePhases(tx, [cycle.id]);
          await writeAudit(tx, auditContext(ctx), {
            action: 'review.adopt',
            entityType: 'review_cycle',
            entityId: cycle.id,
            before: { ...cycle, phases: beforePhases },
            after: { ...after, phases, editionNumber: edition.number, appliedEdits: draft.applied },
          });
          queued.push(...(await notifyCyclePhase(ctx, tx, after, 'adopted', now)));
          return {
            cycle: presentCycle(after, phases),
            editionNumber: edition.number,
            appliedEdits: draft.applied,
          };
        }),
      );
      // Every host (this one too) drops its current edition on the commit's notification; this host does not wait for it.
      ctx.editionCache?.invalidate();
      return adopted;
    }),

  /**
   * Closes a cycle without adopting: the way forward for a cycle that can never be adopted because another cycle's
   * adoption superseded its base edition (or that the Secretariat abandons). Any stage before adopted. The reason — and,
   * with `superseded`, the edition that replaced the base, read under the editions' adoption lock — is shown on the
   * public cycle record. Its edits, positions and comments stay readable as before; every write is refused from now on
   * (core `phaseAllows` → `review.cycleClosed`). `expectedVersion` is the version the screen showed.
   */
  closeCycle: secretariatProcedure.input(closeCycleInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    return deliverAfterCommit(
      ctx,
      queued,
      ctx.db.transaction().execute(async (tx) => {
        const cycle = await requireCycle(tx, input.cycleId, { lock: true });
        const beforePhases = await listCyclePhases(tx, [cycle.id]);
        const stage = cycleStage(phaseDates(beforePhases), cycle.closed_at);
        const decision = closeDecision(stage);
        if (!decision.ok) throw new TRPCError({ code: 'CONFLICT', message: decision.reason });
        if (cycle.version !== input.expectedVersion)
          throw new TRPCError({ code: 'CONFLICT', message: 'review.cycleConflict' });
        let supersededBy: number | null = null;
        if (input.superseded) {
          const current = await lockEditionsForAdoption(tx);
          if (current === null || current === cycle.base_edition_number)
            throw new FieldError('BAD_REQUEST', { superseded: ['review.baseStillCurrent'] });
          supersededBy = current;
        }
        const now = new Date();
        const after = await markReviewCycleClosed(tx, cycle.id, {
          closedAt: now,
          closedBy: ctx.user.id,
          reason: input.reason ?? null,
          supersededBy,
        });
        await writeAudit(tx, auditContext(ctx), {
          action: 'review.cycle_close',
          entityType: 'review_cycle',
          entityId: cycle.id,
          before: { stage, closed_at: null },
          after: {
            stage: 'closed',
            reachedStage: stage,
            closed_at: after.closed_at,
            closed_reason: after.closed_reason,
            closed_superseded_by: supersededBy,
          },
        });
        queued.push(...(await notifyCyclePhase(ctx, tx, after, 'closed', now)));
        return presentCycle(after, beforePhases);
      }),
    );
  }),

  /** Planned against actual per phase and overall, for one cycle or all; CSV for spreadsheets. */
  timelinessReport: secretariatProcedure
    .input(
      z.object({
        format: z.enum(['json', 'csv'], { error: 'validation.invalidOption' }),
        cycleId: uuid.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const cycles = input.cycleId
        ? [await requireCycle(ctx.db, input.cycleId)]
        : await listReviewCycles(ctx.db);
      const phases = await listCyclePhases(
        ctx.db,
        cycles.map((c) => c.id),
      );
      const presented = cycles.map((c) => presentCycle(c, phases));
      return timelinessReport(presented, input.format, new Date());
    }),
};
