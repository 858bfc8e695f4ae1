import { describe, expect, it } from 'vitest';
import type { Question } from '../data';
import { respondSchema, toInput, type Values } from './values';

const question = (id: string, kind: string, extra: Partial<Question> = {}): Question => ({
  id,
  position: 0,
  kind,
  prompt: { en: kind },
  help: null,
  required: false,
  options: [{ en: 'A' }, { en: 'B' }, { en: 'C' }],
  likert: kind === 'likert' ? { points: 5, minLabel: { en: 'Low' }, maxLabel: { en: 'High' } } : null,
  ...extra,
});

const ids = {
  text: '00000000-0000-4000-8000-000000000001',
  single: '00000000-0000-4000-8000-000000000002',
  multiple: '00000000-0000-4000-8000-000000000003',
  likert: '00000000-0000-4000-8000-000000000004',
  ranking: '00000000-0000-4000-8000-000000000005',
};
const round = {
  id: '00000000-0000-4000-8000-0000000000aa',
  questions: [
    question(ids.text, 'free_text', { required: true }),
    question(ids.single, 'single_choice'),
    question(ids.multiple, 'multiple_choice'),
    question(ids.likert, 'likert'),
    question(ids.ranking, 'ranking'),
  ],
};

const values = (overrides: Partial<Values> = {}): Values => ({
  answers: {
    [ids.text]: '',
    [ids.single]: '',
    [ids.multiple]: [],
    [ids.likert]: '',
    [ids.ranking]: undefined,
  },
  items: [],
  stakeholderGroup: 'civil_society',
  memberState: '',
  organisationName: ' ',
  writtenIn: 'en',
  namedPublicly: false,
  ...overrides,
});

const issues = async (schema: ReturnType<typeof respondSchema>, v: Values) => {
  const result = await schema.safeParseAsync(v);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('toInput', () => {
  it('turns what the fields hold into what the API stores, leaving out what was not answered', () => {
    const input = toInput(
      round,
      values({
        answers: {
          [ids.text]: '  Interpreters  ',
          [ids.single]: '1',
          [ids.multiple]: ['2', '0'],
          [ids.likert]: '',
          [ids.ranking]: [2, 0, 1],
        },
        items: [{ type: 'concern', text: 'Cost', actionId: '' }],
      }),
    );
    expect(input).toEqual({
      roundId: round.id,
      answers: {
        [ids.text]: 'Interpreters',
        [ids.single]: 1,
        [ids.multiple]: [0, 2],
        [ids.ranking]: [2, 0, 1],
      },
      items: [{ type: 'concern', text: 'Cost', actionId: undefined }],
      stakeholderGroup: 'civil_society',
      memberState: undefined,
      organisationName: undefined,
      writtenIn: 'en',
      namedPublicly: false,
    });
  });
});

describe('respondSchema', () => {
  it('checks the round’s rules on each question’s own field, as the API does', async () => {
    const found = await issues(
      respondSchema(round, false),
      values({ stakeholderGroup: '', answers: { ...values().answers, [ids.ranking]: [1] } }),
    );
    expect(found).toEqual({
      stakeholderGroup: 'validation.stakeholderGroup',
      [`answers.${ids.text}`]: 'validation.required',
      [`answers.${ids.ranking}`]: 'validation.rankingIncomplete',
    });
  });

  it('on a retry after a lost answer, checks only what the API checks before finding the first receipt', async () => {
    await expect(issues(respondSchema(round, true), values())).resolves.toEqual({});
    await expect(issues(respondSchema(round, true), values({ stakeholderGroup: '' }))).resolves.toEqual({
      stakeholderGroup: 'validation.stakeholderGroup',
    });
  });
});
