import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../consultation/test-helpers';
import {
  boardInput,
  boardTargetsField,
  callInput,
  nominationInput,
  scoreNominationInput,
  seatInput,
  sessionInput,
  surveyAnswerInput,
} from './schemas';

const board = {
  name: { en: 'Regional AI Advisory Board' },
  scope: 'regional',
  mandate: { en: 'Advise on C2.1' },
  actionIds: ['c2.1', 'C2.1.1', 'C2.1'],
  lifeStartsOn: '2026-01-01',
  lifeEndsOn: '2028-12-31',
  seatCapacity: 12,
};

describe('boardInput', () => {
  it('normalises action ids to the catalogue’s spelling, once each, and drops a state left over from another scope', () => {
    const parsed = boardInput.parse({ ...board, memberState: 'ID' });
    expect(parsed.actionIds).toEqual(['C2.1', 'C2.1.1']);
    expect(parsed.memberState).toBeUndefined();
    expect(parsed.targets).toEqual([]);
    expect(parsed.published).toBe(false);
  });

  it('a Member State board needs its state; life cannot end before it starts; unknown actions are refused', () => {
    expect(fieldErrors(boardInput.safeParse({ ...board, scope: 'member_state' }))).toEqual({
      memberState: ['board.validation.memberStateRequired'],
    });
    expect(fieldErrors(boardInput.safeParse({ ...board, lifeEndsOn: '2025-12-31' }))).toEqual({
      lifeEndsOn: ['board.validation.lifeEndsBeforeStart'],
    });
    expect(fieldErrors(boardInput.safeParse({ ...board, lifeStartsOn: '2026-02-30' }))).toEqual({
      lifeStartsOn: ['board.validation.date'],
    });
    expect(fieldErrors(boardInput.safeParse({ ...board, actionIds: ['Z9.9'] }))).toEqual({
      'actionIds.0': ['validation.unknownAction'],
    });
    // One day of life is allowed.
    expect(boardInput.safeParse({ ...board, lifeEndsOn: '2026-01-01' }).success).toBe(true);
  });

  it('accepts each kind of target and refuses a repeated one or a percentage outside 1–100', () => {
    const targets = [
      { kind: 'min_share', constituencies: ['women', 'youth', 'women'], minPercent: 40 },
      { kind: 'min_count', constituency: 'industry', minCount: 1 },
      { kind: 'max_per_member_state', maxSeats: 2 },
      { kind: 'max_gender_share', maxPercent: 60 },
    ];
    expect(boardTargetsField.parse(targets)[0]).toEqual({
      kind: 'min_share',
      constituencies: ['women', 'youth'],
      minPercent: 40,
    });
    expect(
      fieldErrors(boardTargetsField.safeParse([...targets, { kind: 'max_per_member_state', maxSeats: 3 }])),
    ).toEqual({ '4.kind': ['board.validation.duplicateTarget'] });
    expect(fieldErrors(boardTargetsField.safeParse([{ kind: 'max_gender_share', maxPercent: 101 }]))).toEqual(
      { '0.maxPercent': ['board.validation.percent'] },
    );
    expect(
      fieldErrors(boardTargetsField.safeParse([{ kind: 'min_share', constituencies: [], minPercent: 40 }])),
    ).toEqual({ '0.constituencies': ['board.validation.constituencyRequired'] });
    expect(boardTargetsField.safeParse([{ kind: 'most_seats' }]).success).toBe(false);
  });

  it('selection criteria need distinct keys', () => {
    const criteria = [
      { key: 'lived_experience', label: { en: 'Lived experience' } },
      { key: 'lived_experience', label: { en: 'Again' } },
    ];
    expect(fieldErrors(boardInput.safeParse({ ...board, selectionCriteria: criteria }))).toEqual({
      'selectionCriteria.1.key': ['board.validation.duplicateCriterion'],
    });
    expect(
      boardInput.parse({ ...board, selectionCriteria: criteria.slice(0, 1) }).selectionCriteria[0]!.weight,
    ).toBe(1);
  });
});

describe('seats, calls, nominations', () => {
  it('a seat’s term must not end before it starts', () => {
    const seat = {
      boardId: crypto.randomUUID(),
      email: ' Person@Example.org ',
      termStartsOn: '2026-02-01',
      termEndsOn: '2026-01-31',
      constituencies: ['women'],
    };
    expect(fieldErrors(seatInput.safeParse(seat))).toEqual({
      termEndsOn: ['board.validation.termEndsBeforeStart'],
    });
    expect(seatInput.parse({ ...seat, termEndsOn: '2026-02-01' })).toMatchObject({
      email: 'person@example.org',
      role: 'member',
      listedPublicly: false,
    });
  });

  it('a call closes after it opens', () => {
    const call = {
      boardId: crypto.randomUUID(),
      description: { en: 'Apply' },
      opensAt: '2026-11-01T00:00:00Z',
      closesAt: '2026-11-01T00:00:00Z',
    };
    expect(fieldErrors(callInput.safeParse(call))).toEqual({
      closesAt: ['board.validation.closesBeforeOpens'],
    });
  });

  it('nominating someone else needs their name and e-mail; gender is self-declared only', () => {
    const base = {
      callId: crypto.randomUUID(),
      constituencies: ['youth'],
      motivation: 'I run a youth network',
      gender: 'woman',
    };
    expect(fieldErrors(nominationInput.safeParse({ ...base, self: false }))).toEqual({
      nomineeName: ['board.validation.nomineeRequired'],
      nomineeEmail: ['board.validation.nomineeRequired'],
    });
    const other = nominationInput.parse({
      ...base,
      self: false,
      nomineeName: 'Ana',
      nomineeEmail: 'ANA@example.org',
    });
    expect(other).toMatchObject({ nomineeEmail: 'ana@example.org', gender: undefined });
    expect(nominationInput.parse({ ...base, self: true, nomineeName: 'ignored' })).toMatchObject({
      nomineeName: undefined,
      gender: 'woman',
    });
    expect(fieldErrors(nominationInput.safeParse({ ...base, self: true, motivation: '  ' }))).toEqual({
      motivation: ['validation.required'],
    });
  });

  it('scores are whole numbers 0–5 per criterion key', () => {
    const id = crypto.randomUUID();
    expect(
      scoreNominationInput.safeParse({ nominationId: id, scores: { reach: 5, lived_experience: 0 } }).success,
    ).toBe(true);
    expect(scoreNominationInput.safeParse({ nominationId: id, scores: { reach: 6 } }).success).toBe(false);
    expect(scoreNominationInput.safeParse({ nominationId: id, scores: { reach: 2.5 } }).success).toBe(false);
  });
});

describe('sessions and the survey', () => {
  const session = {
    boardId: crypto.randomUUID(),
    kind: 'consultation',
    mode: 'hybrid',
    method: 'focus_group',
    title: { en: 'First consultation' },
    startsAt: '2026-12-01T02:00:00Z',
    endsAt: '2026-12-01T05:00:00Z',
    venue: 'ASEAN Secretariat, Jakarta',
    link: 'https://meet.example.org/board',
    agenda: [{ title: 'Welcome' }, { title: 'AI in public services', actionId: 'C2.1.1' }],
  };
  it('a hybrid session needs a venue and a link; an online one drops a leftover venue', () => {
    expect(fieldErrors(sessionInput.safeParse({ ...session, venue: '', link: '' }))).toEqual({
      venue: ['board.validation.venueRequired'],
      link: ['board.validation.linkRequired'],
    });
    expect(sessionInput.parse({ ...session, mode: 'online' })).toMatchObject({
      venue: undefined,
      link: 'https://meet.example.org/board',
      languages: ['en'],
    });
    expect(fieldErrors(sessionInput.safeParse({ ...session, endsAt: session.startsAt }))).toEqual({
      endsAt: ['board.validation.endsBeforeStarts'],
    });
  });

  it('survey answers are 1–5 and unsigned unless the member chooses to sign', () => {
    const id = crypto.randomUUID();
    expect(surveyAnswerInput.parse({ sessionId: id, satisfaction: 1, trust: 5 })).toMatchObject({
      signed: false,
    });
    expect(fieldErrors(surveyAnswerInput.safeParse({ sessionId: id, satisfaction: 0, trust: 6 }))).toEqual({
      satisfaction: ['validation.invalidOption'],
      trust: ['validation.invalidOption'],
    });
  });
});
