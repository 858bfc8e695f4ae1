import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftSaver, type SaveState } from './draftSaver';

interface Saved {
  version: number;
  updatedAt: string;
}

class Conflict extends Error {}

function setup(save: (payload: string, expectedVersion: number) => Promise<Saved>) {
  const states: SaveState['kind'][] = [];
  const saved: Saved[] = [];
  const saver = new DraftSaver<string, Saved>({
    version: 1,
    save,
    isConflict: (e) => e instanceof Conflict,
    onState: (s) => states.push(s.kind),
    onSaved: (s) => saved.push(s),
    delayMs: 800,
  });
  return { saver, states, saved };
}

/** A save that the test resolves by hand, recording what was sent. */
function manualSave() {
  const calls: {
    payload: string;
    expectedVersion: number;
    resolve: (v: Saved) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const save = (payload: string, expectedVersion: number) =>
    new Promise<Saved>((resolve, reject) => calls.push({ payload, expectedVersion, resolve, reject }));
  return { calls, save };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('DraftSaver', () => {
  it('debounces: quick changes make one save of the latest state', async () => {
    const save = vi.fn(async (_p: string, v: number) => ({ version: v + 1, updatedAt: 'now' }));
    const { saver, states } = setup(save);
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(500);
    saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(500);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('ab', 1);
    expect(states).toEqual(['pending', 'pending', 'saving', 'saved']);
    expect(saver.currentVersion).toBe(2);
  });

  it('sends one request at a time, each from the version the previous one produced', async () => {
    const { calls, save } = manualSave();
    const { saver, saved } = setup(save);
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(800);
    expect(calls).toHaveLength(1);
    saver.schedule('ab'); // while the first save runs
    await vi.advanceTimersByTimeAsync(800);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve({ version: 2, updatedAt: 't1' });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ payload: 'ab', expectedVersion: 2 });
    calls[1]!.resolve({ version: 3, updatedAt: 't2' });
    await vi.advanceTimersByTimeAsync(0);
    expect(saved.map((s) => s.version)).toEqual([2, 3]);
    expect(saver.isBusy).toBe(false);
  });

  it('stops on a conflict and ignores later changes until reloaded', async () => {
    const save = vi.fn(async () => {
      throw new Conflict();
    });
    const { saver, states } = setup(save);
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(800);
    expect(states.at(-1)).toBe('conflict');
    expect(saver.isConflicted).toBe(true);
    saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(1);
    await expect(saver.flush()).resolves.toBe(false);
  });

  it('keeps the changes after a failed save and sends them with flush()', async () => {
    let fail = true;
    const save = vi.fn(async (_p: string, v: number) => {
      if (fail) throw new TypeError('Failed to fetch');
      return { version: v + 1, updatedAt: 'now' };
    });
    const { saver, states } = setup(save);
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(800);
    expect(states.at(-1)).toBe('error');
    expect(saver.isBusy).toBe(true);
    fail = false;
    await expect(saver.flush()).resolves.toBe(true);
    expect(save).toHaveBeenLastCalledWith('a', 1);
    expect(states.at(-1)).toBe('saved');
  });

  it('flush() saves at once and reports whether everything is saved', async () => {
    const save = vi.fn(async (_p: string, v: number) => ({ version: v + 1, updatedAt: 'now' }));
    const { saver } = setup(save);
    await expect(saver.flush()).resolves.toBe(true); // nothing to do
    saver.schedule('a');
    await expect(saver.flush()).resolves.toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(1); // the debounce timer was cancelled
  });
});
