// Secretariat procedures on members' training records.
import { trainingInput, trainingUpdateInput } from '@musyawarah/core';
import {
  findAnyBoardSeatOfUser,
  findBoardTraining,
  insertBoardTraining,
  listBoardTraining,
  updateBoardTraining,
  writeAudit,
} from '@musyawarah/db';
import { FieldError, notFound } from '../../errors';
import { auditContext, secretariatProcedure } from '../../trpc';
import { boardIdInput } from './boards.types';
import { boardOrThrow } from './shared';

export const secretariatTrainingProcedures = {
  training: secretariatProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    await boardOrThrow(ctx.db, input.boardId);
    const rows = await listBoardTraining(ctx.db, input.boardId);
    return rows.map((t) => ({
      id: t.id,
      boardId: t.board_id,
      userId: t.user_id,
      name: t.user_name,
      course: t.course,
      takenOn: t.taken_on,
      completed: t.completed,
      updatedAt: t.updated_at,
    }));
  }),

  addTraining: secretariatProcedure.input(trainingInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      await boardOrThrow(tx, input.boardId);
      const seat = await findAnyBoardSeatOfUser(tx, input.boardId, input.userId);
      if (!seat) throw new FieldError('BAD_REQUEST', { userId: ['board.notAMember'] });
      const created = await insertBoardTraining(tx, {
        boardId: input.boardId,
        userId: input.userId,
        course: input.course,
        takenOn: input.takenOn,
        completed: input.completed,
        recordedBy: ctx.user.id,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.training_add',
        entityType: 'board_training',
        entityId: created.id,
        after: created,
      });
      return {
        id: created.id,
        boardId: created.board_id,
        userId: created.user_id,
        course: created.course,
        takenOn: created.taken_on,
        completed: created.completed,
      };
    });
  }),

  updateTraining: secretariatProcedure.input(trainingUpdateInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await findBoardTraining(tx, input.trainingId);
      if (!before) throw notFound('board.trainingNotFound');
      const after = await updateBoardTraining(tx, before.id, {
        course: input.course,
        takenOn: input.takenOn,
        completed: input.completed,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.training_update',
        entityType: 'board_training',
        entityId: after.id,
        before,
        after,
      });
      return {
        id: after.id,
        boardId: after.board_id,
        userId: after.user_id,
        course: after.course,
        takenOn: after.taken_on,
        completed: after.completed,
      };
    });
  }),
};
