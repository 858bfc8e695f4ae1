import { FollowButton } from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../session';
import { useTRPC } from '../../trpc';

type Subject = 'round' | 'action' | 'board' | 'review_cycle';

/** "Follow" on a page, for a signed-in person; nothing for a visitor (following needs an account to tell). */
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
  const me = useMe();
  const input = { subjectType, subjectId };
  const state = useQuery(trpc.notifications.followState.queryOptions(input, { enabled: Boolean(me.data) }));
  const onSuccess = (result: { following: boolean }) =>
    queryClient.setQueryData(trpc.notifications.followState.queryKey(input), result);
  const follow = useMutation(trpc.notifications.follow.mutationOptions({ onSuccess }));
  const unfollow = useMutation(trpc.notifications.unfollow.mutationOptions({ onSuccess }));
  if (!me.data || !state.data) return null;
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
