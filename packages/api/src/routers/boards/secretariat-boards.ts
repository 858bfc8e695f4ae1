// Secretariat procedures on boards themselves: list, read, create, edit, status, targets; the constituency list.
import { z } from 'zod';
import {
  boardDay,
  boardInput,
  boardStatusField,
  boardTargetsField,
  canTransitionBoard,
  constituencyInput,
  seatTermWithinBoardLife,
} from '@musyawarah/core';
import {
  countActiveBoardSeats,
  countActiveBoardSeatsByBoard,
  endSeatsOfDissolvedBoard,
  insertAdvisoryBoard,
  insertBoardConstituency,
  listBoardSeats,
  listBoards,
  lockBoard,
  updateAdvisoryBoard,
  updateAdvisoryBoardStatus,
  updateAdvisoryBoardTargets,
  writeAudit,
} from '@musyawarah/db';
import { FieldError, notFound } from '../../errors';
import { auditContext, secretariatProcedure } from '../../trpc';
import { boardIdInput, uuid } from './boards.types';
import { presentAdminBoard } from './presenters';
import { unmetTargetsByBoard } from '../shared/work';
import { assertTargetConstituencies, boardOrThrow, boardValues, conflict } from './shared';

export const secretariatBoardProcedures = {
  adminList: secretariatProcedure.query(async ({ ctx }) => {
    const [boards, counts] = await Promise.all([
      listBoards(ctx.db, { publishedOnly: false }),
      countActiveBoardSeatsByBoard(ctx.db),
    ]);
    const unmet = await unmetTargetsByBoard(ctx.db, boards);
    return boards.map((b) => ({
      ...presentAdminBoard(b, { activeSeats: counts.get(b.id) ?? 0 }),
      unmetTargets: unmet.get(b.id) ?? 0,
    }));
  }),

  adminGet: secretariatProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    const board = await boardOrThrow(ctx.db, input.boardId);
    return presentAdminBoard(board, { activeSeats: await countActiveBoardSeats(ctx.db, board.id) });
  }),

  create: secretariatProcedure.input(boardInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      await assertTargetConstituencies(tx, input.targets);
      const created = await insertAdvisoryBoard(tx, { ...boardValues(input), createdBy: ctx.user.id });
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.create',
        entityType: 'advisory_board',
        entityId: created.id,
        after: created,
      });
      return presentAdminBoard(created);
    });
  }),

  /** Edits everything but the status. Seats already held must still fit the board's life and capacity. */
  update: secretariatProcedure
    .input(z.object({ boardId: uuid, expectedVersion: z.number().int().min(1), board: boardInput }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const before = await lockBoard(tx, input.boardId);
        if (!before) throw notFound('board.notFound');
        if (before.version !== input.expectedVersion) throw conflict('board.editConflict');
        const b = input.board;
        await assertTargetConstituencies(tx, b.targets);
        const active = await listBoardSeats(tx, before.id, { includeEnded: false });
        if (active.length > b.seatCapacity)
          throw new FieldError('CONFLICT', { seatCapacity: ['board.capacityBelowSeats'] });
        const outside = active.find(
          (s) =>
            !seatTermWithinBoardLife(
              { startsOn: b.lifeStartsOn, endsOn: b.lifeEndsOn ?? null },
              { termStartsOn: s.term_starts_on, termEndsOn: s.term_ends_on },
            ).ok,
        );
        if (outside)
          throw new FieldError('CONFLICT', {
            lifeStartsOn: ['board.seatsOutsideLife'],
            lifeEndsOn: ['board.seatsOutsideLife'],
          });
        const after = await updateAdvisoryBoard(tx, before.id, boardValues(b));
        await writeAudit(tx, auditContext(ctx), {
          action: 'board.update',
          entityType: 'advisory_board',
          entityId: after.id,
          before,
          after,
        });
        return presentAdminBoard(after, { activeSeats: active.length });
      });
    }),

  /** forming → active → dissolved (or forming → dissolved). Dissolving ends every seat still held, as history. */
  transition: secretariatProcedure
    .input(z.object({ boardId: uuid, status: boardStatusField }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const before = await lockBoard(tx, input.boardId);
        if (!before) throw notFound('board.notFound');
        if (!canTransitionBoard(before.status, input.status)) throw conflict('board.transitionNotAllowed');
        const now = new Date();
        if (input.status === 'dissolved') {
          const ended = await endSeatsOfDissolvedBoard(tx, before.id, now, boardDay(now));
          for (const seat of ended) {
            await writeAudit(tx, auditContext(ctx), {
              action: 'board.seat_end',
              entityType: 'board_seat',
              entityId: seat.id,
              after: seat,
            });
          }
        }
        const after = await updateAdvisoryBoardStatus(tx, before.id, input.status, now);
        await writeAudit(tx, auditContext(ctx), {
          action: `board.${input.status === 'active' ? 'activate' : 'dissolve'}`,
          entityType: 'advisory_board',
          entityId: after.id,
          before,
          after,
        });
        return presentAdminBoard(after, { activeSeats: await countActiveBoardSeats(tx, after.id) });
      });
    }),

  setTargets: secretariatProcedure
    .input(z.object({ boardId: uuid, targets: boardTargetsField }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const before = await lockBoard(tx, input.boardId);
        if (!before) throw notFound('board.notFound');
        await assertTargetConstituencies(tx, input.targets);
        const after = await updateAdvisoryBoardTargets(tx, before.id, input.targets);
        await writeAudit(tx, auditContext(ctx), {
          action: 'board.set_targets',
          entityType: 'advisory_board',
          entityId: after.id,
          before: { targets: before.targets },
          after: { targets: after.targets },
        });
        return presentAdminBoard(after, { activeSeats: await countActiveBoardSeats(tx, after.id) });
      });
    }),

  addConstituency: secretariatProcedure.input(constituencyInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const created = await insertBoardConstituency(tx, {
        key: input.key,
        label: input.label,
        marginalised: input.marginalised,
      });
      if (!created) throw new FieldError('CONFLICT', { key: ['board.constituencyExists'] });
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.constituency_add',
        entityType: 'board_constituency',
        entityId: null,
        after: created,
      });
      return {
        key: created.key,
        label: created.label,
        marginalised: created.marginalised,
        isDefault: created.is_default,
      };
    });
  }),
};
