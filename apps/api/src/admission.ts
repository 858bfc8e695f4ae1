/**
 * Requests admitted to work on the embedded database at once (issue #16). PGlite is one connection: every statement of
 * every request in flight shares one queue, so with hundreds of requests each statement waited behind hundreds of
 * others, a request of several statements waited that many times over, every client gave up, and none finished.
 * Admitting a few requests at a time keeps each admitted one fast; the others wait their turn in arrival order, and one
 * that waited too long is answered 503 with Retry-After before it has done anything (nothing acknowledged is lost).
 * PostgreSQL needs no gate: its pool serves statements in parallel and times out on its own.
 */
export class AdmissionGate {
  private active = 0;
  private readonly waiting: { admit: () => void }[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxWaitMs: number,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with a `leave` function once admitted, or null when the wait ran out. */
  enter(): Promise<(() => void) | null> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(this.leaver());
    }
    return new Promise((resolve) => {
      const entry = {
        admit: () => {
          clearTimeout(timer);
          this.active++;
          resolve(this.leaver());
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        resolve(null);
      }, this.maxWaitMs);
      this.waiting.push(entry);
    });
  }

  private leaver(): () => void {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.active--;
      this.waiting.shift()?.admit();
    };
  }
}
