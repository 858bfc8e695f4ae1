// Public board procedures: constituencies, published boards with their listed members and public minutes, open calls.
import {
  findBoard,
  listBoardCalls,
  listBoardConstituencies,
  listBoardSeats,
  listBoardSessions,
  listBoards,
  listOpenBoardCalls,
} from '@musyawarah/db';
import { seatHeldOn } from '@musyawarah/core';
import { notFound } from '../../errors';
import { publicProcedure } from '../../trpc';
import { boardIdInput } from './boards.types';
import {
  presentBoard,
  presentCall,
  presentPublicSession,
  publishedMinutes,
  spanOf,
  today,
} from './presenters';

export const publicBoardProcedures = {
  constituencies: publicProcedure.query(async ({ ctx }) => {
    const rows = await listBoardConstituencies(ctx.readDb);
    return rows.map((c) => ({
      key: c.key,
      label: c.label,
      marginalised: c.marginalised,
      isDefault: c.is_default,
    }));
  }),

  listPublic: publicProcedure.query(async ({ ctx }) => {
    const [boards, calls] = await Promise.all([
      listBoards(ctx.readDb, { publishedOnly: true }),
      listOpenBoardCalls(ctx.readDb, new Date()),
    ]);
    return boards.map((b) => ({
      ...presentBoard(b),
      openCalls: calls.filter((c) => c.board_id === b.id).map((c) => presentCall(c, b.status)),
    }));
  }),

  getPublic: publicProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    const board = await findBoard(ctx.readDb, input.boardId);
    if (!board || !board.published) throw notFound('board.notFound');
    const day = today();
    const [seats, sessions, calls] = await Promise.all([
      listBoardSeats(ctx.readDb, board.id, { includeEnded: false }),
      listBoardSessions(ctx.readDb, board.id),
      listBoardCalls(ctx.readDb, board.id),
    ]);
    return {
      ...presentBoard(board),
      // Only people who consented to be listed, and only what a public page needs (no e-mail, gender or declaration).
      members: seats
        .filter((s) => s.listed_publicly && seatHeldOn(spanOf(s), day))
        .map((s) => ({
          name: s.holder_name,
          role: s.role,
          constituencies: s.constituencies,
          memberState: s.member_state_code,
          organisation: s.organisation,
          termStartsOn: s.term_starts_on,
          termEndsOn: s.term_ends_on,
        })),
      sessions: sessions
        .map((s) => ({ ...presentPublicSession(s), minutes: publishedMinutes(s, 'public') }))
        .filter((s) => s.minutes !== null),
      openCalls: calls.map((c) => presentCall(c, board.status)).filter((c) => c.open),
    };
  }),

  openCalls: publicProcedure.query(async ({ ctx }) => {
    const calls = await listOpenBoardCalls(ctx.readDb, new Date());
    return calls.map((c) => ({
      ...presentCall(c, c.board_status),
      board: { id: c.board_id, name: c.board_name, scope: c.board_scope, memberState: c.board_member_state },
    }));
  }),
};
