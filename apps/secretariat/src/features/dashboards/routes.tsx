import { Loading } from '@musyawarah/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';

// The charts bring d3 and the chart kit: loaded with this page only, never with the app's start-up bundle.
const DashboardsPage = lazy(() => import('./DashboardsPage').then((m) => ({ default: m.DashboardsPage })));

/** `/dashboards`: participation, board measures and review timeliness as charts (issue #17, "Charts and maps"). */
export function dashboardRoutes(guarded: (page: ReactNode) => ReactNode): RouteObject[] {
  return [
    {
      path: 'dashboards',
      element: guarded(
        <Suspense fallback={<Loading />}>
          <DashboardsPage />
        </Suspense>,
      ),
    },
  ];
}
