import { listMemberStates } from '@musyawarah/db';
import { publicProcedure, router } from '../trpc';

export const referenceRouter = router({
  memberStates: publicProcedure.query(async ({ ctx }) => {
    const states = await listMemberStates(ctx.db);
    return states.map((s) => ({ code: s.code, name: s.name, languages: s.languages }));
  }),
});
