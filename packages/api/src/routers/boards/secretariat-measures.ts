// Secretariat procedures that measure a board: composition against its targets, participation, the C2.1 measures.
import { z } from 'zod';
import {
  boardMeasures,
  evaluateTargets,
  participationByMember,
  seatHeldOn,
  sessionParticipation,
  surveyIsClosed,
} from '@musyawarah/core';
import {
  listBoardConstituencies,
  listBoardSeats,
  listBoardSessions,
  listBoardSurveyResponses,
  listInputTimesOfBoard,
  listNominationTimesOfBoard,
  listSeatHolderNamesOfBoard,
} from '@musyawarah/db';
import { secretariatProcedure } from '../../trpc';
import { boardIdInput, uuid } from './boards.types';
import { asDate, boardTargets, spanOf, surveyWindowOf, tallyBy, targetSeatOf, today } from './presenters';
import { boardOrThrow, participationInputs } from './shared';

export const secretariatMeasureProcedures = {
  /** The board's seats held today against each target, live; unmet targets are flagged with the reason. */
  monitor: secretariatProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    const board = await boardOrThrow(ctx.db, input.boardId);
    const day = today();
    const current = (await listBoardSeats(ctx.db, board.id, { includeEnded: false })).filter((s) =>
      seatHeldOn(spanOf(s), day),
    );
    const evaluations = evaluateTargets(boardTargets(board), current.map(targetSeatOf));
    const count = (values: (string | null)[]) => tallyBy(values.map((v) => v ?? 'undeclared'));
    const counted = current.filter((s) => s.role !== 'observer');
    return {
      boardId: board.id,
      day,
      seatCapacity: board.seat_capacity,
      currentSeats: current.length,
      countedSeats: counted.length,
      observers: current.length - counted.length,
      evaluations,
      unmet: evaluations.filter((e) => !e.met).length,
      composition: {
        byConstituency: count(counted.flatMap((s) => s.constituencies)),
        byMemberState: count(counted.map((s) => s.member_state_code)),
        byGender: count(counted.map((s) => s.gender)),
        byRole: count(current.map((s) => s.role)),
      },
    };
  }),

  participation: secretariatProcedure.input(boardIdInput).query(async ({ ctx, input }) => {
    const board = await boardOrThrow(ctx.db, input.boardId);
    const sessions = (await listBoardSessions(ctx.db, board.id)).reverse();
    const inputs = await participationInputs(ctx.db, sessions);
    const now = new Date();
    const names = new Map((await listSeatHolderNamesOfBoard(ctx.db, board.id)).map((u) => [u.id, u.name]));
    return {
      sessions: sessions
        .map((s, i) => ({
          sessionId: s.id,
          title: s.title,
          startsAt: s.starts_at,
          ...sessionParticipation(inputs[i]!, now),
        }))
        .filter((s) => s.held),
      members: participationByMember(inputs, now).map((m) => ({ ...m, name: names.get(m.userId) ?? null })),
    };
  }),

  /** The four C2.1 measures per month or quarter, from the board's creation to today. */
  measures: secretariatProcedure
    .input(
      z.object({
        boardId: uuid,
        period: z.enum(['month', 'quarter'], { error: 'validation.invalidOption' }).default('quarter'),
      }),
    )
    .query(async ({ ctx, input }) => {
      const board = await boardOrThrow(ctx.db, input.boardId);
      const [seats, sessions, constituencies, inputTimes, nominations] = await Promise.all([
        listBoardSeats(ctx.db, board.id, { includeEnded: true }),
        listBoardSessions(ctx.db, board.id),
        listBoardConstituencies(ctx.db),
        listInputTimesOfBoard(ctx.db, board.id),
        listNominationTimesOfBoard(ctx.db, board.id),
      ]);
      const [participation, responses] = await Promise.all([
        participationInputs(ctx.db, sessions),
        listBoardSurveyResponses(
          ctx.db,
          sessions.map((s) => s.id),
        ),
      ]);
      const now = new Date();
      const earliestSession = sessions.reduce(
        (min, s) => Math.min(min, asDate(s.starts_at).getTime()),
        asDate(board.created_at).getTime(),
      );
      // From the board's start (or its first session), but no more than ten years back: a mistyped life date must not
      // turn the series into centuries of empty periods.
      const tenYearsAgo = now.getTime() - 10 * 366 * 86_400_000;
      const from = new Date(
        Math.max(
          tenYearsAgo,
          Math.min(earliestSession, Date.parse(`${board.life_starts_on}T00:00:00Z`), now.getTime()),
        ),
      );
      return {
        period: input.period,
        measures: boardMeasures({
          from,
          now,
          period: input.period,
          targets: boardTargets(board),
          marginalised: constituencies.filter((c) => c.marginalised).map((c) => c.key),
          seats: seats.map((s) => ({ ...spanOf(s), ...targetSeatOf(s) })),
          sessions: participation,
          inputsAt: inputTimes,
          nominationsAt: nominations.map((n) => asDate(n.created_at)),
          surveys: sessions.map((s) => ({
            sessionId: s.id,
            sessionStartsAt: asDate(s.starts_at),
            closed: surveyIsClosed(surveyWindowOf(s), now),
            answers: responses
              .filter((r) => r.session_id === s.id)
              .map((r) => ({ satisfaction: r.satisfaction, trust: r.trust, signed: r.signed_by !== null })),
          })),
        }),
      };
    }),
};
