/**
 * Saving a draft assessment while it is being answered: debounced, one request at a time, with optimistic
 * concurrency. Every save sends the version it started from; when the server says someone else saved in between (a
 * conflict), saving stops until the page reloads the latest version. A failed save keeps the changes for the next
 * attempt (the next change, or `flush()`). Framework-free so it can be tested with fake timers.
 */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date | string }
  | { kind: 'error'; error: unknown }
  | { kind: 'conflict' };

export interface DraftSaverOptions<P, R extends { version: number; updatedAt: Date | string }> {
  version: number;
  save: (payload: P, expectedVersion: number) => Promise<R>;
  isConflict: (error: unknown) => boolean;
  onState: (state: SaveState) => void;
  onSaved?: (saved: R) => void;
  delayMs?: number;
}

export const AUTOSAVE_DELAY_MS = 800;

export class DraftSaver<P, R extends { version: number; updatedAt: Date | string }> {
  private version: number;
  private pending: P | null = null;
  private running: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private conflicted = false;

  constructor(private readonly options: DraftSaverOptions<P, R>) {
    this.version = options.version;
  }

  get currentVersion(): number {
    return this.version;
  }

  get isConflicted(): boolean {
    return this.conflicted;
  }

  /** Changes not yet saved, or a save under way. */
  get isBusy(): boolean {
    return this.pending !== null || this.running !== null;
  }

  /** Remembers the latest state of the draft and saves it after a quiet moment. */
  schedule(payload: P): void {
    if (this.conflicted) return;
    this.pending = payload;
    if (!this.running) this.options.onState({ kind: 'pending' });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  /** Saves what is pending now; resolves true when every change is saved. */
  async flush(): Promise<boolean> {
    clearTimeout(this.timer);
    if (this.running) await this.running;
    if (this.conflicted) return false;
    const payload = this.pending;
    if (payload === null) return true;
    this.pending = null;
    this.options.onState({ kind: 'saving' });
    const attempt = this.attempt(payload);
    this.running = attempt;
    const ok = await attempt;
    this.running = null;
    // Changes made while this save ran go out next.
    if (ok && this.pending !== null) return this.flush();
    return ok && this.pending === null;
  }

  markConflict(): void {
    this.conflicted = true;
    this.pending = null;
    clearTimeout(this.timer);
    this.options.onState({ kind: 'conflict' });
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private async attempt(payload: P): Promise<boolean> {
    try {
      const saved = await this.options.save(payload, this.version);
      this.version = saved.version;
      this.options.onSaved?.(saved);
      if (this.pending === null) this.options.onState({ kind: 'saved', at: saved.updatedAt });
      return true;
    } catch (error) {
      if (this.options.isConflict(error)) {
        this.markConflict();
      } else {
        // Keep the unsaved changes (unless newer ones arrived meanwhile) for the next attempt.
        this.pending ??= payload;
        this.options.onState({ kind: 'error', error });
      }
      return false;
    }
  }
}
