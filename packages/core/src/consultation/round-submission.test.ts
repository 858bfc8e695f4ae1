import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AnswerableQuestion } from './rules';
import { roundSubmissionInput } from './schemas';
import { fieldErrors } from './test-helpers';

const text: AnswerableQuestion = { id: randomUUID(), kind: 'free_text', required: true, options: [] };
const choice: AnswerableQuestion = {
  id: randomUUID(),
  kind: 'single_choice',
  required: false,
  options: ['a', 'b'],
};
const scale: AnswerableQuestion = {
  id: randomUUID(),
  kind: 'likert',
  required: false,
  options: [],
  likert: { points: 5 },
};
const ranking: AnswerableQuestion = {
  id: randomUUID(),
  kind: 'ranking',
  required: false,
  options: ['x', 'y', 'z'],
};
const schema = roundSubmissionInput([text, choice, scale, ranking]);

const base = {
  roundId: randomUUID(),
  stakeholderGroup: 'civil_society',
  writtenIn: 'en',
  items: [],
};

describe('roundSubmissionInput', () => {
  it('accepts a complete submission and trims what the API trims', () => {
    const result = schema.safeParse({
      ...base,
      answers: { [text.id]: ' Yes ', [choice.id]: 1, [scale.id]: 5 },
    });
    expect(fieldErrors(result)).toEqual({});
    expect(result.data?.answers[text.id]).toBe(' Yes ');
  });

  it('puts each rule of the round on its question: required, option, scale point, complete ranking', () => {
    const result = schema.safeParse({
      ...base,
      answers: { [choice.id]: 2, [scale.id]: 6, [ranking.id]: [1, 0] },
    });
    expect(fieldErrors(result)).toEqual({
      [`answers.${text.id}`]: ['validation.required'],
      [`answers.${choice.id}`]: ['validation.invalidOption'],
      [`answers.${scale.id}`]: ['validation.invalidOption'],
      [`answers.${ranking.id}`]: ['validation.rankingIncomplete'],
    });
  });

  it('refuses text longer than the API stores', () => {
    const result = schema.safeParse({ ...base, answers: { [text.id]: 'x'.repeat(10_001) } });
    expect(fieldErrors(result)).toEqual({ [`answers.${text.id}`]: ['validation.tooLong'] });
  });

  it('asks for something to be said when the round has no required question', () => {
    const optional = roundSubmissionInput([choice]);
    expect(fieldErrors(optional.safeParse({ ...base, answers: {} }))).toEqual({
      items: ['validation.emptyContribution'],
    });
    expect(
      fieldErrors(
        optional.safeParse({ ...base, answers: {}, items: [{ type: 'suggestion', text: 'More' }] }),
      ),
    ).toEqual({});
  });

  it('reports the missing group beside the round’s own rules, and a blank item on its text', () => {
    const result = schema.safeParse({
      ...base,
      stakeholderGroup: undefined,
      answers: {},
      items: [{ type: 'suggestion', text: ' ' }],
    });
    expect(fieldErrors(result)).toEqual({
      stakeholderGroup: ['validation.stakeholderGroup'],
      'items.0.text': ['validation.required'],
      [`answers.${text.id}`]: ['validation.required'],
    });
  });
});
