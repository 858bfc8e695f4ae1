import { createSessionHooks, safeNext as safeNextIn } from '@musyawarah/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTRPC, type Me } from './trpc';

/** The kit's session hooks over this app's tRPC client. */
const session = createSessionHooks({
  useMeQuery: () => useQuery(useTRPC().auth.me.queryOptions()),
  useMeQueryKey: () => useTRPC().auth.me.queryKey(),
  useSetLocale: (options) => useMutation(useTRPC().account.setLocale.mutationOptions(options)),
  useSignOut: (options) => useMutation(useTRPC().auth.signOut.mutationOptions(options)),
});

export const { useMe, useSetMe, useSaveLanguage, useSignOut } = session;

/** This app's landing place when `?next=` is missing or unsafe. */
export const safeNext = (next: string | null | undefined, fallback = '/') => safeNextIn(next, fallback);

const isSecretariat = (me: Me) => me.role === 'secretariat';

/** Every page but sign-in needs a Secretariat account; anyone else is sent to sign in. */
export function RequireSecretariat({ children }: { children: ReactNode }) {
  return <session.RequireSession allows={isSecretariat}>{children}</session.RequireSession>;
}
