import { Loading } from '@musyawarah/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';

// Board screens pull in core's schemas and the catalogue picker: load them on demand.
const BoardsListPage = lazy(() => import('./BoardsListPage').then((m) => ({ default: m.BoardsListPage })));
const NewBoardPage = lazy(() => import('./BoardEditorPage').then((m) => ({ default: m.NewBoardPage })));
const EditBoardPage = lazy(() => import('./BoardEditorPage').then((m) => ({ default: m.EditBoardPage })));
const BoardPage = lazy(() => import('./BoardPage').then((m) => ({ default: m.BoardPage })));
const SessionPage = lazy(() => import('./SessionPage').then((m) => ({ default: m.SessionPage })));
const NewSessionPage = lazy(() => import('./SessionEditorPage').then((m) => ({ default: m.NewSessionPage })));
const EditSessionPage = lazy(() =>
  import('./SessionEditorPage').then((m) => ({ default: m.EditSessionPage })),
);
const ConstituenciesPage = lazy(() =>
  import('./ConstituenciesPage').then((m) => ({ default: m.ConstituenciesPage })),
);

const load = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

/** Routes under `/boards`; `guarded` wraps each page in the secretariat check. Pages load lazily (`lazy`). */
export function boardRoutes(guarded: (page: ReactNode) => ReactNode): RouteObject[] {
  return [
    { path: 'boards', element: guarded(load(<BoardsListPage />)) },
    { path: 'boards/new', element: guarded(load(<NewBoardPage />)) },
    { path: 'boards/constituencies', element: guarded(load(<ConstituenciesPage />)) },
    { path: 'boards/:boardId', element: guarded(load(<BoardPage />)) },
    { path: 'boards/:boardId/edit', element: guarded(load(<EditBoardPage />)) },
    { path: 'boards/:boardId/sessions/new', element: guarded(load(<NewSessionPage />)) },
    { path: 'boards/:boardId/sessions/:sessionId', element: guarded(load(<SessionPage />)) },
    { path: 'boards/:boardId/sessions/:sessionId/edit', element: guarded(load(<EditSessionPage />)) },
  ];
}
