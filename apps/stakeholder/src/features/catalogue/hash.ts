import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Deep links to a part of a page (`/actions/C2.1#C2.1.1`, `/assessment#Q12`): once the content is on the page, scroll
 * the element into view and move focus to it, so keyboard and screen-reader users start there too. Runs after the
 * shell's own "focus the h1 on navigation" (a later task), and again whenever the hash changes.
 */
export function useHashFocus(ready: boolean) {
  const { hash, key } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    let id: string;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch {
      return;
    }
    const handle = window.setTimeout(() => {
      const target = document.getElementById(id);
      if (!target) return;
      // Only what cannot take focus gets tabindex=-1: on a radio or a link it would drop them from the Tab order.
      if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    }, 0);
    return () => window.clearTimeout(handle);
  }, [ready, hash, key]);
}
