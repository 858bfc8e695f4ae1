import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { createSessionHooks } from './session';

interface Me {
  id: string;
  locale: string;
  role: string;
}

const ME_KEY = ['auth', 'me'];
const ada: Me = { id: 'u1', locale: 'en', role: 'secretariat' };

/** The kit's hooks over stand-in procedures that record what was sent and answer as the API does. */
function sessionOver(client: QueryClient) {
  const sentLocales: string[] = [];
  let signOutSettled = () => undefined as void;
  const hooks = createSessionHooks({
    useMeQuery: () => useQuery({ queryKey: ME_KEY, queryFn: (): Me | null => null }),
    useMeQueryKey: () => ME_KEY,
    useSetLocale: ({ onSuccess }) => ({
      mutate: ({ locale }) => {
        sentLocales.push(locale);
        onSuccess({ user: { locale } });
      },
    }),
    useSignOut: ({ onSettled }) => {
      signOutSettled = onSettled;
      return { mutate: () => signOutSettled(), isPending: false };
    },
  });
  /** Renders once with `useHook` inside the providers and hands back what it returned. */
  const take = <T,>(useHook: () => T): T => {
    let taken: T | undefined;
    function Probe() {
      taken = useHook();
      return null;
    }
    render(<Probe />);
    if (taken === undefined) throw new Error('the hook did not run');
    return taken;
  };
  const render = (node: ReactNode) =>
    renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={['/rounds/7?tab=feedback']}>{node}</MemoryRouter>
      </QueryClientProvider>,
    );
  return { hooks, take, render, sentLocales };
}

describe('session hooks', () => {
  it('useSetMe records the new user and forgets what was cached for the previous one', () => {
    const client = new QueryClient();
    client.setQueryData(['rounds', 'mine'], ['round of the previous user']);
    const { hooks, take } = sessionOver(client);
    take(hooks.useSetMe)(ada);
    expect(client.getQueryData(ME_KEY)).toEqual(ada);
    expect(client.getQueryData(['rounds', 'mine'])).toBeUndefined();
  });

  it('useSaveLanguage saves a supported, different language for a signed-in person and updates who is signed in', () => {
    const client = new QueryClient();
    client.setQueryData(ME_KEY, ada);
    const { hooks, take, sentLocales } = sessionOver(client);
    const save = take(hooks.useSaveLanguage);
    save('en');
    save('xx-not-a-language');
    save('th');
    expect(sentLocales).toEqual(['th']);
    expect(client.getQueryData<Me>(ME_KEY)?.locale).toBe('th');
  });

  it('useSaveLanguage sends nothing for a visitor', () => {
    const client = new QueryClient();
    client.setQueryData(ME_KEY, null);
    const { hooks, take, sentLocales } = sessionOver(client);
    take(hooks.useSaveLanguage)('th');
    expect(sentLocales).toEqual([]);
  });

  it('useSignOut forgets the user once the request is over, whatever its answer', () => {
    const client = new QueryClient();
    client.setQueryData(ME_KEY, ada);
    client.setQueryData(['account', 'profile'], { email: 'ada@example.org' });
    const { hooks, take } = sessionOver(client);
    take(() => hooks.useSignOut({ key: 'signIn.signedOut' })).signOut();
    expect(client.getQueryData(ME_KEY)).toBeNull();
    expect(client.getQueryData(['account', 'profile'])).toBeUndefined();
  });

  it('RequireSession shows the page to a user it allows, and not to a visitor or a user it refuses', () => {
    const page = <p>secret page</p>;
    const signedIn = new QueryClient();
    signedIn.setQueryData(ME_KEY, ada);
    const allowed = sessionOver(signedIn);
    expect(
      allowed.render(<allowed.hooks.RequireSession allows={() => true}>{page}</allowed.hooks.RequireSession>),
    ).toContain('secret page');
    expect(
      allowed.render(
        <allowed.hooks.RequireSession allows={(me) => me.role === 'stakeholder'}>
          {page}
        </allowed.hooks.RequireSession>,
      ),
    ).not.toContain('secret page');
    const visitor = new QueryClient();
    visitor.setQueryData(ME_KEY, null);
    const refused = sessionOver(visitor);
    expect(
      refused.render(<refused.hooks.RequireSession allows={() => true}>{page}</refused.hooks.RequireSession>),
    ).not.toContain('secret page');
  });
});
