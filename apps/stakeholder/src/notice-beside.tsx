import { NoticeRegion, useNotice, type Notices } from '@musyawarah/ui';
import { useState, type ReactNode } from 'react';

export interface NoticeBeside extends Notices {
  /** Put where the action is (after its button): empty until the action has started here. */
  region: ReactNode;
  /** Call when the action starts, before its outcome is known: the last notice goes and this region takes over. */
  start: () => void;
}

/**
 * The page's notice, shown beside one of several actions on a long page (a position on each edit, the sections of the
 * account page), where a banner at the top would be off-screen at 375 px. The kit shows a notice in the region mounted
 * last, so a page with one region per action would always show it beside the last one: here the region is mounted, or
 * mounted afresh, when its action starts. That is before the outcome is said (it comes with the server's answer), so the
 * live region is on the page, empty, when its text arrives and is announced.
 */
export function useNoticeBeside(): NoticeBeside {
  const notice = useNotice();
  const [turn, setTurn] = useState(0);
  return {
    ...notice,
    region: turn > 0 ? <NoticeRegion key={turn} /> : null,
    start: () => {
      notice.clear();
      setTurn((n) => n + 1);
    },
  };
}
