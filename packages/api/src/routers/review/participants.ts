// Review procedures for signed-in participants: edits with diffs, comment threads.
import { commentInput } from '@musyawarah/core';
import {
  findReviewCommentRef,
  insertReviewComment,
  listCyclePhases,
  listEditComments,
  listPositions,
  listReviewEdits,
  writeAudit,
  type MailOutbox,
} from '@musyawarah/db';
import { FieldError } from '../../errors';
import { deliverAfterCommit } from '../../notifications/notify';
import { notifyEditCommented } from '../../notifications/review';
import { auditContext, authedProcedure } from '../../trpc';
import { cycleIdInput, editIdInput } from './review.types';
import { presentComment, presentCycle, presentPosition, visibleComments } from './presenters';
import {
  presentEdits,
  refuseUnlessPhase,
  requireContentAccess,
  requireCycle,
  requireEdit,
  stageForWrite,
} from './shared';

export const participantReviewProcedures = {
  /** A cycle's edits with their diffs. Representatives also get their own state's position on each edit. */
  edits: authedProcedure.input(cycleIdInput).query(async ({ ctx, input }) => {
    const cycle = await requireCycle(ctx.db, input.cycleId);
    await requireContentAccess(ctx.db, cycle, ctx.user);
    const edits = await listReviewEdits(ctx.db, cycle.id);
    const ids = edits.map((e) => e.id);
    const memberState =
      ctx.user.role === 'member_state' ? (ctx.user.member_state_code ?? undefined) : undefined;
    const [presented, positions, comments] = await Promise.all([
      presentEdits(ctx.db, cycle, edits),
      memberState ? listPositions(ctx.db, ids, memberState) : Promise.resolve([]),
      listEditComments(ctx.db, ids),
    ]);
    const shown = visibleComments(comments, cycle, { id: ctx.user.id, role: ctx.user.role });
    return {
      cycle: presentCycle(cycle, await listCyclePhases(ctx.db, [cycle.id])),
      edits: presented.map((edit) => ({
        ...edit,
        myPosition: (() => {
          const own = positions.find((p) => p.edit_id === edit.id);
          return own ? presentPosition(own) : null;
        })(),
        commentCount: shown.filter((c) => c.editId === edit.id).length,
      })),
    };
  }),

  comments: authedProcedure.input(editIdInput).query(async ({ ctx, input }) => {
    const edit = await requireEdit(ctx.db, input.editId);
    const cycle = await requireCycle(ctx.db, edit.cycle_id);
    await requireContentAccess(ctx.db, cycle, ctx.user);
    return visibleComments(await listEditComments(ctx.db, [edit.id]), cycle, {
      id: ctx.user.id,
      role: ctx.user.role,
    });
  }),

  addComment: authedProcedure.input(commentInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    return deliverAfterCommit(
      ctx,
      queued,
      ctx.db.transaction().execute(async (tx) => {
        const edit = await requireEdit(tx, input.editId);
        const cycle = await requireCycle(tx, edit.cycle_id);
        await requireContentAccess(tx, cycle, ctx.user);
        refuseUnlessPhase(await stageForWrite(tx, cycle.id), 'comment');
        if (input.parentId) {
          const parent = await findReviewCommentRef(tx, input.parentId);
          if (!parent || parent.edit_id !== edit.id)
            throw new FieldError('BAD_REQUEST', { parentId: ['review.parentNotInThread'] });
        }
        const { comment: created, replayed } = await insertReviewComment(tx, {
          editId: edit.id,
          parentId: input.parentId ?? null,
          authorUserId: ctx.user.id,
          body: input.body,
          confidential: input.confidential,
          idempotencyKey: input.idempotencyKey,
        });
        if (!replayed) {
          await writeAudit(tx, auditContext(ctx), {
            action: 'review.comment',
            entityType: 'review_comment',
            entityId: created.id,
            after: created,
          });
          queued.push(...(await notifyEditCommented(ctx, tx, edit, ctx.user.id)));
        }
        const [row] = await listEditComments(tx, [edit.id]).then((rows) =>
          rows.filter((r) => r.id === created.id),
        );
        return presentComment(row as NonNullable<typeof row>);
      }),
    );
  }),
};
