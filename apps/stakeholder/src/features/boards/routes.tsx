import type { RouteObject } from 'react-router';
import { lazyPage as page } from '../../i18n';

/**
 * Children of `/boards` in the app's router. Pages load lazily (`lazy`) so they stay out of the initial bundle. The
 * API's e-mails link to `/boards/mine` (boards and applications) and `/boards/mine/sessions/:sessionId`.
 */
export const boardRoutes: RouteObject[] = [
  {
    index: true,
    lazy: page(
      () => import('./BoardsListPage'),
      (m) => m.BoardsListPage,
    ),
  },
  {
    path: 'mine',
    lazy: page(
      () => import('./MyBoardsPage'),
      (m) => m.MyBoardsPage,
    ),
  },
  {
    path: 'mine/sessions/:sessionId',
    lazy: page(
      () => import('./MemberSessionPage'),
      (m) => m.MemberSessionPage,
    ),
  },
  {
    path: 'mine/:boardId',
    lazy: page(
      () => import('./MemberBoardPage'),
      (m) => m.MemberBoardPage,
    ),
  },
  {
    path: ':boardId',
    lazy: page(
      () => import('./BoardPage'),
      (m) => m.BoardPage,
    ),
  },
  {
    path: ':boardId/apply',
    lazy: page(
      () => import('./ApplyPage'),
      (m) => m.ApplyPage,
    ),
  },
];
