import type { TargetKind } from './vocabulary';

/**
 * A board's representation targets, stored as data (jsonb) and evaluated live by `evaluateTargets`:
 * - `min_share`: at least `minPercent` % of counted seats are held by people representing at least one of
 *   `constituencies` (e.g. the vulnerable, at-risk or marginalised ones ≥ 40 %). A seat representing two listed
 *   constituencies counts once.
 * - `min_count`: at least `minCount` counted seats represent `constituency` (e.g. ≥ 1 industry seat).
 * - `max_per_member_state`: no Member State holds more than `maxSeats` counted seats. Seats without a state don't count
 *   towards any state.
 * - `max_gender_share`: no self-declared gender holds more than `maxPercent` % of counted seats. The denominator is
 *   every counted seat, declared or not, so an undeclared gender never inflates another gender's share; the number of
 *   undeclared seats is reported alongside.
 */
export type BoardTarget =
  | { kind: 'min_share'; constituencies: string[]; minPercent: number }
  | { kind: 'min_count'; constituency: string; minCount: number }
  | { kind: 'max_per_member_state'; maxSeats: number }
  | { kind: 'max_gender_share'; maxPercent: number };

export interface SeatForTargets {
  role: string;
  constituencies: readonly string[];
  memberState: string | null;
  gender: string | null;
}

export interface TargetEvaluation {
  /** Position of the target in the board's list, so an app can point at the target it came from. */
  index: number;
  kind: TargetKind;
  target: BoardTarget;
  met: boolean;
  /** Measured value in the target's unit: a percentage (one decimal) for shares, a number of seats otherwise. */
  actual: number;
  /** The threshold in the same unit. */
  required: number;
  countedSeats: number;
  /** Why, as a translation key and its values (`board.targetReason.*`). */
  reason: { key: string; values: Record<string, string | number> };
  /** The Member States above the limit, or the genders above the share; empty when met. */
  over: { value: string; seats: number }[];
}

/**
 * Observers advise but do not hold a voting seat, so they never count towards representation: a board cannot meet its
 * targets by adding observers. Everything else (chair, vice-chair, member) counts.
 */
export function countsTowardsTargets(seat: { role: string }): boolean {
  return seat.role !== 'observer';
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10);

function tally(values: (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * Compares the board's current seats with each target. Pure and total: an empty board (no counted seat) fails every
 * minimum (nobody represents anyone) and meets every maximum (nobody is over a limit). Thresholds are inclusive:
 * exactly 40 % meets "at least 40 %", exactly 60 % meets "no more than 60 %"; the comparison is done in integers, so
 * 2 of 5 seats is exactly 40 %, never 39.99…
 */
export function evaluateTargets(
  targets: readonly BoardTarget[],
  currentSeats: readonly SeatForTargets[],
): TargetEvaluation[] {
  const seats = currentSeats.filter(countsTowardsTargets);
  const counted = seats.length;
  return targets.map((target, index): TargetEvaluation => {
    const base = { index, kind: target.kind, target, countedSeats: counted };
    switch (target.kind) {
      case 'min_share': {
        const set = new Set(target.constituencies);
        const matching = seats.filter((s) => s.constituencies.some((c) => set.has(c))).length;
        const actual = percent(matching, counted);
        return {
          ...base,
          met: counted > 0 && matching * 100 >= target.minPercent * counted,
          actual,
          required: target.minPercent,
          reason:
            counted === 0
              ? { key: 'board.targetReason.noCountedSeats', values: { required: target.minPercent } }
              : {
                  key: 'board.targetReason.minShare',
                  values: { matching, counted, actual, required: target.minPercent },
                },
          over: [],
        };
      }
      case 'min_count': {
        const matching = seats.filter((s) => s.constituencies.includes(target.constituency)).length;
        return {
          ...base,
          met: matching >= target.minCount,
          actual: matching,
          required: target.minCount,
          reason: {
            key: 'board.targetReason.minCount',
            values: { matching, required: target.minCount, constituency: target.constituency },
          },
          over: [],
        };
      }
      case 'max_per_member_state': {
        const byState = tally(seats.map((s) => s.memberState));
        const over = [...byState]
          .filter(([, n]) => n > target.maxSeats)
          .map(([value, n]) => ({ value, seats: n }));
        const highest = Math.max(0, ...byState.values());
        return {
          ...base,
          met: over.length === 0,
          actual: highest,
          required: target.maxSeats,
          reason: {
            key: 'board.targetReason.maxPerMemberState',
            values: { highest, required: target.maxSeats, statesOver: over.map((o) => o.value).join(', ') },
          },
          over: over.sort((a, b) => b.seats - a.seats || a.value.localeCompare(b.value)),
        };
      }
      case 'max_gender_share': {
        const byGender = tally(seats.map((s) => s.gender));
        const over = [...byGender]
          .filter(([, n]) => n * 100 > target.maxPercent * counted)
          .map(([value, n]) => ({ value, seats: n }));
        const highest = Math.max(0, ...byGender.values());
        const undeclared = seats.filter((s) => !s.gender).length;
        return {
          ...base,
          met: over.length === 0,
          actual: percent(highest, counted),
          required: target.maxPercent,
          reason: {
            key: 'board.targetReason.maxGenderShare',
            values: { actual: percent(highest, counted), required: target.maxPercent, counted, undeclared },
          },
          over,
        };
      }
    }
  });
}

/** Whether every target is met; a board without targets has nothing unmet. */
export function unmetTargets(evaluations: readonly TargetEvaluation[]): TargetEvaluation[] {
  return evaluations.filter((e) => !e.met);
}
