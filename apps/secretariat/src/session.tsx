import { isSupportedLocale, safeNext as safeNextIn } from '@musyawarah/ui';
import { Loading, ServiceProblemPage } from '@musyawarah/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTRPC, type Me } from './trpc';

export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions());
}

/** Record who is signed in; anything cached belonged to the previous user. */
export function useSetMe() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (user: Me | null) => {
    const meKey = JSON.stringify(trpc.auth.me.queryKey());
    queryClient.removeQueries({ predicate: (q) => JSON.stringify(q.queryKey) !== meKey });
    queryClient.setQueryData(trpc.auth.me.queryKey(), user);
  };
}

/** Saves the language picked in the switcher as the signed-in person's language (pages and e-mails follow it). */
export function useSaveLanguage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const mutation = useMutation(
    trpc.account.setLocale.mutationOptions({
      onSuccess: ({ user }) =>
        queryClient.setQueryData(trpc.auth.me.queryKey(), (old: Me | null | undefined) =>
          old ? { ...old, locale: user.locale } : old,
        ),
    }),
  );
  return (locale: string) => {
    // Only a language the API accepts; a failure (offline) leaves the choice on this device, which is what it was.
    if (me.data && isSupportedLocale(locale) && locale !== me.data.locale) mutation.mutate({ locale });
  };
}

export function useSignOut() {
  const trpc = useTRPC();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const mutation = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        setMe(null);
        void navigate('/sign-in', { state: { notice: 'signedOut' } });
      },
    }),
  );
  return { signOut: () => mutation.mutate(), isPending: mutation.isPending };
}

/** This app's landing place when `?next=` is missing or unsafe. */
export const safeNext = (next: string | null | undefined, fallback = '/') => safeNextIn(next, fallback);

/** Every page but sign-in needs a Secretariat account; anyone else is sent to sign in. */
export function RequireSecretariat({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  // Could not ask who is signed in (offline, server down): say so rather than send a signed-in user to sign in.
  if (me.isError) return <ServiceProblemPage error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data?.role !== 'secretariat') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return children;
}
