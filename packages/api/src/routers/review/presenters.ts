// Review rows → API shapes.
import type { CYCLE_PHASES } from '@musyawarah/core';
import { canSeeComment, cycleStage, readReviewText, timeliness, type Role } from '@musyawarah/core';
import type {
  findReviewAssessment,
  listEditComments,
  listEditMotivations,
  listPositions,
} from '@musyawarah/db';
import { type ReviewCycle, type ReviewCyclePhase } from '@musyawarah/db';

export const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function phaseDates(rows: readonly ReviewCyclePhase[]) {
  return rows.map((p) => ({
    phase: p.phase as (typeof CYCLE_PHASES)[number],
    plannedStart: p.planned_start,
    plannedEnd: p.planned_end,
    actualStart: p.actual_start ? new Date(p.actual_start) : null,
    actualEnd: p.actual_end ? new Date(p.actual_end) : null,
  }));
}

export function presentCycle(cycle: ReviewCycle, phases: readonly ReviewCyclePhase[], now = new Date()) {
  const dates = phaseDates(phases.filter((p) => p.cycle_id === cycle.id));
  const report = timeliness(dates, now);
  return {
    id: cycle.id,
    /** Per language (`{ en, km?, … }`): the apps show the reader's language, falling back to English. */
    title: readReviewText(cycle.title),
    description: cycle.description === null ? null : readReviewText(cycle.description),
    frameworkVersion: cycle.framework_version,
    baseEditionNumber: cycle.base_edition_number,
    audience: cycle.audience,
    publicationDate: cycle.publication_date,
    adoptedEditionNumber: cycle.adopted_edition_number,
    publishedAt: iso(cycle.published_at),
    /** Closed without adopting: when and why (public), and the edition that superseded the base when that is why. */
    closure: cycle.closed_at
      ? {
          closedAt: iso(cycle.closed_at) as string,
          reason: cycle.closed_reason,
          supersededBy: cycle.closed_superseded_by,
        }
      : null,
    version: cycle.version,
    stage: cycleStage(dates, cycle.closed_at),
    phases: report.phases,
    timeliness: report.overall,
  };
}
export type PresentedCycle = ReturnType<typeof presentCycle>;

export function presentPosition(p: Awaited<ReturnType<typeof listPositions>>[number]) {
  return {
    id: p.id,
    editId: p.edit_id,
    memberState: p.member_state_code,
    kind: p.kind,
    text: p.text,
    counterProposal: p.counter_proposal,
    answer: p.answer,
    answeredAt: iso(p.answered_at),
    updatedAt: iso(p.updated_at),
  };
}
export type PresentedPosition = ReturnType<typeof presentPosition>;

export function presentMotivation(m: Awaited<ReturnType<typeof listEditMotivations>>[number]) {
  return {
    kind: m.kind,
    targetId: (m.contribution_id ?? m.assessment_id ?? m.board_session_id) as string,
    note: m.note,
  };
}

export type Viewer = { id: string; role: Role } | null;

export function presentComment(c: Awaited<ReturnType<typeof listEditComments>>[number]) {
  return {
    id: c.id,
    editId: c.edit_id,
    parentId: c.parent_id,
    body: c.body,
    confidential: c.confidential,
    author:
      c.author_status === 'deleted' || !c.author_name
        ? null
        : { name: c.author_name, role: c.author_role, memberState: c.author_member_state },
    answer: c.answer,
    answeredAt: iso(c.answered_at),
    createdAt: iso(c.created_at) as string,
  };
}
export type PresentedComment = ReturnType<typeof presentComment>;

export function visibleComments(
  rows: Awaited<ReturnType<typeof listEditComments>>,
  cycle: ReviewCycle,
  viewer: Viewer,
  now = new Date(),
) {
  return rows
    .filter((c) =>
      canSeeComment(
        { confidential: c.confidential, authorUserId: c.author_user_id },
        viewer,
        cycle.publication_date,
        now,
      ),
    )
    .map(presentComment);
}

export function presentAssessment(a: NonNullable<Awaited<ReturnType<typeof findReviewAssessment>>>) {
  return {
    id: a.id,
    cycleId: a.cycle_id,
    memberState: a.member_state_code,
    status: a.status,
    ratings: a.ratings,
    version: a.version,
    submittedAt: iso(a.submitted_at),
    updatedAt: iso(a.updated_at) as string,
  };
}
