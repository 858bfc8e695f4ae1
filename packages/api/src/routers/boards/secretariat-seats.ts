// Secretariat procedures on seats: list, seat someone directly, edit, end early.
import { z } from 'zod';
import {
  boardDay,
  endSeatInput,
  seatInput,
  seatTermWithinBoardLife,
  seatUpdateInput,
} from '@musyawarah/core';
import {
  endBoardSeat,
  findBoardSeat,
  findUserByEmail,
  listBoardSeats,
  lockBoard,
  updateBoardSeat,
  writeAudit,
} from '@musyawarah/db';
import { FieldError, notFound } from '../../errors';
import { auditContext, secretariatProcedure } from '../../trpc';
import { uuid } from './boards.types';
import { presentSeat } from './presenters';
import { assertConstituenciesExist, boardOrThrow, conflict, createSeat } from './shared';

export const secretariatSeatProcedures = {
  seats: secretariatProcedure
    .input(z.object({ boardId: uuid, includeEnded: z.boolean().default(true) }))
    .query(async ({ ctx, input }) => {
      await boardOrThrow(ctx.db, input.boardId);
      const seats = await listBoardSeats(ctx.db, input.boardId, { includeEnded: input.includeEnded });
      return seats.map((s) => presentSeat(s));
    }),

  addSeat: secretariatProcedure.input(seatInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const user = await findUserByEmail(tx, input.email);
      if (!user || user.status !== 'active')
        throw new FieldError('BAD_REQUEST', { email: ['board.accountNotFound'] });
      await assertConstituenciesExist(tx, input.constituencies, () => 'constituencies');
      const board = await lockBoard(tx, input.boardId);
      if (!board) throw notFound('board.notFound');
      const seat = await createSeat(tx, ctx, board, {
        userId: user.id,
        role: input.role,
        termStartsOn: input.termStartsOn,
        termEndsOn: input.termEndsOn,
        constituencies: input.constituencies,
        memberState: input.memberState ?? null,
        organisation: input.organisation ?? null,
        gender: input.gender ?? null,
        conflictOfInterest: input.conflictOfInterest ?? null,
        listedPublicly: input.listedPublicly,
        nominationId: null,
      });
      return presentSeat({ ...seat, holder_name: user.name, holder_email: user.email });
    });
  }),

  updateSeat: secretariatProcedure.input(seatUpdateInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const seat = await findBoardSeat(tx, input.seatId);
      if (!seat) throw notFound('board.seatNotFound');
      if (seat.ended_at !== null) throw conflict('board.seatEnded');
      const board = await lockBoard(tx, seat.board_id);
      if (!board) throw notFound('board.notFound');
      await assertConstituenciesExist(tx, input.constituencies, () => 'constituencies');
      const term = seatTermWithinBoardLife(
        { startsOn: board.life_starts_on, endsOn: board.life_ends_on },
        input,
      );
      if (!term.ok) throw new FieldError('BAD_REQUEST', { [term.field]: [term.reason] });
      const after = await updateBoardSeat(tx, seat.id, {
        role: input.role,
        termStartsOn: input.termStartsOn,
        termEndsOn: input.termEndsOn,
        constituencies: input.constituencies,
        memberState: input.memberState ?? null,
        organisation: input.organisation ?? null,
        gender: input.gender ?? null,
        conflictOfInterest: input.conflictOfInterest ?? null,
        listedPublicly: input.listedPublicly,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.seat_update',
        entityType: 'board_seat',
        entityId: seat.id,
        before: seat,
        after,
      });
      return presentSeat(after);
    });
  }),

  /** Ends a seat early (resignation, removal, …). The seat stays as history; the place is free again. */
  endSeat: secretariatProcedure.input(endSeatInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const seat = await findBoardSeat(tx, input.seatId);
      if (!seat) throw notFound('board.seatNotFound');
      await lockBoard(tx, seat.board_id);
      if (seat.ended_at !== null) throw conflict('board.seatEnded');
      const now = new Date();
      const endedOn = input.endedOn ?? boardDay(now);
      if (endedOn > boardDay(now))
        throw new FieldError('BAD_REQUEST', { endedOn: ['board.validation.endedInFuture'] });
      const after = await endBoardSeat(tx, seat.id, {
        now,
        endedOn,
        reason: input.reason,
        note: input.note ?? null,
      });
      if (!after) throw conflict('board.seatEnded');
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.seat_end',
        entityType: 'board_seat',
        entityId: seat.id,
        before: seat,
        after,
      });
      return presentSeat(after);
    });
  }),
};
