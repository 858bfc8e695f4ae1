// Rows → API shapes of the contributions router.
import type { Contribution, listReportsOfContributions } from '@musyawarah/db';

type ContributionReportRow = Awaited<ReturnType<typeof listReportsOfContributions>>[number];

export function presentContribution(
  c: Contribution,
  items: { type: string; text: string; action_id: string | null }[],
) {
  return {
    id: c.id,
    roundId: c.round_id,
    status: c.status,
    receiptReference: c.receipt_reference,
    answers: c.answers,
    items: items.map((i) => ({ type: i.type, text: i.text, actionId: i.action_id ?? undefined })),
    stakeholderGroup: c.stakeholder_group,
    memberState: c.member_state_code,
    organisationName: c.organisation_name,
    writtenIn: c.written_in,
    namedPublicly: c.named_publicly,
    submittedAt: c.submitted_at,
    updatedAt: c.updated_at,
  };
}

/** The feedback items of one contribution, from the items of many (`listContributionItems`). */
export function itemsOf(
  items: { contribution_id: string; type: string; text: string; action_id: string | null }[],
  contributionId: string,
) {
  return items
    .filter((i) => i.contribution_id === contributionId)
    .map((i) => ({ type: i.type, text: i.text, actionId: i.action_id }));
}

/** The themes of one contribution, from the themes of many (`listThemesOfContributions`). */
export function themesOf(
  themes: { contribution_id: string; id: string; label: string }[],
  contributionId: string,
) {
  return themes
    .filter((t) => t.contribution_id === contributionId)
    .map((t) => ({ id: t.id, label: t.label }));
}

/** A report as the moderator sees it; `hidden`: resolved by hiding the contribution (no note of its own). */
export function presentReport(report: ContributionReportRow) {
  return {
    id: report.id,
    reason: report.reason,
    note: report.note,
    reportedAt: report.created_at,
    resolvedAt: report.resolved_at,
    resolution: !report.resolved_at
      ? ('open' as const)
      : report.resolution_note !== null
        ? ('dismissed' as const)
        : ('hidden' as const),
    resolutionNote: report.resolution_note,
    resolvedByName: report.resolver_name,
  };
}
