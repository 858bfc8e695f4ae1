import { router } from '../trpc';

export const boardsRouter = router({});
