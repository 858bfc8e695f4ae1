// Repository functions of the review domain (executor first). Writes are audited by the caller in the same transaction.
import { sql } from 'kysely';
import type { Catalogue, MemberStateCode } from '@musyawarah/core';
import type { Executor } from '../client';
import type { AuditContext } from '../audit';
import { toJsonColumn } from '../json-column';
import { adoptEdition, findEdition, findEditionRef } from './editions';

// ---------------------------------------------------------------------------------------------------------------------
// Framework

export async function findLatestFramework(db: Executor) {
  return db.selectFrom('review_framework').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function findFramework(db: Executor, version: number) {
  return db.selectFrom('review_framework').selectAll().where('version', '=', version).executeTakeFirst();
}

export async function listFrameworkVersions(db: Executor) {
  return db
    .selectFrom('review_framework')
    .leftJoin('user_account', 'user_account.id', 'review_framework.created_by')
    .select([
      'review_framework.version',
      'review_framework.created_at',
      'user_account.name as created_by_name',
    ])
    .orderBy('review_framework.version', 'desc')
    .execute();
}

/** Inserts the next version; the primary key makes two saves from the same version collide instead of both landing. */
export async function insertFrameworkVersion(
  db: Executor,
  values: { version: number; document: unknown; createdBy: string | null },
) {
  return db
    .insertInto('review_framework')
    .values({
      version: values.version,
      document: toJsonColumn(values.document),
      created_by: values.createdBy,
    })
    .onConflict((oc) => oc.column('version').doNothing())
    .returningAll()
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------------------------------
// Cycles

export async function listReviewCycles(db: Executor) {
  return db.selectFrom('review_cycle').selectAll().orderBy('created_at', 'desc').execute();
}

export async function findReviewCycle(db: Executor, id: string) {
  return db.selectFrom('review_cycle').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the cycle row for the rest of the transaction: phase changes and adoption must not interleave. */
export async function lockReviewCycle(db: Executor, id: string) {
  return db.selectFrom('review_cycle').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * A share lock on the cycle row for the rest of the transaction: writes that depend on the cycle's phase take it before
 * reading the phase, so a phase change (which locks the row for update) and such a write never interleave.
 */
export async function shareLockReviewCycle(db: Executor, id: string) {
  await db.selectFrom('review_cycle').select('id').where('id', '=', id).forShare().execute();
}

export async function listCyclePhases(db: Executor, cycleIds: readonly string[]) {
  if (cycleIds.length === 0) return [];
  return db
    .selectFrom('review_cycle_phase')
    .selectAll()
    .where('cycle_id', 'in', [...cycleIds])
    .orderBy('cycle_id')
    .orderBy('position')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------------
// Assessments

export async function findReviewAssessment(db: Executor, cycleId: string, memberState: MemberStateCode) {
  return db
    .selectFrom('review_assessment')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .where('member_state_code', '=', memberState)
    .executeTakeFirst();
}

export async function listReviewAssessments(
  db: Executor,
  cycleId: string,
  options: { submittedOnly: boolean },
) {
  let query = db.selectFrom('review_assessment').selectAll().where('cycle_id', '=', cycleId);
  if (options.submittedOnly) query = query.where('status', '=', 'submitted');
  return query.orderBy('member_state_code').execute();
}

// ---------------------------------------------------------------------------------------------------------------------
// Edits

export async function listReviewEdits(db: Executor, cycleId: string) {
  return db
    .selectFrom('review_edit')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export async function findReviewEdit(db: Executor, id: string) {
  return db.selectFrom('review_edit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function nextEditPosition(db: Executor, cycleId: string) {
  const row = await db
    .selectFrom('review_edit')
    .select(sql<number>`coalesce(max(position), 0) + 1`.as('next'))
    .where('cycle_id', '=', cycleId)
    .executeTakeFirst();
  return Number(row?.next ?? 1);
}

export async function listEditMotivations(db: Executor, editIds: readonly string[]) {
  if (editIds.length === 0) return [];
  return db
    .selectFrom('review_edit_motivation')
    .selectAll()
    .where('edit_id', 'in', [...editIds])
    .execute();
}

export async function replaceEditMotivations(
  db: Executor,
  editId: string,
  motivations: readonly {
    kind: 'contribution' | 'assessment' | 'board_session';
    targetId: string;
    note?: string | undefined;
  }[],
  options: { isNew?: boolean } = {},
) {
  if (!options.isNew) await db.deleteFrom('review_edit_motivation').where('edit_id', '=', editId).execute();
  if (motivations.length === 0) return;
  await db
    .insertInto('review_edit_motivation')
    .values(
      motivations.map((m) => ({
        edit_id: editId,
        kind: m.kind,
        contribution_id: m.kind === 'contribution' ? m.targetId : null,
        assessment_id: m.kind === 'assessment' ? m.targetId : null,
        board_session_id: m.kind === 'board_session' ? m.targetId : null,
        note: m.note ?? null,
      })),
    )
    .execute();
}

export async function listResolutions(db: Executor, editIds: readonly string[]) {
  if (editIds.length === 0) return [];
  return db
    .selectFrom('review_resolution')
    .selectAll()
    .where('edit_id', 'in', [...editIds])
    .execute();
}

export async function listPositions(db: Executor, editIds: readonly string[], memberState?: MemberStateCode) {
  if (editIds.length === 0) return [];
  let query = db
    .selectFrom('review_position')
    .selectAll()
    .where('edit_id', 'in', [...editIds]);
  if (memberState) query = query.where('member_state_code', '=', memberState);
  return query.orderBy('member_state_code').execute();
}

export async function listEditComments(db: Executor, editIds: readonly string[]) {
  if (editIds.length === 0) return [];
  return db
    .selectFrom('review_comment')
    .leftJoin('user_account', 'user_account.id', 'review_comment.author_user_id')
    .select([
      'review_comment.id',
      'review_comment.edit_id',
      'review_comment.parent_id',
      'review_comment.author_user_id',
      'review_comment.body',
      'review_comment.confidential',
      'review_comment.answer',
      'review_comment.answered_at',
      'review_comment.created_at',
      'user_account.name as author_name',
      'user_account.role as author_role',
      'user_account.member_state_code as author_member_state',
      'user_account.status as author_status',
    ])
    .where('review_comment.edit_id', 'in', [...editIds])
    .orderBy('review_comment.created_at')
    .execute();
}

/** Edits that cite a contribution, with their cycle: "what became of my feedback". */
export async function listEditsCitingContribution(db: Executor, contributionId: string) {
  return db
    .selectFrom('review_edit_motivation')
    .innerJoin('review_edit', 'review_edit.id', 'review_edit_motivation.edit_id')
    .innerJoin('review_cycle', 'review_cycle.id', 'review_edit.cycle_id')
    .select([
      'review_edit.id as edit_id',
      'review_edit.payload',
      'review_edit.rationale',
      'review_cycle.id as cycle_id',
      'review_cycle.title as cycle_title',
      'review_cycle.audience',
      'review_cycle.published_at',
      'review_cycle.closed_at',
      'review_cycle.adopted_edition_number',
      'review_cycle.base_edition_number',
    ])
    .where('review_edit_motivation.contribution_id', '=', contributionId)
    .orderBy('review_cycle.created_at')
    .orderBy('review_edit.position')
    .execute();
}

/** What the public record may say about cited contributions: hidden ones and anonymous authors stay so. */
export async function listCitedContributions(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('contribution')
    .innerJoin('consultation_round', 'consultation_round.id', 'contribution.round_id')
    .leftJoin('user_account', 'user_account.id', 'contribution.author_user_id')
    .select([
      'contribution.id',
      'contribution.round_id',
      'contribution.receipt_reference',
      'contribution.stakeholder_group',
      'contribution.member_state_code',
      'contribution.named_publicly',
      'contribution.participant_name',
      'contribution.organisation_name',
      'contribution.written_in',
      'contribution.hidden_at',
      'contribution.status',
      'consultation_round.title as round_title',
      'user_account.name as author_name',
    ])
    .where('contribution.id', 'in', [...ids])
    .execute();
  const items = await db
    .selectFrom('contribution_item')
    .select(['contribution_id', 'type', 'text', 'action_id'])
    .where('contribution_id', 'in', [...ids])
    .orderBy('contribution_id')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ ...r, items: items.filter((i) => i.contribution_id === r.id) }));
}

// ---------------------------------------------------------------------------------------------------------------------
// Editions: the review domain's view of the editions repository

export async function findEditionCatalogue(db: Executor, number: number): Promise<Catalogue | null> {
  return (await findEdition(db, { number }))?.catalogue ?? null;
}

export async function currentEditionNumber(db: Executor): Promise<number | null> {
  return (await findEditionRef(db, 'current'))?.number ?? null;
}

/** Makes the reviewed catalogue the new current edition inside the adoption's transaction and returns its number. */
export async function adoptReviewedEdition(
  tx: Executor,
  values: {
    catalogue: Catalogue;
    title: string;
    notes: string | null;
    reviewCycleId: string;
    adoptedBy: string;
    audit: AuditContext;
  },
): Promise<{ number: number }> {
  const { audit, ...input } = values;
  const adopted = await adoptEdition(tx, input, audit);
  return { number: adopted.number };
}
