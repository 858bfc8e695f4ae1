/**
 * Only same-site paths, so a crafted `?next=` cannot send people to another website after sign-in (an open redirect).
 * `//host` and `/\host` are protocol-relative to browsers, hence refused too.
 */
export function safeNext(next: string | null | undefined, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
