import { describe, expect, it } from 'vitest';
import { answerSchema } from './answers';

function messages(input: unknown): string[] {
  const result = answerSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('answerSchema', () => {
  it('accepts any subset of Q1–Q40 answered yes, partial or no', () => {
    const input = { answers: { Q1: 'yes', Q6: 'no', Q25: 'partial', Q40: 'no' } };
    expect(answerSchema.parse(input)).toEqual(input);
    expect(answerSchema.parse({ answers: {} })).toEqual({ answers: {} });
  });

  it('rejects an unknown criterion and names it', () => {
    const found = messages({ answers: { Q1: 'yes', Q41: 'yes', q2: 'no' } });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/Q41.*unknown criterion "Q41".*Q1–Q40/);
    expect(found[1]).toMatch(/unknown criterion "q2"/);
  });

  it('rejects an answer other than yes, partial or no and names the criterion and the value', () => {
    expect(messages({ answers: { Q3: 'maybe' } })).toEqual([
      'answers.Q3: unknown answer "maybe" for Q3: expected "yes", "partial" or "no"',
    ]);
    expect(messages({ answers: { Q3: 'Yes' } })[0]).toMatch(/unknown answer "Yes"/);
    expect(messages({ answers: { Q3: 3 } })[0]).toMatch(/unknown answer 3/);
    expect(messages({ answers: { Q3: null } })[0]).toMatch(/unknown answer null/);
  });

  it('explains the expected shape when answers is missing or not an object', () => {
    for (const input of [{}, { answers: ['yes'] }, { answers: 'Q1=yes' }]) {
      expect(messages(input)[0]).toMatch(/answers must be an object mapping criteria/);
    }
    expect(messages(null)[0]).toMatch(/\{ "answers": \{ "Q1"/);
  });
});
