// Repository functions of the review domain: member-state assessments and the sources edits cite (executor first).
// Writes are audited by the caller in the same transaction.
import { sql } from 'kysely';
import type { MemberStateCode } from '@musyawarah/core';
import type { Executor } from '../client';
import type { ReviewAssessment } from '../schema-review';
import { toJsonColumn } from '../json-column';

type AssessmentValues = {
  ratings: ReviewAssessment['ratings'];
  status: 'draft' | 'submitted';
  updated_by: string;
  updated_at: Date;
  submitted_by: string | null;
  submitted_at: Date | null;
};

/** Saves over the assessment if it is still at `expectedVersion` (undefined otherwise) and bumps its version. */
export async function updateReviewAssessment(
  db: Executor,
  id: string,
  expectedVersion: number,
  values: AssessmentValues,
) {
  return db
    .updateTable('review_assessment')
    .set({ ...values, ratings: toJsonColumn(values.ratings), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** The state's first save; undefined when another save created it meanwhile. */
export async function insertReviewAssessment(
  db: Executor,
  cycleId: string,
  memberState: MemberStateCode,
  values: AssessmentValues,
) {
  return db
    .insertInto('review_assessment')
    .values({
      ...values,
      ratings: toJsonColumn(values.ratings),
      cycle_id: cycleId,
      member_state_code: memberState,
    })
    .onConflict((oc) => oc.constraint('review_assessment_one_per_state').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** The states of the given assessments. */
export async function listAssessmentStates(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('review_assessment')
    .select(['id', 'member_state_code'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Which of the given assessments belong to the cycle. */
export async function listCycleAssessmentIds(db: Executor, cycleId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('review_assessment')
    .select('id')
    .where('id', 'in', [...ids])
    .where('cycle_id', '=', cycleId)
    .execute();
}

/** Which of the given contributions are submitted (an edit may cite only those). */
export async function listSubmittedContributionIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('contribution')
    .select('id')
    .where('id', 'in', [...ids])
    .where('status', '=', 'submitted')
    .execute();
}

/** A contribution's status, for "what became of my contribution". */
export async function findContributionStatus(db: Executor, id: string) {
  return db
    .selectFrom('contribution')
    .select(['id', 'status', 'hidden_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}
