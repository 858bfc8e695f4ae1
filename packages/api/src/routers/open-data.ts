// The open data catalogue (issue #17): public, no input.
import { listOpenDatasets } from '../open-data';
import { publicProcedure, router } from '../trpc';

export const openDataRouter = router({
  /** Closed rounds with published results, each with its JSON and CSV URL and licence. */
  list: publicProcedure.query(({ ctx }) => listOpenDatasets(ctx.db, ctx.config.publicUrl)),
});
