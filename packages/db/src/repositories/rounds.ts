import { sql } from 'kysely';
import type { Localized } from '@musyawarah/core';
import type { Executor } from '../client';
import { toJsonColumn } from '../json-column';
import type { ConsultationRound } from '../schema';

// The Secretariat's writes of consultation rounds, their questions and themes, moved out of the rounds router
// (executor first, same statements as before). JSON columns are written through toJsonColumn.

/** What the Secretariat sets on a round (the shape of core's `roundInput`). */
export interface RoundValues {
  title: Localized;
  description: Localized;
  format: string;
  actionIds: string[];
  editionId?: string | undefined;
  audience: string;
  invitedGroups: string[];
  boardId?: string | undefined;
  memberStates: string[];
  languages: string[];
  opensAt: Date | string;
  closesAt: Date | string;
  event?: object | undefined;
  targets: ConsultationRound['targets'];
}

const roundColumns = (round: RoundValues) => ({
  title: toJsonColumn(round.title),
  description: toJsonColumn(round.description),
  format: round.format,
  action_ids: round.actionIds,
  edition_id: round.editionId ?? null,
  audience: round.audience,
  invited_groups: round.invitedGroups,
  board_id: round.boardId ?? null,
  member_states: round.memberStates,
  languages: round.languages,
  opens_at: round.opensAt,
  closes_at: round.closesAt,
  event: round.event ? toJsonColumn(round.event) : null,
  targets: toJsonColumn(round.targets),
});

export async function insertRound(db: Executor, round: RoundValues, createdBy: string) {
  return db
    .insertInto('consultation_round')
    .values({ ...roundColumns(round), created_by: createdBy, updated_at: new Date() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Rewrites the round if it is still at `expectedVersion` and bumps its version; undefined otherwise. */
export async function updateRound(
  db: Executor,
  roundId: string,
  expectedVersion: number,
  round: RoundValues,
) {
  return db
    .updateTable('consultation_round')
    .set({ ...roundColumns(round), version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', roundId)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** What a transition changes (only the given keys are written): publish, unpublish, close early, reopen, publish the summary. */
export interface RoundTransition {
  publishedAt?: Date | null;
  closesAt?: Date;
  summary?: Localized;
  summaryPublishedAt?: Date;
}

/** Applies a transition and bumps the round's version. */
export async function transitionRound(db: Executor, roundId: string, changes: RoundTransition, now: Date) {
  return db
    .updateTable('consultation_round')
    .set({
      ...('publishedAt' in changes ? { published_at: changes.publishedAt ?? null } : {}),
      ...(changes.closesAt !== undefined ? { closes_at: changes.closesAt } : {}),
      ...(changes.summary !== undefined ? { summary: toJsonColumn(changes.summary) } : {}),
      ...(changes.summaryPublishedAt !== undefined
        ? { summary_published_at: changes.summaryPublishedAt }
        : {}),
      version: sql`version + 1`,
      updated_at: now,
    })
    .where('id', '=', roundId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Any submitted contribution to the round (once there is one, its questions are fixed). */
export async function findSubmittedContributionOfRound(db: Executor, roundId: string) {
  return db
    .selectFrom('contribution')
    .select('id')
    .where('round_id', '=', roundId)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
}

/** A question as the Secretariat sets it (the shape of core's `questionInput`); its position is its index. */
export interface RoundQuestionValues {
  kind: string;
  prompt: Localized;
  help?: Localized | undefined;
  required: boolean;
  options: Localized[];
  likert?: object | undefined;
}

/** Deletes the round's questions and inserts the given ones in order; returns the new rows. */
export async function replaceRoundQuestions(db: Executor, roundId: string, questions: RoundQuestionValues[]) {
  await db.deleteFrom('round_question').where('round_id', '=', roundId).execute();
  if (questions.length === 0) return [];
  return db
    .insertInto('round_question')
    .values(
      questions.map((q, position) => ({
        round_id: roundId,
        position,
        kind: q.kind,
        prompt: toJsonColumn(q.prompt),
        help: q.help ? toJsonColumn(q.help) : null,
        required: q.required,
        options: toJsonColumn(q.options),
        likert: q.likert ? toJsonColumn(q.likert) : null,
      })),
    )
    .returningAll()
    .execute();
}

/** A new theme of the round; undefined when the round already has one with this label (`round_theme_label`). */
export async function insertRoundTheme(db: Executor, roundId: string, label: string) {
  return db
    .insertInto('round_theme')
    .values({ round_id: roundId, label })
    .onConflict((oc) => oc.constraint('round_theme_label').doNothing())
    .returning(['id', 'label'])
    .executeTakeFirst();
}
