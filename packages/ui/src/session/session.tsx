import type { QueryKey, UseQueryResult } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isSupportedLocale, type SupportedLocale } from '../i18n';
import { Loading } from '../components/Feedback';
import { ServiceProblemPage } from '../components/StatusPages';
import type { Message } from '../errors/server-error';
import { noticeOnArrival } from '../notices/NoticeProvider';

/** What the kit reads of `auth.me`; each app's own `Me` (the router's output) has more. */
export interface SessionUser {
  locale: string;
  role: string;
}

/**
 * The session procedures, bound by the app to its tRPC client. The kit does not import the router's type (it depends
 * on core only), so each app hands over its own calls, e.g. `useMeQuery: () => useQuery(useTRPC().auth.me.queryOptions())`,
 * and the types come from there.
 */
export interface SessionProcedures<TMeQuery extends UseQueryResult<SessionUser | null, unknown>> {
  /** `auth.me`: the signed-in user, or null. */
  useMeQuery(): TMeQuery;
  /** `auth.me`'s query key. */
  useMeQueryKey(): QueryKey;
  /** `account.setLocale`. */
  useSetLocale(options: { onSuccess: (result: { user: { locale: string } }) => void }): {
    mutate(input: { locale: SupportedLocale }): void;
  };
  /** `auth.signOut`. */
  useSignOut(options: { onSettled: () => void }): { mutate(): void; isPending: boolean };
}

/** The session hooks and the sign-in guard both apps share, over the procedures the app passes in. */
export function createSessionHooks<TMeQuery extends UseQueryResult<SessionUser | null, unknown>>(
  procedures: SessionProcedures<TMeQuery>,
) {
  type TMe = NonNullable<TMeQuery['data']>;
  /**
   * True from a sign-out until the sign-in page is reached. The page being left may be one for signed-in people: its
   * guard, seeing nobody signed in before the navigation is done, must not send them to sign in with `?next=` back to
   * it, replacing the entry that carries the signed-out notice.
   */
  let leaving = false;

  /** The signed-in user, or null. */
  function useMe() {
    return procedures.useMeQuery();
  }

  /** Record who is signed in (after sign-in the API set the cookie) without another round trip. */
  function useSetMe() {
    const queryClient = useQueryClient();
    const meKey = procedures.useMeQueryKey();
    return (user: TMe | null) => {
      // Anything cached belonged to the previous user.
      const me = JSON.stringify(meKey);
      queryClient.removeQueries({ predicate: (q) => JSON.stringify(q.queryKey) !== me });
      queryClient.setQueryData(meKey, user);
    };
  }

  /** Saves the language picked in the switcher as the signed-in person's language (pages and e-mails follow it). */
  function useSaveLanguage() {
    const queryClient = useQueryClient();
    const meKey = procedures.useMeQueryKey();
    const me = useMe();
    const mutation = procedures.useSetLocale({
      onSuccess: ({ user }) =>
        queryClient.setQueryData(meKey, (old: TMe | null | undefined) =>
          old ? { ...old, locale: user.locale } : old,
        ),
    });
    return (locale: string) => {
      // Only a language the API accepts; a failure (offline) leaves the choice on this device, which is what it was.
      if (me.data && isSupportedLocale(locale) && locale !== me.data.locale) mutation.mutate({ locale });
    };
  }

  /**
   * Signs out and goes to the sign-in page, which says `signedOutNotice` ("You have signed out"); the user is forgotten
   * even when the request fails (offline).
   */
  function useSignOut(signedOutNotice: Message) {
    const setMe = useSetMe();
    const navigate = useNavigate();
    const { pathname, key } = useLocation();
    // Arrived (a new entry, even when signing out from the sign-in page itself): guards redirect again.
    useEffect(() => {
      if (pathname === '/sign-in') leaving = false;
    }, [pathname, key]);
    const mutation = procedures.useSignOut({
      onSettled: () => {
        leaving = true;
        setMe(null);
        void navigate('/sign-in', { state: noticeOnArrival.success(signedOutNotice) });
      },
    });
    return { signOut: () => mutation.mutate(), isPending: mutation.isPending };
  }

  /**
   * Shows `children` to a signed-in user whom `allows` lets in; anyone else is sent to sign in and brought back here
   * afterwards.
   */
  function RequireSession({ allows, children }: { allows: (me: TMe) => boolean; children: ReactNode }) {
    const me = useMe();
    const location = useLocation();
    if (me.isPending) return <Loading />;
    // Could not ask who is signed in (offline, server down): say so rather than send a signed-in user to sign in.
    if (me.isError) return <ServiceProblemPage error={me.error} onRetry={() => void me.refetch()} />;
    if (!me.data || !allows(me.data)) {
      if (leaving) return null;
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`/sign-in?next=${next}`} replace />;
    }
    return children;
  }

  return { useMe, useSetMe, useSaveLanguage, useSignOut, RequireSession };
}
