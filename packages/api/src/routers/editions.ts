import { router } from '../trpc';

export const editionsRouter = router({});
