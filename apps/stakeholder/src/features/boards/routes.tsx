import { Loading } from '@musyawarah/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';

const BoardsListPage = lazy(() => import('./BoardsListPage').then((m) => ({ default: m.BoardsListPage })));
const BoardPage = lazy(() => import('./BoardPage').then((m) => ({ default: m.BoardPage })));
const ApplyPage = lazy(() => import('./ApplyPage').then((m) => ({ default: m.ApplyPage })));
const MyBoardsPage = lazy(() => import('./MyBoardsPage').then((m) => ({ default: m.MyBoardsPage })));
const MemberBoardPage = lazy(() => import('./MemberBoardPage').then((m) => ({ default: m.MemberBoardPage })));
const MemberSessionPage = lazy(() => import('./MemberSessionPage').then((m) => ({ default: m.MemberSessionPage })));

const load = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

/**
 * Children of `/boards` in the app's router. Pages load lazily (`lazy`) so they stay out of the initial bundle. The
 * API's e-mails link to `/boards/mine` (boards and applications) and `/boards/mine/sessions/:sessionId`.
 */
export const boardRoutes: RouteObject[] = [
  { index: true, element: load(<BoardsListPage />) },
  { path: 'mine', element: load(<MyBoardsPage />) },
  { path: 'mine/sessions/:sessionId', element: load(<MemberSessionPage />) },
  { path: 'mine/:boardId', element: load(<MemberBoardPage />) },
  { path: ':boardId', element: load(<BoardPage />) },
  { path: ':boardId/apply', element: load(<ApplyPage />) },
];
