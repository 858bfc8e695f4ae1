// Found by tooling/reliability's hostile-input suite: text the database cannot store (a NUL character) reached
// PostgreSQL and came back as INTERNAL_SERVER_ERROR. It is the client's mistake and must be answered BAD_REQUEST.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './test-support';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

describe('values the database refuses', () => {
  it('a NUL character in a search answers BAD_REQUEST validation.invalid', async () => {
    const secretariat = await api.signedIn('secretariat');
    const error = await errorOf(secretariat.caller.users.list({ search: 'a\u0000b' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('validation.invalid');
  });

  it('a NUL character in feedback answers BAD_REQUEST and stores nothing', async () => {
    const secretariat = await api.signedIn('secretariat');
    const round = await secretariat.caller.rounds.create({
      title: { en: 'NUL round' },
      description: { en: 'x' },
      format: 'online_consultation',
      audience: 'public',
      memberStates: [],
      languages: ['en'],
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      targets: [],
    } as never);
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
    const participant = await api.signedIn('stakeholder');
    const error = await errorOf(
      participant.caller.contributions.submit({
        roundId: round.id,
        idempotencyKey: randomUUID(),
        answers: {},
        items: [{ type: 'concern', text: 'before\u0000after' }],
        stakeholderGroup: 'civil_society',
        writtenIn: 'en',
        namedPublicly: false,
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    const stored = await api.db
      .selectFrom('contribution')
      .select('id')
      .where('round_id', '=', round.id)
      .execute();
    expect(stored).toEqual([]);
  });
});
