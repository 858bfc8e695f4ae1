// Repository functions of the review domain: cycle and phase writes (executor first). Audited by the caller.
import { sql } from 'kysely';
import type { Executor } from '../client';
import { toJsonColumn } from '../json-column';
import type { ReviewCycleTable, ReviewLocalizedText } from '../schema-review';

type CycleValues = {
  /** Per language, English required (core's `cycleInput`). */
  title: ReviewLocalizedText;
  description: ReviewLocalizedText | null;
  framework_version: number;
  base_edition_number: number;
  audience: ReviewCycleTable['audience'];
  publication_date: string;
};

/** The cycle's per-language texts as their JSON columns take them. */
function cycleColumns<T extends CycleValues>(values: T) {
  return {
    ...values,
    title: toJsonColumn(values.title),
    description: values.description === null ? null : toJsonColumn(values.description),
  };
}

/** When the cycle was closed without adopting (null while open); undefined when there is no such cycle. */
export async function findReviewCycleClosure(db: Executor, id: string) {
  return db.selectFrom('review_cycle').select('closed_at').where('id', '=', id).executeTakeFirst();
}

/** The published cycle that adopted an edition. */
export async function findPublishedCycleByEdition(db: Executor, edition: number) {
  return db
    .selectFrom('review_cycle')
    .selectAll()
    .where('adopted_edition_number', '=', edition)
    .where('published_at', 'is not', null)
    .executeTakeFirst();
}

export async function insertReviewCycle(
  db: Executor,
  values: CycleValues & { created_by: string; updated_at: Date },
) {
  return db.insertInto('review_cycle').values(cycleColumns(values)).returningAll().executeTakeFirstOrThrow();
}

export async function insertCyclePhases(
  db: Executor,
  cycleId: string,
  phases: readonly { phase: string; plannedStart: string; plannedEnd: string }[],
) {
  return db
    .insertInto('review_cycle_phase')
    .values(
      phases.map((p, position) => ({
        cycle_id: cycleId,
        phase: p.phase,
        position,
        planned_start: p.plannedStart,
        planned_end: p.plannedEnd,
      })),
    )
    .returningAll()
    .execute();
}

/** Updates the cycle if it is still at `expectedVersion` (undefined otherwise) and bumps its version. */
export async function updateReviewCycle(
  db: Executor,
  id: string,
  expectedVersion: number,
  values: CycleValues & { updated_at: Date },
) {
  return db
    .updateTable('review_cycle')
    .set({ ...cycleColumns(values), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Bumps the cycle's version (a phase change). */
export async function bumpReviewCycleVersion(db: Executor, id: string, now: Date) {
  return db
    .updateTable('review_cycle')
    .set({ version: sql`version + 1`, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records the adopted edition and publishes the cycle's record. */
export async function markReviewCycleAdopted(db: Executor, id: string, editionNumber: number, now: Date) {
  return db
    .updateTable('review_cycle')
    .set({
      adopted_edition_number: editionNumber,
      published_at: now,
      version: sql`version + 1`,
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function markReviewCycleClosed(
  db: Executor,
  id: string,
  values: { closedAt: Date; closedBy: string; reason: string | null; supersededBy: number | null },
) {
  return db
    .updateTable('review_cycle')
    .set({
      closed_at: values.closedAt,
      closed_by: values.closedBy,
      closed_reason: values.reason,
      closed_superseded_by: values.supersededBy,
      version: sql`version + 1`,
      updated_at: values.closedAt,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateCyclePhasePlan(
  db: Executor,
  cycleId: string,
  phase: string,
  plan: { plannedStart: string; plannedEnd: string },
) {
  await db
    .updateTable('review_cycle_phase')
    .set({ planned_start: plan.plannedStart, planned_end: plan.plannedEnd })
    .where('cycle_id', '=', cycleId)
    .where('phase', '=', phase)
    .execute();
}

/** Sets a phase's actual dates; only the keys given change. */
export async function setCyclePhaseActuals(
  db: Executor,
  cycleId: string,
  phase: string,
  actuals: { actual_start?: Date | null; actual_end?: Date | null },
) {
  await db
    .updateTable('review_cycle_phase')
    .set(actuals)
    .where('cycle_id', '=', cycleId)
    .where('phase', '=', phase)
    .execute();
}
