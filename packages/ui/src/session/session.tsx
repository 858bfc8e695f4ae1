import type { QueryKey, UseQueryResult } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
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
   * The history entry being left by a sign-out (its `location.key`), or null. On it, a guard seeing nobody signed in
   * before the navigation is done must not send the person to sign in with `?next=` back to it: that would replace
   * the navigation that carries the signed-out notice, or the "account deleted" page. Any other entry — the
   * destination, or a guarded page visited later — is judged as usual, so nothing needs resetting.
   */
  let leavingFrom: string | null = null;

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
    const leaveSignedOut = useLeaveSignedOut();
    const mutation = procedures.useSignOut({ onSettled: () => leaveSignedOut({ notice: signedOutNotice }) });
    return { signOut: () => mutation.mutate(), isPending: mutation.isPending };
  }

  /**
   * After any way of ending this browser's session (signing out, signing out every device, ending this device's
   * session from the list, deleting the account): forgets the user and goes to the sign-in page, which says `notice`,
   * or to `to` (the "account deleted" page) in place of the page left. The page being left is not allowed to send the
   * person to sign in with `?next=` first (see `leavingFrom`).
   */
  function useLeaveSignedOut() {
    const setMe = useSetMe();
    const navigate = useNavigate();
    const { key } = useLocation();
    return (where: { notice: Message } | { to: string }) => {
      leavingFrom = key;
      setMe(null);
      void ('to' in where
        ? navigate(where.to, { replace: true })
        : navigate('/sign-in', { state: noticeOnArrival.success(where.notice) }));
    };
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
      if (leavingFrom === location.key) return null;
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`/sign-in?next=${next}`} replace />;
    }
    return children;
  }

  return { useMe, useSetMe, useSaveLanguage, useSignOut, useLeaveSignedOut, RequireSession };
}
