/**
 * Read-your-writes with a read replica (issue #16). A streaming replica trails the primary by a little (milliseconds
 * when healthy, seconds under load or after a hiccup), so someone who has just saved, submitted or published must not
 * read the public pages from it: they would not find what they did. After a write by a signed-in person the host sets
 * this short-lived cookie, and while the browser sends it back every read of theirs goes to the primary, and past the
 * host's one-second round-page cache (apps/api/src/public-reads.ts). Anonymous readers — almost all of a closing rush's
 * reads — carry no such cookie and read the replica and the cache.
 *
 * 30 s is far above a healthy replica's lag; a replica further behind than that is unhealthy and should be taken out of
 * rotation (docs/scaling.md). The cookie carries no data (its presence is the signal), so nothing can be forged with it
 * but a read from the primary, which anyone may do.
 */
export const RECENT_WRITE_COOKIE = 'musyawarah_rw';
export const RECENT_WRITE_SECONDS = 30;

const PATTERN = new RegExp(`(?:^|;\\s*)${RECENT_WRITE_COOKIE}=`);

export function hasRecentWrite(cookieHeader: string | null | undefined): boolean {
  return !!cookieHeader && PATTERN.test(cookieHeader);
}

/** The Set-Cookie value the host adds to the answer to a signed-in person's write. */
export function recentWriteCookie(secure: boolean): string {
  return `${RECENT_WRITE_COOKIE}=1; Max-Age=${RECENT_WRITE_SECONDS}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
