import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/full';
import { createFollow } from './follow';

const i18n = createI18n({}, { lng: 'en' });
const FOLLOWS_KEY = ['notifications', 'follows'];
const stateKey = (input: { subjectId: string }) => ['notifications', 'followState', input.subjectId];

function followOver(client: QueryClient, signedIn: boolean) {
  const Follow = createFollow<'round'>({
    useSignedIn: () => signedIn,
    useFollowState: (input, { enabled }) =>
      useQuery({ queryKey: stateKey(input), queryFn: () => ({ following: false }), enabled }),
    useFollowStateKey: stateKey,
    useFollowsKey: () => FOLLOWS_KEY,
    useFollow: ({ onSuccess }) => ({ mutate: () => onSuccess({ following: true }), isPending: false }),
    useUnfollow: ({ onSuccess }) => ({ mutate: () => onSuccess({ following: false }), isPending: false }),
  });
  return () =>
    renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={client}>
          <Follow subjectType="round" subjectId="r1" name="Round one" />
        </QueryClientProvider>
      </I18nextProvider>,
    );
}

describe('Follow', () => {
  it('offers nothing to a visitor', () => {
    const client = new QueryClient();
    client.setQueryData(stateKey({ subjectId: 'r1' }), { following: false });
    expect(followOver(client, false)()).toBe('');
  });

  it('offers a signed-in person to follow, and to unfollow what they already follow', () => {
    const client = new QueryClient();
    client.setQueryData(stateKey({ subjectId: 'r1' }), { following: false });
    const render = followOver(client, true);
    expect(render()).toContain('aria-pressed="false"');
    client.setQueryData(stateKey({ subjectId: 'r1' }), { following: true });
    expect(render()).toContain('aria-pressed="true"');
  });
});
