// A member-state representative's home: their own state's open tasks, nothing of another state's.
import {
  findReviewAssessment,
  listAssessmentsOfState,
  listCyclePhases,
  listEditComments,
  listPositions,
  listReviewCycles,
  listReviewEdits,
} from '@musyawarah/db';
import { memberStateProcedure } from '../../trpc';
import { iso, presentCycle } from '../review/presenters';

export const memberStateHome = memberStateProcedure.query(async ({ ctx }) => {
  const now = new Date();
  const state = ctx.memberState;
  const cycles = (await listReviewCycles(ctx.db)).filter((c) => c.closed_at === null);
  const phases = await listCyclePhases(
    ctx.db,
    cycles.map((c) => c.id),
  );
  const presented = cycles.map((c) => presentCycle(c, phases, now));
  const deadlineOf = (cycle: (typeof presented)[number]) =>
    cycle.phases.find((p) => p.phase === cycle.stage)?.plannedEnd ?? null;

  const positionsAwaited = [];
  const assessments = [];
  const answers = [];
  for (const cycle of presented) {
    if (cycle.stage === 'not_started') continue;
    if (cycle.stage === 'assessment') {
      const own = await findReviewAssessment(ctx.db, cycle.id, state);
      assessments.push({
        cycleId: cycle.id,
        title: cycle.title,
        status: own?.status ?? null,
        deadline: deadlineOf(cycle),
      });
    }
    const edits = await listReviewEdits(ctx.db, cycle.id);
    if (edits.length === 0) continue;
    const ids = edits.map((e) => e.id);
    const [positions, comments] = await Promise.all([
      listPositions(ctx.db, ids, state),
      listEditComments(ctx.db, ids),
    ]);
    // Positions are recorded in the comment period (phaseAllows 'record_position'); those not yet recorded are the task.
    if (cycle.stage === 'comment_period') {
      const recorded = new Set(positions.map((p) => p.edit_id));
      const missing = edits.filter((e) => !recorded.has(e.id));
      if (missing.length > 0)
        positionsAwaited.push({
          cycleId: cycle.id,
          title: cycle.title,
          edits: missing.length,
          deadline: deadlineOf(cycle),
        });
    }
    // What the Secretariat answered: the state's positions and the comments the state's representatives wrote.
    for (const p of positions)
      if (p.answer !== null)
        answers.push({
          cycleId: cycle.id,
          title: cycle.title,
          kind: 'position' as const,
          answeredAt: iso(p.answered_at),
        });
    for (const c of comments)
      if (c.answer !== null && c.author_role === 'member_state' && c.author_member_state === state)
        answers.push({
          cycleId: cycle.id,
          title: cycle.title,
          kind: 'comment' as const,
          answeredAt: iso(c.answered_at),
        });
  }

  const year = now.getUTCFullYear();
  const readiness = (await listAssessmentsOfState(ctx.db, state)).find((a) => a.year === year);
  return {
    memberState: state,
    positionsAwaited,
    assessments,
    readiness: {
      year,
      assessment: readiness
        ? { id: readiness.id, status: readiness.status, answered: Object.keys(readiness.answers).length }
        : null,
    },
    answers: answers.sort((a, b) => (b.answeredAt ?? '').localeCompare(a.answeredAt ?? '')).slice(0, 10),
  };
});
