// Secretariat review procedures: the framework, cycles and their phases, assessment results.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  CYCLE_PHASES,
  advanceDecision,
  closeDecision,
  cycleInput,
  cycleStage,
  readFrameworkDocument,
  saveFrameworkInput,
  summariseAssessments,
} from '@musyawarah/core';
import {
  bumpReviewCycleVersion,
  insertCyclePhases,
  insertReviewCycle,
  setCyclePhaseActuals,
  updateCyclePhasePlan,
  updateReviewCycle,
  currentEditionNumber,
  findEditionCatalogue,
  findFramework,
  findLatestFramework,
  insertFrameworkVersion,
  listCyclePhases,
  listEditComments,
  listFrameworkVersions,
  listPositions,
  listResolutions,
  listReviewAssessments,
  listReviewCycles,
  listReviewEdits,
  lockEditionsForAdoption,
  writeAudit,
  type MailOutbox,
} from '@musyawarah/db';
import { FieldError } from '../../errors';
import { deliverAfterCommit } from '../../notifications/notify';
import { notifyCyclePhase } from '../../notifications/producers';
import { auditContext, secretariatProcedure } from '../../trpc';
import { cycleIdInput, uuid, versionField } from './review.types';
import { iso, phaseDates, presentCycle } from './presenters';
import { assessmentScope, notReadyRefusal, readinessOf, requireCycle } from './shared';

export const secretariatCycleProcedures = {
  frameworkVersions: secretariatProcedure.query(async ({ ctx }) => {
    const rows = await listFrameworkVersions(ctx.db);
    return rows.map((r) => ({
      version: r.version,
      createdAt: iso(r.created_at) as string,
      createdBy: r.created_by_name,
    }));
  }),

  /** Saves the framework as a new version. Two editors saving from the same version: the second is told, not overwritten. */
  saveFramework: secretariatProcedure.input(saveFrameworkInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const latest = await findLatestFramework(tx);
      if ((latest?.version ?? null) !== input.expectedVersion)
        throw new TRPCError({ code: 'CONFLICT', message: 'review.frameworkConflict' });
      const created = await insertFrameworkVersion(tx, {
        version: (latest?.version ?? 0) + 1,
        document: input.document,
        createdBy: ctx.user.id,
      });
      if (!created) throw new TRPCError({ code: 'CONFLICT', message: 'review.frameworkConflict' });
      await writeAudit(tx, auditContext(ctx), {
        action: 'review.framework_save',
        entityType: 'review_framework',
        entityId: null,
        before: latest ?? null,
        after: created,
      });
      return {
        version: created.version,
        document: readFrameworkDocument(created.document),
        createdAt: iso(created.created_at) as string,
      };
    });
  }),

  adminCycles: secretariatProcedure.query(async ({ ctx }) => {
    const cycles = await listReviewCycles(ctx.db);
    const phases = await listCyclePhases(
      ctx.db,
      cycles.map((c) => c.id),
    );
    return cycles.map((c) => presentCycle(c, phases));
  }),

  adminCycle: secretariatProcedure.input(cycleIdInput).query(async ({ ctx, input }) => {
    const cycle = await requireCycle(ctx.db, input.cycleId);
    const [phases, edits, framework] = await Promise.all([
      listCyclePhases(ctx.db, [cycle.id]),
      listReviewEdits(ctx.db, cycle.id),
      findFramework(ctx.db, cycle.framework_version),
    ]);
    const ids = edits.map((e) => e.id);
    const [resolutions, positions, comments, current] = await Promise.all([
      listResolutions(ctx.db, ids),
      listPositions(ctx.db, ids),
      listEditComments(ctx.db, ids),
      currentEditionNumber(ctx.db),
    ]);
    const readiness = await readinessOf(ctx.db, cycle, current);
    const presented = presentCycle(cycle, phases);
    return {
      ...presented,
      /** Whether closeCycle would be accepted now (the screen offers it only then). */
      canClose: closeDecision(presented.stage).ok,
      framework: framework
        ? { version: framework.version, document: readFrameworkDocument(framework.document) }
        : null,
      editCount: edits.length,
      resolvedCount: resolutions.length,
      /** Whether adopting would succeed now, and every reason it would not: what the adoption screen shows. */
      readiness: { ok: readiness.ok, problems: readiness.problems },
      currentEditionNumber: current,
      /** Finalisation answers every position and comment; these are still waiting (adoption does not depend on them). */
      unanswered: {
        positions: positions.filter((p) => p.answer === null).length,
        comments: comments.filter((c) => c.answer === null).length,
      },
    };
  }),

  createCycle: secretariatProcedure.input(cycleInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      if (!(await findFramework(tx, input.frameworkVersion)))
        throw new FieldError('BAD_REQUEST', { frameworkVersion: ['review.frameworkNotFound'] });
      // The current edition is read under the editions' adoption lock: a cycle created while an adoption commits waits
      // for it and starts on the new edition, never on one superseded a moment later.
      const current = await lockEditionsForAdoption(tx);
      const baseEditionNumber = input.baseEditionNumber ?? current;
      if (baseEditionNumber === null || !(await findEditionCatalogue(tx, baseEditionNumber)))
        throw new FieldError('BAD_REQUEST', { baseEditionNumber: ['review.editionNotFound'] });
      const created = await insertReviewCycle(tx, {
        title: input.title,
        description: input.description ?? null,
        framework_version: input.frameworkVersion,
        base_edition_number: baseEditionNumber,
        audience: input.audience,
        publication_date: input.publicationDate,
        created_by: ctx.user.id,
        updated_at: new Date(),
      });
      const phases = await insertCyclePhases(tx, created.id, input.phases);
      await writeAudit(tx, auditContext(ctx), {
        action: 'review.cycle_create',
        entityType: 'review_cycle',
        entityId: created.id,
        after: { ...created, phases },
      });
      return presentCycle(created, phases);
    });
  }),

  /** Planned dates, title, audience, publication date. Actual dates are only ever recorded by advancing. */
  updateCycle: secretariatProcedure
    .input(z.object({ cycleId: uuid, expectedVersion: versionField, cycle: cycleInput }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const before = await requireCycle(tx, input.cycleId, { lock: true });
        const beforePhases = await listCyclePhases(tx, [before.id]);
        const stage = cycleStage(phaseDates(beforePhases), before.closed_at);
        if (stage === 'adopted') throw new TRPCError({ code: 'CONFLICT', message: 'review.cycleAdopted' });
        if (stage === 'closed') throw new TRPCError({ code: 'CONFLICT', message: 'review.cycleClosed' });
        const c = input.cycle;
        // What the cycle is reviewing cannot change under assessments and edits already made against it.
        if (
          stage !== 'not_started' &&
          (c.frameworkVersion !== before.framework_version ||
            (c.baseEditionNumber ?? before.base_edition_number) !== before.base_edition_number)
        )
          throw new FieldError('BAD_REQUEST', { frameworkVersion: ['review.frameworkChangedSinceCycle'] });
        if (!(await findFramework(tx, c.frameworkVersion)))
          throw new FieldError('BAD_REQUEST', { frameworkVersion: ['review.frameworkNotFound'] });
        const baseEditionNumber = c.baseEditionNumber ?? before.base_edition_number;
        if (!(await findEditionCatalogue(tx, baseEditionNumber)))
          throw new FieldError('BAD_REQUEST', { baseEditionNumber: ['review.editionNotFound'] });
        const after = await updateReviewCycle(tx, before.id, input.expectedVersion, {
          title: c.title,
          description: c.description ?? null,
          framework_version: c.frameworkVersion,
          base_edition_number: baseEditionNumber,
          audience: c.audience,
          publication_date: c.publicationDate,
          updated_at: new Date(),
        });
        if (!after) throw new TRPCError({ code: 'CONFLICT', message: 'review.cycleConflict' });
        for (const p of c.phases) {
          await updateCyclePhasePlan(tx, after.id, p.phase, p);
        }
        const phases = await listCyclePhases(tx, [after.id]);
        await writeAudit(tx, auditContext(ctx), {
          action: 'review.cycle_update',
          entityType: 'review_cycle',
          entityId: after.id,
          before: { ...before, phases: beforePhases },
          after: { ...after, phases },
        });
        return presentCycle(after, phases);
      });
    }),

  /**
   * Ends the current phase and starts the next, both now. `expectedStage` is the stage the screen showed, so a double
   * click (or two people) cannot skip a phase.
   */
  advancePhase: secretariatProcedure
    .input(
      z.object({
        cycleId: uuid,
        expectedStage: z.enum(['not_started', ...CYCLE_PHASES], { error: 'validation.invalidOption' }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const queued: MailOutbox[] = [];
      return deliverAfterCommit(
        ctx,
        queued,
        ctx.db.transaction().execute(async (tx) => {
          const cycle = await requireCycle(tx, input.cycleId, { lock: true });
          const before = await listCyclePhases(tx, [cycle.id]);
          const stage = cycleStage(phaseDates(before), cycle.closed_at);
          if (stage !== input.expectedStage)
            throw new TRPCError({ code: 'CONFLICT', message: 'review.phaseChanged' });
          const decision = advanceDecision(stage);
          if (!decision.ok) throw new TRPCError({ code: 'CONFLICT', message: decision.reason });
          // Every state must have a way forward: a cycle enters adoption only if adopting would succeed now, otherwise it
          // stays in finalisation where resolutions can still change (the refusal names the edits in the way).
          if (decision.starts === 'adoption') {
            const readiness = await readinessOf(tx, cycle, await currentEditionNumber(tx));
            if (!readiness.ok) throw notReadyRefusal(readiness.problems);
          }
          const now = new Date();
          if (decision.ends) await setCyclePhaseActuals(tx, cycle.id, decision.ends, { actual_end: now });
          await setCyclePhaseActuals(tx, cycle.id, decision.starts, { actual_start: now, actual_end: null });
          const after = await bumpReviewCycleVersion(tx, cycle.id, now);
          const phases = await listCyclePhases(tx, [cycle.id]);
          await writeAudit(tx, auditContext(ctx), {
            action: 'review.cycle_advance',
            entityType: 'review_cycle',
            entityId: cycle.id,
            before: { stage, phases: before },
            after: { stage: decision.starts, phases },
          });
          queued.push(...(await notifyCyclePhase(ctx, tx, after, decision.starts, now)));
          return presentCycle(after, phases);
        }),
      );
    }),

  /**
   * Steps back from adoption to finalisation (reopens finalisation, clears adoption's start) so that resolutions can be
   * changed — the way out when adoption is blocked or the Secretariat changes its mind. `expectedStage` guards against a
   * double click or a colleague who adopted meanwhile.
   */
  returnToFinalisation: secretariatProcedure
    .input(
      z.object({
        cycleId: uuid,
        expectedStage: z.literal('adoption', { error: 'validation.invalidOption' }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const cycle = await requireCycle(tx, input.cycleId, { lock: true });
        const before = await listCyclePhases(tx, [cycle.id]);
        const stage = cycleStage(phaseDates(before), cycle.closed_at);
        if (stage !== input.expectedStage)
          throw new TRPCError({ code: 'CONFLICT', message: 'review.phaseChanged' });
        const now = new Date();
        await setCyclePhaseActuals(tx, cycle.id, 'adoption', { actual_start: null, actual_end: null });
        await setCyclePhaseActuals(tx, cycle.id, 'finalisation', { actual_end: null });
        const after = await bumpReviewCycleVersion(tx, cycle.id, now);
        const phases = await listCyclePhases(tx, [cycle.id]);
        await writeAudit(tx, auditContext(ctx), {
          action: 'review.cycle_return',
          entityType: 'review_cycle',
          entityId: cycle.id,
          before: { stage, phases: before },
          after: { stage: 'finalisation', phases },
        });
        return presentCycle(after, phases);
      });
    }),

  /** Submitted assessments by action area and by state, with the states that have not submitted. */
  assessmentResults: secretariatProcedure.input(cycleIdInput).query(async ({ ctx, input }) => {
    const cycle = await requireCycle(ctx.db, input.cycleId);
    const [scope, all] = await Promise.all([
      assessmentScope(ctx.db, cycle),
      listReviewAssessments(ctx.db, cycle.id, { submittedOnly: false }),
    ]);
    const submitted = all.filter((a) => a.status === 'submitted');
    const summary = summariseAssessments(
      submitted.map((a) => ({ memberState: a.member_state_code, ratings: a.ratings })),
      scope,
    );
    return {
      cycleId: cycle.id,
      actionAreas: scope.actionAreas,
      criteria: scope.criteria,
      ...summary,
      /** Comments per area × criterion, by state, for reading next to the numbers. */
      comments: submitted.flatMap((a) =>
        a.ratings
          .filter((r) => r.comment)
          .map((r) => ({
            memberState: a.member_state_code,
            actionAreaId: r.actionAreaId,
            criterionKey: r.criterionKey,
            comment: r.comment as string,
          })),
      ),
      assessments: submitted.map((a) => ({
        id: a.id,
        memberState: a.member_state_code,
        submittedAt: iso(a.submitted_at),
      })),
      drafts: all.filter((a) => a.status === 'draft').map((a) => a.member_state_code),
    };
  }),
};
