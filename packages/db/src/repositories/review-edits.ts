// Repository functions of the review domain: edits, resolutions, positions and comments (executor first). Writes are
// audited by the caller in the same transaction.
import { sql } from 'kysely';
import type { MemberStateCode } from '@musyawarah/core';
import type { Executor } from '../client';
import type { ReviewPositionTable, ReviewResolutionTable } from '../schema-review';
import { toJsonColumn } from '../json-column';

// ---------------------------------------------------------------------------------------------------------------------
// Edits

export async function insertReviewEdit(
  db: Executor,
  values: {
    cycleId: string;
    position: number;
    payload: unknown;
    rationale: string;
    userId: string;
    now: Date;
  },
) {
  return db
    .insertInto('review_edit')
    .values({
      cycle_id: values.cycleId,
      position: values.position,
      payload: toJsonColumn(values.payload),
      rationale: values.rationale,
      created_by: values.userId,
      updated_by: values.userId,
      updated_at: values.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Saves the edit if it is still at `expectedVersion` (undefined otherwise) and bumps its version. */
export async function updateReviewEdit(
  db: Executor,
  id: string,
  expectedVersion: number,
  values: { payload: unknown; rationale: string; userId: string; now: Date },
) {
  return db
    .updateTable('review_edit')
    .set({
      payload: toJsonColumn(values.payload),
      rationale: values.rationale,
      updated_by: values.userId,
      updated_at: values.now,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Bumps the edit's version if it is still at `expectedVersion` (undefined otherwise). */
export async function bumpReviewEditVersion(
  db: Executor,
  id: string,
  expectedVersion: number,
  values: { userId: string; now: Date },
) {
  return db
    .updateTable('review_edit')
    .set({ version: sql`version + 1`, updated_at: values.now, updated_by: values.userId })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes the edit if it is still at `expectedVersion`; undefined otherwise. */
export async function deleteReviewEdit(db: Executor, id: string, expectedVersion: number) {
  return db
    .deleteFrom('review_edit')
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('id')
    .executeTakeFirst();
}

/** Resolves the edit, replacing an earlier resolution. */
export async function upsertReviewResolution(
  db: Executor,
  editId: string,
  values: {
    kind: ReviewResolutionTable['kind'];
    finalPayload: unknown;
    answer: string;
    resolvedBy: string;
    resolvedAt: Date;
  },
) {
  const row = {
    kind: values.kind,
    final_payload: values.finalPayload ? toJsonColumn(values.finalPayload) : null,
    answer: values.answer,
    resolved_by: values.resolvedBy,
    resolved_at: values.resolvedAt,
  };
  return db
    .insertInto('review_resolution')
    .values({ edit_id: editId, ...row })
    .onConflict((oc) => oc.column('edit_id').doUpdateSet(row))
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---------------------------------------------------------------------------------------------------------------------
// Positions

export async function findReviewPosition(db: Executor, id: string) {
  return db.selectFrom('review_position').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findStatePosition(db: Executor, editId: string, memberState: MemberStateCode) {
  return db
    .selectFrom('review_position')
    .selectAll()
    .where('edit_id', '=', editId)
    .where('member_state_code', '=', memberState)
    .executeTakeFirst();
}

/** Records a state's position on an edit; recording it again replaces it. */
export async function upsertStatePosition(
  db: Executor,
  editId: string,
  memberState: MemberStateCode,
  values: {
    kind: ReviewPositionTable['kind'];
    text: string | null;
    counterProposal: string | null;
    recordedBy: string;
    now: Date;
  },
) {
  const row = {
    kind: values.kind,
    text: values.text,
    counter_proposal: values.counterProposal,
    recorded_by: values.recordedBy,
    updated_at: values.now,
  };
  return db
    .insertInto('review_position')
    .values({ edit_id: editId, member_state_code: memberState, ...row })
    .onConflict((oc) => oc.constraint('review_position_one_per_state').doUpdateSet(row))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function answerReviewPosition(
  db: Executor,
  id: string,
  values: { answer: string; answeredBy: string; answeredAt: Date },
) {
  return db
    .updateTable('review_position')
    .set({ answer: values.answer, answered_by: values.answeredBy, answered_at: values.answeredAt })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---------------------------------------------------------------------------------------------------------------------
// Comments

export async function findReviewComment(db: Executor, id: string) {
  return db.selectFrom('review_comment').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Which edit's thread a comment is in (to check a reply's parent). */
export async function findReviewCommentRef(db: Executor, id: string) {
  return db.selectFrom('review_comment').select(['id', 'edit_id']).where('id', '=', id).executeTakeFirst();
}

/**
 * Stores a comment. With a key this author already used, stores nothing and returns the comment first stored under it
 * (`replayed`), so a comment sent again after a lost answer is kept once.
 */
export async function insertReviewComment(
  db: Executor,
  values: {
    editId: string;
    parentId: string | null;
    authorUserId: string;
    body: string;
    confidential: boolean;
    idempotencyKey?: string | null | undefined;
  },
) {
  const key = values.idempotencyKey ?? null;
  const inserted = await db
    .insertInto('review_comment')
    .values({
      edit_id: values.editId,
      parent_id: values.parentId,
      author_user_id: values.authorUserId,
      body: values.body,
      confidential: values.confidential,
      idempotency_key: key,
    })
    .onConflict((oc) =>
      oc.columns(['author_user_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { comment: inserted, replayed: false };
  const stored = await db
    .selectFrom('review_comment')
    .selectAll()
    .where('author_user_id', '=', values.authorUserId)
    .where('idempotency_key', '=', key)
    .executeTakeFirstOrThrow();
  return { comment: stored, replayed: true };
}

export async function answerReviewComment(
  db: Executor,
  id: string,
  values: { answer: string; answeredBy: string; answeredAt: Date },
) {
  return db
    .updateTable('review_comment')
    .set({ answer: values.answer, answered_by: values.answeredBy, answered_at: values.answeredAt })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
