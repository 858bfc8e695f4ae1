import { describe, expect, it } from 'vitest';
import {
  aggregateSurvey,
  boardMeasures,
  callIsOpen,
  canTransitionBoard,
  participationByMember,
  periodsBetween,
  rsvpIsOpen,
  scoreNomination,
  seatHeldOn,
  seatTermWithinBoardLife,
  sessionAcceptsInput,
  sessionParticipation,
  seatHeldAt,
  surveyIsClosed,
  surveyIsOpen,
  unknownCriteria,
  utcDay,
  boardDay,
  type SessionParticipationInput,
} from './rules';
import { BOARD_STATUSES } from './vocabulary';

const at = (iso: string) => new Date(iso);

describe('seatTermWithinBoardLife', () => {
  const life = { startsOn: '2026-01-01', endsOn: '2027-12-31' };
  it('accepts a term exactly on the board’s first and last day', () => {
    expect(seatTermWithinBoardLife(life, { termStartsOn: '2026-01-01', termEndsOn: '2027-12-31' })).toEqual({
      ok: true,
    });
  });
  it('refuses a term starting the day before the board, or ending the day after it', () => {
    expect(seatTermWithinBoardLife(life, { termStartsOn: '2025-12-31', termEndsOn: '2026-06-30' })).toEqual({
      ok: false,
      field: 'termStartsOn',
      reason: 'board.validation.seatStartsBeforeBoard',
    });
    expect(seatTermWithinBoardLife(life, { termStartsOn: '2026-01-01', termEndsOn: '2028-01-01' })).toEqual({
      ok: false,
      field: 'termEndsOn',
      reason: 'board.validation.seatEndsAfterBoard',
    });
  });
  it('an open-ended board bounds only the start', () => {
    expect(
      seatTermWithinBoardLife(
        { startsOn: '2026-01-01', endsOn: null },
        { termStartsOn: '2026-01-01', termEndsOn: '2040-01-01' },
      ),
    ).toEqual({ ok: true });
  });
  it('a term ending before it starts is refused first; a one-day term is fine', () => {
    expect(
      seatTermWithinBoardLife(life, { termStartsOn: '2026-05-02', termEndsOn: '2026-05-01' }),
    ).toMatchObject({ ok: false, field: 'termEndsOn', reason: 'board.validation.termEndsBeforeStart' });
    expect(seatTermWithinBoardLife(life, { termStartsOn: '2026-05-01', termEndsOn: '2026-05-01' })).toEqual({
      ok: true,
    });
  });
});

describe('seatHeldOn', () => {
  const seat = { termStartsOn: '2026-01-01', termEndsOn: '2026-12-31', endedOn: null };
  it('is held from the first to the last day of the term', () => {
    expect(seatHeldOn(seat, '2025-12-31')).toBe(false);
    expect(seatHeldOn(seat, '2026-01-01')).toBe(true);
    expect(seatHeldOn(seat, '2026-12-31')).toBe(true);
    expect(seatHeldOn(seat, '2027-01-01')).toBe(false);
  });
  it('an ended seat is no longer held from its end day', () => {
    expect(seatHeldOn({ ...seat, endedOn: '2026-06-01' }, '2026-05-31')).toBe(true);
    expect(seatHeldOn({ ...seat, endedOn: '2026-06-01' }, '2026-06-01')).toBe(false);
  });
});

describe('board status and calls', () => {
  it('moves forming → active → dissolved, or forming → dissolved, and never back', () => {
    const allowed = BOARD_STATUSES.flatMap((from) =>
      BOARD_STATUSES.filter((to) => canTransitionBoard(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(['forming→active', 'forming→dissolved', 'active→dissolved']);
  });
  it('a call is open from its opening instant until (not including) its closing instant, and never on a dissolved board', () => {
    const call = { opensAt: at('2026-11-01T00:00:00Z'), closesAt: at('2026-12-01T00:00:00Z') };
    expect(callIsOpen(call, 'active', at('2026-10-31T23:59:59Z'))).toBe(false);
    expect(callIsOpen(call, 'active', at('2026-11-01T00:00:00Z'))).toBe(true);
    expect(callIsOpen(call, 'forming', at('2026-11-15T00:00:00Z'))).toBe(true);
    expect(callIsOpen(call, 'active', at('2026-12-01T00:00:00Z'))).toBe(false);
    expect(callIsOpen(call, 'dissolved', at('2026-11-15T00:00:00Z'))).toBe(false);
  });
  it('session windows: RSVP before the start, input until 30 days after the end, survey from the start', () => {
    const s = { startsAt: at('2026-11-10T09:00:00Z'), endsAt: at('2026-11-10T12:00:00Z') };
    expect(rsvpIsOpen(s, at('2026-11-10T08:59:59Z'))).toBe(true);
    expect(rsvpIsOpen(s, at('2026-11-10T09:00:00Z'))).toBe(false);
    expect(surveyIsOpen(s, at('2026-11-10T08:59:59Z'))).toBe(false);
    expect(surveyIsOpen(s, at('2026-11-10T09:00:00Z'))).toBe(true);
    expect(sessionAcceptsInput(s, at('2026-12-10T11:59:59Z'))).toBe(true);
    expect(sessionAcceptsInput(s, at('2026-12-10T12:00:00Z'))).toBe(false);
    expect(surveyIsOpen(s, at('2026-12-10T12:00:00Z'))).toBe(false);
    expect(surveyIsClosed(s, at('2026-12-10T12:00:00Z'))).toBe(true);
    // Not yet held is not "closed": there are no results to show.
    expect(surveyIsClosed(s, at('2026-11-10T08:00:00Z'))).toBe(false);
  });
  it('the Secretariat can close a survey early, from that instant', () => {
    const s = {
      startsAt: at('2026-11-10T09:00:00Z'),
      endsAt: at('2026-11-10T12:00:00Z'),
      surveyClosedAt: at('2026-11-12T00:00:00Z'),
    };
    expect(surveyIsOpen(s, at('2026-11-11T23:59:59Z'))).toBe(true);
    expect(surveyIsOpen(s, at('2026-11-12T00:00:00Z'))).toBe(false);
    expect(surveyIsClosed(s, at('2026-11-12T00:00:00Z'))).toBe(true);
  });
});

const session = (
  id: string,
  startsAt: string,
  invited: string[],
  attendance: SessionParticipationInput['attendance'],
): SessionParticipationInput => ({
  sessionId: id,
  startsAt: at(startsAt),
  invitedUserIds: invited,
  // Everyone invited or recorded still held a seat, unless a test says otherwise.
  seatedUserIds: [...invited, ...Object.keys(attendance)],
  attendance,
});
const after = at('2026-06-01T00:00:00Z');

describe('participation', () => {
  it('rate = present ÷ invited; excused counts as not present; nobody invited has no rate', () => {
    expect(
      sessionParticipation(
        session('s', '2026-01-01T00:00:00Z', ['a', 'b', 'c', 'd'], {
          a: 'present',
          b: 'excused',
          c: 'absent',
        }),
        after,
      ),
    ).toEqual({ invited: 4, present: 1, rate: 25, held: true });
    expect(sessionParticipation(session('s', '2026-01-01T00:00:00Z', [], {}), after)).toEqual({
      invited: 0,
      present: 0,
      rate: null,
      held: true,
    });
  });
  it('a walk-in recorded present without an invitation counts as invited', () => {
    expect(
      sessionParticipation(session('s', '2026-01-01T00:00:00Z', ['a'], { b: 'present' }), after),
    ).toEqual({ invited: 2, present: 1, rate: 50, held: true });
  });
  it('invitations of people no longer seated at the session (resigned, removed, account deleted) do not count', () => {
    // a and b invited; b resigned before the session; a attended: 100 % of those still seated, not 50 %.
    const s = { ...session('s', '2026-01-01T00:00:00Z', ['a', 'b'], { a: 'present' }), seatedUserIds: ['a'] };
    expect(sessionParticipation(s, at('2026-02-01T00:00:00Z'))).toMatchObject({
      invited: 1,
      present: 1,
      rate: 100,
    });
    // Someone recorded present took part, seated or not.
    const walkIn = {
      ...session('s', '2026-01-01T00:00:00Z', ['a'], { a: 'present', c: 'present', d: 'absent' }),
      seatedUserIds: ['a'],
    };
    expect(sessionParticipation(walkIn, at('2026-02-01T00:00:00Z'))).toMatchObject({
      invited: 2,
      present: 2,
      rate: 100,
    });
    const members = participationByMember([s], at('2026-02-01T00:00:00Z'));
    expect(members.map((m) => m.userId)).toEqual(['a']);
    const [q] = boardMeasures({
      from: at('2026-01-01T00:00:00Z'),
      now: at('2026-02-01T00:00:00Z'),
      period: 'quarter',
      targets: [],
      marginalised: [],
      seats: [],
      sessions: [s],
      inputsAt: [],
      nominationsAt: [],
      surveys: [],
    });
    expect(q!.participation).toMatchObject({ sessions: 1, invited: 1, present: 1, rate: 100 });
  });
  it('seatHeldAt: a seat ended before a session (recorded before it, or dated to an earlier day) or whose term ran out does not hold', () => {
    const starts = at('2026-05-10T03:00:00Z'); // 10:00 in Jakarta, 2026-05-10
    const seat = { termEndsOn: '2027-01-01', endedOn: null, endedAt: null };
    expect(seatHeldAt(seat, starts)).toBe(true);
    expect(seatHeldAt({ ...seat, termEndsOn: '2026-05-09' }, starts)).toBe(false);
    // Resigned that morning, recorded before the session: gone.
    expect(seatHeldAt({ ...seat, endedOn: '2026-05-10', endedAt: at('2026-05-10T01:00:00Z') }, starts)).toBe(
      false,
    );
    // Resignation dated to that day but recorded after the session: was still there.
    expect(seatHeldAt({ ...seat, endedOn: '2026-05-10', endedAt: at('2026-05-10T09:00:00Z') }, starts)).toBe(
      true,
    );
    // Recorded later but dated to an earlier day: gone.
    expect(seatHeldAt({ ...seat, endedOn: '2026-05-07', endedAt: at('2026-05-12T09:00:00Z') }, starts)).toBe(
      false,
    );
  });
  it('a session not yet held has no rate (not 0 %)', () => {
    const future = session('f', '2026-03-01T00:00:00Z', ['a', 'b'], {});
    expect(sessionParticipation(future, at('2026-02-01T00:00:00Z'))).toEqual({
      invited: 2,
      present: 0,
      rate: null,
      held: false,
    });
    expect(sessionParticipation(future, at('2026-03-02T00:00:00Z'))).toEqual({
      invited: 2,
      present: 0,
      rate: 0,
      held: true,
    });
  });
  it('per member over time: held sessions only, oldest first', () => {
    const sessions = [
      session('s2', '2026-03-01T00:00:00Z', ['a', 'b'], { a: 'absent', b: 'present' }),
      session('s1', '2026-01-01T00:00:00Z', ['a'], { a: 'present' }),
      session('future', '2027-01-01T00:00:00Z', ['a', 'b'], {}),
    ];
    const members = participationByMember(sessions, at('2026-06-01T00:00:00Z'));
    const a = members.find((m) => m.userId === 'a')!;
    expect(a).toMatchObject({ invited: 2, present: 1, rate: 50 });
    expect(a.history.map((h) => [h.sessionId, h.status])).toEqual([
      ['s1', 'present'],
      ['s2', 'absent'],
    ]);
    expect(members.find((m) => m.userId === 'b')).toMatchObject({ invited: 1, present: 1, rate: 100 });
  });
});

describe('aggregateSurvey', () => {
  const answer = (satisfaction: number, trust: number, signed = false) => ({ satisfaction, trust, signed });
  const closed = { closed: true };
  it('no answers: nothing to show', () => {
    expect(aggregateSurvey([], closed)).toEqual({
      responses: 0,
      suppressed: false,
      withheldBecause: null,
      satisfaction: null,
      trust: null,
    });
  });
  it('while the survey is open only the count is shown, however many answered', () => {
    const many = [answer(5, 4), answer(4, 4), answer(3, 1), answer(2, 2)];
    expect(aggregateSurvey(many, { closed: false })).toMatchObject({
      responses: 4,
      suppressed: true,
      withheldBecause: 'survey_open',
      satisfaction: null,
    });
  });
  it('one or two unsigned answers are never aggregated (each would be readable)', () => {
    expect(aggregateSurvey([answer(5, 4)], closed)).toMatchObject({
      responses: 1,
      suppressed: true,
      withheldBecause: 'too_few_unsigned',
      satisfaction: null,
    });
    // Even next to signed answers: subtracting them would reveal the unsigned ones.
    expect(
      aggregateSurvey([answer(5, 4), answer(2, 2, true), answer(3, 3, true), answer(1, 1)], closed),
    ).toMatchObject({ responses: 4, suppressed: true });
  });
  it('from three unsigned answers (exactly the minimum) of a closed survey, means and distributions are shown', () => {
    const result = aggregateSurvey([answer(5, 4), answer(4, 4), answer(3, 1)], closed);
    expect(result).toMatchObject({ responses: 3, suppressed: false, withheldBecause: null });
    expect(result.satisfaction).toEqual({ mean: 4, distribution: [0, 0, 1, 1, 1] });
    expect(result.trust).toEqual({ mean: 3, distribution: [1, 0, 0, 2, 0] });
  });
  it('signed answers alone may be aggregated, even while open: nothing anonymous to protect', () => {
    expect(aggregateSurvey([answer(2, 3, true)], { closed: false })).toMatchObject({
      suppressed: false,
      satisfaction: { mean: 2 },
    });
  });
});

describe('scoreNomination', () => {
  const criteria = [
    { key: 'lived_experience', weight: 2 },
    { key: 'reach', weight: 1 },
  ];
  it('weighted percentage of the best possible; a missing score counts as 0 and marks the score incomplete', () => {
    expect(scoreNomination(criteria, { lived_experience: 5, reach: 5 })).toEqual({
      total: 100,
      complete: true,
      missing: [],
    });
    expect(scoreNomination(criteria, { lived_experience: 5 })).toEqual({
      total: 66.7,
      complete: false,
      missing: ['reach'],
    });
    expect(scoreNomination(criteria, { lived_experience: 0, reach: 0 })).toEqual({
      total: 0,
      complete: true,
      missing: [],
    });
  });
  it('a board without criteria has no score', () => {
    expect(scoreNomination([], {})).toEqual({ total: null, complete: true, missing: [] });
  });
  it('names scores given for criteria the board does not have', () => {
    expect(unknownCriteria(criteria, { reach: 3, charisma: 5 })).toEqual(['charisma']);
  });
});

describe('periods and the four measures', () => {
  it('quarters and months in UTC, inclusive of both ends', () => {
    expect(
      periodsBetween(at('2026-02-15T00:00:00Z'), at('2026-07-01T00:00:00Z'), 'quarter').map((p) => p.key),
    ).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(
      periodsBetween(at('2026-11-30T23:00:00Z'), at('2027-01-01T00:00:00Z'), 'month').map((p) => p.key),
    ).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(utcDay(at('2026-11-30T23:00:00-05:00'))).toBe('2026-12-01');
    // Board days are Jakarta's (UTC+7): 17:30 UTC is already the next day there, 16:59 UTC is not.
    expect(boardDay(at('2026-11-23T17:30:00Z'))).toBe('2026-11-24');
    expect(boardDay(at('2026-11-23T16:59:00Z'))).toBe('2026-11-23');
  });

  it('measures representation at the end of each period, participation, engagement and satisfaction within it', () => {
    const seats = [
      {
        termStartsOn: '2026-01-01',
        termEndsOn: '2027-12-31',
        endedOn: null,
        role: 'member',
        constituencies: ['women'],
        memberState: 'PH',
        gender: 'woman',
      },
      {
        termStartsOn: '2026-01-01',
        termEndsOn: '2027-12-31',
        endedOn: null,
        role: 'member',
        constituencies: ['industry'],
        memberState: 'ID',
        gender: 'man',
      },
      // Joins in Q2: representation rises from 50 % to 66.7 %.
      {
        termStartsOn: '2026-05-01',
        termEndsOn: '2027-12-31',
        endedOn: null,
        role: 'member',
        constituencies: ['youth'],
        memberState: 'TL',
        gender: null,
      },
      {
        termStartsOn: '2026-01-01',
        termEndsOn: '2027-12-31',
        endedOn: null,
        role: 'observer',
        constituencies: ['youth'],
        memberState: 'SG',
        gender: null,
      },
    ];
    const result = boardMeasures({
      from: at('2026-01-10T00:00:00Z'),
      now: at('2026-06-15T00:00:00Z'),
      period: 'quarter',
      targets: [{ kind: 'min_share', constituencies: ['women', 'youth'], minPercent: 60 }],
      marginalised: ['women', 'youth'],
      seats,
      sessions: [
        session('q1', '2026-02-01T09:00:00Z', ['a', 'b'], { a: 'present', b: 'absent' }),
        session('q2', '2026-05-10T09:00:00Z', ['a', 'b', 'c'], { a: 'present', b: 'present', c: 'present' }),
      ],
      inputsAt: [at('2026-02-01T10:00:00Z'), at('2026-05-10T10:00:00Z'), at('2026-05-11T10:00:00Z')],
      nominationsAt: [at('2026-04-02T00:00:00Z')],
      surveys: [
        {
          sessionId: 'q1',
          sessionStartsAt: at('2026-02-01T09:00:00Z'),
          closed: true,
          answers: [{ satisfaction: 5, trust: 5, signed: false }],
        },
        {
          sessionId: 'q2',
          sessionStartsAt: at('2026-05-10T09:00:00Z'),
          closed: true,
          answers: [3, 4, 5].map((v) => ({ satisfaction: v, trust: v - 1, signed: false })),
        },
        // Still open: left out although it has enough answers.
        {
          sessionId: 'q2b',
          sessionStartsAt: at('2026-06-14T09:00:00Z'),
          closed: false,
          answers: [1, 1, 1].map((v) => ({ satisfaction: v, trust: v, signed: false })),
        },
      ],
    });
    expect(result.map((r) => r.period)).toEqual(['2026-Q1', '2026-Q2']);
    const [q1, q2] = result;
    expect(q1!.representation).toEqual({
      countedSeats: 2,
      marginalisedPercent: 50,
      targetsMet: 0,
      targetsTotal: 1,
    });
    expect(q2!.representation).toEqual({
      countedSeats: 3,
      marginalisedPercent: 66.7,
      targetsMet: 1,
      targetsTotal: 1,
    });
    expect(q1!.participation).toEqual({ sessions: 1, invited: 2, present: 1, rate: 50 });
    expect(q2!.participation).toEqual({ sessions: 1, invited: 3, present: 3, rate: 100 });
    expect(q1!.engagement).toEqual({ inputs: 1, nominations: 0, total: 1 });
    expect(q2!.engagement).toEqual({ inputs: 2, nominations: 1, total: 3 });
    // Q1's single unsigned answer is withheld; Q2's three are shown.
    expect(q1!.satisfaction).toEqual({ responses: 0, satisfactionMean: null, trustMean: null });
    expect(q2!.satisfaction).toEqual({ responses: 3, satisfactionMean: 4, trustMean: 3 });
  });

  it('an empty board over one period: nothing counted, no rates', () => {
    const [only] = boardMeasures({
      from: at('2026-01-01T00:00:00Z'),
      now: at('2026-01-02T00:00:00Z'),
      period: 'month',
      targets: [],
      marginalised: [],
      seats: [],
      sessions: [],
      inputsAt: [],
      nominationsAt: [],
      surveys: [],
    });
    expect(only).toMatchObject({
      period: '2026-01',
      representation: { countedSeats: 0, marginalisedPercent: null, targetsMet: 0, targetsTotal: 0 },
      participation: { sessions: 0, rate: null },
      satisfaction: { responses: 0, satisfactionMean: null },
    });
  });
});
