import { createSessionHooks, safeNext as safeNextIn } from '@musyawarah/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTRPC } from './trpc';

/** The kit's session hooks over this app's tRPC client. */
const session = createSessionHooks({
  useMeQuery: () => useQuery(useTRPC().auth.me.queryOptions()),
  useMeQueryKey: () => useTRPC().auth.me.queryKey(),
  useSetLocale: (options) => useMutation(useTRPC().account.setLocale.mutationOptions(options)),
  useSignOut: (options) => useMutation(useTRPC().auth.signOut.mutationOptions(options)),
});

export const { useMe, useSetMe, useSaveLanguage, useSignOut, useLeaveSignedOut } = session;

/** This app's landing place when `?next=` is missing or unsafe. */
export const safeNext = (next: string | null | undefined, fallback = '/account') =>
  safeNextIn(next, fallback);

const anyAccount = () => true;

/** Pages for any signed-in person; a visitor is sent to sign in. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  return <session.RequireSession allows={anyAccount}>{children}</session.RequireSession>;
}
