/**
 * Chromium loads ICU's locale data the first time a page formats a date or a number: one uninterruptible call of
 * ~50 ms on a mid-range phone (~200 ms under Lighthouse's 4× slowdown), in the middle of the render that shows the
 * first round card, deadline or edition date. ICU keeps that data for the whole renderer process, so a worker that
 * formats once while the page is still loading takes the cost off the main thread; the page's own first call is then
 * a few milliseconds. Nothing depends on it: where workers are missing or refused, the first call simply pays.
 * Imported for this effect alone, first in main.tsx.
 */
if (typeof Worker !== 'undefined') {
  try {
    new Worker(new URL('./intl-warmup.worker.ts', import.meta.url));
  } catch {
    // A Content-Security-Policy without 'self' for workers, or a browser without them: nothing to warm.
  }
}
