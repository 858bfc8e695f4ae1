// Secretariat procedures on sessions: list and read (participation, RSVPs, inputs), create and edit, invite (mailed),
// withdraw an invitation, record attendance, save or publish minutes.
import { notifyMinutesPublished, notifySessionInvited } from '../../notifications/boards';
import { deliverAfterCommit } from '../../notifications/notify';
import { z } from 'zod';
import {
  attendanceInput,
  eventChangesForAttendees,
  inviteInput,
  minutesInput,
  sessionInput,
  sessionParticipation,
  surveyIsClosed,
  withdrawInvitationInput,
  type EventArrangements,
} from '@musyawarah/core';
import {
  deleteBoardAttendance,
  deleteSessionInvitation,
  findBoardAttendance,
  findNotificationRecipients,
  findSessionInvitation,
  insertBoardSession,
  insertSessionInvitations,
  listBoardAttendance,
  listBoardSeats,
  listBoardSessionInputs,
  listBoardSessions,
  listBoardSurveyResponses,
  listSeatHolderIdsOfBoard,
  listSessionInvitations,
  saveBoardSessionMinutes,
  updateBoardSession,
  upsertBoardAttendance,
  writeAudit,
  type BoardSession,
  type MailOutbox,
  type Tx,
} from '@musyawarah/db';
import type { Context } from '../../context';
import { FieldError, notFound } from '../../errors';
import { sessionChangedMail, sessionInvitationMail } from '../../mail/boards-templates';
import { auditContext, secretariatProcedure } from '../../trpc';
import { link } from '../auth';
import { boardIdInput, sessionIdInput, uuid } from './boards.types';
import { asDate, boardText, presentAdminSession, surveyWindowOf, tallyBy } from './presenters';
import { boardOrThrow, conflict, participationInputs, sessionFields, sessionOrThrow } from './shared';

/** What invited members plan around (sessions keep UTC instants; the mail shows them in UTC, as the invitation). */
function sessionArrangements(session: BoardSession): EventArrangements {
  return {
    mode: session.mode,
    venue: session.venue,
    link: session.link,
    startsAt: asDate(session.starts_at).toISOString(),
    endsAt: asDate(session.ends_at).toISOString(),
    timezone: 'UTC',
  };
}

/** Queues the "session changed" mail to every member invited to it, in each one's language. */
async function mailSessionChange(ctx: Context, tx: Tx, session: BoardSession): Promise<MailOutbox[]> {
  const board = await boardOrThrow(tx, session.board_id);
  const invited = await listSessionInvitations(tx, [session.id]);
  const queued: MailOutbox[] = [];
  for (const person of await findNotificationRecipients(
    tx,
    invited.map((i) => i.user_id),
  ))
    queued.push(
      await ctx.mailer.queue(
        tx,
        sessionChangedMail(
          person,
          {
            boardName: boardText(board.name, person.locale),
            sessionTitle: boardText(session.title, person.locale),
            startsAt: asDate(session.starts_at),
            endsAt: asDate(session.ends_at),
            venue: session.venue,
            onlineLink: session.link,
          },
          link(ctx, `/boards/mine/sessions/${session.id}`),
        ),
      ),
    );
  return queued;
}

export const secretariatSessionProcedures = {
  sessions: secretariatProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    await boardOrThrow(ctx.db, input.boardId);
    const sessions = await listBoardSessions(ctx.db, input.boardId);
    const participation = await participationInputs(ctx.db, sessions);
    const invitations = await listSessionInvitations(
      ctx.db,
      sessions.map((s) => s.id),
    );
    const now = new Date();
    return sessions.map((s, i) => {
      // Replies of people who have since left the board are not expected at the session: not counted either.
      const seated = new Set(participation[i]!.seatedUserIds);
      const replies = invitations.filter((v) => v.session_id === s.id && seated.has(v.user_id));
      return {
        ...presentAdminSession(s),
        participation: sessionParticipation(participation[i]!, now),
        rsvp: {
          yes: replies.filter((v) => v.rsvp === 'yes').length,
          no: replies.filter((v) => v.rsvp === 'no').length,
          maybe: replies.filter((v) => v.rsvp === 'maybe').length,
          none: replies.filter((v) => v.rsvp === null).length,
        },
      };
    });
  }),

  session: secretariatProcedure.input(sessionIdInput).query(async ({ ctx, input }) => {
    const session = await sessionOrThrow(ctx.db, input.sessionId);
    const [invitations, attendance, inputs, [participation]] = await Promise.all([
      listSessionInvitations(ctx.db, [session.id]),
      listBoardAttendance(ctx.db, [session.id]),
      listBoardSessionInputs(ctx.db, [session.id]),
      participationInputs(ctx.db, [session]),
    ]);
    const statusOf = new Map(attendance.map((a) => [a.user_id, a.status]));
    const invitedIds = new Set(invitations.map((i) => i.user_id));
    const seated = new Set(participation!.seatedUserIds);
    return {
      ...presentAdminSession(session),
      invitations: invitations.map((i) => ({
        userId: i.user_id,
        name: i.user_name,
        invitedAt: i.invited_at,
        rsvp: i.rsvp,
        rsvpAt: i.rsvp_at,
        accommodationsNeeded: i.accommodations_needed,
        otherNeeds: i.other_needs,
        attendance: statusOf.get(i.user_id) ?? null,
        /** False once the person left the board (resigned, removed, account deleted) before the session: not counted. */
        seated: seated.has(i.user_id),
      })),
      /** Recorded for people who were not invited (walk-in members). */
      uninvitedAttendance: attendance
        .filter((a) => !invitedIds.has(a.user_id))
        .map((a) => ({ userId: a.user_id, name: a.user_name, attendance: a.status })),
      inputs: inputs.map((i) => ({
        id: i.id,
        userId: i.user_id,
        name: i.user_name,
        agendaItemId: i.agenda_item_id,
        actionId: i.action_id,
        text: i.text,
        createdAt: i.created_at,
      })),
      /** What the session raised, counted per agenda item and per Roadmap action (`none`: not tied to one). */
      inputCounts: {
        byAgendaItem: tallyBy(inputs.map((i) => i.agenda_item_id)),
        byAction: tallyBy(inputs.map((i) => i.action_id)),
      },
      participation: sessionParticipation(participation!, new Date()),
    };
  }),

  createSession: secretariatProcedure.input(sessionInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const board = await boardOrThrow(tx, input.boardId);
      if (board.status === 'dissolved') throw conflict('board.dissolved');
      const created = await insertBoardSession(tx, board.id, sessionFields(input), ctx.user.id);
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.session_create',
        entityType: 'board_session',
        entityId: created.id,
        after: created,
      });
      return presentAdminSession(created);
    });
  }),

  updateSession: secretariatProcedure
    .input(z.object({ sessionId: uuid, session: sessionInput }))
    .mutation(async ({ ctx, input }) => {
      const queued: MailOutbox[] = [];
      const updated = await ctx.db.transaction().execute(async (tx) => {
        const before = await sessionOrThrow(tx, input.sessionId);
        if (before.board_id !== input.session.boardId) throw notFound('board.sessionNotFound');
        // A survey that has closed stays closed whatever the new dates (issue #11 item 4): its results may have been shown,
        // and one more answer would then tell how its author answered. The closing is recorded before the dates move.
        const now = new Date();
        const closing =
          !before.survey_closed_at &&
          surveyIsClosed(surveyWindowOf(before), now) &&
          (await listBoardSurveyResponses(tx, [before.id])).length > 0
            ? now
            : null;
        const after = await updateBoardSession(
          tx,
          before.id,
          sessionFields(input.session, before.agenda),
          closing,
        );
        await writeAudit(tx, auditContext(ctx), {
          action: 'board.session_update',
          entityType: 'board_session',
          entityId: after.id,
          before,
          after,
        });
        // Invited members plan around the time and place; a session already over is only being corrected.
        if (
          asDate(after.ends_at) > now &&
          eventChangesForAttendees(sessionArrangements(before), sessionArrangements(after)).length > 0
        )
          queued.push(...(await mailSessionChange(ctx, tx, after)));
        return presentAdminSession(after);
      });
      await ctx.mailer.deliver(ctx.db, queued);
      return updated;
    }),

  /** Invites seat holders (by default every current member) and e-mails those newly invited. */
  invite: secretariatProcedure.input(inviteInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    const result = await ctx.db.transaction().execute(async (tx) => {
      const session = await sessionOrThrow(tx, input.sessionId);
      const board = await boardOrThrow(tx, session.board_id);
      const seats = await listBoardSeats(tx, board.id, { includeEnded: false });
      const holders = new Map(seats.map((s) => [s.user_id, s]));
      const chosen = input.userIds.length ? input.userIds : [...holders.keys()];
      const notMembers = chosen.filter((id) => !holders.has(id));
      if (notMembers.length) throw new FieldError('BAD_REQUEST', { userIds: ['board.notAMember'] });
      if (chosen.length === 0) return { invited: 0 };
      const added = await insertSessionInvitations(tx, session.id, chosen);
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.session_invite',
        entityType: 'board_session',
        entityId: session.id,
        after: { userIds: added.map((a) => a.user_id) },
      });
      await notifySessionInvited(
        ctx,
        tx,
        board,
        session,
        added.map((a) => a.user_id),
      );
      // In each member's own language, as every other mail (the seat holder's row carries no language).
      for (const person of await findNotificationRecipients(
        tx,
        added.map((a) => a.user_id),
      )) {
        queued.push(
          await ctx.mailer.queue(
            tx,
            sessionInvitationMail(
              person,
              {
                boardName: boardText(board.name, person.locale),
                sessionTitle: boardText(session.title, person.locale),
                startsAt: asDate(session.starts_at),
              },
              link(ctx, `/boards/mine/sessions/${session.id}`),
            ),
          ),
        );
      }
      return { invited: added.length };
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return result;
  }),

  /**
   * Withdraws one member's invitation (invited by mistake, or no longer expected): they are no longer counted as invited
   * and can no longer reply. Someone recorded present took part, and keeps their invitation.
   */
  withdrawInvitation: secretariatProcedure.input(withdrawInvitationInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const session = await sessionOrThrow(tx, input.sessionId);
      const invitation = await findSessionInvitation(tx, session.id, input.userId);
      if (!invitation) throw notFound('board.invitationNotFound');
      const attendance = await findBoardAttendance(tx, session.id, input.userId);
      if (attendance?.status === 'present') throw conflict('board.attendanceRecorded');
      if (attendance) await deleteBoardAttendance(tx, session.id, input.userId);
      await deleteSessionInvitation(tx, session.id, input.userId);
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.invitation_withdraw',
        entityType: 'board_session',
        entityId: session.id,
        before: { invitation, attendance: attendance ?? null },
        after: { userId: input.userId, invited: false },
      });
      return { sessionId: session.id, userId: input.userId, withdrawn: true as const };
    });
  }),

  recordAttendance: secretariatProcedure.input(attendanceInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const session = await sessionOrThrow(tx, input.sessionId);
      if (asDate(session.starts_at).getTime() > Date.now()) throw conflict('board.sessionNotHeld');
      // Anyone who held a seat on the board may be recorded (a member whose seat ended since still attended).
      const seatHolders = new Set(
        (await listSeatHolderIdsOfBoard(tx, session.board_id)).map((s) => s.user_id),
      );
      const errors: Record<string, string[]> = {};
      input.records.forEach((r, i) => {
        if (!seatHolders.has(r.userId)) errors[`records.${i}.userId`] = ['board.notAMember'];
      });
      if (Object.keys(errors).length) throw new FieldError('BAD_REQUEST', errors);
      const now = new Date();
      const byUser = new Map(input.records.map((r) => [r.userId, r.status]));
      const stored = await upsertBoardAttendance(tx, session.id, [...byUser], ctx.user.id, now);
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.attendance_record',
        entityType: 'board_session',
        entityId: session.id,
        after: stored,
      });
      const [participation] = await participationInputs(tx, [session]);
      return { sessionId: session.id, participation: sessionParticipation(participation!, new Date()) };
    });
  }),

  saveMinutes: secretariatProcedure.input(minutesInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    return deliverAfterCommit(
      ctx,
      queued,
      ctx.db.transaction().execute(async (tx) => {
        const before = await sessionOrThrow(tx, input.sessionId);
        const now = new Date();
        const after = await saveBoardSessionMinutes(tx, before.id, {
          minutes: input.minutes,
          outcomes: input.outcomes ?? null,
          visibility: input.visibility,
          publishedAt: input.publish ? (before.minutes_published_at ?? now) : null,
          now,
        });
        await writeAudit(tx, auditContext(ctx), {
          action: input.publish ? 'board.minutes_publish' : 'board.minutes_save',
          entityType: 'board_session',
          entityId: after.id,
          before,
          after,
        });
        if (input.publish && !before.minutes_published_at) {
          const board = await boardOrThrow(tx, after.board_id);
          queued.push(...(await notifyMinutesPublished(ctx, tx, board, after)));
        }
        return presentAdminSession(after);
      }),
    );
  }),
};
