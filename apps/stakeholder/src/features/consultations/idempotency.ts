/**
 * The idempotency key of a submission attempt, kept in sessionStorage until a receipt arrives: a retry after a timeout,
 * a double click or a reload of the page sends the same key, and the API answers with the first receipt instead of
 * storing the feedback twice. One key per round, per tab.
 */
const PREFIX = 'musyawarah.submission.';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Old browsers without randomUUID (it needs a secure context): a v4 UUID from getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Fallback when storage is unavailable (private mode): the key lasts as long as the page.
const memory = new Map<string, string>();

/** The pending key of this round, if a submission was attempted and no receipt has arrived yet. */
export function pendingSubmissionKey(roundId: string): string | null {
  return storage()?.getItem(PREFIX + roundId) ?? memory.get(roundId) ?? null;
}

/** The key for this attempt: the pending one, or a new one that is stored before the request leaves. */
export function submissionKey(roundId: string): string {
  const existing = pendingSubmissionKey(roundId);
  if (existing) return existing;
  const key = newKey();
  memory.set(roundId, key);
  try {
    storage()?.setItem(PREFIX + roundId, key);
  } catch {
    // Quota or privacy settings: the in-memory copy still covers double clicks and retries on this page.
  }
  return key;
}

/** The receipt arrived: the next submission (new feedback) gets a new key. */
export function clearSubmissionKey(roundId: string): void {
  memory.delete(roundId);
  try {
    storage()?.removeItem(PREFIX + roundId);
  } catch {
    // Nothing to do.
  }
}
