import { FollowButton } from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../trpc';

type Subject = 'round' | 'board' | 'review_cycle';

/**
 * "Follow" on a page the Secretariat runs: a colleague hears, under the bell and by e-mail as they chose, when the round
 * opens or closes on its own clock or its summary is published, when a board's minutes are published, when a review
 * cycle changes phase. Shown only for what can be followed (a published round or board; any cycle).
 */
export function Follow({
  subjectType,
  subjectId,
  name,
}: {
  subjectType: Subject;
  subjectId: string;
  name: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { subjectType, subjectId };
  const state = useQuery(trpc.notifications.followState.queryOptions(input));
  const onSuccess = (result: { following: boolean }) => {
    queryClient.setQueryData(trpc.notifications.followState.queryKey(input), result);
    void queryClient.invalidateQueries({ queryKey: trpc.notifications.follows.queryKey() });
  };
  const follow = useMutation(trpc.notifications.follow.mutationOptions({ onSuccess }));
  const unfollow = useMutation(trpc.notifications.unfollow.mutationOptions({ onSuccess }));
  if (!state.data) return null;
  const following = state.data.following;
  return (
    <FollowButton
      name={name}
      following={following}
      busy={follow.isPending || unfollow.isPending}
      onToggle={() => (following ? unfollow.mutate(input) : follow.mutate(input))}
    />
  );
}
