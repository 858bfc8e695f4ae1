import { describe, expect, it } from 'vitest';
import { evaluateTargets, type BoardTarget, type SeatForTargets } from './targets';
import { DEFAULT_CONSTITUENCIES } from './vocabulary';

const marginalised = DEFAULT_CONSTITUENCIES.filter((c) => c.marginalised).map((c) => c.key);
const seat = (overrides: Partial<SeatForTargets> = {}): SeatForTargets => ({
  role: 'member',
  constituencies: ['industry'],
  memberState: 'ID',
  gender: null,
  ...overrides,
});

const share40: BoardTarget = { kind: 'min_share', constituencies: marginalised, minPercent: 40 };
const oneIndustry: BoardTarget = { kind: 'min_count', constituency: 'industry', minCount: 1 };
const twoPerState: BoardTarget = { kind: 'max_per_member_state', maxSeats: 2 };
const gender60: BoardTarget = { kind: 'max_gender_share', maxPercent: 60 };

describe('evaluateTargets', () => {
  it('an empty board fails every minimum and meets every maximum', () => {
    const result = evaluateTargets([share40, oneIndustry, twoPerState, gender60], []);
    expect(result.map((r) => [r.kind, r.met, r.actual])).toEqual([
      ['min_share', false, 0],
      ['min_count', false, 0],
      ['max_per_member_state', true, 0],
      ['max_gender_share', true, 0],
    ]);
    expect(result[0]!.reason.key).toBe('board.targetReason.noCountedSeats');
  });

  it('a board without targets has nothing to evaluate', () => {
    expect(evaluateTargets([], [seat()])).toEqual([]);
  });

  it('exactly at a minimum share meets it (2 of 5 is 40 %); one seat fewer does not', () => {
    const seats = [
      seat({ constituencies: ['women'] }),
      seat({ constituencies: ['youth', 'women'] }),
      seat(),
      seat(),
      seat(),
    ];
    const [at] = evaluateTargets([share40], seats);
    expect(at).toMatchObject({ met: true, actual: 40, required: 40, countedSeats: 5 });
    expect(at!.reason).toEqual({
      key: 'board.targetReason.minShare',
      values: { matching: 2, counted: 5, actual: 40, required: 40 },
    });
    const [below] = evaluateTargets([share40], [...seats.slice(1), seat()]);
    expect(below).toMatchObject({ met: false, actual: 20 });
  });

  it('a share that is not a round number is compared exactly (1 of 3 is below 34 %, 33.3 % shown)', () => {
    const seats = [seat({ constituencies: ['women'] }), seat(), seat()];
    expect(
      evaluateTargets([{ kind: 'min_share', constituencies: ['women'], minPercent: 34 }], seats)[0],
    ).toMatchObject({ met: false, actual: 33.3 });
    expect(
      evaluateTargets([{ kind: 'min_share', constituencies: ['women'], minPercent: 33 }], seats)[0],
    ).toMatchObject({ met: true });
  });

  it('observers never count: neither as representatives nor in the denominator', () => {
    const seats = [
      seat({ constituencies: ['women'] }),
      seat(),
      seat({ role: 'observer', constituencies: ['youth'] }),
      seat({ role: 'observer', constituencies: ['youth'] }),
    ];
    const [share, count] = evaluateTargets(
      [share40, { kind: 'min_count', constituency: 'youth', minCount: 1 }],
      seats,
    );
    expect(share).toMatchObject({ countedSeats: 2, actual: 50, met: true });
    expect(count).toMatchObject({ actual: 0, met: false });
    // A board of observers only has no counted seat.
    expect(
      evaluateTargets([share40], [seat({ role: 'observer', constituencies: ['women'] })])[0],
    ).toMatchObject({ met: false, countedSeats: 0 });
  });

  it('chairs and vice-chairs count like members', () => {
    const seats = [
      seat({ role: 'chair', constituencies: ['persons_with_disabilities'] }),
      seat({ role: 'vice_chair' }),
    ];
    expect(evaluateTargets([share40], seats)[0]).toMatchObject({ countedSeats: 2, actual: 50, met: true });
  });

  it('minimum count: exactly at the minimum meets it', () => {
    expect(evaluateTargets([oneIndustry], [seat()])[0]).toMatchObject({ met: true, actual: 1 });
    expect(evaluateTargets([{ ...oneIndustry, minCount: 2 }], [seat()])[0]).toMatchObject({
      met: false,
      actual: 1,
      required: 2,
    });
  });

  it('Member State limit: exactly at the limit meets it, above names the states over it', () => {
    const two = [
      seat({ memberState: 'TH' }),
      seat({ memberState: 'TH' }),
      seat({ memberState: 'KH' }),
      seat({ memberState: null }),
    ];
    expect(evaluateTargets([twoPerState], two)[0]).toMatchObject({ met: true, actual: 2, over: [] });
    const three = [...two, seat({ memberState: 'TH' })];
    const [result] = evaluateTargets([twoPerState], three);
    expect(result).toMatchObject({ met: false, actual: 3, over: [{ value: 'TH', seats: 3 }] });
    expect(result!.reason.values.statesOver).toBe('TH');
  });

  it('seats without a Member State count towards no state', () => {
    const seats = [seat({ memberState: null }), seat({ memberState: null }), seat({ memberState: null })];
    expect(evaluateTargets([twoPerState], seats)[0]).toMatchObject({ met: true, actual: 0 });
  });

  it('gender balance: exactly 60 % meets "no gender above 60 %"; undeclared seats are in the denominator', () => {
    const at = [
      seat({ gender: 'woman' }),
      seat({ gender: 'woman' }),
      seat({ gender: 'woman' }),
      seat({ gender: 'man' }),
      seat({ gender: null }),
    ];
    expect(evaluateTargets([gender60], at)[0]).toMatchObject({ met: true, actual: 60 });
    expect(evaluateTargets([gender60], at)[0]!.reason.values).toMatchObject({ undeclared: 1, counted: 5 });
    const over = [...at.slice(0, 4), seat({ gender: 'woman' })];
    expect(evaluateTargets([gender60], over)[0]).toMatchObject({
      met: false,
      actual: 80,
      over: [{ value: 'woman', seats: 4 }],
    });
  });

  it('keeps each target’s position so an app can point at it', () => {
    expect(evaluateTargets([oneIndustry, share40], [seat()]).map((e) => e.index)).toEqual([0, 1]);
  });
});
