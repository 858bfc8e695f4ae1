import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_POLICY, ACTORS, isAllowed, type Actor } from './access-policy';
import { appRouter } from './root';
import { createTestApi, type TestApi } from './test-support';

const procedures = Object.keys(
  (appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures,
);

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

async function callAs(actor: Actor, path: string): Promise<unknown> {
  // A fresh session per call: some procedures (sign out, delete account) end the session they run in.
  const { caller } = actor === 'anonymous' ? await api.call() : await api.signedIn(actor);
  const fn = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input?: unknown,
  ) => Promise<unknown>;
  try {
    return await fn(undefined);
  } catch (error) {
    return error;
  }
}

describe('authorization: every procedure with every role', () => {
  it('every procedure has a decision in the access policy, and the policy names no missing procedure', () => {
    expect(procedures.filter((p) => !(p in ACCESS_POLICY))).toEqual([]);
    expect(Object.keys(ACCESS_POLICY).filter((p) => !procedures.includes(p))).toEqual([]);
  });

  for (const path of procedures) {
    for (const actor of ACTORS) {
      const access = ACCESS_POLICY[path] ?? 'secretariat';
      const allowed = isAllowed(access, actor);
      it(`${path} is ${allowed ? 'allowed' : 'denied'} for ${actor}`, async () => {
        const outcome = await callAs(actor, path);
        const denied =
          outcome instanceof TRPCError &&
          ((outcome.code === 'UNAUTHORIZED' && outcome.message === 'errors.unauthorized') ||
            (outcome.code === 'FORBIDDEN' && outcome.message === 'errors.forbidden'));
        expect(
          denied,
          `${path} as ${actor}: ${outcome instanceof Error ? outcome.message : 'succeeded'}`,
        ).toBe(!allowed);
        if (!allowed)
          expect((outcome as TRPCError).code).toBe(actor === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
        if (allowed && outcome instanceof TRPCError) expect(outcome.code).not.toBe('INTERNAL_SERVER_ERROR');
      });
    }
  }
});
