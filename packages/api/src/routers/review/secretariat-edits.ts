// Secretariat review procedures: proposed edits, the positions matrix, resolutions and answers.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  answerInput,
  createEditInput,
  MEMBER_STATE_CODES,
  nonRespondents,
  resolutionInput,
  updateEditInput,
} from '@musyawarah/core';
import {
  answerReviewComment,
  answerReviewPosition,
  bumpReviewEditVersion,
  deleteReviewEdit,
  findReviewComment,
  findReviewPosition,
  insertReviewEdit,
  updateReviewEdit,
  upsertReviewResolution,
  listEditComments,
  listEditMotivations,
  listPositions,
  listResolutions,
  listReviewEdits,
  nextEditPosition,
  replaceEditMotivations,
  writeAudit,
  type MailOutbox,
} from '@musyawarah/db';
import { notFound } from '../../errors';
import { deliverAfterCommit } from '../../notifications/notify';
import { notifyEditAnswered } from '../../notifications/review';
import { auditContext, secretariatProcedure } from '../../trpc';
import { cycleIdInput, uuid, versionField } from './review.types';
import { type PresentedPosition, presentComment, presentMotivation, presentPosition } from './presenters';
import {
  type PresentedEdit,
  baseCatalogue,
  checkApplies,
  checkMotivations,
  presentEdits,
  refuseUnlessPhase,
  requireCycle,
  requireEdit,
  stageForWrite,
} from './shared';

export const secretariatEditProcedures = {
  createEdit: secretariatProcedure.input(createEditInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const cycle = await requireCycle(tx, input.cycleId, { lock: true });
      refuseUnlessPhase(await stageForWrite(tx, cycle.id), 'draft_edit');
      checkApplies(await baseCatalogue(tx, cycle), input.payload, 'payload');
      await checkMotivations(tx, cycle, input.motivations);
      const created = await insertReviewEdit(tx, {
        cycleId: cycle.id,
        position: await nextEditPosition(tx, cycle.id),
        payload: input.payload,
        rationale: input.rationale,
        userId: ctx.user.id,
        now: new Date(),
      });
      await replaceEditMotivations(tx, created.id, input.motivations, { isNew: true });
      await writeAudit(tx, auditContext(ctx), {
        action: 'review.edit_create',
        entityType: 'review_edit',
        entityId: created.id,
        after: { ...created, motivations: input.motivations },
      });
      const [presented] = await presentEdits(tx, cycle, [created]);
      return presented as PresentedEdit;
    });
  }),

  updateEdit: secretariatProcedure.input(updateEditInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await requireEdit(tx, input.editId);
      const cycle = await requireCycle(tx, before.cycle_id);
      refuseUnlessPhase(await stageForWrite(tx, cycle.id), 'draft_edit');
      checkApplies(await baseCatalogue(tx, cycle), input.payload, 'payload');
      await checkMotivations(tx, cycle, input.motivations);
      const after = await updateReviewEdit(tx, before.id, input.expectedVersion, {
        payload: input.payload,
        rationale: input.rationale,
        userId: ctx.user.id,
        now: new Date(),
      });
      if (!after) throw new TRPCError({ code: 'CONFLICT', message: 'review.editConflict' });
      const beforeMotivations = await listEditMotivations(tx, [before.id]);
      await replaceEditMotivations(tx, after.id, input.motivations);
      await writeAudit(tx, auditContext(ctx), {
        action: 'review.edit_update',
        entityType: 'review_edit',
        entityId: after.id,
        before: { ...before, motivations: beforeMotivations.map(presentMotivation) },
        after: { ...after, motivations: input.motivations },
      });
      const [presented] = await presentEdits(tx, cycle, [after]);
      return presented as PresentedEdit;
    });
  }),

  deleteEdit: secretariatProcedure
    .input(z.object({ editId: uuid, expectedVersion: versionField }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const before = await requireEdit(tx, input.editId);
        refuseUnlessPhase(await stageForWrite(tx, before.cycle_id), 'draft_edit');
        const deleted = await deleteReviewEdit(tx, before.id, input.expectedVersion);
        if (!deleted) throw new TRPCError({ code: 'CONFLICT', message: 'review.editConflict' });
        await writeAudit(tx, auditContext(ctx), {
          action: 'review.edit_delete',
          entityType: 'review_edit',
          entityId: before.id,
          before,
        });
        return { ok: true as const };
      });
    }),

  /** Every edit × the 11 Member States: each state's position (or none) and, per edit, who has not responded. */
  positionsMatrix: secretariatProcedure.input(cycleIdInput).query(async ({ ctx, input }) => {
    const cycle = await requireCycle(ctx.db, input.cycleId);
    const edits = await listReviewEdits(ctx.db, cycle.id);
    const ids = edits.map((e) => e.id);
    const [presented, positions, comments] = await Promise.all([
      presentEdits(ctx.db, cycle, edits),
      listPositions(ctx.db, ids),
      listEditComments(ctx.db, ids),
    ]);
    return {
      memberStates: [...MEMBER_STATE_CODES],
      rows: presented.map((edit) => {
        const own = positions.filter((p) => p.edit_id === edit.id);
        return {
          edit,
          positions: Object.fromEntries(
            MEMBER_STATE_CODES.map((code) => {
              const position = own.find((p) => p.member_state_code === code);
              return [code, position ? presentPosition(position) : null];
            }),
          ) as Record<(typeof MEMBER_STATE_CODES)[number], PresentedPosition | null>,
          nonRespondents: nonRespondents(own.map((p) => p.member_state_code)),
          comments: comments.filter((c) => c.edit_id === edit.id).map(presentComment),
        };
      }),
      /** States that have recorded no position on any edit. */
      silentStates: nonRespondents(positions.map((p) => p.member_state_code)),
    };
  }),

  /** Accept, accept with changes (the final text replaces the proposal) or reject; resolving again replaces the resolution. */
  resolveEdit: secretariatProcedure.input(resolutionInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const edit = await requireEdit(tx, input.editId);
      const cycle = await requireCycle(tx, edit.cycle_id);
      refuseUnlessPhase(await stageForWrite(tx, cycle.id), 'resolve');
      if (input.finalPayload)
        checkApplies(await baseCatalogue(tx, cycle), input.finalPayload, 'finalPayload');
      // The resolution is of the version the Secretariat looked at; bumping it makes a concurrent resolution conflict.
      const bumped = await bumpReviewEditVersion(tx, edit.id, input.expectedVersion, {
        userId: ctx.user.id,
        now: new Date(),
      });
      if (!bumped) throw new TRPCError({ code: 'CONFLICT', message: 'review.editConflict' });
      const [before] = await listResolutions(tx, [edit.id]);
      const after = await upsertReviewResolution(tx, edit.id, {
        kind: input.kind,
        finalPayload: input.finalPayload,
        answer: input.answer,
        resolvedBy: ctx.user.id,
        resolvedAt: new Date(),
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'review.edit_resolve',
        entityType: 'review_edit',
        entityId: edit.id,
        before: before ?? null,
        after,
      });
      const [presented] = await presentEdits(tx, cycle, [bumped]);
      return presented as PresentedEdit;
    });
  }),

  answerPosition: secretariatProcedure.input(answerInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    return deliverAfterCommit(
      ctx,
      queued,
      ctx.db.transaction().execute(async (tx) => {
        const before = await findReviewPosition(tx, input.id);
        if (!before) throw notFound('review.positionNotFound');
        const edit = await requireEdit(tx, before.edit_id);
        refuseUnlessPhase(await stageForWrite(tx, edit.cycle_id), 'answer');
        const after = await answerReviewPosition(tx, before.id, {
          answer: input.answer,
          answeredBy: ctx.user.id,
          answeredAt: new Date(),
        });
        await writeAudit(tx, auditContext(ctx), {
          action: 'review.position_answer',
          entityType: 'review_position',
          entityId: before.id,
          before,
          after,
        });
        queued.push(...(await notifyEditAnswered(ctx, tx, edit, { memberState: before.member_state_code })));
        return presentPosition(after);
      }),
    );
  }),

  answerComment: secretariatProcedure.input(answerInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    return deliverAfterCommit(
      ctx,
      queued,
      ctx.db.transaction().execute(async (tx) => {
        const before = await findReviewComment(tx, input.id);
        if (!before) throw notFound('review.commentNotFound');
        const edit = await requireEdit(tx, before.edit_id);
        refuseUnlessPhase(await stageForWrite(tx, edit.cycle_id), 'answer');
        const after = await answerReviewComment(tx, before.id, {
          answer: input.answer,
          answeredBy: ctx.user.id,
          answeredAt: new Date(),
        });
        await writeAudit(tx, auditContext(ctx), {
          action: 'review.comment_answer',
          entityType: 'review_comment',
          entityId: before.id,
          before,
          after,
        });
        queued.push(...(await notifyEditAnswered(ctx, tx, edit, { userId: before.author_user_id })));
        const [row] = (await listEditComments(tx, [before.edit_id])).filter((r) => r.id === before.id);
        return presentComment(row as NonNullable<typeof row>);
      }),
    );
  }),
};
