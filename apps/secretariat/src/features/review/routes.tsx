import { Loading } from '@musyawarah/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';

// The review screens use core's review rules and the edition diffs: load them on demand.
const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const ReviewHomePage = named(() => import('./ReviewHomePage'), 'ReviewHomePage');
const FrameworkPage = named(() => import('./FrameworkPage'), 'FrameworkPage');
const NewCyclePage = named(() => import('./NewCyclePage'), 'NewCyclePage');
const EditCyclePage = named(() => import('./NewCyclePage'), 'EditCyclePage');
const CyclePage = named(() => import('./CyclePage'), 'CyclePage');
const AssessmentResultsPage = named(() => import('./AssessmentResultsPage'), 'AssessmentResultsPage');
const EditsPage = named(() => import('./EditsPage'), 'EditsPage');
const NewEditPage = named(() => import('./EditEditorPage'), 'NewEditPage');
const EditEditPage = named(() => import('./EditEditorPage'), 'EditEditPage');
const PositionsPage = named(() => import('./PositionsPage'), 'PositionsPage');
const ResolvePage = named(() => import('./ResolvePage'), 'ResolvePage');
const AdoptionPage = named(() => import('./AdoptionPage'), 'AdoptionPage');

const load = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

/** Routes under `/review`; `guarded` wraps each page in the secretariat check. */
export function reviewRoutes(guarded: (page: ReactNode) => ReactNode): RouteObject[] {
  const page = (element: ReactNode) => guarded(load(element));
  return [
    { path: 'review', element: page(<ReviewHomePage />) },
    { path: 'review/framework', element: page(<FrameworkPage />) },
    { path: 'review/cycles/new', element: page(<NewCyclePage />) },
    { path: 'review/cycles/:cycleId', element: page(<CyclePage />) },
    { path: 'review/cycles/:cycleId/plan', element: page(<EditCyclePage />) },
    { path: 'review/cycles/:cycleId/assessments', element: page(<AssessmentResultsPage />) },
    { path: 'review/cycles/:cycleId/edits', element: page(<EditsPage />) },
    { path: 'review/cycles/:cycleId/edits/new', element: page(<NewEditPage />) },
    { path: 'review/cycles/:cycleId/edits/:editId/edit', element: page(<EditEditPage />) },
    { path: 'review/cycles/:cycleId/edits/:editId/resolve', element: page(<ResolvePage />) },
    { path: 'review/cycles/:cycleId/positions', element: page(<PositionsPage />) },
    { path: 'review/cycles/:cycleId/adoption', element: page(<AdoptionPage />) },
  ];
}
