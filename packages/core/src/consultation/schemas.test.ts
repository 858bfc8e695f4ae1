import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getCatalogue } from '../catalogue';
import {
  contributionDraftInput,
  facilitatedContributionInput,
  feedbackItemInput,
  localizedTextField,
  moderationInput,
  questionInput,
  registrationInput,
  representationTarget,
  roundInput,
  submitContributionInput,
  answerValue,
} from './schemas';
import { fieldErrors } from './test-helpers';

const catalogue = getCatalogue();

const firstArea = catalogue.actionAreas[0]!;
const firstSub = firstArea.subActions[0]!;

function validRound(overrides: Record<string, unknown> = {}) {
  return {
    title: { en: 'Youth voices on AI literacy' },
    description: { en: 'What should C1.1 deliver for young people?' },
    format: 'online_consultation',
    actionIds: [firstArea.id],
    audience: 'public',
    languages: ['en', 'th'],
    opensAt: '2026-11-01T00:00:00Z',
    closesAt: '2026-12-01T23:59:00+07:00',
    targets: [],
    ...overrides,
  };
}

describe('localizedTextField', () => {
  const field = localizedTextField(50);

  it('requires English', () => {
    expect(fieldErrors(field.safeParse({ th: 'สวัสดี' }))).toEqual({ en: ['validation.englishRequired'] });
    expect(fieldErrors(field.safeParse({ en: '   ' }))).toEqual({ en: ['validation.englishRequired'] });
  });

  it('drops blank translations and trims the rest', () => {
    expect(field.parse({ en: ' Hello ', ms: '', th: '  ', vi: ' Xin chào ', km: null })).toEqual({
      en: 'Hello',
      vi: 'Xin chào',
    });
  });

  it('refuses languages that are not the Member States’ and over-long text', () => {
    expect(fieldErrors(field.safeParse({ en: 'x', fr: 'Bonjour' }))).toEqual({
      '': ['validation.unknownField'],
    });
    expect(fieldErrors(field.safeParse({ en: 'x', th: 'ก'.repeat(51) }))).toEqual({
      th: ['validation.tooLong'],
    });
  });
});

describe('roundInput', () => {
  it('turns deadlines with an offset into UTC instants', () => {
    const round = roundInput.parse(validRound());
    expect(round.closesAt.toISOString()).toBe('2026-12-01T16:59:00.000Z');
    expect(round.opensAt).toBeInstanceOf(Date);
  });

  it('refuses a deadline without an offset, which would mean the server’s local time', () => {
    expect(fieldErrors(roundInput.safeParse(validRound({ closesAt: '2026-12-01T23:59:00' })))).toEqual({
      closesAt: ['validation.datetime'],
    });
  });

  it('requires closesAt after opensAt, reported on closesAt', () => {
    const same = validRound({ opensAt: '2026-12-01T16:59:00Z', closesAt: '2026-12-01T23:59:00+07:00' });
    expect(fieldErrors(roundInput.safeParse(same))).toEqual({ closesAt: ['validation.closesBeforeOpens'] });
  });

  it('accepts action-area and sub-action ids in any case, stored as the catalogue spells them, and refuses others', () => {
    const round = roundInput.parse(
      validRound({ actionIds: [firstSub.id.toLowerCase(), firstArea.id, ` ${firstArea.id} `] }),
    );
    expect(round.actionIds).toEqual([firstSub.id, firstArea.id]);
    expect(fieldErrors(roundInput.safeParse(validRound({ actionIds: [firstArea.id, 'C9.9'] })))).toEqual({
      'actionIds.1': ['validation.unknownAction'],
    });
  });

  it('requires invited groups for an invited audience and a board for a board audience', () => {
    expect(
      fieldErrors(roundInput.safeParse(validRound({ audience: 'invited_groups', invitedGroups: [] }))),
    ).toEqual({
      invitedGroups: ['validation.invitedGroupsRequired'],
    });
    expect(fieldErrors(roundInput.safeParse(validRound({ audience: 'board' })))).toEqual({
      boardId: ['validation.boardRequired'],
    });
    const invited = roundInput.parse(
      validRound({ audience: 'invited_groups', invitedGroups: ['academia', 'academia'] }),
    );
    expect(invited.invitedGroups).toEqual(['academia']);
  });

  it('drops audience details that no longer apply', () => {
    const round = roundInput.parse(
      validRound({ audience: 'public', invitedGroups: ['industry'], boardId: randomUUID() }),
    );
    expect(round.invitedGroups).toEqual([]);
    expect(round.boardId).toBeUndefined();
  });

  it('requires English among the languages', () => {
    expect(fieldErrors(roundInput.safeParse(validRound({ languages: ['th', 'lo'] })))).toEqual({
      languages: ['validation.englishRequired'],
    });
  });

  it('rejects duplicate representation targets', () => {
    const target = { dimension: 'member_state', value: 'LA', minimum: 5 };
    expect(
      fieldErrors(roundInput.safeParse(validRound({ targets: [target, { ...target, minimum: 9 }] }))),
    ).toEqual({
      'targets.1.value': ['validation.duplicateTarget'],
    });
  });

  describe('event', () => {
    const event = (overrides: Record<string, unknown>) =>
      validRound({
        format: 'town_hall',
        event: {
          startsAt: '2026-11-20T09:00:00+07:00',
          endsAt: '2026-11-20T12:00:00+07:00',
          timezone: 'Asia/Bangkok',
          accommodationsOffered: ['sign_language', 'captioning'],
          ...overrides,
        },
      });

    it('needs a venue in person, a link online, both when hybrid', () => {
      expect(fieldErrors(roundInput.safeParse(event({ mode: 'in_person' })))).toEqual({
        'event.venue': ['validation.venueRequired'],
      });
      expect(fieldErrors(roundInput.safeParse(event({ mode: 'online', venue: 'Hall A' })))).toEqual({
        'event.link': ['validation.linkRequired'],
      });
      expect(fieldErrors(roundInput.safeParse(event({ mode: 'hybrid', venue: '', link: '' })))).toEqual({
        'event.venue': ['validation.venueRequired'],
        'event.link': ['validation.linkRequired'],
      });
      const hybrid = roundInput.parse(
        event({ mode: 'hybrid', venue: 'Hall A', link: 'https://meet.example.org/x' }),
      );
      expect(hybrid.event).toMatchObject({ venue: 'Hall A', link: 'https://meet.example.org/x' });
    });

    it('drops a venue from an online event and a link from an in-person one', () => {
      const online = roundInput.parse(
        event({ mode: 'online', venue: 'Hall A', link: 'https://meet.example.org/x' }),
      );
      expect(online.event?.venue).toBeUndefined();
      const inPerson = roundInput.parse(
        event({ mode: 'in_person', venue: 'Hall A', link: 'https://meet.example.org/x' }),
      );
      expect(inPerson.event?.link).toBeUndefined();
    });

    it('only takes https links, a positive whole capacity, a real time zone, and an end after the start', () => {
      expect(
        fieldErrors(roundInput.safeParse(event({ mode: 'online', link: 'http://meet.example.org/x' }))),
      ).toEqual({
        'event.link': ['validation.url'],
      });
      expect(
        Object.keys(
          fieldErrors(roundInput.safeParse(event({ mode: 'in_person', venue: 'Hall', capacity: 0 }))),
        ),
      ).toEqual(['event.capacity']);
      expect(
        Object.keys(
          fieldErrors(roundInput.safeParse(event({ mode: 'in_person', venue: 'Hall', capacity: 2.5 }))),
        ),
      ).toEqual(['event.capacity']);
      expect(
        fieldErrors(
          roundInput.safeParse(event({ mode: 'in_person', venue: 'Hall', timezone: 'Asia/Atlantis' })),
        ),
      ).toEqual({
        'event.timezone': ['validation.timezone'],
      });
      expect(
        fieldErrors(
          roundInput.safeParse(
            event({ mode: 'in_person', venue: 'Hall', endsAt: '2026-11-20T09:00:00+07:00' }),
          ),
        ),
      ).toEqual({ 'event.endsAt': ['validation.endsBeforeStarts'] });
    });
  });
});

describe('representationTarget', () => {
  it('checks the value against its dimension', () => {
    expect(
      representationTarget.safeParse({ dimension: 'member_state', value: 'TL', minimum: 1 }).success,
    ).toBe(true);
    expect(representationTarget.safeParse({ dimension: 'language', value: 'tet', minimum: 1 }).success).toBe(
      true,
    );
    expect(
      fieldErrors(representationTarget.safeParse({ dimension: 'member_state', value: 'tet', minimum: 1 })),
    ).toEqual({
      value: ['validation.invalidOption'],
    });
    expect(
      Object.keys(
        fieldErrors(representationTarget.safeParse({ dimension: 'language', value: 'th', minimum: 0 })),
      ),
    ).toEqual(['minimum']);
  });
});

describe('questionInput', () => {
  const option = (en: string) => ({ en });

  it('needs 2 to 20 options for choice and ranking questions', () => {
    for (const kind of ['single_choice', 'multiple_choice', 'ranking']) {
      expect(
        fieldErrors(questionInput.safeParse({ kind, prompt: option('Q'), options: [option('a')] })),
      ).toEqual({
        options: ['validation.optionsRequired'],
      });
      const many = Array.from({ length: 21 }, (_, i) => option(`o${i}`));
      expect(
        Object.keys(fieldErrors(questionInput.safeParse({ kind, prompt: option('Q'), options: many }))),
      ).toEqual(['options']);
      expect(
        questionInput.parse({ kind, prompt: option('Q'), options: [option('a'), option('b')] }).options,
      ).toHaveLength(2);
    }
  });

  it('needs a scale for Likert questions and drops what does not belong to the kind', () => {
    expect(fieldErrors(questionInput.safeParse({ kind: 'likert', prompt: option('Q') }))).toEqual({
      likert: ['validation.likertRequired'],
    });
    expect(
      fieldErrors(
        questionInput.safeParse({
          kind: 'likert',
          prompt: option('Q'),
          likert: { points: 6, minLabel: option('a'), maxLabel: option('b') },
        }),
      ),
    ).toEqual({ 'likert.points': ['validation.invalidOption'] });
    const text = questionInput.parse({
      kind: 'free_text',
      prompt: option('Q'),
      options: [option('a'), option('b')],
    });
    expect(text.options).toEqual([]);
    expect(text.required).toBe(false);
  });
});

describe('answerValue', () => {
  it('wraps the per-kind checks for a single form field', () => {
    const ranking = answerValue({ kind: 'ranking', required: true, options: ['a', 'b', 'c'] });
    expect(ranking.parse([2, 0, 1])).toEqual([2, 0, 1]);
    expect(fieldErrors(ranking.safeParse([2, 0]))).toEqual({ '': ['validation.rankingIncomplete'] });
    expect(
      answerValue({ kind: 'ranking', required: true, options: ['a', 'b', 'c'] }, 'draft').parse([2, 0]),
    ).toEqual([2, 0]);
    expect(answerValue({ kind: 'free_text', required: false, options: [] }).parse('  ')).toBeUndefined();
  });
});

describe('feedbackItemInput', () => {
  it('trims text, requires some, and accepts only catalogue ids', () => {
    expect(feedbackItemInput.parse({ type: 'concern', text: '  Too fast  ', actionId: '' })).toEqual({
      type: 'concern',
      text: 'Too fast',
    });
    expect(fieldErrors(feedbackItemInput.safeParse({ type: 'concern', text: '   ' }))).toEqual({
      text: ['validation.required'],
    });
    expect(fieldErrors(feedbackItemInput.safeParse({ type: 'praise', text: 'x' }))).toEqual({
      type: ['validation.invalidOption'],
    });
    expect(
      feedbackItemInput.parse({ type: 'question', text: 'x', actionId: firstSub.id.toLowerCase() }).actionId,
    ).toBe(firstSub.id);
    expect(fieldErrors(feedbackItemInput.safeParse({ type: 'question', text: 'x', actionId: 'Z1' }))).toEqual(
      {
        actionId: ['validation.unknownAction'],
      },
    );
  });
});

describe('contributions', () => {
  const base = () => ({
    roundId: randomUUID(),
    answers: {},
    stakeholderGroup: 'civil_society',
    writtenIn: 'km',
  });

  it('a draft drops a blank item being typed; a submission refuses it', () => {
    const items = [
      { type: 'suggestion', text: '' },
      { type: 'concern', text: 'Data sovereignty' },
    ];
    expect(contributionDraftInput.parse({ ...base(), items }).items).toEqual([
      { type: 'concern', text: 'Data sovereignty' },
    ]);
    expect(
      fieldErrors(submitContributionInput.safeParse({ ...base(), items, idempotencyKey: randomUUID() })),
    ).toEqual({
      'items.0.text': ['validation.required'],
    });
  });

  it('a draft still checks shapes and lengths', () => {
    expect(
      Object.keys(
        fieldErrors(
          contributionDraftInput.safeParse({
            ...base(),
            items: [{ type: 'concern', text: 'x'.repeat(10_001) }],
          }),
        ),
      ),
    ).toEqual(['items.0.text']);
    const tooMany = Array.from({ length: 21 }, () => ({ type: 'concern', text: 'x' }));
    expect(Object.keys(fieldErrors(contributionDraftInput.safeParse({ ...base(), items: tooMany })))).toEqual(
      ['items'],
    );
    expect(
      Object.keys(fieldErrors(contributionDraftInput.safeParse({ ...base(), answers: { q1: 'x' } }))),
    ).toEqual(['answers.q1']);
  });

  it('defaults to not named publicly and treats blank optional fields as absent', () => {
    const draft = contributionDraftInput.parse({ ...base(), memberState: '', organisationName: '  ' });
    expect(draft.namedPublicly).toBe(false);
    expect(draft.memberState).toBeUndefined();
    expect(draft.organisationName).toBeUndefined();
  });

  it('a submission needs an idempotency key', () => {
    expect(Object.keys(fieldErrors(submitContributionInput.safeParse(base())))).toEqual(['idempotencyKey']);
  });

  it('facilitated entry adds the participant and a note', () => {
    const entry = facilitatedContributionInput.parse({
      ...base(),
      idempotencyKey: randomUUID(),
      participantName: ' Sok ',
    });
    expect(entry.participantName).toBe('Sok');
  });
});

describe('registration and moderation', () => {
  it('states needs as a set, and caps free text', () => {
    const parsed = registrationInput.parse({
      roundId: randomUUID(),
      accommodationsNeeded: ['captioning', 'captioning', 'easy_read'],
    });
    expect(parsed.accommodationsNeeded).toEqual(['captioning', 'easy_read']);
    expect(
      Object.keys(
        fieldErrors(registrationInput.safeParse({ roundId: randomUUID(), otherNeeds: 'x'.repeat(1001) })),
      ),
    ).toEqual(['otherNeeds']);
    expect(
      fieldErrors(registrationInput.safeParse({ roundId: randomUUID(), accommodationsNeeded: ['jetpack'] })),
    ).toEqual({
      'accommodationsNeeded.0': ['validation.invalidOption'],
    });
  });

  it('hides only for a listed reason', () => {
    expect(moderationInput.safeParse({ contributionId: randomUUID(), reason: 'spam' }).success).toBe(true);
    expect(
      fieldErrors(moderationInput.safeParse({ contributionId: randomUUID(), reason: 'disagree' })),
    ).toEqual({
      reason: ['validation.invalidOption'],
    });
  });
});
