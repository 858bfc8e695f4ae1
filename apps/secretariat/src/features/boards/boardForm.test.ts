import { describe, expect, it } from 'vitest';
import {
  boardFormSchema,
  boardToForm,
  criterionKey,
  emptyBoard,
  emptyTarget,
  toBoardInput,
  type BoardFormValues,
} from './boardForm';

const filled = (): BoardFormValues => ({
  ...emptyBoard(),
  name: { en: 'Regional board' },
  mandate: { en: 'Advises on C2.1.' },
  lifeStartsOn: '2027-01-01',
  lifeEndsOn: '2029-12-31',
  seatCapacity: '9',
});

describe('criterionKey', () => {
  it('makes a key from the English label', () => {
    expect(criterionKey('Lived experience of the community', 0)).toBe('lived_experience_of_the_community');
  });
  it('starts with a letter even when the label starts with a digit', () => {
    expect(criterionKey('10 years in the field', 0)).toBe('c_10_years_in_the_field');
  });
  it('falls back to the position when the label has no latin letters or digits', () => {
    expect(criterionKey('ประสบการณ์', 2)).toBe('criterion_3');
    expect(criterionKey('', 0)).toBe('criterion_1');
  });
});

describe('the board form', () => {
  it('sends only the inputs of each target’s kind, as numbers', () => {
    const values = filled();
    values.targets = [
      { ...emptyTarget('min_share'), constituencies: ['women', 'youth'], minPercent: '40', maxSeats: '7' },
      { ...emptyTarget('min_count'), constituency: 'industry', minCount: '1' },
    ];
    const input = toBoardInput(values) as { targets: unknown[] };
    expect(input.targets).toEqual([
      { kind: 'min_share', constituencies: ['women', 'youth'], minPercent: 40 },
      { kind: 'min_count', constituency: 'industry', minCount: 1 },
    ]);
  });

  it('drops the Member State of a regional board and keeps an empty end date absent', () => {
    const values: BoardFormValues = { ...filled(), memberState: 'ID', lifeEndsOn: '' };
    const input = toBoardInput(values) as { memberState?: string; lifeEndsOn?: string };
    expect(input.memberState).toBeUndefined();
    expect(input.lifeEndsOn).toBeUndefined();
  });

  it('is validated by core’s schema: an empty seat count and a target without its threshold are errors on their fields', async () => {
    const values = {
      ...filled(),
      seatCapacity: '',
      targets: [{ ...emptyTarget('min_share'), constituencies: ['women'] }],
    };
    const result = await boardFormSchema.safeParseAsync(values);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('seatCapacity');
    expect(paths).toContain('targets.0.minPercent');
  });

  it('reads a stored board back into the same inputs', () => {
    const stored = {
      name: { en: 'Regional board', id: 'Dewan regional' },
      scope: 'member_state',
      memberState: 'ID',
      mandate: { en: 'Advises on C2.1.' },
      actionIds: ['C2.1'],
      lifeStartsOn: '2027-01-01',
      lifeEndsOn: null,
      seatCapacity: 9,
      published: true,
      targets: [{ kind: 'max_per_member_state' as const, maxSeats: 2 }],
      selectionCriteria: [{ key: 'lived_experience', label: { en: 'Lived experience' }, weight: 3 }],
    };
    const form = boardToForm(stored);
    expect(form.name).toEqual({ en: 'Regional board', id: 'Dewan regional' });
    expect(form.lifeEndsOn).toBe('');
    expect(form.targets[0]).toMatchObject({ kind: 'max_per_member_state', maxSeats: '2' });
    expect(toBoardInput(form)).toMatchObject({
      scope: 'member_state',
      memberState: 'ID',
      seatCapacity: 9,
      targets: [{ kind: 'max_per_member_state', maxSeats: 2 }],
      selectionCriteria: [{ key: 'lived_experience', label: { en: 'Lived experience' }, weight: 3 }],
    });
  });
});
