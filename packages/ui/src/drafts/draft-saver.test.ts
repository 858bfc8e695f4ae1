import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftSaver, type DraftSaverOptions, type SaveState } from './draft-saver';

interface Saved {
  version: number;
  updatedAt: string;
}

class Conflict extends Error {}

function setup(
  save: (payload: string, expectedVersion: number | undefined) => Promise<Saved>,
  options: Partial<DraftSaverOptions<string, Saved>> = {},
) {
  const states: SaveState['kind'][] = [];
  const saved: Saved[] = [];
  const saver = new DraftSaver<string, Saved>({
    version: 1,
    versionOf: (s) => s.version,
    savedAt: (s) => s.updatedAt,
    save,
    isConflict: (e) => e instanceof Conflict,
    onState: (s) => states.push(s.kind),
    onSaved: (s) => saved.push(s),
    delayMs: 800,
    ...options,
  });
  return { saver, states, saved };
}

/** A save that the test resolves by hand, recording what was sent. */
function manualSave() {
  const calls: {
    payload: string;
    expectedVersion: number | undefined;
    resolve: (v: Saved) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const save = (payload: string, expectedVersion: number | undefined) =>
    new Promise<Saved>((resolve, reject) => calls.push({ payload, expectedVersion, resolve, reject }));
  return { calls, save };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('DraftSaver', () => {
  it('debounces: quick changes make one save of the latest state', async () => {
    const save = vi.fn(async (_p: string, v: number | undefined) => ({
      version: (v ?? 0) + 1,
      updatedAt: 'now',
    }));
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
    const save = vi.fn(async (_p: string, v: number | undefined) => {
      if (fail) throw new TypeError('Failed to fetch');
      return { version: (v ?? 0) + 1, updatedAt: 'now' };
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
    const save = vi.fn(async (_p: string, v: number | undefined) => ({
      version: (v ?? 0) + 1,
      updatedAt: 'now',
    }));
    const { saver } = setup(save);
    await expect(saver.flush()).resolves.toBe(true); // nothing to do
    saver.schedule('a');
    await expect(saver.flush()).resolves.toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(1); // the debounce timer was cancelled
  });

  it('saves a draft without versions: nothing expected, nothing counted', async () => {
    const save = vi.fn(async () => ({ version: 7, updatedAt: 'now' }));
    const { saver, states } = setup(save, { version: undefined });
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(800);
    expect(save).toHaveBeenCalledWith('a', undefined);
    expect(saver.currentVersion).toBeUndefined();
    expect(states.at(-1)).toBe('saved');
  });

  it('a failure during a later save keeps those changes, and sends them with the next change', async () => {
    const { calls, save } = manualSave();
    const { saver, states } = setup(save);
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.reject(new TypeError('Failed to fetch'));
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe('error');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1); // no retry loop
    saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(800);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.payload).toBe('ab');
  });

  it('stops for good when the server says no save can succeed (the round closed)', async () => {
    const closed = new Error('round.closed');
    const save = vi.fn(async () => {
      throw closed;
    });
    const states: SaveState[] = [];
    const { saver } = setup(save, {
      isStop: (e) => e === closed,
      onState: (s) => states.push(s),
    });
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(800);
    expect(states.at(-1)).toEqual({ kind: 'stopped', error: closed });
    expect(saver.isStopped).toBe(true);
    expect(saver.isBusy).toBe(false); // nothing to warn about when leaving
    saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(5000);
    await expect(saver.flush()).resolves.toBe(false);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('stop() from outside (a refused submission) drops what was pending', async () => {
    const save = vi.fn(async () => ({ version: 2, updatedAt: 'now' }));
    const { saver, states } = setup(save);
    saver.schedule('a');
    saver.stop(new Error('round.closed'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
    expect(states.at(-1)).toBe('stopped');
  });

  it('says a draft the server cannot store yet is incomplete instead of sending it', async () => {
    const save = vi.fn(async () => ({ version: 2, updatedAt: 'now' }));
    const { saver, states } = setup(save, { canSave: (p) => !p.startsWith('?') });
    saver.schedule('a');
    saver.schedule('?a'); // the group was cleared before the save went out
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
    expect(states.at(-1)).toBe('incomplete');
    expect(saver.isBusy).toBe(false);
    saver.schedule('b');
    await vi.advanceTimersByTimeAsync(800);
    expect(save).toHaveBeenCalledWith('b', 1);
    expect(states.at(-1)).toBe('saved');
  });

  it('saves nothing while paused, and sends the latest changes on resume', async () => {
    const save = vi.fn(async () => ({ version: 2, updatedAt: 'now' }));
    const { saver, states } = setup(save, { paused: true });
    saver.schedule('a');
    saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(5000);
    await expect(saver.flush()).resolves.toBe(false);
    expect(save).not.toHaveBeenCalled();
    expect(saver.isBusy).toBe(false); // a paused draft is not lost by leaving: the submission holds it
    saver.resume();
    await vi.advanceTimersByTimeAsync(800);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('ab', 1);
    expect(states.at(-1)).toBe('saved');
  });

  it('pause() waits for a save under way, and cancels the one scheduled', async () => {
    const { calls, save } = manualSave();
    const { saver, states } = setup(save);
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(800);
    saver.schedule('ab'); // scheduled while the first save runs
    let paused = false;
    const pausing = saver.pause().then(() => (paused = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(paused).toBe(false);
    calls[0]!.resolve({ version: 2, updatedAt: 't1' });
    await pausing;
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1); // the change scheduled during that save waits
    expect(states.at(-1)).toBe('saved');
    saver.resume('abc');
    await vi.advanceTimersByTimeAsync(800);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ payload: 'abc', expectedVersion: 2 });
  });
});
