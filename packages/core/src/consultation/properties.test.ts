import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatReceiptReference,
  isReceiptReference,
  normaliseReceiptReference,
  receiptCodeFromBytes,
  representationGaps,
  roundPhase,
  tallyParticipation,
  validateAnswers,
  validateSubmission,
  type AnswerableQuestion,
} from './rules';
import { answerValue } from './schemas';
import { LIKERT_POINTS, QUESTION_KINDS, ROUND_PHASES } from './vocabulary';

const DAY = 86_400_000;
const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2031, 0, 1) });

const schedule = fc
  .record({
    publishedAt: fc.option(instant, { nil: null }),
    opensAt: instant,
    length: fc.integer({ min: 1, max: 90 * DAY }),
    summaryAfter: fc.option(fc.integer({ min: 0, max: 60 * DAY }), { nil: null }),
  })
  .map(({ publishedAt, opensAt, length, summaryAfter }) => ({
    publishedAt: publishedAt === null ? null : new Date(publishedAt),
    opensAt: new Date(opensAt),
    closesAt: new Date(opensAt + length),
    summaryPublishedAt: summaryAfter === null ? null : new Date(opensAt + length + summaryAfter),
  }));

const question: fc.Arbitrary<AnswerableQuestion> = fc
  .record({
    id: fc.uuid(),
    kind: fc.constantFrom(...QUESTION_KINDS),
    required: fc.boolean(),
    optionCount: fc.integer({ min: 2, max: 20 }),
    points: fc.constantFrom(...LIKERT_POINTS),
  })
  .map(({ id, kind, required, optionCount, points }) => ({
    id,
    kind,
    required,
    options:
      kind === 'single_choice' || kind === 'multiple_choice' || kind === 'ranking'
        ? Array.from({ length: optionCount }, String)
        : [],
    ...(kind === 'likert' ? { likert: { points } } : {}),
  }));

/** A valid complete answer for a question, drawn at random. */
const validAnswer = (q: AnswerableQuestion): fc.Arbitrary<unknown> => {
  const n = q.options.length;
  switch (q.kind) {
    case 'free_text':
      return fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== '');
    case 'single_choice':
      return fc.integer({ min: 0, max: n - 1 });
    case 'multiple_choice':
      return fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n });
    case 'likert':
      return fc.integer({ min: 1, max: q.likert?.points ?? 1 });
    case 'ranking':
      return fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      );
  }
};

describe('properties', () => {
  it('roundPhase never moves backwards as time passes', () => {
    fc.assert(
      fc.property(schedule, instant, fc.integer({ min: 0, max: 400 * DAY }), (round, t, later) => {
        const before = ROUND_PHASES.indexOf(roundPhase(round, new Date(t)));
        const after = ROUND_PHASES.indexOf(roundPhase(round, new Date(t + later)));
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('validateAnswers never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.array(question, { maxLength: 6 }),
        fc.oneof(fc.dictionary(fc.string(), fc.anything()), fc.anything()),
        fc.constantFrom('draft' as const, 'submit' as const),
        (questions, answers, mode) => {
          const errors = validateAnswers(questions, answers as Record<string, unknown>, mode);
          for (const [key, messages] of Object.entries(errors)) {
            expect(key === 'answers' || key.startsWith('answers.')).toBe(true);
            expect(messages.length).toBeGreaterThan(0);
          }
          expect(() =>
            validateSubmission(questions, { answers: answers as Record<string, unknown>, items: [] }),
          ).not.toThrow();
        },
      ),
    );
  });

  it('arbitrary values under real question ids never throw either, and answerValue agrees with validateAnswers', () => {
    fc.assert(
      fc.property(
        question,
        fc.anything(),
        fc.constantFrom('draft' as const, 'submit' as const),
        (q, value, mode) => {
          const errors = validateAnswers([q], { [q.id]: value }, mode);
          expect(answerValue(q, mode).safeParse(value).success).toBe(errors[`answers.${q.id}`] === undefined);
        },
      ),
    );
  });

  it('complete valid answers pass in submit mode, and every subset of them passes as a draft', () => {
    const answered = fc
      .array(question, { minLength: 1, maxLength: 6 })
      .chain((questions) =>
        fc.tuple(
          fc.constant(questions),
          fc.tuple(...questions.map(validAnswer)),
          fc.array(fc.boolean(), { minLength: questions.length, maxLength: questions.length }),
        ),
      );
    fc.assert(
      fc.property(answered, ([questions, values, keep]) => {
        const all = Object.fromEntries(questions.map((q, i) => [q.id, values[i]]));
        expect(validateAnswers(questions, all, 'submit')).toEqual({});
        const some = Object.fromEntries(questions.filter((_, i) => keep[i]).map((q) => [q.id, all[q.id]]));
        expect(validateAnswers(questions, some, 'draft')).toEqual({});
      }),
    );
  });

  it('a target is a gap exactly when the tally is below its minimum', () => {
    const languages = ['en', 'th', 'lo', 'km'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            stakeholderGroup: fc.constant('academia'),
            memberState: fc.constant(null),
            writtenIn: fc.constantFrom(...languages),
          }),
        ),
        fc.constantFrom(...languages),
        fc.integer({ min: 1, max: 30 }),
        (people, value, minimum) => {
          const actual = people.filter((p) => p.writtenIn === value).length;
          const gaps = representationGaps(tallyParticipation(people), [
            { dimension: 'language', value, minimum },
          ]);
          expect(gaps).toEqual(
            actual < minimum
              ? [{ target: { dimension: 'language', value, minimum }, actual, shortfall: minimum - actual }]
              : [],
          );
        },
      ),
    );
  });

  it('every generated receipt reference is valid, unambiguous, and survives retyping', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2025, max: 2100 }),
        fc.uint8Array({ minLength: 5, maxLength: 5 }),
        (year, bytes) => {
          const reference = formatReceiptReference(year, receiptCodeFromBytes(bytes));
          expect(isReceiptReference(reference)).toBe(true);
          expect(reference).not.toMatch(/[ILOU]/);
          expect(normaliseReceiptReference(reference.toLowerCase().replace(/-/g, ' '))).toBe(reference);
        },
      ),
    );
  });
});
