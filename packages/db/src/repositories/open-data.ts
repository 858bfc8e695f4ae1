// Rounds whose results are published, for the open data (issue #17). Executor first.
import type { Executor } from '../client';

/** Published rounds that have closed and published their summary: the ones with open data, newest first. */
export async function listRoundsWithPublishedResults(db: Executor, now: Date) {
  return db
    .selectFrom('consultation_round')
    .select(['id', 'title', 'action_ids', 'languages', 'opens_at', 'closes_at', 'summary_published_at'])
    .where('published_at', 'is not', null)
    .where('summary_published_at', 'is not', null)
    .where('closes_at', '<=', now)
    .orderBy('summary_published_at', 'desc')
    .orderBy('id')
    .execute();
}
