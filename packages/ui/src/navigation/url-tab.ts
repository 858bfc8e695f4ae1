import { useState, type Key } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The selected tab of a page, kept in the query string (`?tab=…`) so links, reloads and the back button land on it; the
 * first tab is the default and leaves the query string empty. Local state answers a click before the URL settles.
 * `keep` names other parameters that stay when the tab changes (a filter that belongs to the new tab, say).
 */
export function useUrlTab<T extends string>(
  tabs: readonly T[],
  { keep = () => [] }: { keep?: (tab: T) => readonly string[] } = {},
): [T, (key: Key) => void] {
  const [params, setParams] = useSearchParams();
  const fallback = tabs[0]!;
  const fromUrl = tabs.find((tab) => tab === params.get('tab')) ?? fallback;
  const [tab, setTab] = useState(fromUrl);
  const [seenUrl, setSeenUrl] = useState(fromUrl);
  if (fromUrl !== seenUrl) {
    setSeenUrl(fromUrl);
    setTab(fromUrl);
  }
  const select = (key: Key) => {
    const chosen = tabs.find((t) => t === String(key)) ?? fallback;
    setTab(chosen);
    setParams(
      (prev) => {
        const next = new URLSearchParams();
        if (chosen !== fallback) next.set('tab', chosen);
        for (const name of keep(chosen)) {
          const value = prev.get(name);
          if (value) next.set(name, value);
        }
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  };
  return [tab, select];
}
