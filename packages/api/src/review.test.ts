import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYCLE_PHASES, MEMBER_STATE_CODES, type CycleStage } from '@musyawarah/core';
import type { ProposedEditInput } from '@musyawarah/core/editions';
import { listAuditEntries } from '@musyawarah/db';
import { sql } from 'kysely';
import { createTestApi, rejection, type TestApi } from './test-support';

let api: TestApi;
type Session = Awaited<ReturnType<TestApi['signedIn']>>;
let secretariat: Session;
let indonesia: Session;
let timorLeste: Session;
let stakeholder: Session;
let frameworkVersion: number;
const onPostgres = Boolean(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const framework = {
  title: 'Regional Review Framework for the ASEAN Responsible AI Roadmap',
  criteria: [
    { key: 'relevance', name: 'Relevance', description: 'The action still answers the region’s needs.' },
    { key: 'effectiveness', name: 'Effectiveness', description: 'The action achieves its milestones.' },
  ],
  metrics: [
    {
      key: 'engagement',
      name: 'Extent of stakeholder engagement',
      description: 'Who took part in the review.',
    },
  ],
  timeline: CYCLE_PHASES.map((phase) => ({ phase, durationDays: 14 })),
};

const retitle: ProposedEditInput = {
  kind: 'changeActionAreaTitle',
  actionAreaId: 'C3.3',
  title: 'Continuously review the Roadmap with all stakeholders',
};
const addMilestone: ProposedEditInput = {
  kind: 'addEntry',
  list: { field: 'milestones', subActionId: 'C3.3.1', term: 'short' },
  text: 'Publish a “you said, we did” record after every review cycle.',
};
const moveMilestone: ProposedEditInput = {
  kind: 'moveMilestone',
  subActionId: 'C3.3.1',
  from: 'short',
  index: 0,
  to: 'medium',
};

beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
  indonesia = await api.signedIn('member_state', { memberState: 'ID' });
  timorLeste = await api.signedIn('member_state', { memberState: 'TL' });
  stakeholder = await api.signedIn('stakeholder');
  const saved = await secretariat.caller.review.saveFramework({
    document: framework,
    expectedVersion: (await secretariat.caller.review.framework())?.version ?? null,
  });
  frameworkVersion = saved.version;
});
afterAll(async () => api.close());

async function newCycle(overrides: Record<string, unknown> = {}) {
  return secretariat.caller.review.createCycle({
    title: { en: 'First review of the Roadmap' },
    frameworkVersion,
    audience: 'all_participants',
    publicationDate: day(60),
    phases: CYCLE_PHASES.map((phase, i) => ({
      phase,
      plannedStart: day(i * 10 - 30),
      plannedEnd: day(i * 10 - 21),
    })),
    ...overrides,
  });
}

/** Advances a cycle until it is in `target`. */
async function advanceTo(cycleId: string, target: CycleStage) {
  let stage: CycleStage = (await secretariat.caller.review.adminCycle({ cycleId })).stage;
  while (stage !== target) {
    stage = (await secretariat.caller.review.advancePhase({ cycleId, expectedStage: stage as never })).stage;
  }
}

async function cycleInPhase(target: CycleStage, overrides: Record<string, unknown> = {}) {
  const cycle = await newCycle(overrides);
  await advanceTo(cycle.id, target);
  return cycle;
}

async function submittedContribution() {
  const round = await secretariat.caller.rounds.create({
    title: { en: 'How should the Roadmap be reviewed?' },
    description: { en: 'Tell us how the review should work.' },
    format: 'online_consultation',
    actionIds: ['C3.3'],
    audience: 'public',
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
  const receipt = await stakeholder.caller.contributions.submit({
    roundId: round.id,
    idempotencyKey: randomUUID(),
    answers: {},
    items: [
      { type: 'suggestion', text: 'Publish what changed after each review and why.', actionId: 'C3.3' },
    ],
    stakeholderGroup: 'civil_society',
    memberState: 'PH',
    writtenIn: 'en',
    namedPublicly: false,
  });
  return { roundId: round.id, contributionId: receipt.id };
}

async function draftEdits(
  cycleId: string,
  payloads: ProposedEditInput[],
  motivations: { kind: 'contribution' | 'assessment' | 'board_session'; targetId: string }[] = [],
) {
  const edits = [];
  for (const payload of payloads)
    edits.push(
      await secretariat.caller.review.createEdit({
        cycleId,
        payload,
        rationale: 'Member states asked for it.',
        motivations,
      }),
    );
  return edits;
}

describe('review framework', () => {
  it('is versioned: each save is a new version, and a save from a stale version is a conflict', async () => {
    const latest = await secretariat.caller.review.framework();
    const next = await secretariat.caller.review.saveFramework({
      document: framework,
      expectedVersion: latest!.version,
    });
    expect(next.version).toBe(latest!.version + 1);
    const stale = await rejection(
      secretariat.caller.review.saveFramework({ document: framework, expectedVersion: latest!.version }),
    );
    expect(stale).toMatchObject({ code: 'CONFLICT', message: 'review.frameworkConflict' });
    expect((await (await api.call()).caller.review.framework())?.version).toBe(next.version);
    expect((await secretariat.caller.review.frameworkVersions()).map((v) => v.version).slice(0, 2)).toEqual([
      next.version,
      latest!.version,
    ]);
    expect(
      (await (await api.call()).caller.review.frameworkVersion({ version: latest!.version })).document
        .criteria,
    ).toHaveLength(2);
    expect(
      await rejection((await api.call()).caller.review.frameworkVersion({ version: 9999 })),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'review.frameworkNotFound' });
  });

  it('refuses a timeline that does not list the six phases in order, field by field', async () => {
    const error = await rejection(
      secretariat.caller.review.saveFramework({
        document: { ...framework, timeline: framework.timeline.slice().reverse() },
        expectedVersion: null,
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
  });
});

describe('cycles and phases', () => {
  it('records actual dates as it advances, one phase at a time, and is invisible to the public until it starts', async () => {
    const cycle = await newCycle();
    expect(cycle.stage).toBe('not_started');
    expect(cycle.baseEditionNumber).toBe(1);
    const visitor = (await api.call()).caller;
    expect((await visitor.review.cycles()).some((c) => c.id === cycle.id)).toBe(false);
    expect((await rejection(visitor.review.cycle({ cycleId: cycle.id }))).code).toBe('NOT_FOUND');

    const started = await secretariat.caller.review.advancePhase({
      cycleId: cycle.id,
      expectedStage: 'not_started',
    });
    expect(started.stage).toBe('call_for_input');
    expect(started.phases[0]?.actualStart).toBe(new Date().toISOString().slice(0, 10));
    // A second click from the same screen does not skip a phase.
    const doubled = await rejection(
      secretariat.caller.review.advancePhase({ cycleId: cycle.id, expectedStage: 'not_started' }),
    );
    expect(doubled).toMatchObject({ code: 'CONFLICT', message: 'review.phaseChanged' });
    const assessment = await secretariat.caller.review.advancePhase({
      cycleId: cycle.id,
      expectedStage: 'call_for_input',
    });
    expect(assessment.phases[0]?.actualEnd).not.toBeNull();
    expect(assessment.stage).toBe('assessment');
    expect((await visitor.review.cycles()).find((c) => c.id === cycle.id)?.stage).toBe('assessment');
  });

  it('never advances past adoption: only adopting ends a cycle', async () => {
    const cycle = await readyToAdopt();
    const error = await rejection(
      secretariat.caller.review.advancePhase({ cycleId: cycle.id, expectedStage: 'adoption' }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'review.advanceToAdopt' });
  });

  it('refuses a cycle under a framework version that does not exist', async () => {
    const error = await rejection(newCycle({ frameworkVersion: 9999 }));
    expect(error.code).toBe('BAD_REQUEST');
  });

  it('reports timeliness per phase and overall, as JSON and CSV', async () => {
    const cycle = await cycleInPhase('assessment');
    const json = await secretariat.caller.review.timelinessReport({ format: 'json', cycleId: cycle.id });
    const report = json.cycles[0]!;
    // Call for input was planned to end 21 days ago and ended today; assessment was due 11 days ago and is still running.
    expect(report.phases[0]).toMatchObject({ phase: 'call_for_input', status: 'late', daysLate: 21 });
    expect(report.phases[1]).toMatchObject({ phase: 'assessment', status: 'late', daysLate: 11 });
    // Drafting has not started, but its planned end was yesterday: it is late already.
    expect(report.phases[2]).toMatchObject({
      phase: 'drafting',
      status: 'late',
      daysLate: 1,
      actualStart: null,
    });
    expect(report.phases[5]).toMatchObject({ status: 'not_started', daysLate: 0 });
    expect(report.overall).toMatchObject({ status: 'ongoing', phasesLate: 3 });
    const csv = await secretariat.caller.review.timelinessReport({ format: 'csv', cycleId: cycle.id });
    expect(csv.contentType).toBe('text/csv');
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'cycle_id,cycle_title,phase,planned_start,planned_end,actual_start,actual_end,status,days_late,start_days_late',
    );
    expect(lines).toHaveLength(1 + CYCLE_PHASES.length + 1);
    expect(lines.at(-1)).toContain(',overall,');
  });
});

describe('phase rules through the API', () => {
  it('allows edits only while drafting, positions and comments only in the comment period, resolutions only in finalisation, adoption only in adoption', async () => {
    const cycle = await cycleInPhase('assessment');
    expect(
      await rejection(
        secretariat.caller.review.createEdit({ cycleId: cycle.id, payload: retitle, rationale: 'Why' }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'review.notInPhase.draft_edit',
    });
    await advanceTo(cycle.id, 'drafting');
    const [edit] = await draftEdits(cycle.id, [retitle]);
    expect(
      await rejection(
        indonesia.caller.review.recordPosition({ editId: edit!.id, memberState: 'ID', kind: 'support' }),
      ),
    ).toMatchObject({
      message: 'review.notInPhase.record_position',
    });
    expect(
      await rejection(
        secretariat.caller.review.resolveEdit({
          editId: edit!.id,
          expectedVersion: edit!.version,
          kind: 'accepted',
          answer: 'Agreed',
        }),
      ),
    ).toMatchObject({
      message: 'review.notInPhase.resolve',
    });
    await advanceTo(cycle.id, 'comment_period');
    expect(
      await rejection(
        indonesia.caller.review.saveAssessment({ cycleId: cycle.id, ratings: [], expectedVersion: null }),
      ),
    ).toMatchObject({
      message: 'review.notInPhase.assess',
    });
    expect(
      await rejection(
        secretariat.caller.review.updateEdit({
          editId: edit!.id,
          expectedVersion: edit!.version,
          payload: retitle,
          rationale: 'Late change',
        }),
      ),
    ).toMatchObject({
      message: 'review.notInPhase.draft_edit',
    });
    expect(
      await rejection(secretariat.caller.review.adopt({ cycleId: cycle.id, title: 'Second edition' })),
    ).toMatchObject({ message: 'review.notInPhase.adopt' });
    await advanceTo(cycle.id, 'finalisation');
    expect(
      await rejection(stakeholder.caller.review.addComment({ editId: edit!.id, body: 'Too late?' })),
    ).toMatchObject({ message: 'review.notInPhase.comment' });
  });
});

describe('member-state assessments', () => {
  it('saves a draft, refuses a stale save, submits only when every area × criterion is rated, and reports results and non-respondents', async () => {
    const cycle = await cycleInPhase('assessment');
    const mine = await indonesia.caller.review.myAssessment({ cycleId: cycle.id });
    expect(mine.assessment).toBeNull();
    expect(mine.criteria.map((c) => c.key)).toEqual(['relevance', 'effectiveness']);
    const areas = mine.actionAreas.map((a) => a.id);
    expect(areas).toContain('C3.3');

    const draft = await indonesia.caller.review.saveAssessment({
      cycleId: cycle.id,
      ratings: [
        {
          actionAreaId: 'C3.3',
          criterionKey: 'relevance',
          rating: 5,
          comment: 'Central to our national review.',
        },
      ],
      expectedVersion: null,
    });
    expect(draft).toMatchObject({ status: 'draft', version: 1, memberState: 'ID' });
    expect(
      await rejection(
        indonesia.caller.review.saveAssessment({ cycleId: cycle.id, ratings: [], expectedVersion: null }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'review.assessmentConflict',
    });
    const bad = await rejection(
      indonesia.caller.review.saveAssessment({
        cycleId: cycle.id,
        ratings: [{ actionAreaId: 'Z9.9', criterionKey: 'relevance', rating: 3 }],
        expectedVersion: 1,
      }),
    );
    expect(bad).toMatchObject({ code: 'BAD_REQUEST' });
    expect((bad as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      'ratings.0': ['validation.unknownActionArea'],
    });

    const incomplete = await rejection(
      indonesia.caller.review.submitAssessment({
        cycleId: cycle.id,
        ratings: draft.ratings,
        expectedVersion: 1,
      }),
    );
    expect((incomplete as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      ratings: ['review.assessmentIncomplete'],
    });

    const full = (rating: number) =>
      areas.flatMap((actionAreaId) =>
        ['relevance', 'effectiveness'].map((criterionKey) => ({ actionAreaId, criterionKey, rating })),
      );
    const submitted = await indonesia.caller.review.submitAssessment({
      cycleId: cycle.id,
      ratings: full(4),
      expectedVersion: 1,
    });
    expect(submitted.status).toBe('submitted');
    expect(
      await rejection(
        indonesia.caller.review.saveAssessment({ cycleId: cycle.id, ratings: [], expectedVersion: 2 }),
      ),
    ).toMatchObject({ message: 'review.assessmentSubmitted' });
    await timorLeste.caller.review.submitAssessment({
      cycleId: cycle.id,
      ratings: full(2),
      expectedVersion: null,
    });

    const results = await secretariat.caller.review.assessmentResults({ cycleId: cycle.id });
    expect(results.byAction.find((a) => a.actionAreaId === 'C3.3')?.byCriterion.relevance).toEqual({
      count: 2,
      mean: 3,
      min: 2,
      max: 4,
    });
    expect(results.byState.map((s) => s.memberState).sort()).toEqual(['ID', 'TL']);
    expect(results.nonRespondents).toEqual(MEMBER_STATE_CODES.filter((c) => c !== 'ID' && c !== 'TL'));
    expect(results.nonRespondents).toHaveLength(9);
  });
});

describe('proposed edits', () => {
  it('links an edit to a consultation contribution and refuses a link to nothing', async () => {
    const cycle = await cycleInPhase('drafting');
    const { contributionId } = await submittedContribution();
    const [edit] = await draftEdits(
      cycle.id,
      [addMilestone],
      [{ kind: 'contribution', targetId: contributionId }],
    );
    expect(edit!.motivations).toEqual([{ kind: 'contribution', targetId: contributionId, note: null }]);
    expect(edit!.diff?.counts.subActions.changed).toBe(1);
    const error = await rejection(
      secretariat.caller.review.createEdit({
        cycleId: cycle.id,
        payload: retitle,
        rationale: 'x',
        motivations: [{ kind: 'contribution', targetId: randomUUID() }],
      }),
    );
    expect((error as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      'motivations.0.targetId': ['validation.motivationTarget'],
    });
    // A board session is referenced by id alone: that domain is separate.
    const [withBoard] = await draftEdits(
      cycle.id,
      [retitle],
      [{ kind: 'board_session', targetId: randomUUID() }],
    );
    expect(withBoard!.motivations[0]?.kind).toBe('board_session');
  });

  it('refuses an edit that does not apply to the base edition', async () => {
    const cycle = await cycleInPhase('drafting');
    const error = await rejection(
      secretariat.caller.review.createEdit({
        cycleId: cycle.id,
        payload: { kind: 'retireSubAction', subActionId: 'C3.3.9' },
        rationale: 'x',
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(Object.keys((error as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual([
      'payload',
    ]);
  });

  it('two secretariat users saving the same edit at once: exactly one wins, the other gets a conflict', async () => {
    const cycle = await cycleInPhase('drafting');
    const colleague = await api.signedIn('secretariat');
    const [edit] = await draftEdits(cycle.id, [retitle]);
    const results = await Promise.allSettled([
      secretariat.caller.review.updateEdit({
        editId: edit!.id,
        expectedVersion: 1,
        payload: { ...retitle, title: 'Mine' },
        rationale: 'Mine',
      }),
      colleague.caller.review.updateEdit({
        editId: edit!.id,
        expectedVersion: 1,
        payload: { ...retitle, title: 'Theirs' },
        rationale: 'Theirs',
      }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: 'CONFLICT', message: 'review.editConflict' });
    const stored = (await secretariat.caller.review.edits({ cycleId: cycle.id })).edits[0]!;
    expect(stored.version).toBe(2);
    expect(stored.rationale).toBe((won[0] as PromiseFulfilledResult<{ rationale: string }>).value.rationale);
    // A save from the old version after the fact is refused too, and deletion needs the current version.
    expect(
      await rejection(secretariat.caller.review.deleteEdit({ editId: edit!.id, expectedVersion: 1 })),
    ).toMatchObject({ message: 'review.editConflict' });
    await secretariat.caller.review.deleteEdit({ editId: edit!.id, expectedVersion: 2 });
    expect((await secretariat.caller.review.edits({ cycleId: cycle.id })).edits).toEqual([]);
  });

  it('shows edits to participants only from the comment period, and only in cycles that invite them', async () => {
    const open = await cycleInPhase('drafting');
    await draftEdits(open.id, [retitle]);
    expect(await rejection(stakeholder.caller.review.edits({ cycleId: open.id }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'review.editsNotOpen',
    });
    expect(await rejection(indonesia.caller.review.edits({ cycleId: open.id }))).toMatchObject({
      message: 'review.editsNotOpen',
    });
    await advanceTo(open.id, 'comment_period');
    const seen = await stakeholder.caller.review.edits({ cycleId: open.id });
    expect(seen.edits[0]?.diff?.actionAreas[0]?.id).toBe('C3.3');

    const closed = await cycleInPhase('drafting', { audience: 'member_states' });
    await draftEdits(closed.id, [retitle]);
    await advanceTo(closed.id, 'comment_period');
    expect(await rejection(stakeholder.caller.review.edits({ cycleId: closed.id }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'review.notInAudience',
    });
    expect((await indonesia.caller.review.edits({ cycleId: closed.id })).edits).toHaveLength(1);
  });
});

describe('who may read a cycle’s content', () => {
  it('keeps the edits of a Member-States-only cycle from everyone else until its record is published, whichever procedure is asked', async () => {
    const cycle = await cycleInPhase('drafting', { audience: 'member_states' });
    const { contributionId } = await submittedContribution();
    const [edit] = await draftEdits(
      cycle.id,
      [addMilestone],
      [{ kind: 'contribution', targetId: contributionId }],
    );
    await advanceTo(cycle.id, 'comment_period');
    const visitor = (await api.call()).caller;

    // The edit list refuses a stakeholder; "what became of" a contribution must not tell them (or anyone signed out) either.
    expect(await rejection(stakeholder.caller.review.edits({ cycleId: cycle.id }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'review.notInAudience',
    });
    expect(await rejection(stakeholder.caller.review.comments({ editId: edit!.id }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'review.notInAudience',
    });
    expect((await visitor.review.outcomeOfContribution({ contributionId })).edits).toEqual([]);
    expect((await stakeholder.caller.review.outcomeOfContribution({ contributionId })).edits).toEqual([]);
    expect((await visitor.review.cycle({ cycleId: cycle.id })).record).toBeNull();
    // Those in the audience see it.
    expect((await indonesia.caller.review.outcomeOfContribution({ contributionId })).edits).toMatchObject([
      { editId: edit!.id, rationale: 'Member states asked for it.' },
    ]);
    expect((await secretariat.caller.review.outcomeOfContribution({ contributionId })).edits).toMatchObject([
      { editId: edit!.id },
    ]);

    // Once adopted, the record is public: the same rule now lets everyone read it, through every procedure.
    await advanceTo(cycle.id, 'finalisation');
    await secretariat.caller.review.resolveEdit({
      editId: edit!.id,
      expectedVersion: 1,
      kind: 'accepted',
      answer: 'Yes',
    });
    await advanceTo(cycle.id, 'adoption');
    const adopted = await secretariat.caller.review.adopt({
      cycleId: cycle.id,
      title: 'Members-only edition',
    });
    expect((await visitor.review.outcomeOfContribution({ contributionId })).edits).toMatchObject([
      { editId: edit!.id, adoptedEditionNumber: adopted.editionNumber },
    ]);
    expect((await stakeholder.caller.review.edits({ cycleId: cycle.id })).edits.map((e) => e.id)).toEqual([
      edit!.id,
    ]);
    expect((await visitor.review.cycle({ cycleId: cycle.id })).record?.map((e) => e.id)).toEqual([edit!.id]);
  });

  it('shows an open cycle’s pending edits to signed-in participants, not to visitors who are signed out', async () => {
    const cycle = await cycleInPhase('drafting');
    const { contributionId } = await submittedContribution();
    const [edit] = await draftEdits(
      cycle.id,
      [addMilestone],
      [{ kind: 'contribution', targetId: contributionId }],
    );
    const visitor = (await api.call()).caller;
    // While drafting, nobody but the Secretariat reads the edit.
    expect((await stakeholder.caller.review.outcomeOfContribution({ contributionId })).edits).toEqual([]);
    await advanceTo(cycle.id, 'comment_period');
    expect((await stakeholder.caller.review.outcomeOfContribution({ contributionId })).edits).toMatchObject([
      { editId: edit!.id },
    ]);
    expect((await visitor.review.outcomeOfContribution({ contributionId })).edits).toEqual([]);
  });
});

describe('member-state positions', () => {
  it('a representative records and revises their own state’s position, never another state’s', async () => {
    const cycle = await cycleInPhase('drafting');
    const [edit] = await draftEdits(cycle.id, [retitle]);
    await advanceTo(cycle.id, 'comment_period');

    const other = await rejection(
      indonesia.caller.review.recordPosition({
        editId: edit!.id,
        memberState: 'MY',
        kind: 'object',
        text: 'Malaysia objects.',
      }),
    );
    expect(other).toMatchObject({ code: 'FORBIDDEN', message: 'review.notYourState' });

    await indonesia.caller.review.recordPosition({
      editId: edit!.id,
      memberState: 'ID',
      kind: 'object',
      text: 'Too broad.',
    });
    const revised = await indonesia.caller.review.recordPosition({
      editId: edit!.id,
      memberState: 'ID',
      kind: 'support_with_amendment',
      text: 'Support, with a narrower title.',
      counterProposal: 'Continuously review the Roadmap',
    });
    expect(revised).toMatchObject({ memberState: 'ID', kind: 'support_with_amendment' });
    await timorLeste.caller.review.recordPosition({ editId: edit!.id, memberState: 'TL', kind: 'support' });

    const mine = await indonesia.caller.review.edits({ cycleId: cycle.id });
    expect(mine.edits[0]?.myPosition).toMatchObject({ memberState: 'ID', kind: 'support_with_amendment' });

    const matrix = await secretariat.caller.review.positionsMatrix({ cycleId: cycle.id });
    expect(matrix.memberStates).toHaveLength(11);
    const row = matrix.rows[0]!;
    expect(Object.keys(row.positions)).toHaveLength(11);
    expect(row.positions.ID).toMatchObject({
      kind: 'support_with_amendment',
      counterProposal: 'Continuously review the Roadmap',
    });
    expect(row.positions.TL).toMatchObject({ kind: 'support' });
    expect(row.positions.MY).toBeNull();
    expect(row.nonRespondents).toEqual(MEMBER_STATE_CODES.filter((c) => c !== 'ID' && c !== 'TL'));

    // One position per state per edit, however often it was revised.
    const stored = await api.db
      .selectFrom('review_position')
      .select('member_state_code')
      .where('edit_id', '=', edit!.id)
      .execute();
    expect(stored.map((s) => s.member_state_code).sort()).toEqual(['ID', 'TL']);
    const audit = await listAuditEntries(api.db, { entityType: 'review_position', limit: 50 });
    expect(audit.some((entry) => entry.action === 'review.position')).toBe(true);
  });
});

describe('comment threads', () => {
  it('stores a comment sent again with its key once (a lost answer on a bad connection), with one audit row', async () => {
    const cycle = await cycleInPhase('drafting');
    const [edit] = await draftEdits(cycle.id, [retitle]);
    await advanceTo(cycle.id, 'comment_period');
    const comment = {
      editId: edit!.id,
      body: 'Name the rural women’s groups.',
      idempotencyKey: crypto.randomUUID(),
    };
    const first = await stakeholder.caller.review.addComment(comment);
    const again = await stakeholder.caller.review.addComment(comment);
    expect(again).toEqual(first);
    expect((await stakeholder.caller.review.comments({ editId: edit!.id })).map((c) => c.id)).toEqual([
      first.id,
    ]);
    const audit = await listAuditEntries(api.db, { entityType: 'review_comment', limit: 200 });
    expect(audit.filter((entry) => entry.entity_id === first.id)).toHaveLength(1);
  });

  it('keeps confidential comments to the Secretariat and Member States until the publication date', async () => {
    const cycle = await cycleInPhase('drafting');
    const [edit] = await draftEdits(cycle.id, [retitle]);
    await advanceTo(cycle.id, 'comment_period');

    const open = await stakeholder.caller.review.addComment({
      editId: edit!.id,
      body: 'Please say who reviews the reviewers.',
    });
    const secret = await indonesia.caller.review.addComment({
      editId: edit!.id,
      parentId: open.id,
      body: 'Our ministry is still consulting.',
      confidential: true,
    });
    expect(secret.parentId).toBe(open.id);

    const otherStakeholder = await api.signedIn('stakeholder');
    expect((await otherStakeholder.caller.review.comments({ editId: edit!.id })).map((c) => c.id)).toEqual([
      open.id,
    ]);
    expect((await timorLeste.caller.review.comments({ editId: edit!.id })).map((c) => c.id)).toEqual([
      open.id,
      secret.id,
    ]);
    expect((await secretariat.caller.review.comments({ editId: edit!.id })).map((c) => c.id)).toEqual([
      open.id,
      secret.id,
    ]);
    expect((await otherStakeholder.caller.review.edits({ cycleId: cycle.id })).edits[0]?.commentCount).toBe(
      1,
    );

    const other = await newCycle();
    const elsewhere = await rejection(
      stakeholder.caller.review.addComment({ editId: edit!.id, parentId: other.id, body: 'x' }),
    );
    expect((elsewhere as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      parentId: ['review.parentNotInThread'],
    });

    // The publication date arrives: the Secretariat moves it to today.
    const admin = await secretariat.caller.review.adminCycle({ cycleId: cycle.id });
    await secretariat.caller.review.updateCycle({
      cycleId: cycle.id,
      expectedVersion: admin.version,
      cycle: {
        title: admin.title,
        frameworkVersion: admin.frameworkVersion,
        baseEditionNumber: admin.baseEditionNumber,
        audience: admin.audience,
        publicationDate: day(0),
        phases: admin.phases.map((p) => ({
          phase: p.phase,
          plannedStart: p.plannedStart,
          plannedEnd: p.plannedEnd,
        })),
      },
    });
    expect((await otherStakeholder.caller.review.comments({ editId: edit!.id })).map((c) => c.id)).toEqual([
      open.id,
      secret.id,
    ]);
  });
});

function colleagueResolve(editId: string, expectedVersion: number) {
  return secretariat.caller.review.resolveEdit({
    editId,
    expectedVersion,
    kind: 'rejected',
    answer: 'Changed my mind.',
  });
}

/** A cycle in the adoption phase with one accepted edit. */
async function readyToAdopt(payload: ProposedEditInput = retitle) {
  const cycle = await cycleInPhase('drafting');
  const [edit] = await draftEdits(cycle.id, [payload]);
  await advanceTo(cycle.id, 'finalisation');
  await secretariat.caller.review.resolveEdit({
    editId: edit!.id,
    expectedVersion: 1,
    kind: 'accepted',
    answer: 'Yes',
  });
  await advanceTo(cycle.id, 'adoption');
  return cycle;
}

describe('finalisation, adoption and traceability', () => {
  it('refuses adoption while any edit is unresolved, then adopts in one transaction and publishes the record', async () => {
    const cycle = await cycleInPhase('drafting');
    const { contributionId } = await submittedContribution();
    const [first, second, third] = await draftEdits(cycle.id, [retitle, addMilestone, moveMilestone]);
    await secretariat.caller.review.updateEdit({
      editId: second!.id,
      expectedVersion: second!.version,
      payload: addMilestone,
      rationale: 'Participants asked to see what changed.',
      motivations: [{ kind: 'contribution', targetId: contributionId }],
    });
    await advanceTo(cycle.id, 'comment_period');
    const position = await indonesia.caller.review.recordPosition({
      editId: second!.id,
      memberState: 'ID',
      kind: 'support',
      text: 'Welcome.',
    });
    await timorLeste.caller.review.recordPosition({ editId: second!.id, memberState: 'TL', kind: 'abstain' });
    const comment = await stakeholder.caller.review.addComment({
      editId: second!.id,
      body: 'Thank you for listening.',
    });

    // While the comment period runs, the contributor (signed in) sees the edit that cites them, unresolved.
    const pending = await stakeholder.caller.review.outcomeOfContribution({ contributionId });
    expect(pending.edits).toMatchObject([
      { editId: second!.id, stage: 'comment_period', resolution: null, adoptedEditionNumber: null },
    ]);

    await advanceTo(cycle.id, 'finalisation');
    await secretariat.caller.review.answerPosition({ id: position.id, answer: 'Thank you, Indonesia.' });
    await secretariat.caller.review.answerComment({ id: comment.id, answer: 'Thank you for taking part.' });

    const fresh = (await secretariat.caller.review.edits({ cycleId: cycle.id })).edits;
    const version = (id: string) => fresh.find((e) => e.id === id)!.version;
    await secretariat.caller.review.resolveEdit({
      editId: first!.id,
      expectedVersion: version(first!.id),
      kind: 'rejected',
      answer: 'The current title is clearer.',
    });
    const finalWording = {
      ...addMilestone,
      text: 'Publish a “you said, we did” record within 30 days of every adoption.',
    } as ProposedEditInput;
    const changed = await secretariat.caller.review.resolveEdit({
      editId: second!.id,
      expectedVersion: version(second!.id),
      kind: 'accepted_with_changes',
      finalPayload: finalWording,
      answer: 'Accepted, with a deadline.',
    });
    expect(changed.resolution?.finalDiff?.counts.subActions.changed).toBe(1);
    expect(changed.resolution?.finalFromProposal?.actionAreas).toHaveLength(1);

    // Adoption would fail, so the cycle may not move into adoption: it stays in finalisation, where the edit can be resolved.
    const refused = await rejection(
      secretariat.caller.review.advancePhase({ cycleId: cycle.id, expectedStage: 'finalisation' }),
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'review.unresolvedEdits' });
    expect((refused as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      [`edits.${third!.id}`]: ['review.unresolvedEdits'],
    });
    const status = await secretariat.caller.review.adminCycle({ cycleId: cycle.id });
    expect(status.stage).toBe('finalisation');
    expect(status.readiness).toEqual({
      ok: false,
      problems: [{ reason: 'review.unresolvedEdits', edits: [third!.id] }],
    });
    // Indonesia's position and the comment were answered; Timor-Leste's abstention was not.
    expect(status.unanswered).toEqual({ positions: 1, comments: 0 });
    // Adoption itself refuses outside its phase.
    expect(
      await rejection(secretariat.caller.review.adopt({ cycleId: cycle.id, title: 'Second edition' })),
    ).toMatchObject({ message: 'review.notInPhase.adopt' });
    await secretariat.caller.review.resolveEdit({
      editId: third!.id,
      expectedVersion: version(third!.id),
      kind: 'accepted',
      answer: 'Yes',
    });
    expect((await secretariat.caller.review.adminCycle({ cycleId: cycle.id })).readiness.ok).toBe(true);
    expect(
      (await secretariat.caller.review.advancePhase({ cycleId: cycle.id, expectedStage: 'finalisation' }))
        .stage,
    ).toBe('adoption');
  });

  it('refuses to move into adoption while accepted edits collide, naming them; changing a resolution clears the way', async () => {
    const cycle = await cycleInPhase('drafting');
    const reword: ProposedEditInput = {
      kind: 'changeEntry',
      list: { field: 'targetAreas', subActionId: 'C3.3.1' },
      index: 0,
      text: 'A reworded target area.',
    };
    const remove: ProposedEditInput = {
      kind: 'removeEntry',
      list: { field: 'targetAreas', subActionId: 'C3.3.1' },
      index: 0,
    };
    const [rewording, removal] = await draftEdits(cycle.id, [reword, remove]);
    await advanceTo(cycle.id, 'finalisation');
    await secretariat.caller.review.resolveEdit({
      editId: rewording!.id,
      expectedVersion: 1,
      kind: 'accepted',
      answer: 'Clearer.',
    });
    const accepted = await secretariat.caller.review.resolveEdit({
      editId: removal!.id,
      expectedVersion: 1,
      kind: 'accepted',
      answer: 'Not needed.',
    });

    const refused = await rejection(
      secretariat.caller.review.advancePhase({ cycleId: cycle.id, expectedStage: 'finalisation' }),
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'review.editsCollide' });
    expect((refused as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      [`edits.${rewording!.id}`]: ['review.editsCollide'],
      [`edits.${removal!.id}`]: ['review.editsCollide'],
    });
    const status = await secretariat.caller.review.adminCycle({ cycleId: cycle.id });
    expect(status.stage).toBe('finalisation');
    expect(status.readiness).toEqual({
      ok: false,
      problems: [
        {
          reason: 'review.editsCollide',
          edits: [rewording!.id, removal!.id],
          collisions: [
            { editId: removal!.id, key: 'edition.conflictingEdits', conflictsWith: rewording!.id },
          ],
        },
      ],
    });

    await secretariat.caller.review.resolveEdit({
      editId: removal!.id,
      expectedVersion: accepted.version,
      kind: 'rejected',
      answer: 'The rewording covers it.',
    });
    await advanceTo(cycle.id, 'adoption');
    const adopted = await secretariat.caller.review.adopt({ cycleId: cycle.id, title: 'Reworded edition' });
    expect(adopted.appliedEdits).toBe(1);
  });

  it('lets the Secretariat step back from adoption to finalisation to change a resolution, and only from adoption', async () => {
    const cycle = await cycleInPhase('drafting');
    const [edit] = await draftEdits(cycle.id, [retitle]);
    expect(
      await rejection(
        secretariat.caller.review.returnToFinalisation({ cycleId: cycle.id, expectedStage: 'adoption' }),
      ),
    ).toMatchObject({ code: 'CONFLICT', message: 'review.phaseChanged' });
    await advanceTo(cycle.id, 'finalisation');
    const resolved = await secretariat.caller.review.resolveEdit({
      editId: edit!.id,
      expectedVersion: 1,
      kind: 'accepted',
      answer: 'Yes',
    });
    await advanceTo(cycle.id, 'adoption');

    const bad = await rejection(
      secretariat.caller.review.returnToFinalisation({
        cycleId: 'not-a-cycle',
        expectedStage: 'drafting',
      } as never),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(
      ((bad.cause as { issues?: { path: string[] }[] }).issues ?? [])
        .map((issue) => issue.path.join('.'))
        .sort(),
    ).toEqual(['cycleId', 'expectedStage']);
    const back = await secretariat.caller.review.returnToFinalisation({
      cycleId: cycle.id,
      expectedStage: 'adoption',
    });
    expect(back.stage).toBe('finalisation');
    expect(back.phases.find((p) => p.phase === 'finalisation')).toMatchObject({ actualEnd: null });
    expect(back.phases.find((p) => p.phase === 'adoption')).toMatchObject({ actualStart: null });
    // A second click from the same screen is told the cycle moved.
    expect(
      await rejection(
        secretariat.caller.review.returnToFinalisation({ cycleId: cycle.id, expectedStage: 'adoption' }),
      ),
    ).toMatchObject({ message: 'review.phaseChanged' });
    const audit = await listAuditEntries(api.db, { entityType: 'review_cycle', limit: 20 });
    expect(
      audit.some((entry) => entry.action === 'review.cycle_return' && entry.entity_id === cycle.id),
    ).toBe(true);

    await secretariat.caller.review.resolveEdit({
      editId: edit!.id,
      expectedVersion: resolved.version,
      kind: 'accepted_with_changes',
      finalPayload: { ...retitle, title: 'Review the Roadmap every year' },
      answer: 'Sharper.',
    });
    await advanceTo(cycle.id, 'adoption');
    await secretariat.caller.review.adopt({ cycleId: cycle.id, title: 'Annual review edition' });
    expect(
      await rejection(
        secretariat.caller.review.returnToFinalisation({ cycleId: cycle.id, expectedStage: 'adoption' }),
      ),
    ).toMatchObject({ message: 'review.phaseChanged' });
  });

  it('adopts: the accepted and finally worded edits become the new current edition, with the you-said-we-did record', async () => {
    const cycle = await cycleInPhase('assessment');
    const scope = await indonesia.caller.review.myAssessment({ cycleId: cycle.id });
    const assessment = await indonesia.caller.review.submitAssessment({
      cycleId: cycle.id,
      expectedVersion: null,
      ratings: scope.actionAreas.flatMap((a) =>
        scope.criteria.map((c) => ({
          actionAreaId: a.id,
          criterionKey: c.key,
          rating: a.id === 'C3.3' ? 2 : 4,
        })),
      ),
    });
    await advanceTo(cycle.id, 'drafting');
    const { contributionId } = await submittedContribution();
    const [kept, dropped] = await draftEdits(cycle.id, [addMilestone, retitle], []);
    await secretariat.caller.review.updateEdit({
      editId: kept!.id,
      expectedVersion: 1,
      payload: addMilestone,
      rationale: 'From the consultation and Indonesia’s assessment.',
      motivations: [
        { kind: 'contribution', targetId: contributionId },
        { kind: 'assessment', targetId: assessment.id },
      ],
    });
    await advanceTo(cycle.id, 'comment_period');
    await indonesia.caller.review.recordPosition({
      editId: kept!.id,
      memberState: 'ID',
      kind: 'support',
      text: 'Indonesia supports this.',
    });
    const confidential = await indonesia.caller.review.addComment({
      editId: kept!.id,
      body: 'Internal note for the states.',
      confidential: true,
    });
    await advanceTo(cycle.id, 'finalisation');
    await secretariat.caller.review.resolveEdit({
      editId: kept!.id,
      expectedVersion: 2,
      kind: 'accepted',
      answer: 'Adopted as proposed.',
    });
    await secretariat.caller.review.resolveEdit({
      editId: dropped!.id,
      expectedVersion: 1,
      kind: 'rejected',
      answer: 'Not needed.',
    });
    await advanceTo(cycle.id, 'adoption');

    const adopted = await secretariat.caller.review.adopt({
      cycleId: cycle.id,
      title: 'Second edition',
      notes: 'After the first review.',
    });
    expect(adopted.appliedEdits).toBe(1);
    expect(adopted.cycle.stage).toBe('adopted');
    expect(adopted.cycle.publishedAt).not.toBeNull();
    expect(adopted.cycle.phases.at(-1)?.actualEnd).not.toBeNull();
    const edition = adopted.editionNumber;

    const current = await api.db
      .selectFrom('roadmap_edition')
      .select(['number', 'catalogue'])
      .where('status', '=', 'current')
      .executeTakeFirstOrThrow();
    expect(current.number).toBe(edition);
    const milestones = current.catalogue.actionAreas
      .find((a) => a.id === 'C3.3')!
      .subActions.find((s) => s.id === 'C3.3.1')!.milestones.short;
    expect(milestones.at(-1)).toBe('Publish a “you said, we did” record after every review cycle.');
    expect(current.catalogue.actionAreas.find((a) => a.id === 'C3.3')!.title).not.toBe(
      retitle.kind === 'changeActionAreaTitle' ? retitle.title : '',
    );

    const visitor = (await api.call()).caller;
    const record = await visitor.review.youSaidWeDid({ edition });
    expect(record.changes).toHaveLength(1);
    expect(record.changes[0]).toMatchObject({ editId: kept!.id, resolution: { kind: 'accepted' } });
    expect(record.changes[0]?.contributions[0]).toMatchObject({
      id: contributionId,
      name: null,
      items: [{ text: 'Publish what changed after each review and why.' }],
    });
    expect(record.changes[0]?.positions).toMatchObject([{ memberState: 'ID', kind: 'support' }]);
    expect(record.changes[0]?.assessments).toEqual([{ id: assessment.id, memberState: 'ID' }]);
    expect(record.rejected).toMatchObject([{ editId: dropped!.id, answer: 'Not needed.' }]);

    const outcome = await visitor.review.outcomeOfContribution({ contributionId });
    expect(outcome.edits).toMatchObject([
      { editId: kept!.id, resolution: { kind: 'accepted' }, adoptedEditionNumber: edition, stage: 'adopted' },
    ]);

    const published = await visitor.review.cycle({ cycleId: cycle.id });
    expect(published.record?.map((e) => e.id)).toEqual([kept!.id, dropped!.id]);
    // The publication date is still ahead: the confidential comment stays out of the public record.
    expect(published.record?.[0]?.comments.map((c) => c.id)).not.toContain(confidential.id);

    // Once adopted, nothing more happens in the cycle.
    expect(
      await rejection(secretariat.caller.review.adopt({ cycleId: cycle.id, title: 'Again' })),
    ).toMatchObject({ message: 'review.cycleAdopted' });
  });

  it('refuses to adopt a cycle whose base edition is no longer current', async () => {
    const stale = await readyToAdopt();
    const other = await readyToAdopt();
    expect(stale.baseEditionNumber).toBe(other.baseEditionNumber);
    await secretariat.caller.review.adopt({ cycleId: other.id, title: 'Another edition' });
    expect(
      await rejection(secretariat.caller.review.adopt({ cycleId: stale.id, title: 'Stale edition' })),
    ).toMatchObject({ code: 'CONFLICT', message: 'review.baseNotCurrent' });
  });

  // PGlite runs one transaction at a time, so two adoptions there can never interleave; this needs a PostgreSQL server.
  it.skipIf(!onPostgres)(
    'two cycles on the same base adopted at the same moment: exactly one wins, the other is refused and nothing is lost (PostgreSQL only: PGlite cannot run transactions concurrently)',
    async () => {
      const retitled = await readyToAdopt(retitle);
      const extended = await readyToAdopt(addMilestone);
      expect(retitled.baseEditionNumber).toBe(extended.baseEditionNumber);
      const editionsBefore = await api.db.selectFrom('roadmap_edition').select('number').execute();
      const colleague = await api.signedIn('secretariat');

      // Widen the race deterministically: a third transaction holds the editions table while both adoptions start, and
      // lets go only once both are waiting on it, so both have got as far as they can before either makes its edition current.
      let results: PromiseSettledResult<{ editionNumber: number }>[] = [];
      await api.db.transaction().execute(async (holder) => {
        await sql`lock table roadmap_edition in share row exclusive mode`.execute(holder);
        const adoptions = Promise.allSettled([
          secretariat.caller.review.adopt({ cycleId: retitled.id, title: 'Retitled edition' }),
          colleague.caller.review.adopt({ cycleId: extended.id, title: 'Extended edition' }),
        ]);
        const deadline = Date.now() + 10_000;
        for (;;) {
          const waiting = await sql<{
            n: number;
          }>`select count(*)::int as n from pg_locks where not granted and relation = 'roadmap_edition'::regclass`.execute(
            api.db,
          );
          if (waiting.rows[0]!.n >= 2 || Date.now() > deadline) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        void adoptions.then((settled) => (results = settled));
      });
      while (results.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));

      const won = results.filter(
        (r): r is PromiseFulfilledResult<{ editionNumber: number }> => r.status === 'fulfilled',
      );
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toMatchObject({ code: 'CONFLICT', message: 'review.baseNotCurrent' });

      // One new edition, current, holding the winner's change; the loser's cycle is still waiting in adoption.
      const editionsAfter = await api.db.selectFrom('roadmap_edition').select('number').execute();
      expect(editionsAfter).toHaveLength(editionsBefore.length + 1);
      const current = await api.db
        .selectFrom('roadmap_edition')
        .select(['number', 'catalogue', 'review_cycle_id'])
        .where('status', '=', 'current')
        .executeTakeFirstOrThrow();
      expect(current.number).toBe(won[0]!.value.editionNumber);
      const area = current.catalogue.actionAreas.find((a) => a.id === 'C3.3')!;
      const winner = results[0]!.status === 'fulfilled' ? retitled : extended;
      const loser = winner === retitled ? extended : retitled;
      expect(current.review_cycle_id).toBe(winner.id);
      if (winner === retitled)
        expect(area.title).toBe('Continuously review the Roadmap with all stakeholders');
      else
        expect(area.subActions.find((sub) => sub.id === 'C3.3.1')!.milestones.short.at(-1)).toBe(
          'Publish a “you said, we did” record after every review cycle.',
        );
      expect((await secretariat.caller.review.adminCycle({ cycleId: loser.id })).stage).toBe('adoption');
    },
  );

  it.skipIf(!onPostgres)(
    'a resolution racing the move into adoption waits for it and is refused, so nothing changes after the readiness check (PostgreSQL only: PGlite cannot run transactions concurrently)',
    async () => {
      const cycle = await cycleInPhase('drafting');
      const [edit] = await draftEdits(cycle.id, [retitle]);
      await advanceTo(cycle.id, 'finalisation');
      const accepted = await secretariat.caller.review.resolveEdit({
        editId: edit!.id,
        expectedVersion: 1,
        kind: 'accepted',
        answer: 'Yes',
      });
      let settled: PromiseSettledResult<unknown> | null = null;
      // A transaction doing what advancePhase does (cycle row locked, finalisation ended, adoption started) holds while the
      // resolution arrives; the resolution must wait for it and then see the new phase.
      await api.db.transaction().execute(async (holder) => {
        await holder.selectFrom('review_cycle').select('id').where('id', '=', cycle.id).forUpdate().execute();
        const now = new Date();
        await holder
          .updateTable('review_cycle_phase')
          .set({ actual_end: now })
          .where('cycle_id', '=', cycle.id)
          .where('phase', '=', 'finalisation')
          .execute();
        await holder
          .updateTable('review_cycle_phase')
          .set({ actual_start: now })
          .where('cycle_id', '=', cycle.id)
          .where('phase', '=', 'adoption')
          .execute();
        void Promise.allSettled([colleagueResolve(edit!.id, accepted.version)]).then(
          ([result]) => (settled = result!),
        );
        const deadline = Date.now() + 2_000;
        while (!settled && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      });
      while (!settled) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(settled).toMatchObject({
        status: 'rejected',
        reason: { code: 'CONFLICT', message: 'review.notInPhase.resolve' },
      });
      const [resolution] = await api.db
        .selectFrom('review_resolution')
        .select('kind')
        .where('edit_id', '=', edit!.id)
        .execute();
      expect(resolution?.kind).toBe('accepted');
    },
  );

  it('answers NOT_FOUND for a contribution that does not exist or an edition nobody adopted', async () => {
    const visitor = (await api.call()).caller;
    expect(
      (await rejection(visitor.review.outcomeOfContribution({ contributionId: randomUUID() }))).message,
    ).toBe('review.contributionNotFound');
    expect((await rejection(visitor.review.youSaidWeDid({ edition: 999 }))).message).toBe(
      'review.editionNotFound',
    );
  });
});

describe('closing a cycle without adopting', () => {
  it('gives a cycle whose base edition was superseded a way forward: closed with the reason on its public record, readable as before, and nothing more can be written', async () => {
    const stale = await readyToAdopt();
    const other = await readyToAdopt(addMilestone);
    const adopted = await secretariat.caller.review.adopt({
      cycleId: other.id,
      title: 'The edition that supersedes',
    });
    const before = await secretariat.caller.review.adminCycle({ cycleId: stale.id });
    expect(before.readiness.problems.map((p) => p.reason)).toContain('review.baseNotCurrent');
    expect(before.canClose).toBe(true);

    // Bad input is refused field by field; "superseded" is refused for a cycle whose base is still current.
    const bad = await rejection(
      secretariat.caller.review.closeCycle({
        cycleId: 'nope',
        expectedVersion: 0,
        superseded: false,
        reason: '',
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(
      ((bad.cause as { issues?: { path: string[] }[] }).issues ?? [])
        .map((issue) => issue.path.join('.'))
        .sort(),
    ).toEqual(['cycleId', 'expectedVersion', 'reason']);
    const noReason = await rejection(
      secretariat.caller.review.closeCycle({
        cycleId: stale.id,
        expectedVersion: before.version,
        superseded: false,
        reason: '  ',
      }),
    );
    expect(noReason.code).toBe('BAD_REQUEST');
    expect(
      ((noReason.cause as { issues?: { path: string[]; message: string }[] }).issues ?? []).map((i) => [
        i.path.join('.'),
        i.message,
      ]),
    ).toEqual([['reason', 'validation.required']]);
    const fresh = await newCycle();
    const notSuperseded = await rejection(
      secretariat.caller.review.closeCycle({
        cycleId: fresh.id,
        expectedVersion: fresh.version,
        superseded: true,
      }),
    );
    expect(notSuperseded).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { superseded: ['review.baseStillCurrent'] },
    });
    // Only secretariat; a stale screen is told.
    expect(
      (
        await rejection(
          indonesia.caller.review.closeCycle({
            cycleId: stale.id,
            expectedVersion: before.version,
            superseded: true,
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      await rejection(
        secretariat.caller.review.closeCycle({
          cycleId: stale.id,
          expectedVersion: before.version - 1,
          superseded: true,
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', message: 'review.cycleConflict' });

    const closed = await secretariat.caller.review.closeCycle({
      cycleId: stale.id,
      expectedVersion: before.version,
      superseded: true,
      reason: 'Its change is carried into the next cycle.',
    });
    expect(closed.stage).toBe('closed');
    expect(closed.closure).toMatchObject({
      supersededBy: adopted.editionNumber,
      reason: 'Its change is carried into the next cycle.',
    });
    const audit = await listAuditEntries(api.db, { entityType: 'review_cycle', limit: 20 });
    expect(audit.some((entry) => entry.action === 'review.cycle_close' && entry.entity_id === stale.id)).toBe(
      true,
    );

    // The public record says why; the secretariat's screen no longer offers closing or adopting.
    const visitor = (await api.call()).caller;
    const shown = await visitor.review.cycle({ cycleId: stale.id });
    expect(shown).toMatchObject({
      stage: 'closed',
      closure: { supersededBy: adopted.editionNumber, reason: 'Its change is carried into the next cycle.' },
    });
    expect((await visitor.review.cycles()).find((c) => c.id === stale.id)?.stage).toBe('closed');
    const after = await secretariat.caller.review.adminCycle({ cycleId: stale.id });
    expect(after.canClose).toBe(false);
    expect(
      await rejection(
        secretariat.caller.review.closeCycle({
          cycleId: stale.id,
          expectedVersion: after.version,
          superseded: false,
          reason: 'Again',
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', message: 'review.cycleClosed' });
    expect(
      await rejection(secretariat.caller.review.adopt({ cycleId: stale.id, title: 'Too late' })),
    ).toMatchObject({ message: 'review.cycleClosed' });
    expect(
      await rejection(
        secretariat.caller.review.returnToFinalisation({ cycleId: stale.id, expectedStage: 'adoption' }),
      ),
    ).toMatchObject({ message: 'review.phaseChanged' });
    // An adopted cycle cannot be closed.
    expect(
      await rejection(
        secretariat.caller.review.closeCycle({
          cycleId: other.id,
          expectedVersion: (await secretariat.caller.review.adminCycle({ cycleId: other.id })).version,
          superseded: false,
          reason: 'x',
        }),
      ),
    ).toMatchObject({ message: 'review.cycleAdopted' });
  });

  it('refuses every write to a closed cycle through the phase rules, and keeps its content readable to whoever could read it', async () => {
    const cycle = await cycleInPhase('drafting');
    const [edit] = await draftEdits(cycle.id, [retitle]);
    await advanceTo(cycle.id, 'comment_period');
    const position = await indonesia.caller.review.recordPosition({
      editId: edit!.id,
      memberState: 'ID',
      kind: 'support',
    });
    const comment = await stakeholder.caller.review.addComment({ editId: edit!.id, body: 'A good change.' });
    const { version } = await secretariat.caller.review.adminCycle({ cycleId: cycle.id });
    await secretariat.caller.review.closeCycle({
      cycleId: cycle.id,
      expectedVersion: version,
      superseded: false,
      reason: 'Replaced by the 2028 review.',
    });

    const closedWrites = [
      () => stakeholder.caller.review.addComment({ editId: edit!.id, body: 'Still here?' }),
      () =>
        indonesia.caller.review.recordPosition({
          editId: edit!.id,
          memberState: 'ID',
          kind: 'object',
          text: 'Changed our mind.',
        }),
      () => indonesia.caller.review.saveAssessment({ cycleId: cycle.id, ratings: [], expectedVersion: null }),
      () =>
        secretariat.caller.review.createEdit({ cycleId: cycle.id, payload: addMilestone, rationale: 'Late' }),
      () =>
        secretariat.caller.review.updateEdit({
          editId: edit!.id,
          expectedVersion: edit!.version,
          payload: retitle,
          rationale: 'Late',
        }),
      () => secretariat.caller.review.deleteEdit({ editId: edit!.id, expectedVersion: edit!.version }),
      () =>
        secretariat.caller.review.resolveEdit({
          editId: edit!.id,
          expectedVersion: edit!.version,
          kind: 'accepted',
          answer: 'Yes',
        }),
      () => secretariat.caller.review.answerPosition({ id: position.id, answer: 'Thanks' }),
      () => secretariat.caller.review.answerComment({ id: comment.id, answer: 'Thanks' }),
      () => secretariat.caller.review.adopt({ cycleId: cycle.id, title: 'Never' }),
    ];
    for (const write of closedWrites)
      expect(await rejection(write())).toMatchObject({ code: 'CONFLICT', message: 'review.cycleClosed' });
    expect(
      await rejection(
        secretariat.caller.review.advancePhase({ cycleId: cycle.id, expectedStage: 'comment_period' }),
      ),
    ).toMatchObject({ message: 'review.phaseChanged' });
    const current = await secretariat.caller.review.adminCycle({ cycleId: cycle.id });
    expect(
      await rejection(
        secretariat.caller.review.updateCycle({
          cycleId: cycle.id,
          expectedVersion: current.version,
          cycle: {
            title: { en: 'Renamed' },
            frameworkVersion,
            audience: 'all_participants',
            publicationDate: current.publicationDate,
            phases: current.phases.map((p) => ({
              phase: p.phase,
              plannedStart: p.plannedStart,
              plannedEnd: p.plannedEnd,
            })),
          },
        }),
      ),
    ).toMatchObject({ message: 'review.cycleClosed' });

    // Readable as in its comment period: participants of an all-participants cycle, signed in; not visitors.
    const edits = await stakeholder.caller.review.edits({ cycleId: cycle.id });
    expect(edits.cycle.stage).toBe('closed');
    expect(edits.edits.map((e) => e.id)).toEqual([edit!.id]);
    expect((await stakeholder.caller.review.comments({ editId: edit!.id })).map((c) => c.id)).toEqual([
      comment.id,
    ]);
    expect((await stakeholder.caller.review.cycle({ cycleId: cycle.id })).record?.map((e) => e.id)).toEqual([
      edit!.id,
    ]);
    const visitor = (await api.call()).caller;
    const shown = await visitor.review.cycle({ cycleId: cycle.id });
    expect(shown).toMatchObject({
      stage: 'closed',
      closure: { reason: 'Replaced by the 2028 review.', supersededBy: null },
      record: null,
    });
    expect((await rejection(visitor.review.edits({ cycleId: cycle.id }))).code).toBe('UNAUTHORIZED');
  });

  it('a members-only cycle closed before its comment period keeps its edits with the Secretariat', async () => {
    const cycle = await cycleInPhase('drafting', { audience: 'member_states' });
    await draftEdits(cycle.id, [retitle]);
    const { version } = await secretariat.caller.review.adminCycle({ cycleId: cycle.id });
    await secretariat.caller.review.closeCycle({
      cycleId: cycle.id,
      expectedVersion: version,
      superseded: false,
      reason: 'Abandoned.',
    });
    expect(await rejection(indonesia.caller.review.edits({ cycleId: cycle.id }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'review.editsNotOpen',
    });
    expect(await rejection(stakeholder.caller.review.edits({ cycleId: cycle.id }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'review.notInAudience',
    });
    expect((await indonesia.caller.review.cycle({ cycleId: cycle.id })).record).toBeNull();
  });
});

describe('creating a cycle during an adoption', () => {
  // PGlite runs one transaction at a time; this needs a PostgreSQL server.
  it.skipIf(!onPostgres)(
    'waits for an adoption that is making a new edition current and starts on the new edition, not the superseded one (PostgreSQL only)',
    async () => {
      const adopting = await readyToAdopt(moveMilestone);
      const currentBefore = (
        await api.db
          .selectFrom('roadmap_edition')
          .select('number')
          .where('status', '=', 'current')
          .executeTakeFirstOrThrow()
      ).number;
      let created: PromiseSettledResult<{ baseEditionNumber: number }> | null = null;
      let adoptedNumber = 0;
      // A third transaction holds the editions' adoption lock (as adopt does) while createCycle starts, then adopts and commits.
      await api.db.transaction().execute(async (holder) => {
        await sql`lock table roadmap_edition in share row exclusive mode`.execute(holder);
        void Promise.allSettled([newCycle()]).then(([result]) => (created = result!));
        const deadline = Date.now() + 2_000;
        while (!created && Date.now() < deadline) {
          const waiting = await sql<{
            n: number;
          }>`select count(*)::int as n from pg_locks where not granted and relation = 'roadmap_edition'::regclass`.execute(
            api.db,
          );
          if (waiting.rows[0]!.n >= 1) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const highest = await holder
          .selectFrom('roadmap_edition')
          .select((eb) => eb.fn.max('number').as('n'))
          .executeTakeFirstOrThrow();
        const base = await holder
          .selectFrom('roadmap_edition')
          .select('catalogue')
          .where('number', '=', currentBefore)
          .executeTakeFirstOrThrow();
        adoptedNumber = Number(highest.n) + 1;
        await holder
          .updateTable('roadmap_edition')
          .set({ status: 'superseded' })
          .where('number', '=', currentBefore)
          .execute();
        await holder
          .insertInto('roadmap_edition')
          .values({
            number: adoptedNumber,
            title: 'Adopted meanwhile',
            catalogue: JSON.stringify(base.catalogue),
            status: 'current',
            adopted_at: new Date(),
            review_cycle_id: adopting.id,
          })
          .execute();
      });
      while (!created) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(created).toMatchObject({ status: 'fulfilled', value: { baseEditionNumber: adoptedNumber } });
    },
  );
});

describe('texts per language (issue #13)', () => {
  /** The refused input's issues (`path → messages`), as the apps show them next to the fields. */
  const fieldErrorsOf = (error: unknown) => {
    const out: Record<string, string[]> = {};
    for (const issue of (error as { cause?: { issues?: { path: PropertyKey[]; message: string }[] } }).cause
      ?.issues ?? [])
      (out[issue.path.map(String).join('.')] ??= []).push(issue.message);
    return out;
  };
  const khmerTitle = 'ការពិនិត្យលើកទីបីនៃផែនទីបង្ហាញផ្លូវ';

  it('stores and returns a cycle’s title and description per language, to the Secretariat and to readers; an update replaces them', async () => {
    const cycle = await newCycle({
      title: { en: 'Third review of the Roadmap', km: khmerTitle, th: '  ' },
      description: { en: 'Why we review the Roadmap.', km: 'ហេតុអ្វីយើងពិនិត្យផែនទីបង្ហាញផ្លូវ។' },
    });
    // The blank Thai title is dropped, so Thai readers fall back to English instead of seeing nothing.
    expect(cycle.title).toEqual({ en: 'Third review of the Roadmap', km: khmerTitle });
    expect(cycle.description).toEqual({ en: 'Why we review the Roadmap.', km: 'ហេតុអ្វីយើងពិនិត្យផែនទីបង្ហាញផ្លូវ។' });
    const admin = await secretariat.caller.review.adminCycle({ cycleId: cycle.id });
    expect(admin).toMatchObject({ title: cycle.title, description: cycle.description });
    expect((await secretariat.caller.review.adminCycles()).find((c) => c.id === cycle.id)?.title).toEqual(
      cycle.title,
    );

    await advanceTo(cycle.id, 'call_for_input');
    const visitor = (await api.call()).caller;
    expect(await visitor.review.cycle({ cycleId: cycle.id })).toMatchObject({
      title: cycle.title,
      description: cycle.description,
    });
    expect((await visitor.review.cycles()).find((c) => c.id === cycle.id)?.title).toEqual(cycle.title);

    const current = await secretariat.caller.review.adminCycle({ cycleId: cycle.id });
    const updated = await secretariat.caller.review.updateCycle({
      cycleId: cycle.id,
      expectedVersion: current.version,
      cycle: {
        title: { en: 'Third review of the Roadmap', vi: 'Lần rà soát thứ ba của Lộ trình' },
        description: null,
        frameworkVersion: current.frameworkVersion,
        audience: current.audience,
        publicationDate: current.publicationDate,
        phases: current.phases.map((p) => ({
          phase: p.phase,
          plannedStart: p.plannedStart,
          plannedEnd: p.plannedEnd,
        })),
      },
    });
    expect(updated.title).toEqual({
      en: 'Third review of the Roadmap',
      vi: 'Lần rà soát thứ ba của Lộ trình',
    });
    expect(updated.description).toBeNull();
    expect((await visitor.review.cycle({ cycleId: cycle.id })).title).toEqual(updated.title);
    const audit = await listAuditEntries(api.db, { entityType: 'review_cycle', limit: 50 });
    const entry = audit.find((e) => e.action === 'review.cycle_update' && e.entity_id === cycle.id);
    expect(entry?.after_value).toMatchObject({ title: updated.title, description: null });
    expect(entry?.before_value).toMatchObject({ title: cycle.title });
  });

  it('reads a plain string as the English text (API clients written before texts were per-language)', async () => {
    const cycle = await newCycle({ title: 'Plain review', description: 'Plain description.' });
    expect(cycle).toMatchObject({ title: { en: 'Plain review' }, description: { en: 'Plain description.' } });
    expect((await newCycle({ description: { en: '', km: ' ' } })).description).toBeNull();
  });

  it('requires the English title, and English in a description once any language of it is filled in', async () => {
    const before = (await secretariat.caller.review.adminCycles()).length;
    const error = await rejection(newCycle({ title: { km: khmerTitle }, description: { km: 'ហេតុអ្វី' } }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error)).toEqual({
      'title.en': ['validation.englishRequired'],
      'description.en': ['validation.englishRequired'],
    });
    expect(fieldErrorsOf(await rejection(newCycle({ title: { en: '   ', km: khmerTitle } })))).toEqual({
      'title.en': ['validation.englishRequired'],
    });
    expect(
      fieldErrorsOf(await rejection(newCycle({ title: { en: 'Review', xx: 'Unknown language' } }))),
    ).toHaveProperty('title');
    expect(
      fieldErrorsOf(await rejection(newCycle({ title: { en: 'Review', km: 'ក'.repeat(301) } }))),
    ).toEqual({ 'title.km': ['validation.tooLong'] });
    expect((await secretariat.caller.review.adminCycles()).length).toBe(before);

    const cycle = await newCycle();
    const current = await secretariat.caller.review.adminCycle({ cycleId: cycle.id });
    const refused = await rejection(
      secretariat.caller.review.updateCycle({
        cycleId: cycle.id,
        expectedVersion: current.version,
        cycle: {
          title: { km: khmerTitle },
          frameworkVersion: current.frameworkVersion,
          audience: current.audience,
          publicationDate: current.publicationDate,
          phases: current.phases.map((p) => ({
            phase: p.phase,
            plannedStart: p.plannedStart,
            plannedEnd: p.plannedEnd,
          })),
        },
      }),
    );
    expect(fieldErrorsOf(refused)).toEqual({ 'cycle.title.en': ['validation.englishRequired'] });
    expect((await secretariat.caller.review.adminCycle({ cycleId: cycle.id })).title).toEqual({
      en: 'First review of the Roadmap',
    });
  });

  it('names the cycle in the page’s language where a contribution’s outcome is printed as one line', async () => {
    const { contributionId } = await submittedContribution();
    const cycle = await cycleInPhase('drafting', {
      title: { en: 'Review with a Khmer title', km: khmerTitle },
    });
    await draftEdits(cycle.id, [addMilestone], [{ kind: 'contribution', targetId: contributionId }]);
    await advanceTo(cycle.id, 'comment_period');
    const khmerPage = (await api.call({ token: stakeholder.token, request: { locale: 'km' } })).caller;
    const [edit] = (await khmerPage.review.outcomeOfContribution({ contributionId })).edits;
    expect(edit).toMatchObject({
      cycleTitle: khmerTitle,
      cycleTitleText: { en: 'Review with a Khmer title', km: khmerTitle },
    });
    const [english] = (await stakeholder.caller.review.outcomeOfContribution({ contributionId })).edits;
    expect(english?.cycleTitle).toBe('Review with a Khmer title');
  });

  it('takes framework criteria and metrics per language (English required) and reads a version saved with plain strings as English', async () => {
    const localizedFramework = {
      ...framework,
      criteria: [
        {
          key: 'relevance',
          name: { en: 'Relevance', km: 'ភាពពាក់ព័ន្ធ' },
          description: {
            en: 'The action still answers the region’s needs.',
            km: 'សកម្មភាពនៅតែឆ្លើយតបនឹងតម្រូវការ។',
          },
        },
        { key: 'effectiveness', name: 'Effectiveness', description: 'The action achieves its milestones.' },
      ],
    };
    const latest = await secretariat.caller.review.framework();
    const saved = await secretariat.caller.review.saveFramework({
      document: localizedFramework,
      expectedVersion: latest!.version,
    });
    expect(saved.document.criteria).toEqual([
      {
        key: 'relevance',
        name: { en: 'Relevance', km: 'ភាពពាក់ព័ន្ធ' },
        description: {
          en: 'The action still answers the region’s needs.',
          km: 'សកម្មភាពនៅតែឆ្លើយតបនឹងតម្រូវការ។',
        },
      },
      {
        key: 'effectiveness',
        name: { en: 'Effectiveness' },
        description: { en: 'The action achieves its milestones.' },
      },
    ]);
    expect((await (await api.call()).caller.review.framework())?.document.metrics[0]?.name).toEqual({
      en: 'Extent of stakeholder engagement',
    });

    // A representative rating a cycle under that version gets the criteria per language.
    const cycle = await cycleInPhase('assessment', { frameworkVersion: saved.version });
    const scope = await indonesia.caller.review.myAssessment({ cycleId: cycle.id });
    expect(scope.criteria[0]?.name).toEqual({ en: 'Relevance', km: 'ភាពពាក់ព័ន្ធ' });
    expect(
      (await secretariat.caller.review.assessmentResults({ cycleId: cycle.id })).criteria[1]?.description,
    ).toEqual({ en: 'The action achieves its milestones.' });

    const refused = await rejection(
      secretariat.caller.review.saveFramework({
        document: {
          ...framework,
          criteria: [{ key: 'relevance', name: { km: 'ភាពពាក់ព័ន្ធ' }, description: 'Why' }],
        },
        expectedVersion: saved.version,
      }),
    );
    expect(fieldErrorsOf(refused)).toEqual({ 'document.criteria.0.name.en': ['validation.englishRequired'] });

    // A version stored before criteria were per-language (plain strings in the document) reads as English.
    await api.db
      .insertInto('review_framework')
      .values({ version: saved.version + 1, document: JSON.stringify(framework) })
      .execute();
    const legacy = await (await api.call()).caller.review.frameworkVersion({ version: saved.version + 1 });
    expect(legacy.document.criteria[0]).toEqual({
      key: 'relevance',
      name: { en: 'Relevance' },
      description: { en: 'The action still answers the region’s needs.' },
    });
    expect((await (await api.call()).caller.review.framework())?.document.metrics[0]?.description).toEqual({
      en: 'Who took part in the review.',
    });
    const underLegacy = await cycleInPhase('assessment', { frameworkVersion: saved.version + 1 });
    expect(
      (await indonesia.caller.review.myAssessment({ cycleId: underLegacy.id })).criteria.map(
        (c) => c.name.en,
      ),
    ).toEqual(['Relevance', 'Effectiveness']);
  });
});
