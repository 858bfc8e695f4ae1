/**
 * Saving a draft while it is being filled in: debounced, one request at a time, changes made during a save sent next,
 * a failed save keeping its changes for the next attempt (the next change, or `flush()`). Framework-free so it can be
 * tested with fake timers; `useDraftSaver` wires it to a page.
 *
 * Each draft asks for what it needs:
 * - optimistic versioning (`version`): every save sends the version it started from; when the server says someone
 *   else saved in between (`isConflict`), saving stops until the page reloads the latest version;
 * - `isStop`: an answer after which no save can ever succeed (a consultation round that closed) stops saving for good;
 * - `canSave`: a draft the server cannot store yet (a contribution without the participant's group) is not sent, and
 *   the state says so instead of failing every save;
 * - `pause()`/`resume()`: while another request may be turning the draft into something else (a submission whose
 *   outcome is unknown), nothing is saved; the latest changes are kept and sent on `resume()`.
 */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date | string }
  | { kind: 'error'; error: unknown }
  | { kind: 'conflict' }
  | { kind: 'stopped'; error: unknown }
  | { kind: 'incomplete' }
  /** Only as a starting state (`paused: true`); `pause()` leaves the status line to the page. */
  | { kind: 'paused' };

export interface DraftSaverOptions<P, R> {
  /** Sends one draft; `expectedVersion` is the version it started from, or undefined for an unversioned draft. */
  save: (payload: P, expectedVersion: number | undefined) => Promise<R>;
  /** When the saved draft was stored, for the status line. */
  savedAt: (saved: R) => Date | string;
  /** The version the draft was loaded at, for optimistic versioning; leave out for a draft without versions. */
  version?: number;
  /** The version a save produced (versioned drafts only). */
  versionOf?: (saved: R) => number;
  isConflict?: (error: unknown) => boolean;
  isStop?: (error: unknown) => boolean;
  canSave?: (payload: P) => boolean;
  /** Start paused (an earlier submission's outcome is not known yet). */
  paused?: boolean;
  onState: (state: SaveState) => void;
  onSaved?: (saved: R) => void;
  delayMs?: number;
}

export const AUTOSAVE_DELAY_MS = 800;

export class DraftSaver<P, R> {
  private version: number | undefined;
  private pending: P | null = null;
  private running: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private conflicted = false;
  private stoppedFor = false;
  private paused: boolean;

  constructor(private readonly options: DraftSaverOptions<P, R>) {
    this.version = options.version;
    this.paused = options.paused ?? false;
  }

  get currentVersion(): number | undefined {
    return this.version;
  }

  get isConflicted(): boolean {
    return this.conflicted;
  }

  get isStopped(): boolean {
    return this.stoppedFor;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Changes that will be saved, or a save under way: what leaving the page would lose. */
  get isBusy(): boolean {
    if (this.conflicted || this.stoppedFor) return false;
    return this.running !== null || (this.pending !== null && !this.paused);
  }

  /** Remembers the latest state of the draft and saves it after a quiet moment. */
  schedule(payload: P): void {
    if (this.conflicted || this.stoppedFor) return;
    clearTimeout(this.timer);
    if (this.options.canSave && !this.options.canSave(payload)) {
      this.pending = null;
      if (!this.paused) this.options.onState({ kind: 'incomplete' });
      return;
    }
    this.pending = payload;
    if (this.paused) return;
    if (!this.running) this.options.onState({ kind: 'pending' });
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  /** Saves what is pending now; resolves true when every change is saved. */
  async flush(): Promise<boolean> {
    clearTimeout(this.timer);
    if (this.running) await this.running;
    if (this.conflicted || this.stoppedFor || this.paused) return false;
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

  /**
   * Saves nothing until `resume()`; resolves once a save already under way has settled. The status line is left as it
   * is: the page knows better what to say (a submission being sent is not "saving is paused").
   */
  async pause(): Promise<void> {
    this.paused = true;
    clearTimeout(this.timer);
    if (this.running) await this.running.catch(() => false);
  }

  /** Saving starts again, with `payload` (the draft as it now is) when given, else with what was kept meanwhile. */
  resume(payload?: P): void {
    if (!this.paused) return;
    this.paused = false;
    const next = payload ?? this.pending;
    if (next !== null) this.schedule(next);
    else if (!this.conflicted && !this.stoppedFor) this.options.onState({ kind: 'idle' });
  }

  /** No save can succeed any more (`error` says why): changes are dropped and later ones ignored. */
  stop(error: unknown): void {
    this.stoppedFor = true;
    this.pending = null;
    clearTimeout(this.timer);
    this.options.onState({ kind: 'stopped', error });
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
      if (this.version !== undefined && this.options.versionOf) this.version = this.options.versionOf(saved);
      this.options.onSaved?.(saved);
      if (this.pending === null || this.paused)
        this.options.onState({ kind: 'saved', at: this.options.savedAt(saved) });
      return true;
    } catch (error) {
      if (this.options.isConflict?.(error)) {
        this.markConflict();
      } else if (this.options.isStop?.(error)) {
        this.stop(error);
      } else {
        // Keep the unsaved changes (unless newer ones arrived meanwhile) for the next attempt.
        this.pending ??= payload;
        this.options.onState({ kind: 'error', error });
      }
      return false;
    }
  }
}
