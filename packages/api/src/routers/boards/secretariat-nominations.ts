// Secretariat procedures on calls for nominations and on nominations: open, edit and close calls; score, accept
// (which seats the nominee) and decline nominations, with the decision mailed.
import { z } from 'zod';
import {
  acceptNominationInput,
  callInput,
  callIsOpen,
  declineNominationInput,
  scoreNomination,
  scoreNominationInput,
  unknownCriteria,
  NOMINATION_STATUSES,
} from '@musyawarah/core';
import {
  acceptBoardNomination,
  closeBoardCall,
  countBoardNominationsByCall,
  declineBoardNomination,
  findBoardCall,
  findBoardNomination,
  findNominationApplicant,
  findUserByEmail,
  insertBoardCall,
  listBoardCalls,
  listBoardNominations,
  listBoardSeats,
  lockBoard,
  scoreBoardNomination,
  updateBoardCall,
  writeAudit,
  type MailOutbox,
} from '@musyawarah/db';
import { FieldError, notFound } from '../../errors';
import { boardSeatMail, nominationDeclinedMail } from '../../mail/boards-templates';
import { auditContext, secretariatProcedure } from '../../trpc';
import { link } from '../auth';
import { boardIdInput, uuid } from './boards.types';
import { asDate, boardText, presentCall, presentSeat, selectionCriteria } from './presenters';
import { boardOrThrow, conflict, createSeat } from './shared';

export const secretariatNominationProcedures = {
  calls: secretariatProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    const board = await boardOrThrow(ctx.db, input.boardId);
    const [calls, counts] = await Promise.all([
      listBoardCalls(ctx.db, board.id),
      countBoardNominationsByCall(ctx.db, board.id),
    ]);
    return calls.map((c) => presentCall(c, board.status, { nominations: counts.get(c.id) ?? 0 }));
  }),

  createCall: secretariatProcedure.input(callInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const board = await boardOrThrow(tx, input.boardId);
      if (board.status === 'dissolved') throw conflict('board.dissolved');
      const created = await insertBoardCall(tx, {
        boardId: board.id,
        description: input.description,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        createdBy: ctx.user.id,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.call_create',
        entityType: 'board_call',
        entityId: created.id,
        after: created,
      });
      return presentCall(created, board.status);
    });
  }),

  updateCall: secretariatProcedure
    .input(z.object({ callId: uuid, call: callInput }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const before = await findBoardCall(tx, input.callId);
        if (!before || before.board_id !== input.call.boardId) throw notFound('board.callNotFound');
        const board = await boardOrThrow(tx, before.board_id);
        const after = await updateBoardCall(tx, before.id, {
          description: input.call.description,
          opensAt: input.call.opensAt,
          closesAt: input.call.closesAt,
        });
        await writeAudit(tx, auditContext(ctx), {
          action: 'board.call_update',
          entityType: 'board_call',
          entityId: after.id,
          before,
          after,
        });
        return presentCall(after, board.status);
      });
    }),

  /** Closes an open call now (its closing time becomes now). */
  closeCall: secretariatProcedure.input(z.object({ callId: uuid })).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await findBoardCall(tx, input.callId);
      if (!before) throw notFound('board.callNotFound');
      const board = await boardOrThrow(tx, before.board_id);
      const now = new Date();
      if (
        !callIsOpen(
          { opensAt: asDate(before.opens_at), closesAt: asDate(before.closes_at) },
          board.status,
          now,
        )
      )
        throw conflict('board.callClosed');
      const after = await closeBoardCall(tx, before.id, now);
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.call_close',
        entityType: 'board_call',
        entityId: after.id,
        before,
        after,
      });
      return presentCall(after, board.status);
    });
  }),

  nominations: secretariatProcedure
    .input(
      z.object({
        boardId: uuid,
        status: z.enum(NOMINATION_STATUSES, { error: 'validation.invalidOption' }).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const board = await boardOrThrow(ctx.db, input.boardId);
      const criteria = selectionCriteria(board);
      const [rows, seats] = await Promise.all([
        listBoardNominations(ctx.db, board.id, input.status),
        listBoardSeats(ctx.db, board.id, { includeEnded: false }),
      ]);
      const seatedEmails = new Set(seats.map((s) => s.holder_email.toLowerCase()));
      return rows.map((n) => ({
        id: n.id,
        callId: n.call_id,
        boardId: n.board_id,
        applicant: n.applicant_user_id
          ? { id: n.applicant_user_id, name: n.applicant_name, email: n.applicant_email }
          : null,
        self: n.is_self,
        nomineeName: n.nominee_name,
        nomineeEmail: n.nominee_email,
        /** Whether an active account has the nominee's address: acceptance needs one. */
        nomineeHasAccount: n.nominee_account_id !== null,
        /** The nominee already holds a seat on this board: applicants are not told, the Secretariat dedups. */
        nomineeHoldsSeat: seatedEmails.has(n.nominee_email.toLowerCase()),
        constituencies: n.constituencies,
        memberState: n.member_state_code,
        organisation: n.organisation,
        gender: n.gender,
        motivation: n.motivation,
        status: n.status,
        scores: n.scores,
        scoreNote: n.score_note,
        score: scoreNomination(criteria, n.scores),
        decisionReason: n.decision_reason,
        decidedAt: n.decided_at,
        seatId: n.seat_id,
        createdAt: n.created_at,
      }));
    }),

  scoreNomination: secretariatProcedure.input(scoreNominationInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await findBoardNomination(tx, input.nominationId, { forUpdate: true });
      if (!before) throw notFound('board.nominationNotFound');
      if (before.status !== 'submitted') throw conflict('board.nominationDecided');
      const board = await boardOrThrow(tx, before.board_id);
      const criteria = selectionCriteria(board);
      const unknown = unknownCriteria(criteria, input.scores);
      if (unknown.length)
        throw new FieldError(
          'BAD_REQUEST',
          Object.fromEntries(unknown.map((key) => [`scores.${key}`, ['board.validation.unknownCriterion']])),
        );
      const after = await scoreBoardNomination(tx, before.id, {
        scores: input.scores,
        note: input.note ?? null,
        scoredBy: ctx.user.id,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.nomination_score',
        entityType: 'board_nomination',
        entityId: after.id,
        before,
        after,
      });
      return {
        id: after.id,
        scores: after.scores,
        scoreNote: after.score_note,
        score: scoreNomination(criteria, after.scores),
      };
    });
  }),

  /**
   * Accepting seats the nominee's account (board access comes with the seat) in the same transaction as the decision.
   * The board row is locked before the nomination, in that order everywhere, so concurrent acceptances queue up and the
   * last free seat goes to exactly one of them; the other is refused with `board.full`.
   */
  acceptNomination: secretariatProcedure.input(acceptNominationInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    const result = await ctx.db.transaction().execute(async (tx) => {
      const peek = await findBoardNomination(tx, input.nominationId);
      if (!peek) throw notFound('board.nominationNotFound');
      const board = await lockBoard(tx, peek.board_id);
      if (!board) throw notFound('board.notFound');
      const nomination = await findBoardNomination(tx, peek.id, { forUpdate: true });
      if (!nomination || nomination.status !== 'submitted') throw conflict('board.nominationDecided');
      const nominee = await findUserByEmail(tx, nomination.nominee_email);
      if (!nominee || nominee.status !== 'active') throw conflict('board.nomineeHasNoAccount');
      const seat = await createSeat(tx, ctx, board, {
        userId: nominee.id,
        role: input.role,
        termStartsOn: input.termStartsOn,
        termEndsOn: input.termEndsOn,
        constituencies: nomination.constituencies,
        memberState: nomination.member_state_code,
        organisation: nomination.organisation,
        // Self-declared only: a gender given in someone else's nomination was never stored.
        gender: nomination.is_self ? nomination.gender : null,
        conflictOfInterest: null,
        listedPublicly: false,
        nominationId: nomination.id,
      });
      const now = new Date();
      const after = await acceptBoardNomination(tx, nomination.id, {
        note: input.note ?? null,
        decidedBy: ctx.user.id,
        now,
        seatId: seat.id,
        nomineeUserId: nominee.id,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.nomination_accept',
        entityType: 'board_nomination',
        entityId: after.id,
        before: nomination,
        after,
      });
      queued.push(
        await ctx.mailer.queue(
          tx,
          boardSeatMail(
            nominee,
            {
              boardName: boardText(board.name, nominee.locale),
              self: nomination.is_self,
              termStartsOn: input.termStartsOn,
              termEndsOn: input.termEndsOn,
            },
            link(ctx, '/boards/mine'),
          ),
        ),
      );
      return {
        nominationId: after.id,
        status: after.status,
        seat: presentSeat({ ...seat, holder_name: nominee.name, holder_email: nominee.email }),
      };
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return result;
  }),

  declineNomination: secretariatProcedure.input(declineNominationInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    const result = await ctx.db.transaction().execute(async (tx) => {
      const nomination = await findBoardNomination(tx, input.nominationId, { forUpdate: true });
      if (!nomination) throw notFound('board.nominationNotFound');
      if (nomination.status !== 'submitted') throw conflict('board.nominationDecided');
      const board = await boardOrThrow(tx, nomination.board_id);
      const now = new Date();
      const after = await declineBoardNomination(tx, nomination.id, {
        reason: input.reason,
        decidedBy: ctx.user.id,
        now,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.nomination_decline',
        entityType: 'board_nomination',
        entityId: after.id,
        before: nomination,
        after,
      });
      const applicant = nomination.applicant_user_id
        ? await findNominationApplicant(tx, nomination.applicant_user_id)
        : undefined;
      if (applicant && applicant.status === 'active') {
        queued.push(
          await ctx.mailer.queue(
            tx,
            nominationDeclinedMail(
              applicant,
              {
                boardName: boardText(board.name, applicant.locale),
                self: nomination.is_self,
                nomineeName: nomination.nominee_name,
                reason: input.reason,
              },
              link(ctx, '/boards/mine'),
            ),
          ),
        );
      }
      return { nominationId: after.id, status: after.status, decisionReason: after.decision_reason };
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return result;
  }),
};
