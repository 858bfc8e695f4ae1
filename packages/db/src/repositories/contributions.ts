import { sql } from 'kysely';
import type { MemberStateCode } from '@musyawarah/core';
import type { Executor } from '../client';
import { toJsonColumn } from '../json-column';

// Writes of contributions moved out of the contributions router: drafts, reports, moderation, responses and themes
// (executor first, same statements as before). Submissions are stored by `insertSubmission` (consultation.ts).

/** What a participant's draft holds besides its items. */
export interface ContributionDraftValues {
  answers: Record<string, unknown>;
  stakeholderGroup: string;
  memberState: MemberStateCode | null;
  organisationName: string | null;
  writtenIn: string;
  namedPublicly: boolean;
}

/** Creates the participant's draft for the round, or rewrites it (one draft per author and round). */
export async function upsertContributionDraft(
  db: Executor,
  roundId: string,
  authorUserId: string,
  draft: ContributionDraftValues,
) {
  const values = {
    answers: toJsonColumn(draft.answers),
    stakeholder_group: draft.stakeholderGroup,
    member_state_code: draft.memberState,
    organisation_name: draft.organisationName,
    written_in: draft.writtenIn,
    named_publicly: draft.namedPublicly,
    updated_at: new Date(),
  };
  return db
    .insertInto('contribution')
    .values({ ...values, round_id: roundId, author_user_id: authorUserId, status: 'draft' })
    .onConflict((oc) =>
      oc.columns(['round_id', 'author_user_id']).where('status', '=', 'draft').doUpdateSet(values),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A report of a contribution; a second report by the same person is ignored (`contribution_report_once`). */
export async function insertContributionReport(
  db: Executor,
  values: { contributionId: string; reportedBy: string; reason: string; note: string | null },
) {
  await db
    .insertInto('contribution_report')
    .values({
      contribution_id: values.contributionId,
      reported_by: values.reportedBy,
      reason: values.reason,
      note: values.note,
    })
    .onConflict((oc) => oc.constraint('contribution_report_once').doNothing())
    .execute();
}

export async function hideContribution(
  db: Executor,
  contributionId: string,
  values: { reason: string; note: string | null; hiddenBy: string },
) {
  return db
    .updateTable('contribution')
    .set({
      hidden_at: new Date(),
      hidden_reason: values.reason,
      hidden_note: values.note,
      hidden_by: values.hiddenBy,
      updated_at: new Date(),
    })
    .where('id', '=', contributionId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The reports of these contributions, oldest first, for the moderator: reason, the reporter's note, and how each was
 * resolved (the dismissing moderator's name). Who reported is left out: moderators judge the contribution, not the
 * reporter, and a reporter should not fear being known for it.
 */
export async function listReportsOfContributions(db: Executor, contributionIds: readonly string[]) {
  if (contributionIds.length === 0) return [];
  return db
    .selectFrom('contribution_report')
    .leftJoin('user_account as resolver', 'resolver.id', 'contribution_report.resolved_by')
    .select([
      'contribution_report.id',
      'contribution_report.contribution_id',
      'contribution_report.reason',
      'contribution_report.note',
      'contribution_report.created_at',
      'contribution_report.resolved_at',
      'contribution_report.resolution_note',
      'resolver.name as resolver_name',
    ])
    .where('contribution_report.contribution_id', 'in', [...contributionIds])
    .orderBy('contribution_report.created_at')
    .orderBy('contribution_report.id')
    .execute();
}

/** Marks every open report of the contribution resolved. */
export async function resolveContributionReports(db: Executor, contributionId: string) {
  await db
    .updateTable('contribution_report')
    .set({ resolved_at: new Date() })
    .where('contribution_id', '=', contributionId)
    .where('resolved_at', 'is', null)
    .execute();
}

/** Dismisses every open report of the contribution, with the Secretariat's note; the contribution stays shown. */
export async function dismissContributionReports(
  db: Executor,
  contributionId: string,
  values: { note: string; dismissedBy: string },
) {
  return db
    .updateTable('contribution_report')
    .set({ resolved_at: new Date(), resolution_note: values.note, resolved_by: values.dismissedBy })
    .where('contribution_id', '=', contributionId)
    .where('resolved_at', 'is', null)
    .returningAll()
    .execute();
}

export async function unhideContribution(db: Executor, contributionId: string) {
  return db
    .updateTable('contribution')
    .set({ hidden_at: null, hidden_reason: null, hidden_note: null, hidden_by: null, updated_at: new Date() })
    .where('id', '=', contributionId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findContributionResponse(db: Executor, contributionId: string) {
  return db
    .selectFrom('contribution_response')
    .selectAll()
    .where('contribution_id', '=', contributionId)
    .executeTakeFirst();
}

/** The Secretariat's response to a contribution, written or rewritten. */
export async function upsertContributionResponse(
  db: Executor,
  contributionId: string,
  values: { text: string; respondedBy: string },
) {
  return db
    .insertInto('contribution_response')
    .values({
      contribution_id: contributionId,
      text: values.text,
      responded_by: values.respondedBy,
      updated_at: new Date(),
    })
    .onConflict((oc) =>
      oc
        .column('contribution_id')
        .doUpdateSet({ text: values.text, responded_by: values.respondedBy, updated_at: sql`now()` }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Those of `themeIds` that are themes of the round. */
export async function listRoundThemeIds(db: Executor, roundId: string, themeIds: string[]) {
  return db
    .selectFrom('round_theme')
    .select('id')
    .where('round_id', '=', roundId)
    .where('id', 'in', themeIds)
    .execute();
}

export async function listThemeIdsOfContribution(db: Executor, contributionId: string) {
  return db
    .selectFrom('contribution_theme')
    .select('theme_id')
    .where('contribution_id', '=', contributionId)
    .execute();
}

/** Deletes the contribution's themes and sets the given ones. */
export async function replaceContributionThemes(db: Executor, contributionId: string, themeIds: string[]) {
  await db.deleteFrom('contribution_theme').where('contribution_id', '=', contributionId).execute();
  if (themeIds.length) {
    await db
      .insertInto('contribution_theme')
      .values(themeIds.map((themeId) => ({ contribution_id: contributionId, theme_id: themeId })))
      .execute();
  }
}
