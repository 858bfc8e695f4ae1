// Procedures of board members (a seat not ended): their boards and sessions, RSVP, input, the survey, their own seat.
import { TRPCError } from '@trpc/server';
import {
  mySeatInput,
  rsvpInput,
  rsvpIsOpen,
  sessionAcceptsInput,
  sessionContributionInput,
  surveyAnswerInput,
  surveyIsOpen,
} from '@musyawarah/core';
import {
  deleteBoardSurveyResponses,
  findBoardSeat,
  findSessionInvitation,
  insertBoardSessionInput,
  insertBoardSurveyParticipation,
  insertBoardSurveyResponses,
  listBoardSeats,
  listBoardSessionInputs,
  listBoardSessions,
  listBoardSurveyParticipation,
  listBoardTraining,
  listSessionInvitations,
  lockBoardSession,
  updateOwnBoardSeat,
  updateSessionRsvp,
  writeAudit,
} from '@musyawarah/db';
import { FieldError, notFound } from '../../errors';
import { auditContext, authedProcedure } from '../../trpc';
import { boardIdInput, sessionIdInput } from './boards.types';
import {
  asDate,
  presentBoard,
  presentSeat,
  presentSession,
  publishedMinutes,
  surveyWindowOf,
} from './presenters';
import { memberBoardsOf } from '../shared/work';
import { boardOrThrow, conflict, memberSeatOrThrow, memberSessionOrThrow, shuffled } from './shared';

export const memberProcedures = {
  myBoards: authedProcedure.query(({ ctx }) => memberBoardsOf(ctx.db, ctx.user.id, new Date())),

  memberBoard: authedProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    const seat = await memberSeatOrThrow(ctx.db, input.boardId, ctx.user.id);
    const board = await boardOrThrow(ctx.db, input.boardId);
    const [seats, sessions, training] = await Promise.all([
      listBoardSeats(ctx.db, board.id, { includeEnded: false }),
      listBoardSessions(ctx.db, board.id),
      listBoardTraining(ctx.db, board.id, { userId: ctx.user.id }),
    ]);
    const ids = sessions.map((s) => s.id);
    const [invitations, answered] = await Promise.all([
      listSessionInvitations(ctx.db, ids).then((rows) => rows.filter((r) => r.user_id === ctx.user.id)),
      listBoardSurveyParticipation(ctx.db, ctx.user.id, ids),
    ]);
    const invitationOf = new Map(invitations.map((i) => [i.session_id, i]));
    const now = new Date();
    return {
      ...presentBoard(board, { activeSeats: seats.length }),
      mySeat: presentSeat(seat),
      // Fellow members see each other's names and roles, not e-mail addresses, genders or declarations.
      members: seats.map((s) => ({
        name: s.holder_name,
        role: s.role,
        constituencies: s.constituencies,
        memberState: s.member_state_code,
        organisation: s.organisation,
      })),
      sessions: sessions.map((s) => ({
        ...presentSession(s),
        minutes: publishedMinutes(s, 'members'),
        invited: invitationOf.has(s.id),
        rsvp: invitationOf.get(s.id)?.rsvp ?? null,
        surveyAnswered: answered.has(s.id),
        surveyOpen: invitationOf.has(s.id) && surveyIsOpen(surveyWindowOf(s), now),
      })),
      training: training.map((t) => ({
        id: t.id,
        course: t.course,
        takenOn: t.taken_on,
        completed: t.completed,
      })),
    };
  }),

  memberSession: authedProcedure.input(sessionIdInput).query(async ({ ctx, input }) => {
    const { session } = await memberSessionOrThrow(ctx.db, input.sessionId, ctx.user.id);
    const [invitation, inputs, answered] = await Promise.all([
      findSessionInvitation(ctx.db, session.id, ctx.user.id),
      listBoardSessionInputs(ctx.db, [session.id], { userId: ctx.user.id }),
      listBoardSurveyParticipation(ctx.db, ctx.user.id, [session.id]),
    ]);
    const now = new Date();
    const window = surveyWindowOf(session);
    return {
      ...presentSession(session),
      minutes: publishedMinutes(session, 'members'),
      invitation: invitation
        ? {
            rsvp: invitation.rsvp,
            rsvpAt: invitation.rsvp_at,
            accommodationsNeeded: invitation.accommodations_needed,
            otherNeeds: invitation.other_needs,
          }
        : null,
      rsvpOpen: Boolean(invitation) && rsvpIsOpen(window, now),
      inputOpen: sessionAcceptsInput(window, now),
      myInputs: inputs.map((i) => ({
        id: i.id,
        agendaItemId: i.agenda_item_id,
        actionId: i.action_id,
        text: i.text,
        createdAt: i.created_at,
      })),
      surveyAnswered: answered.has(session.id),
      surveyOpen: Boolean(invitation) && surveyIsOpen(window, now),
    };
  }),

  rsvp: authedProcedure.input(rsvpInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const { session } = await memberSessionOrThrow(tx, input.sessionId, ctx.user.id);
      const invitation = await findSessionInvitation(tx, session.id, ctx.user.id);
      if (!invitation) throw new TRPCError({ code: 'FORBIDDEN', message: 'board.notInvited' });
      if (!rsvpIsOpen({ startsAt: asDate(session.starts_at) }, new Date()))
        throw conflict('board.sessionStarted');
      const after = await updateSessionRsvp(tx, session.id, ctx.user.id, {
        rsvp: input.response,
        accommodationsNeeded: input.accommodationsNeeded,
        otherNeeds: input.otherNeeds ?? null,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.rsvp',
        entityType: 'board_session',
        entityId: session.id,
        before: invitation,
        after,
      });
      return {
        sessionId: session.id,
        rsvp: after.rsvp,
        accommodationsNeeded: after.accommodations_needed,
        otherNeeds: after.other_needs,
      };
    });
  }),

  submitInput: authedProcedure.input(sessionContributionInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const { session } = await memberSessionOrThrow(tx, input.sessionId, ctx.user.id);
      if (!sessionAcceptsInput({ endsAt: asDate(session.ends_at) }, new Date()))
        throw conflict('board.inputClosed');
      if (input.agendaItemId && !session.agenda.some((item) => item.id === input.agendaItemId)) {
        throw new FieldError('BAD_REQUEST', { agendaItemId: ['board.validation.unknownAgendaItem'] });
      }
      const { input: created, replayed } = await insertBoardSessionInput(tx, {
        sessionId: session.id,
        userId: ctx.user.id,
        agendaItemId: input.agendaItemId ?? null,
        actionId: input.actionId ?? null,
        text: input.text,
        idempotencyKey: input.idempotencyKey,
      });
      if (!replayed)
        await writeAudit(tx, auditContext(ctx), {
          action: 'board.input_submit',
          entityType: 'board_session_input',
          entityId: created.id,
          after: created,
        });
      return {
        id: created.id,
        agendaItemId: created.agenda_item_id,
        actionId: created.action_id,
        text: created.text,
        createdAt: created.created_at,
      };
    });
  }),

  /**
   * One answer per member per session. An unsigned answer is stored without the member's id and without a time; the
   * separate participation row (which says only that this member has answered) is what refuses a second answer.
   */
  answerSurvey: authedProcedure.input(surveyAnswerInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const { session } = await memberSessionOrThrow(tx, input.sessionId, ctx.user.id);
      if (!(await findSessionInvitation(tx, session.id, ctx.user.id)))
        throw new TRPCError({ code: 'FORBIDDEN', message: 'board.notInvited' });
      // One answer at a time per session: the rewrite below must not interleave with another.
      await lockBoardSession(tx, session.id);
      if (!surveyIsOpen(surveyWindowOf(session), new Date())) throw conflict('board.surveyClosed');
      const first = await insertBoardSurveyParticipation(tx, session.id, ctx.user.id);
      if (!first) throw conflict('board.surveyAlreadyAnswered');
      // The session's answers are rewritten in a random order, so neither their order on disk nor the transaction that
      // wrote them (xmin) follows the order in which members answered — which the participation rows and the audit log
      // show. Someone reading the database directly can then not line an unsigned answer up with its author either.
      const previous = await deleteBoardSurveyResponses(tx, session.id);
      const answers = shuffled([
        ...previous.map((r) => ({
          session_id: r.session_id,
          satisfaction: r.satisfaction,
          trust: r.trust,
          comment: r.comment,
          signed_by: r.signed_by,
        })),
        {
          session_id: session.id,
          satisfaction: input.satisfaction,
          trust: input.trust,
          comment: input.comment ?? null,
          signed_by: input.signed ? ctx.user.id : null,
        },
      ]);
      await insertBoardSurveyResponses(tx, answers);
      // A signed answer is audited as the member's action. An unsigned one is audited without actor, address or request
      // id: a row saying who answered when, next to the answers, would undo the anonymity (issue #11 item 4).
      await writeAudit(
        tx,
        input.signed ? auditContext(ctx) : { actorUserId: null, requestId: null, ipAddress: null },
        {
          action: 'board.survey_answer',
          entityType: 'board_session',
          entityId: session.id,
          after: input.signed
            ? {
                signed: true,
                satisfaction: input.satisfaction,
                trust: input.trust,
                comment: input.comment ?? null,
              }
            : { signed: false },
        },
      );
      return { sessionId: session.id, answered: true, signed: input.signed };
    });
  }),

  updateMySeat: authedProcedure.input(mySeatInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const seat = await findBoardSeat(tx, input.seatId);
      if (!seat || seat.user_id !== ctx.user.id || seat.ended_at !== null)
        throw notFound('board.seatNotFound');
      const after = await updateOwnBoardSeat(tx, seat.id, {
        gender: input.gender ?? null,
        listedPublicly: input.listedPublicly,
        conflictOfInterest: input.conflictOfInterest ?? null,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.seat_self_update',
        entityType: 'board_seat',
        entityId: seat.id,
        before: seat,
        after,
      });
      return presentSeat(after);
    });
  }),
};
