import { TRPCError } from '@trpc/server';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '@musyawarah/db';
import { createContext, onOneConnection } from './context';
import { createMailer } from './mail/mailer';
import { createCaller } from './root';

// A real driver against an address where nothing listens: the same failure as a PostgreSQL server that is down.
const pool = new pg.Pool({ host: '127.0.0.1', port: 9, connectionTimeoutMillis: 2_000 });
pool.on('error', () => undefined);
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
afterAll(async () => db.destroy());

const services = {
  db,
  mailer: createMailer({ smtp: null, from: 'x@example.org', log: () => undefined }),
  logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  config: { publicUrl: 'http://localhost:3000', secureCookies: false, trustedOrigins: [], nodeEnv: 'test' },
};
const request = (cookieHeader: string | null) => ({
  requestId: 'r1',
  ipAddress: null,
  userAgent: null,
  cookieHeader,
  origin: null,
  secFetchSite: null,
  host: 'localhost',
  setCookie: () => undefined,
});

describe('when the database cannot be reached', () => {
  it('a procedure answers SERVICE_UNAVAILABLE (HTTP 503) with a message people can act on', async () => {
    const caller = createCaller(await createContext(services, request(null)));
    const error = await caller.reference.memberStates().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
    expect((error as TRPCError).message).toBe('errors.unavailable');
  });

  it('so does a signed-in request, whose session cannot be checked', async () => {
    const error = await createContext(
      services,
      request('musyawarah_session=abcdefghijklmnopqrstuvwxyz234567'),
    ).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('so does a submission that waits for a connection of its own (onOneConnection) and gets none', async () => {
    let ran = false;
    const error = await onOneConnection(services, async () => {
      ran = true;
    }).catch((e: unknown) => e);
    expect(ran).toBe(false);
    expect((error as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
    expect((error as TRPCError).message).toBe('errors.unavailable');
  });
});
