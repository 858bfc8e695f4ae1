import { describe, expect, it } from 'vitest';
import { roundInput, type RepresentationTarget } from './schemas';
import {
  acceptsContributions,
  acceptsRegistrations,
  canCancelRegistration,
  canTransitionRound,
  placesToFill,
  eventChangeProblem,
  eventChangesForAttendees,
  formatReceiptReference,
  isReceiptReference,
  localized,
  normaliseReceiptReference,
  receiptCodeFromBytes,
  registrationDecision,
  representationGaps,
  roundPhase,
  tallyParticipation,
  validateAnswers,
  validateSubmission,
  wordCount,
  type AnswerableQuestion,
} from './rules';
import { RECEIPT_ALPHABET, ROUND_ACTIONS, ROUND_PHASES } from './vocabulary';

const at = (iso: string) => new Date(iso);
const schedule = {
  publishedAt: at('2026-10-01T00:00:00Z'),
  opensAt: at('2026-11-01T00:00:00Z'),
  closesAt: at('2026-12-01T16:59:00Z'),
  summaryPublishedAt: null,
};

describe('roundPhase', () => {
  it('is draft until published, upcoming before opening, open until the deadline, then closed', () => {
    expect(roundPhase({ ...schedule, publishedAt: null }, at('2026-11-15T00:00:00Z'))).toBe('draft');
    expect(roundPhase(schedule, at('2026-10-15T00:00:00Z'))).toBe('upcoming');
    expect(roundPhase(schedule, schedule.opensAt)).toBe('open');
    expect(roundPhase(schedule, at('2026-12-01T16:58:59.999Z'))).toBe('open');
    expect(roundPhase(schedule, at('2027-01-01T00:00:00Z'))).toBe('closed');
    expect(
      roundPhase({ ...schedule, summaryPublishedAt: at('2027-01-10T00:00:00Z') }, at('2027-01-10T00:00:00Z')),
    ).toBe('summary_published');
  });

  it('treats the instant of a deadline given with an offset as closed, whatever the reader’s zone', () => {
    const round = roundInput.parse({
      title: { en: 'T' },
      description: { en: 'D' },
      format: 'survey',
      audience: 'public',
      opensAt: '2026-11-01T00:00:00+07:00',
      closesAt: '2026-12-01T23:59:00+07:00',
    });
    const s = {
      publishedAt: at('2026-10-01T00:00:00Z'),
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      summaryPublishedAt: null,
    };
    // The same instant, written in three zones.
    for (const deadline of [
      '2026-12-01T23:59:00+07:00',
      '2026-12-01T16:59:00Z',
      '2026-12-01T11:59:00-05:00',
    ]) {
      expect(roundPhase(s, at(deadline))).toBe('closed');
      expect(acceptsContributions(s, at(deadline))).toEqual({ ok: false, reason: 'round.closed' });
    }
    expect(acceptsContributions(s, at('2026-12-01T23:58:59+07:00'))).toEqual({ ok: true });
  });

  it('does not count a publication or summary stamped in the future', () => {
    const now = at('2026-11-15T00:00:00Z');
    expect(roundPhase({ ...schedule, publishedAt: at('2026-11-16T00:00:00Z') }, now)).toBe('draft');
    expect(roundPhase({ ...schedule, summaryPublishedAt: at('2026-11-16T00:00:00Z') }, now)).toBe('open');
  });
});

describe('acceptsContributions', () => {
  it('gives the reason a round refuses', () => {
    expect(acceptsContributions({ ...schedule, publishedAt: null }, at('2026-11-15T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'round.draft',
    });
    expect(acceptsContributions(schedule, at('2026-10-31T23:59:59Z'))).toEqual({
      ok: false,
      reason: 'round.notOpenYet',
    });
    expect(acceptsContributions(schedule, at('2026-11-15T00:00:00Z'))).toEqual({ ok: true });
    expect(
      acceptsContributions(
        { ...schedule, summaryPublishedAt: at('2027-01-01T00:00:00Z') },
        at('2027-02-01T00:00:00Z'),
      ),
    ).toEqual({ ok: false, reason: 'round.closed' });
  });
});

describe('canTransitionRound', () => {
  const allowed: Record<string, string[]> = {
    publish: ['draft'],
    unpublish: ['upcoming'],
    close_early: ['open'],
    publish_summary: ['closed'],
    reopen: ['closed'],
  };
  it.each(ROUND_ACTIONS)('%s is allowed only from its phase', (action) => {
    for (const phase of ROUND_PHASES)
      expect(canTransitionRound(phase, action)).toBe(allowed[action]!.includes(phase));
  });
});

const q = (
  id: string,
  kind: AnswerableQuestion['kind'],
  extra: Partial<AnswerableQuestion> = {},
): AnswerableQuestion => ({
  id,
  kind,
  required: true,
  options:
    kind === 'single_choice' || kind === 'multiple_choice' || kind === 'ranking' ? ['a', 'b', 'c'] : [],
  ...(kind === 'likert' ? { likert: { points: 5 } } : {}),
  ...extra,
});
const questions = [
  q('text', 'free_text'),
  q('one', 'single_choice'),
  q('many', 'multiple_choice'),
  q('scale', 'likert'),
  q('rank', 'ranking'),
];
const complete = { text: 'More teacher training', one: 2, many: [0, 2], scale: 5, rank: [1, 2, 0] };

describe('validateAnswers', () => {
  it('accepts complete answers in both modes', () => {
    expect(validateAnswers(questions, complete, 'submit')).toEqual({});
    expect(validateAnswers(questions, complete, 'draft')).toEqual({});
  });

  it('lets a draft leave required questions unanswered but not a submission', () => {
    const partial = { text: '  ', many: [] };
    expect(validateAnswers(questions, partial, 'draft')).toEqual({});
    const errors = validateAnswers(questions, partial, 'submit');
    expect(Object.keys(errors).sort()).toEqual([
      'answers.many',
      'answers.one',
      'answers.rank',
      'answers.scale',
      'answers.text',
    ]);
    expect(Object.values(errors).every((e) => e.length === 1 && e[0] === 'validation.required')).toBe(true);
    expect(
      validateAnswers(
        questions.map((x) => ({ ...x, required: false })),
        partial,
        'submit',
      ),
    ).toEqual({});
  });

  it('needs a ranking to be a permutation of the options', () => {
    expect(validateAnswers(questions, { ...complete, rank: [1, 1, 0] }, 'submit')).toEqual({
      'answers.rank': ['validation.duplicateOption'],
    });
    expect(validateAnswers(questions, { ...complete, rank: [1, 3, 0] }, 'submit')).toEqual({
      'answers.rank': ['validation.invalidOption'],
    });
    expect(validateAnswers(questions, { ...complete, rank: [1, 0] }, 'submit')).toEqual({
      'answers.rank': ['validation.rankingIncomplete'],
    });
    // A partial ranking can be saved while the participant is still ordering; duplicates never can.
    expect(validateAnswers(questions, { ...complete, rank: [1, 0] }, 'draft')).toEqual({});
    expect(validateAnswers(questions, { ...complete, rank: [1, 1] }, 'draft')).toEqual({
      'answers.rank': ['validation.duplicateOption'],
    });
  });

  it('keeps Likert answers within 1..points', () => {
    for (const inside of [1, 5])
      expect(validateAnswers(questions, { ...complete, scale: inside }, 'submit')).toEqual({});
    for (const outside of [0, 6, -1]) {
      expect(validateAnswers(questions, { ...complete, scale: outside }, 'draft')).toEqual({
        'answers.scale': ['validation.invalidOption'],
      });
    }
    expect(validateAnswers(questions, { ...complete, scale: 2.5 }, 'draft')).toEqual({
      'answers.scale': ['validation.invalidType'],
    });
    const seven = [q('scale', 'likert', { likert: { points: 7 } })];
    expect(validateAnswers(seven, { scale: 7 }, 'submit')).toEqual({});
  });

  it('checks option indexes and value types', () => {
    expect(validateAnswers(questions, { ...complete, one: 3 }, 'draft')).toEqual({
      'answers.one': ['validation.invalidOption'],
    });
    expect(validateAnswers(questions, { ...complete, one: '1' }, 'draft')).toEqual({
      'answers.one': ['validation.invalidType'],
    });
    expect(validateAnswers(questions, { ...complete, many: [0, 0] }, 'draft')).toEqual({
      'answers.many': ['validation.duplicateOption'],
    });
    expect(validateAnswers(questions, { ...complete, many: 1 }, 'draft')).toEqual({
      'answers.many': ['validation.invalidType'],
    });
    expect(validateAnswers(questions, { ...complete, text: 42 }, 'draft')).toEqual({
      'answers.text': ['validation.invalidType'],
    });
    expect(validateAnswers(questions, { ...complete, text: 'x'.repeat(10_001) }, 'draft')).toEqual({
      'answers.text': ['validation.tooLong'],
    });
  });

  it('refuses answers to questions the round does not have, even odd keys', () => {
    expect(validateAnswers(questions, { ...complete, ghost: 'x' }, 'draft')).toEqual({
      'answers.ghost': ['validation.unknownQuestion'],
    });
    const odd = JSON.parse('{"__proto__": 1, "constructor": 2}') as Record<string, unknown>;
    expect(Object.keys(validateAnswers([], odd, 'draft')).sort()).toEqual([
      'answers.__proto__',
      'answers.constructor',
    ]);
  });
});

describe('validateSubmission', () => {
  const optional = questions.map((x) => ({ ...x, required: false }));

  it('refuses an empty contribution', () => {
    expect(validateSubmission(optional, { answers: {}, items: [] })).toEqual({
      items: ['validation.emptyContribution'],
    });
    expect(validateSubmission(optional, { answers: { text: '   ' }, items: [] })).toEqual({
      items: ['validation.emptyContribution'],
    });
  });

  it('accepts one answer or one feedback item', () => {
    expect(validateSubmission(optional, { answers: { scale: 3 }, items: [] })).toEqual({});
    expect(validateSubmission(optional, { answers: {}, items: [{ type: 'concern', text: 'x' }] })).toEqual(
      {},
    );
  });

  it('also applies the submission rules to answers', () => {
    expect(validateSubmission(questions, { answers: complete, items: [] })).toEqual({});
    expect(
      Object.keys(validateSubmission(questions, { answers: { text: 'only this' }, items: [] })).sort(),
    ).toEqual(['answers.many', 'answers.one', 'answers.rank', 'answers.scale']);
  });
});

describe('stakeholder mapping', () => {
  const people = [
    { stakeholderGroup: 'civil_society', memberState: 'KH', writtenIn: 'km' },
    { stakeholderGroup: 'civil_society', memberState: 'KH', writtenIn: 'km' },
    { stakeholderGroup: 'industry', memberState: 'SG', writtenIn: 'en' },
    { stakeholderGroup: 'individual', memberState: null, writtenIn: 'th' },
  ];

  it('counts by group, state and language, and by their combination', () => {
    const tally = tallyParticipation(people);
    expect(tally.total).toBe(people.length);
    expect(tally.byStakeholderGroup).toEqual({ civil_society: 2, industry: 1, individual: 1 });
    expect(tally.byMemberState).toEqual({ KH: 2, SG: 1 });
    expect(tally.unspecifiedMemberState).toBe(1);
    expect(tally.byLanguage).toEqual({ km: 2, en: 1, th: 1 });
    expect(tally.byGroupStateLanguage[0]).toEqual({
      stakeholderGroup: 'civil_society',
      memberState: 'KH',
      writtenIn: 'km',
      count: 2,
    });
    expect(tally.byGroupStateLanguage.reduce((sum, cell) => sum + cell.count, 0)).toBe(people.length);
  });

  it('tallies grouped records (with a count) exactly as the contributions they stand for', () => {
    const grouped = [
      { stakeholderGroup: 'civil_society', memberState: 'KH', writtenIn: 'km', count: 2 },
      { stakeholderGroup: 'industry', memberState: 'SG', writtenIn: 'en', count: 1 },
      { stakeholderGroup: 'individual', memberState: null, writtenIn: 'th', count: 1 },
      { stakeholderGroup: 'academia', memberState: 'VN', writtenIn: 'vi', count: 0 },
    ];
    expect(tallyParticipation(grouped)).toEqual(tallyParticipation(people));
  });

  it('has an empty tally that leaves every target unmet', () => {
    const tally = tallyParticipation([]);
    expect(tally).toEqual({
      total: 0,
      byStakeholderGroup: {},
      byMemberState: {},
      unspecifiedMemberState: 0,
      byLanguage: {},
      byGroupStateLanguage: [],
    });
    const targets: RepresentationTarget[] = [{ dimension: 'language', value: 'lo', minimum: 3 }];
    expect(representationGaps(tally, targets)).toEqual([{ target: targets[0], actual: 0, shortfall: 3 }]);
  });

  it('meets a target exactly at its minimum and flags one below', () => {
    const tally = tallyParticipation(people);
    const atThreshold: RepresentationTarget = { dimension: 'member_state', value: 'KH', minimum: 2 };
    const oneBelow: RepresentationTarget = { dimension: 'stakeholder_group', value: 'industry', minimum: 2 };
    expect(representationGaps(tally, [atThreshold, oneBelow])).toEqual([
      { target: oneBelow, actual: 1, shortfall: 1 },
    ]);
  });

  it('lists the largest shortfall first, ties in the order the secretariat set them', () => {
    const tally = tallyParticipation(people);
    const targets: RepresentationTarget[] = [
      { dimension: 'member_state', value: 'LA', minimum: 2 },
      { dimension: 'stakeholder_group', value: 'academia', minimum: 5 },
      { dimension: 'language', value: 'my', minimum: 2 },
    ];
    expect(representationGaps(tally, targets).map((g) => g.target)).toEqual([
      targets[1],
      targets[0],
      targets[2],
    ]);
  });

  it('does not mistake Object’s own keys for counts', () => {
    const tally = tallyParticipation([
      { stakeholderGroup: 'constructor', memberState: 'toString', writtenIn: '__proto__' },
    ]);
    expect(tally.byLanguage).toEqual({ ['__proto__']: 1 });
    expect(
      representationGaps(tallyParticipation([]), [
        { dimension: 'language', value: 'constructor', minimum: 1 },
      ])[0]?.actual,
    ).toBe(0);
  });
});

describe('receipt references', () => {
  it('formats year and code in two groups of four', () => {
    expect(formatReceiptReference(2026, '7k3q9xta')).toBe('MSY-2026-7K3Q-9XTA');
    expect(isReceiptReference('MSY-2026-7K3Q-9XTA')).toBe(true);
  });

  it('never contains I, L, O or U, and refuses codes that would', () => {
    expect(RECEIPT_ALPHABET).toHaveLength(32);
    expect(RECEIPT_ALPHABET).not.toMatch(/[ILOU]/);
    for (const bad of ['7K3Q9XTO', '7K3Q9XTI', '7K3Q9XTL', '7K3Q9XTU', '7K3Q9XT', '7K3Q9XTA1'])
      expect(() => formatReceiptReference(2026, bad)).toThrow(RangeError);
    expect(isReceiptReference('MSY-2026-7K3Q-9XTO')).toBe(false);
    expect(() => formatReceiptReference(26, '7K3Q9XTA')).toThrow(RangeError);
  });

  it('reads what a participant retypes from a paper receipt', () => {
    expect(normaliseReceiptReference(' msy 2026 7k3q 9xta ')).toBe('MSY-2026-7K3Q-9XTA');
    expect(normaliseReceiptReference('MSY-2026-OOIL-0000')).toBe('MSY-2026-0011-0000');
    expect(normaliseReceiptReference('MSY-2026-UUUU-0000')).toBeNull();
    expect(normaliseReceiptReference('hello')).toBeNull();
  });

  it('maps 40 random bits onto the alphabet', () => {
    expect(receiptCodeFromBytes(new Uint8Array([0, 0, 0, 0, 0]))).toBe('0'.repeat(8));
    expect(receiptCodeFromBytes(new Uint8Array([255, 255, 255, 255, 255]))).toBe(
      RECEIPT_ALPHABET[31]!.repeat(8),
    );
    expect(() => receiptCodeFromBytes(new Uint8Array(4))).toThrow(RangeError);
  });
});

describe('localized', () => {
  const text = { en: 'Consultation', th: 'การรับฟังความคิดเห็น', ms: 'Konsultasi', zh: '' };

  it('takes the first preferred language that has text, matching regional tags', () => {
    expect(localized(text, ['lo', 'th-TH', 'ms'])).toEqual({ text: text.th, language: 'th' });
    expect(localized(text, ['ms-MY'])).toEqual({ text: text.ms, language: 'ms' });
  });

  it('falls back to English, skipping blank translations', () => {
    expect(localized(text, ['zh-Hans-SG'])).toEqual({ text: 'Consultation', language: 'en' });
    expect(localized(text, [])).toEqual({ text: 'Consultation', language: 'en' });
  });
});

describe('wordCount', () => {
  it('segments Thai, which has no spaces between words', () => {
    // "I love the Thai language": ฉัน / รัก / ภาษา / ไทย.
    expect(wordCount('ฉันรักภาษาไทย', 'th')).toBe(4);
    expect(wordCount('ฉันรักภาษาไทย', 'th')).toBe(wordCount('ฉัน รัก ภาษา ไทย', 'th'));
  });

  it('counts words, not punctuation or spaces', () => {
    expect(wordCount('  AI, for everyone!  ', 'en')).toBe(3);
    expect(wordCount('', 'en')).toBe(0);
    expect(wordCount('two words', 'not a locale')).toBe(2);
  });
});

describe('registrationDecision', () => {
  it('waitlists once capacity is reached, never without a capacity', () => {
    expect(registrationDecision(2, 1)).toBe('registered');
    expect(registrationDecision(2, 2)).toBe('waitlisted');
    expect(registrationDecision(null, 10_000)).toBe('registered');
  });
});

describe('acceptsRegistrations', () => {
  const round = {
    publishedAt: at('2026-01-01T00:00:00Z'),
    opensAt: at('2026-02-01T00:00:00Z'),
    closesAt: at('2026-03-01T00:00:00Z'),
    summaryPublishedAt: null,
  };
  const event = { startsAt: at('2026-02-15T02:00:00Z') };
  it('takes registrations from publication until the round closes or the event starts, whichever comes first', () => {
    expect(acceptsRegistrations(round, event, at('2026-01-15T00:00:00Z'))).toEqual({ ok: true });
    expect(acceptsRegistrations(round, event, at('2026-02-15T01:59:59Z'))).toEqual({ ok: true });
    expect(acceptsRegistrations(round, event, at('2026-02-15T02:00:00Z'))).toEqual({
      ok: false,
      reason: 'errors.eventStarted',
    });
    expect(
      acceptsRegistrations(round, { startsAt: at('2026-04-01T00:00:00Z') }, at('2026-03-01T00:00:00Z')),
    ).toEqual({ ok: false, reason: 'round.closed' });
    expect(acceptsRegistrations({ ...round, publishedAt: null }, event, at('2026-01-15T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'round.draft',
    });
    expect(
      acceptsRegistrations(
        { ...round, summaryPublishedAt: at('2026-02-10T00:00:00Z') },
        event,
        at('2026-02-11T00:00:00Z'),
      ),
    ).toEqual({ ok: false, reason: 'round.closed' });
  });
  it('lets a registration be cancelled until the event starts, even after the round closed', () => {
    expect(canCancelRegistration(event, at('2026-02-15T01:59:59Z'))).toEqual({ ok: true });
    expect(canCancelRegistration(event, at('2026-02-15T02:00:00Z'))).toEqual({
      ok: false,
      reason: 'errors.eventStarted',
    });
  });
  it('fills freed places from the waitlist, never beyond the capacity', () => {
    expect(placesToFill(2, 1, 3)).toBe(1);
    expect(placesToFill(2, 2, 3)).toBe(0);
    expect(placesToFill(5, 1, 2)).toBe(2);
    expect(placesToFill(1, 3, 1)).toBe(0);
    expect(placesToFill(null, 10, 4)).toBe(4);
  });
});

describe('isInAudience', () => {
  const base = { invitedGroups: ['civil_society', 'academia'], boardId: null };
  it('public rounds take everyone, invited rounds only the named groups, board rounds only members', async () => {
    const { isInAudience } = await import('./rules');
    expect(isInAudience({ ...base, audience: 'public' }, { stakeholderGroup: null })).toEqual({ ok: true });
    expect(isInAudience({ ...base, audience: 'invited_groups' }, { stakeholderGroup: 'academia' })).toEqual({
      ok: true,
    });
    expect(isInAudience({ ...base, audience: 'invited_groups' }, { stakeholderGroup: 'industry' })).toEqual({
      ok: false,
      reason: 'round.notInvited',
    });
    expect(isInAudience({ ...base, audience: 'invited_groups' }, { stakeholderGroup: null })).toEqual({
      ok: false,
      reason: 'round.notInvited',
    });
    const board = { ...base, audience: 'board', boardId: 'b1' };
    expect(isInAudience(board, { stakeholderGroup: 'civil_society', boardIds: ['b1'] })).toEqual({
      ok: true,
    });
    expect(isInAudience(board, { stakeholderGroup: 'civil_society' })).toEqual({
      ok: false,
      reason: 'round.notInvited',
    });
  });
});

describe('eventChangeProblem', () => {
  const some = { registered: 2, waitlisted: 1 };
  it('refuses fewer places than people hold; as many, more or unlimited is fine', () => {
    expect(eventChangeProblem({ capacity: 1 }, some)).toEqual({
      field: 'event.capacity',
      message: 'round.capacityBelowRegistered',
    });
    expect(eventChangeProblem({ capacity: 2 }, some)).toBeNull();
    expect(eventChangeProblem({ capacity: 9 }, some)).toBeNull();
    expect(eventChangeProblem({ capacity: null }, some)).toBeNull();
    expect(eventChangeProblem({ capacity: 0 }, { registered: 0, waitlisted: 0 })).toBeNull();
  });
  it('refuses removing an event anyone holds or waits for a place at', () => {
    expect(eventChangeProblem(null, some)).toEqual({
      field: 'event',
      message: 'round.eventHasRegistrations',
    });
    expect(eventChangeProblem(null, { registered: 0, waitlisted: 1 })).not.toBeNull();
    expect(eventChangeProblem(null, { registered: 0, waitlisted: 0 })).toBeNull();
  });
});

describe('eventChangesForAttendees', () => {
  const event = {
    mode: 'in_person',
    venue: 'Dili Convention Centre',
    startsAt: '2027-03-01T09:00:00+09:00',
    endsAt: '2027-03-01T12:00:00+09:00',
    timezone: 'Asia/Dili',
  };
  it('names a new time, a new place, or both', () => {
    expect(eventChangesForAttendees(event, { ...event, startsAt: '2027-03-02T09:00:00+09:00' })).toEqual([
      'time',
    ]);
    expect(eventChangesForAttendees(event, { ...event, timezone: 'Asia/Jakarta' })).toEqual(['time']);
    expect(eventChangesForAttendees(event, { ...event, venue: 'Palácio do Governo' })).toEqual(['place']);
    expect(
      eventChangesForAttendees(event, { ...event, mode: 'hybrid', link: 'https://meet.example.org/x' }),
    ).toEqual(['place']);
    expect(
      eventChangesForAttendees(event, { ...event, endsAt: '2027-03-01T13:00:00+09:00', venue: 'Elsewhere' }),
    ).toEqual(['time', 'place']);
  });
  it('finds no change in the same moment written in another offset, or in an absent versus empty link', () => {
    expect(
      eventChangesForAttendees(event, {
        ...event,
        startsAt: '2027-03-01T00:00:00Z',
        endsAt: '2027-03-01T03:00:00.000Z',
        link: undefined,
      }),
    ).toEqual([]);
  });
});
