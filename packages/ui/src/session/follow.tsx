import type { QueryKey, UseQueryResult } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import { FollowButton } from '../components/Notifications';

export interface FollowSubject<TSubject extends string> {
  subjectType: TSubject;
  subjectId: string;
}

/** What the kit uses of a `useMutation` result. */
interface FollowMutation<TSubject extends string> {
  mutate(input: FollowSubject<TSubject>): void;
  isPending: boolean;
}

interface FollowState {
  following: boolean;
}

/**
 * The follow procedures, bound by the app to its tRPC client (`notifications.followState`, `follow`, `unfollow` and
 * the `follows` list's key), and who is signed in: the kit does not import the router's type.
 */
export interface FollowProcedures<TSubject extends string> {
  useSignedIn(): boolean;
  useFollowState(
    input: FollowSubject<TSubject>,
    options: { enabled: boolean },
  ): UseQueryResult<FollowState, unknown>;
  useFollowStateKey(input: FollowSubject<TSubject>): QueryKey;
  useFollowsKey(): QueryKey;
  useFollow(options: { onSuccess: (result: FollowState) => void }): FollowMutation<TSubject>;
  useUnfollow(options: { onSuccess: (result: FollowState) => void }): FollowMutation<TSubject>;
}

/**
 * "Follow" on a page, for a signed-in person; nothing for a visitor (following needs an account to tell) and nothing
 * until the API says whether they follow it already (it answers only for what can be followed).
 */
export function createFollow<TSubject extends string>(procedures: FollowProcedures<TSubject>) {
  return function Follow({ subjectType, subjectId, name }: FollowSubject<TSubject> & { name: string }) {
    const queryClient = useQueryClient();
    const signedIn = procedures.useSignedIn();
    const input = { subjectType, subjectId };
    const state = procedures.useFollowState(input, { enabled: signedIn });
    const stateKey = procedures.useFollowStateKey(input);
    const followsKey = procedures.useFollowsKey();
    const onSuccess = (result: FollowState) => {
      queryClient.setQueryData(stateKey, result);
      // The list of what one follows (the notification settings) is out of date now.
      void queryClient.invalidateQueries({ queryKey: followsKey });
    };
    const follow = procedures.useFollow({ onSuccess });
    const unfollow = procedures.useUnfollow({ onSuccess });
    if (!signedIn || !state.data) return null;
    const following = state.data.following;
    return (
      <FollowButton
        name={name}
        following={following}
        busy={follow.isPending || unfollow.isPending}
        onToggle={() => (following ? unfollow.mutate(input) : follow.mutate(input))}
      />
    );
  };
}
