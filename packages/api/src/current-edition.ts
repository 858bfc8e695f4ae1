import { findEditionRef, type EditionRef, type Executor } from '@musyawarah/db';

/**
 * "Which edition is current" in this process's memory (issue #16): every catalogue read asked the database for it,
 * though it changes only when an edition is adopted. The cache is trusted only while the host follows the
 * `musyawarah_edition` notifications (migration 0200; `DatabaseHandle.listen`): each notification, from any host's
 * adoption, drops it, and while the listening connection is down every read goes to the database as before. So no host
 * serves a superseded edition once another host's adoption has committed.
 */
export class CurrentEditionCache {
  private value: Promise<EditionRef | undefined> | null = null;
  private trusted = false;

  /** The host's listener calls this as LISTEN is (re)established or lost. */
  setListening(listening: boolean): void {
    this.trusted = listening;
    this.value = null;
  }

  invalidate(): void {
    this.value = null;
  }

  current(db: Executor): Promise<EditionRef | undefined> {
    if (!this.trusted) return findEditionRef(db, 'current');
    if (this.value) return this.value;
    // Shared by concurrent first readers. A read that began before an invalidation answers with what it found (it was
    // asked before the adoption was known); only later reads start afresh. "No edition yet" and failures are not kept.
    const loading = findEditionRef(db, 'current');
    this.value = loading;
    const forget = () => {
      if (this.value === loading) this.value = null;
    };
    loading.then((ref) => ref ?? forget(), forget);
    return loading;
  }
}
