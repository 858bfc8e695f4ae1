import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';

/** Routes under `/boards`; `guarded` wraps each page in the secretariat check. Pages load lazily (`lazy`). */
export function boardRoutes(_guarded: (page: ReactNode) => ReactNode): RouteObject[] {
  return [];
}
