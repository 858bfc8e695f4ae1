import { startTransition, useEffect, useState } from 'react';

/**
 * A long list's items a slice at a time: the first render shows `first` of them, and each further slice is rendered
 * in its own transition once the previous one is on screen, until every item is. A query's answer is rendered in one
 * uninterruptible task (its store update is not a transition): the catalogue's 38 results took ~1 s of one task on a
 * mid-range phone, and no tap was answered meanwhile. Once the list has been shown whole, later lists (another search)
 * are shown whole at once. `complete` is false while items are still to come (for `aria-busy`).
 */
export function useRenderInSlices<T>(
  items: readonly T[],
  first = 10,
  step = 10,
): { shown: readonly T[]; complete: boolean } {
  const [limit, setLimit] = useState(first);
  const complete = limit >= items.length;
  useEffect(() => {
    if (complete) return;
    startTransition(() => setLimit((shown) => shown + step));
  }, [complete, limit, step]);
  return { shown: complete ? items : items.slice(0, limit), complete };
}
