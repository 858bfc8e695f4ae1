import { sql } from 'kysely';
import type { MemberStateCode } from '@musyawarah/core';
import type { Executor } from '../client';
import { toJsonColumn } from '../json-column';

const listColumns = [
  'readiness_assessment.id',
  'readiness_assessment.member_state_code',
  'readiness_assessment.year',
  'readiness_assessment.status',
  'readiness_assessment.answers',
  'readiness_assessment.result',
  'readiness_assessment.version',
  'readiness_assessment.created_at',
  'readiness_assessment.updated_at',
  'readiness_assessment.submitted_at',
] as const;

export async function listAssessmentsOfState(db: Executor, memberState: MemberStateCode) {
  return db
    .selectFrom('readiness_assessment')
    .select(listColumns)
    .where('member_state_code', '=', memberState)
    .orderBy('year', 'desc')
    .execute();
}

export async function findAssessment(db: Executor, id: string) {
  return db.selectFrom('readiness_assessment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAssessment(
  db: Executor,
  values: { memberState: MemberStateCode; year: number; createdBy: string },
) {
  return db
    .insertInto('readiness_assessment')
    .values({
      member_state_code: values.memberState,
      year: values.year,
      created_by: values.createdBy,
      updated_by: values.createdBy,
    })
    .onConflict((oc) => oc.constraint('readiness_assessment_state_year').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Optimistic concurrency: the update applies only if nobody saved since `expectedVersion` was read, so two
 * representatives of one state editing at once never silently overwrite each other. Returns undefined on conflict.
 */
export async function updateDraftAssessment(
  db: Executor,
  id: string,
  expectedVersion: number,
  changes: {
    answers: Record<string, string>;
    evidence: Record<string, { note: string; links: string[] }>;
    updatedBy: string;
  },
) {
  return db
    .updateTable('readiness_assessment')
    .set({
      answers: toJsonColumn(changes.answers),
      evidence: toJsonColumn(changes.evidence),
      updated_by: changes.updatedBy,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

export async function submitAssessment(
  db: Executor,
  id: string,
  expectedVersion: number,
  values: { result: unknown; submittedBy: string },
) {
  return db
    .updateTable('readiness_assessment')
    .set({
      status: 'submitted',
      result: toJsonColumn(values.result),
      submitted_by: values.submittedBy,
      submitted_at: sql`now()`,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

/** Every submitted assessment with its state's name, newest year first, for the secretariat's regional table. */
export async function listSubmittedAssessments(db: Executor, filter: { year?: number | undefined }) {
  let query = db
    .selectFrom('readiness_assessment')
    .innerJoin('member_state', 'member_state.code', 'readiness_assessment.member_state_code')
    .select([...listColumns, 'member_state.name as member_state_name'])
    .where('readiness_assessment.status', '=', 'submitted');
  if (filter.year) query = query.where('readiness_assessment.year', '=', filter.year);
  return query.orderBy('readiness_assessment.year', 'desc').orderBy('member_state.name').execute();
}
