import type { RouteObject } from 'react-router';
import { AssessmentPage } from './AssessmentPage';
import { ComparePage } from './ComparePage';
import { EditAssessmentPage } from './EditAssessmentPage';
import { SavedAssessmentPage } from './SavedAssessmentPage';
import { TryResultPage } from './TryResultPage';

/** Children of `/assessment` in the app's router. */
export const assessmentRoutes: RouteObject[] = [
  { index: true, element: <AssessmentPage /> },
  { path: 'result', element: <TryResultPage /> },
  { path: 'compare', element: <ComparePage /> },
  { path: ':id', element: <SavedAssessmentPage /> },
  { path: ':id/edit', element: <EditAssessmentPage /> },
];
