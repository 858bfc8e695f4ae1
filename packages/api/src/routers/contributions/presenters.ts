// Rows → API shapes of the contributions router.
import type { Contribution } from '@musyawarah/db';

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
