import type { RouteObject } from 'react-router';
import { ReceiptPage } from './ReceiptPage';
import { RespondPage } from './RespondPage';
import { RoundPage } from './RoundPage';
import { RoundsListPage } from './RoundsListPage';

export { MyContributionsPage } from './MyContributionsPage';
export { OpenRoundsSection } from './OpenRoundsSection';

/** Children of `/consultations` in the app's router. */
export const consultationRoutes: RouteObject[] = [
  { index: true, element: <RoundsListPage /> },
  { path: ':id', element: <RoundPage /> },
  { path: ':id/respond', element: <RespondPage /> },
  { path: ':id/receipt/:ref', element: <ReceiptPage /> },
];
