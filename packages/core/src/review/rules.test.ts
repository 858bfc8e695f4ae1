import { describe, expect, it } from 'vitest';
import { MEMBER_STATE_CODES } from '../domain';
import {
  addDays,
  adoptedPayloads,
  advanceDecision,
  canAdopt,
  canSeeComment,
  closeDecision,
  checkRatings,
  cycleContentAccess,
  cycleStage,
  daysBetween,
  editsOpenToParticipants,
  isInCycleAudience,
  nonRespondents,
  parseDay,
  phaseAllows,
  plannedPhasesFrom,
  summariseAssessments,
  timeliness,
  unratedCells,
  type PhaseDates,
} from './rules';
import { CYCLE_PHASES, REVIEW_ACTIVITIES, type CyclePhase } from './vocabulary';

const at = (iso: string) => new Date(iso);

function plan(): PhaseDates[] {
  return plannedPhasesFrom(
    CYCLE_PHASES.map((phase) => ({ phase, durationDays: 10 })),
    '2027-01-01',
  ).map((p) => ({
    ...p,
    actualStart: null,
    actualEnd: null,
  }));
}

describe('days', () => {
  it('parses real calendar days only', () => {
    expect(parseDay('2027-02-28')).not.toBeNull();
    expect(parseDay('2027-02-29')).toBeNull();
    expect(parseDay('2028-02-29')).not.toBeNull();
    expect(parseDay('2027-2-1')).toBeNull();
    expect(parseDay('')).toBeNull();
  });
  it('counts whole days across month and year ends', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2027-01-10', '2027-01-10')).toBe(0);
    expect(daysBetween('2027-03-01', '2027-02-27')).toBe(-2);
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });
});

describe('plannedPhasesFrom', () => {
  it('lays the phases end to end, each lasting its days', () => {
    const phases = plannedPhasesFrom(
      CYCLE_PHASES.map((phase, i) => ({ phase, durationDays: i + 1 })),
      '2027-01-01',
    );
    expect(phases.map((p) => p.phase)).toEqual([...CYCLE_PHASES]);
    expect(phases[0]).toEqual({
      phase: 'call_for_input',
      plannedStart: '2027-01-01',
      plannedEnd: '2027-01-01',
    });
    expect(phases[1]).toEqual({ phase: 'assessment', plannedStart: '2027-01-02', plannedEnd: '2027-01-03' });
    expect(phases[5]?.plannedEnd).toBe('2027-01-21');
  });
});

describe('cycleStage and advanceDecision', () => {
  it('is not started until the first phase starts, then the open phase, then adopted', () => {
    const phases = plan();
    expect(cycleStage(phases)).toBe('not_started');
    phases[0]!.actualStart = at('2027-01-01T08:00:00Z');
    expect(cycleStage(phases)).toBe('call_for_input');
    phases[0]!.actualEnd = at('2027-01-09T08:00:00Z');
    phases[1]!.actualStart = at('2027-01-09T08:00:00Z');
    expect(cycleStage([...phases].reverse())).toBe('assessment');
    for (const p of phases) {
      p.actualStart ??= at('2027-03-01T00:00:00Z');
      p.actualEnd ??= at('2027-03-01T00:00:00Z');
    }
    expect(cycleStage(phases)).toBe('adopted');
  });

  it('moves one phase at a time and never past adoption', () => {
    expect(advanceDecision('not_started')).toEqual({ ok: true, ends: null, starts: 'call_for_input' });
    expect(advanceDecision('drafting')).toEqual({ ok: true, ends: 'drafting', starts: 'comment_period' });
    expect(advanceDecision('finalisation')).toEqual({ ok: true, ends: 'finalisation', starts: 'adoption' });
    expect(advanceDecision('adoption')).toEqual({ ok: false, reason: 'review.advanceToAdopt' });
    expect(advanceDecision('adopted')).toEqual({ ok: false, reason: 'review.cycleAdopted' });
    expect(advanceDecision('closed')).toEqual({ ok: false, reason: 'review.cycleClosed' });
  });

  it('is closed once closed without adopting, whatever the dates; without the closing, the dates give the phase reached', () => {
    const phases = plan();
    phases[0]!.actualStart = at('2027-01-01T08:00:00Z');
    expect(cycleStage(phases, at('2027-01-05T08:00:00Z'))).toBe('closed');
    expect(cycleStage(phases, '2027-01-05T08:00:00Z')).toBe('closed');
    expect(cycleStage(phases, null)).toBe('call_for_input');
  });
});

describe('closeDecision', () => {
  it('closes a cycle in any stage before it is adopted, once', () => {
    for (const stage of ['not_started', ...CYCLE_PHASES] as const)
      expect(closeDecision(stage)).toEqual({ ok: true });
    expect(closeDecision('adopted')).toEqual({ ok: false, reason: 'review.cycleAdopted' });
    expect(closeDecision('closed')).toEqual({ ok: false, reason: 'review.cycleClosed' });
  });
});

describe('phaseAllows', () => {
  const allowedIn: Record<(typeof REVIEW_ACTIVITIES)[number], CyclePhase[]> = {
    assess: ['assessment'],
    draft_edit: ['drafting'],
    record_position: ['comment_period'],
    comment: ['comment_period'],
    answer: ['comment_period', 'finalisation'],
    resolve: ['finalisation'],
    adopt: ['adoption'],
  };
  for (const activity of REVIEW_ACTIVITIES) {
    it(`${activity} only in ${allowedIn[activity].join(', ')}`, () => {
      for (const phase of CYCLE_PHASES) {
        const check = phaseAllows(phase, activity);
        if (allowedIn[activity].includes(phase)) expect(check).toEqual({ ok: true });
        else expect(check).toEqual({ ok: false, reason: `review.notInPhase.${activity}` });
      }
      expect(phaseAllows('not_started', activity)).toEqual({ ok: false, reason: 'review.cycleNotStarted' });
      expect(phaseAllows('adopted', activity)).toEqual({ ok: false, reason: 'review.cycleAdopted' });
      // A closed cycle accepts no writes of any kind.
      expect(phaseAllows('closed', activity)).toEqual({ ok: false, reason: 'review.cycleClosed' });
    });
  }

  it('opens the edits to participants from the comment period on', () => {
    expect(editsOpenToParticipants('not_started')).toBe(false);
    expect(editsOpenToParticipants('drafting')).toBe(false);
    expect(editsOpenToParticipants('comment_period')).toBe(true);
    expect(editsOpenToParticipants('adoption')).toBe(true);
    expect(editsOpenToParticipants('adopted')).toBe(true);
  });

  it('lets stakeholders into a cycle only when it invites all participants', () => {
    expect(isInCycleAudience('member_states', 'stakeholder')).toBe(false);
    expect(isInCycleAudience('member_states', 'member_state')).toBe(true);
    expect(isInCycleAudience('member_states', 'secretariat')).toBe(true);
    expect(isInCycleAudience('all_participants', 'stakeholder')).toBe(true);
  });
});

describe('timeliness', () => {
  it('is not started before anything happens, and not late before the planned end', () => {
    const report = timeliness(plan(), at('2026-12-01T00:00:00Z'));
    expect(report.overall.status).toBe('not_started');
    expect(report.phases.every((p) => p.status === 'not_started' && p.daysLate === 0)).toBe(true);
    expect(report.overall).toMatchObject({
      plannedStart: '2027-01-01',
      plannedEnd: '2027-03-01',
      daysLate: 0,
      phasesLate: 0,
    });
  });

  it('counts a phase ending on its planned end day as on time and the day after as one day late', () => {
    const phases = plan();
    phases[0]!.actualStart = at('2027-01-01T00:00:00Z');
    phases[0]!.actualEnd = at('2027-01-10T23:59:59Z'); // planned end 2027-01-10
    phases[1]!.actualStart = at('2027-01-11T00:00:00Z');
    phases[1]!.actualEnd = at('2027-01-21T00:00:00Z'); // planned end 2027-01-20
    phases[2]!.actualStart = at('2027-01-21T00:00:00Z');
    const report = timeliness(phases, at('2027-01-25T12:00:00Z'));
    expect(report.phases[0]).toMatchObject({ status: 'on_time', daysLate: 0, actualEnd: '2027-01-10' });
    expect(report.phases[1]).toMatchObject({ status: 'late', daysLate: 1 });
    expect(report.phases[2]).toMatchObject({ status: 'ongoing', daysLate: 0 });
    expect(report.overall).toMatchObject({
      status: 'ongoing',
      phasesLate: 1,
      actualStart: '2027-01-01',
      actualEnd: null,
    });
  });

  it('shows a running phase past its planned end as late already, by the days gone by', () => {
    const phases = plan();
    phases[0]!.actualStart = at('2027-01-03T00:00:00Z');
    const report = timeliness(phases, at('2027-01-14T09:00:00Z'));
    expect(report.phases[0]).toMatchObject({ status: 'late', daysLate: 4, startDaysLate: 2 });
    expect(report.phases[1]).toMatchObject({ status: 'not_started', daysLate: 0 });
  });

  it('judges the cycle overall by the adoption phase’s end against the planned end', () => {
    const phases = plan();
    for (const p of phases) {
      p.actualStart = at(`${p.plannedStart}T09:00:00Z`);
      p.actualEnd = at(`${p.plannedEnd}T09:00:00Z`);
    }
    expect(timeliness(phases, at('2027-06-01T00:00:00Z')).overall).toMatchObject({
      status: 'on_time',
      daysLate: 0,
      actualEnd: '2027-03-01',
    });
    phases[5]!.actualEnd = at('2027-03-04T09:00:00Z');
    expect(timeliness(phases, at('2027-06-01T00:00:00Z')).overall).toMatchObject({
      status: 'late',
      daysLate: 3,
      phasesLate: 1,
    });
  });

  it('handles a cycle with no phases', () => {
    expect(timeliness([], at('2027-01-01T00:00:00Z')).overall).toMatchObject({
      status: 'not_started',
      plannedEnd: null,
      daysLate: 0,
    });
  });
});

describe('nonRespondents', () => {
  it('lists all 11 Member States, Timor-Leste included, when nobody responded', () => {
    expect(nonRespondents([])).toEqual([...MEMBER_STATE_CODES]);
    expect(nonRespondents([])).toHaveLength(11);
    expect(nonRespondents([])).toContain('TL');
  });
  it('leaves out respondents, keeps the order, and ignores duplicates and unknown codes', () => {
    expect(nonRespondents(['ID', 'ID', 'XX', 'BN'])).toEqual(
      MEMBER_STATE_CODES.filter((c) => c !== 'ID' && c !== 'BN'),
    );
    expect(nonRespondents(MEMBER_STATE_CODES)).toEqual([]);
  });
});

describe('assessment ratings', () => {
  const scope = { actionAreaIds: ['C1.1', 'C1.2'], criterionKeys: ['relevance', 'effectiveness'] };
  it('accepts a partial draft but a submission must rate every area against every criterion', () => {
    const partial = [{ actionAreaId: 'C1.1', criterionKey: 'relevance', rating: 4 }];
    expect(checkRatings(partial, scope, 'draft')).toEqual({});
    expect(checkRatings(partial, scope, 'submit')).toEqual({ ratings: ['review.assessmentIncomplete'] });
    expect(unratedCells(partial, scope)).toHaveLength(3);
    const full = scope.actionAreaIds.flatMap((a) =>
      scope.criterionKeys.map((c) => ({ actionAreaId: a, criterionKey: c, rating: 3 })),
    );
    expect(checkRatings(full, scope, 'submit')).toEqual({});
    expect(checkRatings([], { actionAreaIds: [], criterionKeys: [] }, 'submit')).toEqual({});
  });
  it('refuses unknown areas and criteria, ratings off the scale and the same cell twice, by index', () => {
    const errors = checkRatings(
      [
        { actionAreaId: 'C9.9', criterionKey: 'relevance', rating: 3 },
        { actionAreaId: 'C1.1', criterionKey: 'beauty', rating: 3 },
        { actionAreaId: 'C1.1', criterionKey: 'relevance', rating: 6 },
        { actionAreaId: 'C1.1', criterionKey: 'relevance', rating: 1 },
        { actionAreaId: 'C1.2', criterionKey: 'relevance', rating: 1 },
        { actionAreaId: 'C1.2', criterionKey: 'effectiveness', rating: 5 },
      ],
      scope,
      'draft',
    );
    expect(errors).toEqual({
      'ratings.0': ['validation.unknownActionArea'],
      'ratings.1': ['validation.unknownFrameworkCriterion'],
      'ratings.2': ['validation.invalidOption'],
      'ratings.3': ['validation.duplicateRating'],
    });
  });
  it('summarises by action (every area, rated or not) and by state, with who has not responded', () => {
    const summary = summariseAssessments(
      [
        {
          memberState: 'ID',
          ratings: [
            { actionAreaId: 'C1.1', criterionKey: 'relevance', rating: 4 },
            { actionAreaId: 'C1.1', criterionKey: 'effectiveness', rating: 2 },
          ],
        },
        { memberState: 'TL', ratings: [{ actionAreaId: 'C1.1', criterionKey: 'relevance', rating: 5 }] },
      ],
      scope,
    );
    expect(summary.byAction[0]).toMatchObject({
      actionAreaId: 'C1.1',
      overall: { count: 3, mean: 3.67, min: 2, max: 5 },
    });
    expect(summary.byAction[0]?.byCriterion.relevance).toEqual({ count: 2, mean: 4.5, min: 4, max: 5 });
    expect(summary.byAction[1]).toMatchObject({ actionAreaId: 'C1.2', overall: { count: 0, mean: null } });
    expect(summary.byState.map((s) => s.memberState)).toEqual(['ID', 'TL']);
    expect(summary.nonRespondents).toHaveLength(9);
    expect(summary.nonRespondents).not.toContain('TL');
  });
});

describe('canAdopt', () => {
  const accepted = { kind: 'accepted' as const };
  it('refuses while any edit is unresolved and names them in order', () => {
    expect(
      canAdopt([
        { id: 'a', resolution: null },
        { id: 'b', resolution: accepted },
        { id: 'c', resolution: null },
      ]),
    ).toEqual({
      ok: false,
      reason: 'review.unresolvedEdits',
      unresolved: ['a', 'c'],
    });
  });
  it('has nothing to adopt with no edits or only rejected ones', () => {
    expect(canAdopt([])).toMatchObject({ ok: false, reason: 'review.nothingToAdopt' });
    expect(canAdopt([{ id: 'a', resolution: { kind: 'rejected' } }])).toMatchObject({
      ok: false,
      reason: 'review.nothingToAdopt',
    });
  });
  it('adopts once every edit is resolved and one is accepted', () => {
    expect(
      canAdopt([
        { id: 'a', resolution: { kind: 'rejected' } },
        { id: 'b', resolution: { kind: 'accepted_with_changes' } },
      ]),
    ).toEqual({ ok: true });
  });
  it('applies the final text instead of the proposal, and nothing of rejected edits', () => {
    expect(
      adoptedPayloads([
        { id: 'a', payload: 'proposal a', resolution: accepted },
        {
          id: 'b',
          payload: 'proposal b',
          resolution: { kind: 'accepted_with_changes', finalPayload: 'final b' },
        },
        { id: 'c', payload: 'proposal c', resolution: { kind: 'rejected' } },
        { id: 'd', payload: 'proposal d', resolution: null },
      ]),
    ).toEqual(['proposal a', 'final b']);
  });
});

describe('cycleContentAccess', () => {
  const open = { audience: 'all_participants' as const, published: false };
  const closed = { audience: 'member_states' as const, published: false };
  const stakeholder = { role: 'stakeholder' as const };
  const state = { role: 'member_state' as const };

  it('lets the Secretariat read every cycle in every stage', () => {
    for (const stage of ['not_started', ...CYCLE_PHASES, 'adopted'] as const)
      expect(cycleContentAccess(closed, stage, { role: 'secretariat' })).toEqual({ ok: true });
  });

  it('keeps a members-only cycle from stakeholders and visitors until its record is published', () => {
    for (const stage of ['not_started', ...CYCLE_PHASES] as const) {
      expect(cycleContentAccess(closed, stage, stakeholder)).toEqual({
        ok: false,
        reason: 'review.notInAudience',
      });
      expect(cycleContentAccess(closed, stage, null)).toEqual({ ok: false, reason: 'review.notInAudience' });
    }
    expect(cycleContentAccess({ ...closed, published: true }, 'adopted', null)).toEqual({ ok: true });
    expect(cycleContentAccess({ ...closed, published: true }, 'adopted', stakeholder)).toEqual({ ok: true });
  });

  it('opens to the audience from the comment period on, never to visitors signed out before publication', () => {
    expect(cycleContentAccess(open, 'drafting', stakeholder)).toEqual({
      ok: false,
      reason: 'review.editsNotOpen',
    });
    expect(cycleContentAccess(closed, 'drafting', state)).toEqual({
      ok: false,
      reason: 'review.editsNotOpen',
    });
    for (const stage of ['comment_period', 'finalisation', 'adoption'] as const) {
      expect(cycleContentAccess(open, stage, stakeholder)).toEqual({ ok: true });
      expect(cycleContentAccess(closed, stage, state)).toEqual({ ok: true });
      expect(cycleContentAccess(open, stage, null)).toEqual({ ok: false, reason: 'review.notInAudience' });
    }
  });
});

describe('canSeeComment', () => {
  const confidential = { confidential: true, authorUserId: 'author' };
  const publication = '2027-02-01';
  const before = at('2027-01-31T23:59:59Z');
  const onTheDay = at('2027-02-01T00:00:00Z');
  it('shows a confidential comment to the Secretariat, Member States and its author before the publication day', () => {
    expect(canSeeComment(confidential, { id: 's', role: 'secretariat' }, publication, before)).toBe(true);
    expect(canSeeComment(confidential, { id: 'm', role: 'member_state' }, publication, before)).toBe(true);
    expect(canSeeComment(confidential, { id: 'author', role: 'stakeholder' }, publication, before)).toBe(
      true,
    );
    expect(canSeeComment(confidential, { id: 'other', role: 'stakeholder' }, publication, before)).toBe(
      false,
    );
    expect(canSeeComment(confidential, null, publication, before)).toBe(false);
  });
  it('shows it to everyone from the publication day (UTC)', () => {
    expect(canSeeComment(confidential, { id: 'other', role: 'stakeholder' }, publication, onTheDay)).toBe(
      true,
    );
    expect(canSeeComment(confidential, null, publication, onTheDay)).toBe(true);
  });
  it('always shows comments that are not confidential', () => {
    expect(canSeeComment({ confidential: false, authorUserId: null }, null, publication, before)).toBe(true);
  });
});
