import { describe, expect, it } from 'vitest';
import { deliveryFor, digestDue, groupDigests, kindOfEvent, reminderDue } from './rules';

const now = new Date('2026-12-06T06:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('deliveryFor', () => {
  it('takes the person’s choice, else the default of the kind', () => {
    expect(deliveryFor('round_update', new Map([['round_update', 'weekly']]))).toBe('weekly');
    expect(deliveryFor('round_update', {})).toBe('immediately');
    expect(deliveryFor('action_new_round', {})).toBe('daily');
  });
  it('maps each event to its kind', () => {
    expect(kindOfEvent('round.summaryPublished')).toBe('round_update');
    expect(kindOfEvent('feedback.restored')).toBe('feedback_moderation');
  });
});

describe('digestDue', () => {
  it('is due when never sent, or a period (less an hour of scheduler drift) after the last one', () => {
    expect(digestDue('daily', null, now)).toBe(true);
    expect(digestDue('daily', hoursAgo(23.5), now)).toBe(true);
    expect(digestDue('daily', hoursAgo(12), now)).toBe(false);
    expect(digestDue('weekly', hoursAgo(24 * 6), now)).toBe(false);
    expect(digestDue('weekly', hoursAgo(24 * 7 - 0.5), now)).toBe(true);
  });
});

describe('groupDigests', () => {
  it('makes one digest per person and period, oldest first, and leaves out digests not yet due', () => {
    const pending = [
      { id: 'b', userId: 'u1', period: 'daily' as const, createdAt: hoursAgo(1) },
      { id: 'a', userId: 'u1', period: 'daily' as const, createdAt: hoursAgo(5) },
      { id: 'c', userId: 'u1', period: 'weekly' as const, createdAt: hoursAgo(2) },
      { id: 'd', userId: 'u2', period: 'daily' as const, createdAt: hoursAgo(3) },
      { id: 'future', userId: 'u2', period: 'daily' as const, createdAt: new Date(now.getTime() + 1000) },
    ];
    const lastSent = new Map([['u1:weekly', hoursAgo(24)]]);
    const batches = groupDigests(pending, lastSent, now);
    expect(batches.map((b) => [b.userId, b.period, b.items.map((i) => i.id)])).toEqual([
      ['u1', 'daily', ['a', 'b']],
      ['u2', 'daily', ['d']],
    ]);
  });
});

describe('reminderDue', () => {
  it('is due inside the lead time and not after the deadline', () => {
    const deadline = new Date(now.getTime() + 10 * 3_600_000);
    expect(reminderDue(deadline, 48 * 3_600_000, now)).toBe(true);
    expect(reminderDue(deadline, 5 * 3_600_000, now)).toBe(false);
    expect(reminderDue(hoursAgo(1), 48 * 3_600_000, now)).toBe(false);
  });
});
