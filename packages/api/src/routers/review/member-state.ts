// Review procedures of member-state representatives (own state only): assessments and positions.
import { TRPCError } from '@trpc/server';
import { assessmentInput, positionInput, unratedCells } from '@musyawarah/core';
import { findStatePosition, upsertStatePosition, findReviewAssessment, writeAudit } from '@musyawarah/db';
import { auditContext, memberStateProcedure } from '../../trpc';
import { cycleIdInput, versionField } from './review.types';
import { presentAssessment, presentPosition } from './presenters';
import {
  assessmentScope,
  refuseUnlessPhase,
  requireCycle,
  requireEdit,
  saveStateAssessment,
  stageForWrite,
  stageOf,
} from './shared';

export const memberStateReviewProcedures = {
  myAssessment: memberStateProcedure.input(cycleIdInput).query(async ({ ctx, input }) => {
    const cycle = await requireCycle(ctx.db, input.cycleId);
    const [scope, assessment, stage] = await Promise.all([
      assessmentScope(ctx.db, cycle),
      findReviewAssessment(ctx.db, cycle.id, ctx.memberState),
      stageOf(ctx.db, cycle.id),
    ]);
    return {
      cycleId: cycle.id,
      stage,
      memberState: ctx.memberState,
      actionAreas: scope.actionAreas,
      criteria: scope.criteria,
      assessment: assessment ? presentAssessment(assessment) : null,
      unrated: unratedCells(assessment?.ratings ?? [], scope).length,
    };
  }),

  saveAssessment: memberStateProcedure
    .input(assessmentInput.extend({ expectedVersion: versionField.nullable() }))
    .mutation(({ ctx, input }) => saveStateAssessment(ctx, input, 'draft')),

  submitAssessment: memberStateProcedure
    .input(assessmentInput.extend({ expectedVersion: versionField.nullable() }))
    .mutation(({ ctx, input }) => saveStateAssessment(ctx, input, 'submit')),

  /** The representative's own state's formal position on one edit; recording it again replaces it. */
  recordPosition: memberStateProcedure.input(positionInput).mutation(async ({ ctx, input }) => {
    if (input.memberState !== ctx.memberState)
      throw new TRPCError({ code: 'FORBIDDEN', message: 'review.notYourState' });
    return ctx.db.transaction().execute(async (tx) => {
      const edit = await requireEdit(tx, input.editId);
      refuseUnlessPhase(await stageForWrite(tx, edit.cycle_id), 'record_position');
      const before = await findStatePosition(tx, edit.id, ctx.memberState);
      const now = new Date();
      const after = await upsertStatePosition(tx, edit.id, ctx.memberState, {
        kind: input.kind,
        text: input.text ?? null,
        counterProposal: input.counterProposal ?? null,
        recordedBy: ctx.user.id,
        now,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'review.position',
        entityType: 'review_position',
        entityId: after.id,
        before: before ?? null,
        after,
      });
      return presentPosition(after);
    });
  }),
};
