import type { RouteObject } from 'react-router';

/** Children of `/review` in the app's router. Pages load lazily (`lazy`) so they stay out of the initial bundle. */
export const reviewRoutes: RouteObject[] = [];
