import { createFollow } from '@musyawarah/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMe } from '../../session';
import { useTRPC } from '../../trpc';

/** What can be followed from this app's pages. */
type Subject = 'round' | 'board' | 'review_cycle';

/** The kit's "Follow" button over this app's tRPC client. */
export const Follow = createFollow<Subject>({
  useSignedIn: () => Boolean(useMe().data),
  useFollowState: (input, options) =>
    useQuery(useTRPC().notifications.followState.queryOptions(input, options)),
  useFollowStateKey: (input) => useTRPC().notifications.followState.queryKey(input),
  useFollowsKey: () => useTRPC().notifications.follows.queryKey(),
  useFollow: (options) => useMutation(useTRPC().notifications.follow.mutationOptions(options)),
  useUnfollow: (options) => useMutation(useTRPC().notifications.unfollow.mutationOptions(options)),
});
