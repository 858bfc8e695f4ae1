import { CYCLE_PHASES, type FrameworkDocument } from '@musyawarah/core';
import type { ProposedEdit } from '@musyawarah/core/editions';
import type { Executor } from '../client';
import { writeAudit } from '../audit';
import { toJsonColumn } from '../json-column';

const DAY = 86_400_000;

/** The demo's Regional Review Framework, drawn from the words of Roadmap action C3.3.1. */
export const DEMO_FRAMEWORK: FrameworkDocument = {
  title: 'Regional Review Framework for the ASEAN Responsible AI Roadmap (2025–2030) — demo',
  introduction:
    'Demonstration data. A standardised framework for regular reviews of the Roadmap, with consistent criteria, evaluation ' +
    'metrics and timelines across Member States (Roadmap action C3.3.1).',
  criteria: [
    {
      key: 'relevance',
      name: { en: 'Relevance' },
      description: {
        en: 'The action still responds to the technological landscape and the needs of ASEAN Member States.',
      },
    },
    {
      key: 'effectiveness',
      name: { en: 'Effectiveness' },
      description: {
        en: 'The action’s milestones are being achieved and its measures of progress show results.',
      },
    },
    {
      key: 'alignment',
      name: { en: 'Alignment' },
      description: {
        en: 'The action is aligned with the ASEAN Guide on AI Governance and Ethics and the ASEAN Digital Economy Framework Agreement (DEFA).',
      },
    },
  ],
  metrics: [
    {
      key: 'engagement',
      name: { en: 'Extent of stakeholder engagement' },
      description: {
        en: 'Participation of Member States, experts, industry, civil society, academia and partners in the review.',
      },
    },
    {
      key: 'timeliness',
      name: { en: 'Timely finalisation of the revised Roadmap' },
      description: { en: 'Each phase and the whole cycle against the planned timeline.' },
    },
    {
      key: 'improvement',
      name: { en: 'Continuous improvement' },
      description: { en: 'Lessons learned from each cycle applied to the next.' },
    },
  ],
  timeline: CYCLE_PHASES.map((phase) => ({
    phase,
    durationDays: {
      call_for_input: 30,
      assessment: 45,
      drafting: 30,
      comment_period: 30,
      finalisation: 21,
      adoption: 14,
    }[phase],
  })),
};

const DEMO_EDITS: { payload: ProposedEdit; rationale: string; citesDemoContribution: boolean }[] = [
  {
    payload: {
      kind: 'addEntry',
      list: { field: 'milestones', subActionId: 'C3.3.1', term: 'short' },
      text: 'Publish a “you said, we did” record of how stakeholder feedback shaped each revision of the Roadmap.',
    },
    rationale: 'Participants in the consultation asked to see what became of their feedback.',
    citesDemoContribution: true,
  },
  {
    payload: { kind: 'moveMilestone', subActionId: 'C3.3.1', from: 'short', index: 0, to: 'medium' },
    rationale: 'Member States reported that working groups take longer to set up than the short term allows.',
    citesDemoContribution: false,
  },
  {
    payload: {
      kind: 'addEntry',
      list: { field: 'targetAreas', subActionId: 'C2.1.1' },
      name: 'Accessible participation',
      text: 'Hold board sessions in accessible formats and national languages, with interpretation and captioning where needed.',
    },
    rationale: 'Advisory board members asked that sessions be accessible to the communities they represent.',
    citesDemoContribution: false,
  },
];

/**
 * Demo review framework and cycle, run inside the demo seed's transaction after the demo accounts exist: framework v1
 * and a first cycle in its comment period with three proposed edits (the first cites a contribution of the demo round
 * when there is one) and the positions of two Member States, so both apps show a review in progress.
 */
export async function seedDemoReview(tx: Executor): Promise<void> {
  const secretariat = await tx
    .selectFrom('user_account')
    .select('id')
    .where('email', '=', 'secretariat@example.org')
    .executeTakeFirst();
  const by = secretariat?.id ?? null;
  const framework = await tx
    .insertInto('review_framework')
    .values({ version: 1, document: JSON.stringify(DEMO_FRAMEWORK), created_by: by })
    .onConflict((oc) => oc.column('version').doNothing())
    .returning('version')
    .executeTakeFirst();
  if (!framework) return;
  const edition = await tx
    .selectFrom('roadmap_edition')
    .select('number')
    .where('status', '=', 'current')
    .executeTakeFirst();
  if (!edition) return;

  const now = Date.now();
  const cycle = await tx
    .insertInto('review_cycle')
    .values({
      title: toJsonColumn({ en: 'Demo: first review of the ASEAN Responsible AI Roadmap' }),
      description: toJsonColumn({
        en: 'Demonstration data. The first review cycle under the Regional Review Framework; proposed edits are open for comment.',
      }),
      framework_version: framework.version,
      base_edition_number: edition.number,
      audience: 'all_participants',
      publication_date: new Date(now + 60 * DAY).toISOString().slice(0, 10),
      created_by: by,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  // Planned back to back from 110 days ago. The first three phases are done (two ended a few days late); the comment
  // period started when drafting ended and is under way.
  const durations = DEMO_FRAMEWORK.timeline.map((t) => t.durationDays);
  const daysLate = [0, 2, 3];
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  let plannedStart = now - 110 * DAY;
  let previousEnd: Date | null = null;
  const phases = CYCLE_PHASES.map((phase, position) => {
    const plannedEnd = plannedStart + ((durations[position] ?? 1) - 1) * DAY;
    const late = daysLate[position];
    const actualStart: Date | null = position === 0 ? new Date(plannedStart) : previousEnd;
    const actualEnd = late === undefined ? null : new Date(plannedEnd + late * DAY);
    const row = {
      cycle_id: cycle.id,
      phase,
      position,
      planned_start: day(plannedStart),
      planned_end: day(plannedEnd),
      actual_start: actualStart,
      actual_end: actualEnd,
    };
    previousEnd = actualEnd;
    plannedStart = plannedEnd + DAY;
    return row;
  });
  await tx.insertInto('review_cycle_phase').values(phases).execute();

  const demoContribution = await tx
    .selectFrom('contribution')
    .innerJoin('consultation_round', 'consultation_round.id', 'contribution.round_id')
    .select('contribution.id')
    .where('contribution.status', '=', 'submitted')
    .where('contribution.hidden_at', 'is', null)
    .where(({ eb }) => eb(eb.ref('consultation_round.title', '->>').key('en'), 'like', 'Demo:%'))
    .orderBy('contribution.submitted_at')
    .executeTakeFirst();

  const editIds: string[] = [];
  for (const [position, edit] of DEMO_EDITS.entries()) {
    const created = await tx
      .insertInto('review_edit')
      .values({
        cycle_id: cycle.id,
        position: position + 1,
        payload: JSON.stringify(edit.payload),
        rationale: edit.rationale,
        created_by: by,
        updated_by: by,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    editIds.push(created.id);
    if (edit.citesDemoContribution && demoContribution) {
      await tx
        .insertInto('review_edit_motivation')
        .values({ edit_id: created.id, kind: 'contribution', contribution_id: demoContribution.id })
        .execute();
    }
  }

  // Singapore and Timor-Leste have responded; Indonesia (the demo representative's state) has not yet.
  await tx
    .insertInto('review_position')
    .values([
      {
        edit_id: editIds[0] as string,
        member_state_code: 'SG',
        kind: 'support',
        text: 'Singapore supports publishing the record.',
        updated_at: new Date(),
      },
      {
        edit_id: editIds[1] as string,
        member_state_code: 'SG',
        kind: 'object',
        text: 'Working groups can be formed within the short term if the Secretariat provides terms of reference.',
        updated_at: new Date(),
      },
      {
        edit_id: editIds[0] as string,
        member_state_code: 'TL',
        kind: 'support_with_amendment',
        text: 'Timor-Leste supports this and asks that the record be available in national languages.',
        counter_proposal:
          'Publish a “you said, we did” record, in English and national languages, of how stakeholder feedback shaped each revision.',
        updated_at: new Date(),
      },
    ])
    .execute();

  await writeAudit(
    tx,
    { actorUserId: by },
    {
      action: 'review.seed_demo',
      entityType: 'review_cycle',
      entityId: cycle.id,
      after: { frameworkVersion: framework.version, edits: editIds.length },
    },
  );
}
