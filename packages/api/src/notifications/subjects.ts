import { cycleStage, findActionArea, type FollowSubject } from '@musyawarah/core';
import { findBoard, findReviewCycle, findRound, listCyclePhases, type Executor } from '@musyawarah/db';
import { phaseDates } from '../routers/review/presenters';

/**
 * Whether a person may follow a subject: the thing exists and its page is one they can open — a published round, an
 * action area of the catalogue, a published board, a review cycle that has started (the Secretariat: any). Anything
 * else is answered as not found, so following cannot probe for unpublished things.
 */
export async function followableSubject(
  db: Executor,
  viewer: { role: string },
  subjectType: FollowSubject,
  subjectId: string,
): Promise<boolean> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(subjectId);
  switch (subjectType) {
    case 'action':
      return findActionArea(subjectId)?.id === subjectId;
    case 'round': {
      if (!uuid) return false;
      const round = await findRound(db, subjectId);
      return Boolean(round?.published_at);
    }
    case 'board': {
      if (!uuid) return false;
      const board = await findBoard(db, subjectId);
      return Boolean(board?.published);
    }
    case 'review_cycle': {
      if (!uuid) return false;
      const cycle = await findReviewCycle(db, subjectId);
      if (!cycle) return false;
      if (viewer.role === 'secretariat') return true;
      return cycleStage(phaseDates(await listCyclePhases(db, [cycle.id]))) !== 'not_started';
    }
  }
}
