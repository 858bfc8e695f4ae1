import { sql } from 'kysely';
import type { BoardTarget, Localized, MemberStateCode, SelectionCriterionInput } from '@musyawarah/core';
import type { Executor } from '../client';
import { toJsonColumn } from '../json-column';
import type { AdvisoryBoard } from '../schema-boards';

// Secretariat writes of boards, constituencies and calls moved out of the boards router (executor first, same
// statements as before). JSON columns are written through toJsonColumn.

/** What the Secretariat sets on a board (everything but its status). */
export interface AdvisoryBoardValues {
  name: Localized;
  scope: AdvisoryBoard['scope'];
  memberState: MemberStateCode | null;
  mandate: Localized;
  actionIds: string[];
  lifeStartsOn: string;
  lifeEndsOn: string | null;
  seatCapacity: number;
  targets: readonly BoardTarget[];
  selectionCriteria: readonly SelectionCriterionInput[];
  published: boolean;
}

export async function insertAdvisoryBoard(db: Executor, values: AdvisoryBoardValues & { createdBy: string }) {
  return db
    .insertInto('advisory_board')
    .values({
      name: toJsonColumn(values.name),
      scope: values.scope,
      member_state_code: values.memberState,
      mandate: toJsonColumn(values.mandate),
      action_ids: values.actionIds,
      life_starts_on: values.lifeStartsOn,
      life_ends_on: values.lifeEndsOn,
      seat_capacity: values.seatCapacity,
      targets: toJsonColumn(values.targets),
      selection_criteria: toJsonColumn(values.selectionCriteria),
      published: values.published,
      created_by: values.createdBy,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Rewrites everything but the status and bumps the version (the caller holds the row lock and checked the version). */
export async function updateAdvisoryBoard(db: Executor, boardId: string, values: AdvisoryBoardValues) {
  return db
    .updateTable('advisory_board')
    .set({
      name: toJsonColumn(values.name),
      scope: values.scope,
      member_state_code: values.memberState,
      mandate: toJsonColumn(values.mandate),
      action_ids: values.actionIds,
      life_starts_on: values.lifeStartsOn,
      life_ends_on: values.lifeEndsOn,
      seat_capacity: values.seatCapacity,
      targets: toJsonColumn(values.targets),
      selection_criteria: toJsonColumn(values.selectionCriteria),
      published: values.published,
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', boardId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateAdvisoryBoardStatus(
  db: Executor,
  boardId: string,
  status: AdvisoryBoard['status'],
  now: Date,
) {
  return db
    .updateTable('advisory_board')
    .set({ status, version: sql`version + 1`, updated_at: now })
    .where('id', '=', boardId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateAdvisoryBoardTargets(
  db: Executor,
  boardId: string,
  targets: readonly BoardTarget[],
) {
  return db
    .updateTable('advisory_board')
    .set({ targets: toJsonColumn(targets), version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', boardId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Adds a constituency to the managed list; undefined when the key is taken. */
export async function insertBoardConstituency(
  db: Executor,
  values: { key: string; label: Localized; marginalised: boolean },
) {
  return db
    .insertInto('board_constituency')
    .values({ key: values.key, label: toJsonColumn(values.label), marginalised: values.marginalised })
    .onConflict((oc) => oc.column('key').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function insertBoardCall(
  db: Executor,
  values: { boardId: string; description: Localized; opensAt: Date; closesAt: Date; createdBy: string },
) {
  return db
    .insertInto('board_call')
    .values({
      board_id: values.boardId,
      description: toJsonColumn(values.description),
      opens_at: values.opensAt,
      closes_at: values.closesAt,
      created_by: values.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateBoardCall(
  db: Executor,
  callId: string,
  values: { description: Localized; opensAt: Date; closesAt: Date },
) {
  return db
    .updateTable('board_call')
    .set({
      description: toJsonColumn(values.description),
      opens_at: values.opensAt,
      closes_at: values.closesAt,
    })
    .where('id', '=', callId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
