/** Delays between attempts: 30 s, 1 min, 2 min, 4 min … capped at 6 h, so eight attempts span about two hours. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 6 * 60 * 60 * 1000;

/**
 * How long to wait after the `attempts`-th failed attempt (1-based). Exponential so a server that is down for an hour
 * is not hammered, with ±20 % jitter (`random` in [0, 1)) so jobs that failed together do not retry in lockstep.
 */
export function retryDelayMs(
  attempts: number,
  random: number = Math.random(),
  baseMs = RETRY_BASE_MS,
): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), RETRY_MAX_MS);
  return Math.round(exponential * (0.8 + 0.4 * random));
}
