import { Loading } from '@musyawarah/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';

// The consultation screens validate with core's schemas, which bring the Roadmap catalogue along: load them on demand.
const RoundsListPage = lazy(() => import('./RoundsListPage').then((m) => ({ default: m.RoundsListPage })));
const NewRoundPage = lazy(() => import('./RoundEditorPage').then((m) => ({ default: m.NewRoundPage })));
const EditRoundPage = lazy(() => import('./RoundEditorPage').then((m) => ({ default: m.EditRoundPage })));
const RoundPage = lazy(() => import('./RoundPage').then((m) => ({ default: m.RoundPage })));
const QuestionsPage = lazy(() => import('./QuestionsPage').then((m) => ({ default: m.QuestionsPage })));

const load = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

/** Routes under /consultations, each wrapped by the app's guard. */
export function consultationRoutes(guarded: (page: ReactNode) => ReactNode): RouteObject[] {
  return [
    { path: 'consultations', element: guarded(load(<RoundsListPage />)) },
    { path: 'consultations/new', element: guarded(load(<NewRoundPage />)) },
    { path: 'consultations/:roundId', element: guarded(load(<RoundPage />)) },
    { path: 'consultations/:roundId/edit', element: guarded(load(<EditRoundPage />)) },
    { path: 'consultations/:roundId/questions', element: guarded(load(<QuestionsPage />)) },
  ];
}
