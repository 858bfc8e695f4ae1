// Procedures of applicants (any signed-in person): apply or nominate someone, see and withdraw their own nominations.
import { z } from 'zod';
import { callIsOpen, nominationInput } from '@musyawarah/core';
import {
  findBoard,
  findBoardCall,
  findBoardNomination,
  insertBoardNomination,
  listBoardNominationsOfApplicant,
  withdrawBoardNomination,
  writeAudit,
} from '@musyawarah/db';
import { FieldError, notFound } from '../../errors';
import { auditContext, authedProcedure } from '../../trpc';
import { uuid } from './boards.types';
import { asDate } from './presenters';
import { assertConstituenciesExist, conflict, isUniqueViolation } from './shared';

export const applicantProcedures = {
  submitNomination: authedProcedure.input(nominationInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const call = await findBoardCall(tx, input.callId);
      const board = call ? await findBoard(tx, call.board_id) : undefined;
      if (!call || !board || !board.published) throw notFound('board.callNotFound');
      if (
        !callIsOpen(
          { opensAt: asDate(call.opens_at), closesAt: asDate(call.closes_at) },
          board.status,
          new Date(),
        )
      ) {
        throw conflict('board.callClosed');
      }
      await assertConstituenciesExist(tx, input.constituencies, () => 'constituencies');
      // Whoever the nominee is — a seat holder (listed or not), someone another applicant nominated — the answer is the
      // same: the nomination is received. The Secretariat sees who already holds a seat and dedups (issue #11 item 7).
      const nomineeEmail = input.self ? ctx.user.email : input.nomineeEmail!;
      const created = await insertBoardNomination(tx, {
        callId: call.id,
        boardId: board.id,
        applicantUserId: ctx.user.id,
        isSelf: input.self,
        nomineeName: input.self ? ctx.user.name : input.nomineeName!,
        nomineeEmail,
        constituencies: input.constituencies,
        memberState: input.memberState ?? null,
        organisation: input.organisation ?? null,
        gender: input.gender ?? null,
        motivation: input.motivation,
      }).catch((error: unknown) => {
        // Only this applicant's own open nomination of the same person on the same call (their double submit).
        if (isUniqueViolation(error, 'board_nomination_one_open_per_applicant')) {
          throw new FieldError('CONFLICT', {
            [input.self ? 'self' : 'nomineeEmail']: ['board.alreadyNominated'],
          });
        }
        throw error;
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.nomination_submit',
        entityType: 'board_nomination',
        entityId: created.id,
        after: created,
      });
      return { id: created.id, status: created.status };
    });
  }),

  myNominations: authedProcedure.query(async ({ ctx }) => {
    const rows = await listBoardNominationsOfApplicant(ctx.db, ctx.user.id);
    return rows.map((n) => ({
      id: n.id,
      boardId: n.board_id,
      boardName: n.board_name,
      callId: n.call_id,
      self: n.is_self,
      nomineeName: n.nominee_name,
      nomineeEmail: n.nominee_email,
      constituencies: n.constituencies,
      memberState: n.member_state_code,
      organisation: n.organisation,
      motivation: n.motivation,
      status: n.status,
      /** Shown to the applicant: the reason of a decline (required), or the note of an acceptance. */
      decisionReason: n.decision_reason,
      decidedAt: n.decided_at,
      createdAt: n.created_at,
    }));
  }),

  withdrawNomination: authedProcedure
    .input(z.object({ nominationId: uuid }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const nomination = await findBoardNomination(tx, input.nominationId, { forUpdate: true });
        if (!nomination || nomination.applicant_user_id !== ctx.user.id)
          throw notFound('board.nominationNotFound');
        if (nomination.status !== 'submitted') throw conflict('board.nominationDecided');
        const after = await withdrawBoardNomination(tx, nomination.id);
        await writeAudit(tx, auditContext(ctx), {
          action: 'board.nomination_withdraw',
          entityType: 'board_nomination',
          entityId: nomination.id,
          before: nomination,
          after,
        });
        return { id: after.id, status: after.status };
      });
    }),
};
