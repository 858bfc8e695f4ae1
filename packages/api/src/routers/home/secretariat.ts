// The Secretariat overview: what needs the Secretariat now, each figure from the reading its detail screen uses.
import {
  countFailedMail,
  countModerationWork,
  listBoards,
  listCyclePhases,
  listOpenBoardCalls,
  listReviewCycles,
  listRounds,
} from '@musyawarah/db';
import { secretariatProcedure } from '../../trpc';
import { presentCycle } from '../review/presenters';
import { phaseOf } from '../shared/consultation';
import { roundParticipation, statesStillToRespond, unmetTargetsByBoard } from '../shared/work';
import { inNextDays, WEEK_DAYS } from './window';

export const secretariatHome = secretariatProcedure.query(async ({ ctx }) => {
  const now = new Date();
  const [rounds, moderation, boards, calls, cycles, failedMail] = await Promise.all([
    listRounds(ctx.db, { publishedOnly: false }),
    countModerationWork(ctx.db),
    listBoards(ctx.db, { publishedOnly: false }),
    listOpenBoardCalls(ctx.db, now),
    listReviewCycles(ctx.db),
    countFailedMail(ctx.db),
  ]);
  const roundById = new Map(rounds.map((r) => [r.id, r]));

  // Published rounds that open or close within the coming week, with participation against their targets.
  const thisWeek = rounds.filter((r) => {
    const phase = phaseOf(r, now);
    return (
      (phase === 'upcoming' && inNextDays(r.opens_at, now, WEEK_DAYS)) ||
      (phase === 'open' && inNextDays(r.closes_at, now, WEEK_DAYS))
    );
  });
  const roundsThisWeek = await Promise.all(
    thisWeek.map(async (r) => {
      const participation = await roundParticipation(ctx.db, r);
      const phase = phaseOf(r, now);
      return {
        id: r.id,
        title: r.title,
        event: phase === 'upcoming' ? ('opens' as const) : ('closes' as const),
        at: new Date(phase === 'upcoming' ? r.opens_at : r.closes_at).toISOString(),
        contributions: participation.tally.total,
        targets: participation.targets.length,
        targetsUnmet: participation.gaps.length,
      };
    }),
  );

  const unmet = await unmetTargetsByBoard(ctx.db, boards);
  const live = cycles.filter((c) => c.closed_at === null);
  const phases = await listCyclePhases(
    ctx.db,
    live.map((c) => c.id),
  );
  const reviewCycles = (
    await Promise.all(
      live.map(async (c) => {
        const presented = presentCycle(c, phases, now);
        if (presented.stage === 'adopted' || presented.stage === 'closed') return null;
        const current = presented.phases.find((p) => p.phase === presented.stage);
        const waiting = await statesStillToRespond(ctx.db, c, presented.stage);
        return {
          id: c.id,
          title: presented.title,
          stage: presented.stage,
          plannedEnd: current?.plannedEnd ?? null,
          waitingFor: waiting,
        };
      }),
    )
  ).filter((c) => c !== null);

  return {
    moderation: moderation
      .map((m) => ({ ...m, title: roundById.get(m.roundId)?.title ?? null }))
      .filter((m) => m.title !== null),
    roundsThisWeek,
    boards: boards
      .filter((b) => b.status !== 'dissolved' && (unmet.get(b.id) ?? 0) > 0)
      .map((b) => ({ id: b.id, name: b.name, unmetTargets: unmet.get(b.id) ?? 0 })),
    callsClosing: calls
      .filter((c) => inNextDays(c.closes_at, now, WEEK_DAYS))
      .map((c) => ({
        id: c.id,
        boardId: c.board_id,
        boardName: c.board_name,
        closesAt: new Date(c.closes_at).toISOString(),
      })),
    reviewCycles,
    failedMail,
  };
});
