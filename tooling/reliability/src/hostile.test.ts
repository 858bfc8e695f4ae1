// Hostile input: for every procedure of the router, at least 1,000 generated inputs — wrong types, huge strings, deep
// objects, special numbers, prototype keys, near-valid objects with the schema's own keys — and never an internal
// error. The bulk goes through createCaller (the same context the HTTP server builds) on this suite's own PostgreSQL;
// a sample of raw HTTP bodies (broken JSON, batches, huge and deep payloads) goes through the real host on top.
import fc from 'fast-check';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_POLICY, appRouter, type Access } from '@musyawarah/api';
import { createTestApi, type TestApi } from '@musyawarah/api/test-support';
import { startPlatformServer, type PlatformServer } from '@musyawarah/api-host';
import { createSession } from '@musyawarah/auth';
import { insertUser } from '@musyawarah/db';
import { sql } from 'kysely';
import { startPostgres, type Postgres } from './support';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 1_000);
const HTTP_SAMPLE = Number(process.env.HOSTILE_HTTP_SAMPLE ?? 25);

let pg: Postgres;
let api: TestApi;
let platform: PlatformServer | undefined;

beforeAll(async () => {
  pg = await startPostgres();
  process.env.TEST_DATABASE_URL = pg.url;
  api = await createTestApi();
});
afterAll(async () => {
  await platform?.close();
  await api?.close();
  delete process.env.TEST_DATABASE_URL;
  await pg?.stop();
});

// The procedures as the router knows them (not the policy table): a new procedure is fuzzed without being listed.
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs: unknown[] } }>,
).map(([path, procedure]) => ({ path, type: procedure._def.type, inputs: procedure._def.inputs }));

/** Keys of the procedure's input object, seen through .default()/.optional()/pipes, so near-valid objects get generated. */
function inputKeys(schemas: unknown[]): string[] {
  const keys = new Set<string>();
  for (let schema of schemas) {
    for (let i = 0; i < 10 && schema; i++) {
      const def = (
        schema as { _zod?: { def?: { shape?: Record<string, unknown>; innerType?: unknown; in?: unknown } } }
      )._zod?.def;
      if (!def) break;
      if (def.shape) {
        for (const key of Object.keys(def.shape)) keys.add(key);
        break;
      }
      schema = def.innerType ?? def.in;
    }
  }
  return [...keys];
}

function nest(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

const specialNumber = fc.constantFrom(
  Number.NaN,
  Infinity,
  -Infinity,
  -0,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 31) - 1,
  0.1,
  1e-320,
);
const specialString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '💥'.repeat(1000),
  '<script>alert(1)</script>',
  "'; drop table contribution; --",
  '../../etc/passwd',
  '%00',
  '{"__proto__":{"x":1}}',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'NaN',
  'null',
  'undefined',
  'C3.2',
  'ID',
  'en',
  'secretariat',
  'a'.repeat(64),
  'A'.repeat(256),
);
const hugeString = fc.integer({ min: 10_000, max: 1_000_000 }).map((n) => 'x'.repeat(n));
const deepValue = fc
  .tuple(fc.integer({ min: 20, max: 3_000 }), fc.boolean())
  .map(([depth, asArray]) => nest(depth, 'deep', asArray));
const protoValue = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
  Object.create(null),
  { toString: 'not a function', valueOf: 1 },
);
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withNullPrototype: true,
    withSparseArray: true,
    withBoxedValues: true,
  }),
  specialNumber,
  specialString,
  fc.uuid(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(null, undefined, true, false, [], {}),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deepValue },
  { weight: 1, arbitrary: protoValue },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 2_000 }) },
);

function hostileInput(keys: string[]): fc.Arbitrary<unknown> {
  if (keys.length === 0) return hostileValue;
  // Objects with the schema's own keys, each holding something hostile (or a plausible value), plus stray keys.
  const shaped = fc
    .tuple(
      fc.subarray(keys),
      fc.array(fc.oneof(hostileValue, leaf), { minLength: keys.length, maxLength: keys.length }),
      fc.dictionary(fc.string({ maxLength: 20 }), leaf, { maxKeys: 3 }),
    )
    .map(([chosen, values, extra]) => {
      const object: Record<string, unknown> = { ...extra };
      chosen.forEach((key, i) => (object[key] = values[i]));
      return object;
    });
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 2, arbitrary: hostileValue });
}

type Caller = Awaited<ReturnType<TestApi['call']>>['caller'];
function callProcedure(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

const roleFor: Record<Access, 'stakeholder' | 'secretariat' | 'member_state'> = {
  public: 'stakeholder',
  authed: 'stakeholder',
  participant: 'stakeholder',
  secretariat: 'secretariat',
  member_state: 'member_state',
};
/** These end the caller's session (or account) when they succeed; each run gets a fresh one. */
const SESSION_ENDING = new Set([
  'auth.signOut',
  'auth.signOutEverywhere',
  'account.deleteAccount',
  'account.revokeSession',
]);

describe('hostile input through createCaller (PostgreSQL)', () => {
  it('finds every procedure', () => {
    expect(procedures.length).toBeGreaterThan(40);
  });

  for (const procedure of procedures) {
    it(`${procedure.path}: ${RUNS} generated inputs, never INTERNAL_SERVER_ERROR`, async () => {
      const access = ACCESS_POLICY[procedure.path] ?? 'secretariat';
      const anonymous = (await api.call()).caller;
      const signedIn = await api.signedIn(roleFor[access]);
      const keys = inputKeys(procedure.inputs);
      let run = 0;
      await fc.assert(
        fc.asyncProperty(hostileInput(keys), async (input) => {
          run++;
          let caller: Caller = signedIn.caller;
          // Public procedures alternate between a visitor and a signed-in participant.
          if (access === 'public' && run % 2) caller = anonymous;
          else if (SESSION_ENDING.has(procedure.path)) {
            const { token } = await createSession(api.db, signedIn.user.id);
            caller = (await api.call({ token })).caller;
          }
          try {
            await callProcedure(caller, procedure.path, input);
          } catch (error) {
            if (!(error instanceof TRPCError)) throw error;
            if (error.code === 'INTERNAL_SERVER_ERROR') {
              throw new Error(
                `${procedure.path} answered INTERNAL_SERVER_ERROR: ${String(error.cause ?? error.message)}`,
                { cause: error },
              );
            }
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      expect(run).toBeGreaterThanOrEqual(RUNS);
    });
  }
});

describe('hostile HTTP bodies through the real host (sample)', () => {
  it(`${HTTP_SAMPLE} raw requests per procedure: never a 5xx`, async () => {
    // Its own database on the same server: the caller suite above lives in a schema of the default one.
    await sql.raw('create database hostile_http').execute(api.db);
    const url = pg.url.replace(/\/postgres$/, '/hostile_http');
    platform = await startPlatformServer({
      port: 0,
      databaseUrl: url,
      serveApps: false,
      seedDemo: false,
      logLevel: 'silent',
      nodeEnv: 'test',
    });
    const user = await insertUser(platform.db, {
      email: 'hostile-http@example.org',
      name: 'Hostile',
      role: 'secretariat',
      passwordHash: null,
      status: 'active',
      emailVerifiedAt: new Date(),
    });
    const cookie = `musyawarah_session=${(await createSession(platform.db, user.id)).token}`;
    const rawBody = fc.oneof(
      hostileInput([]).map((value) => {
        try {
          return JSON.stringify(value) ?? 'undefined';
        } catch {
          return '{"bigint":1n}';
        }
      }),
      fc.string({ unit: 'binary', maxLength: 500 }),
      fc.constantFrom(
        '{',
        '[',
        '{"0":',
        'null',
        '"',
        '{"json":{"a":1}}',
        `${'['.repeat(100_000)}`,
        `{"roundId":"${'x'.repeat(900_000)}"}`,
      ),
    );
    const failures: string[] = [];
    for (const procedure of procedures) {
      const samples = fc.sample(fc.tuple(rawBody, fc.boolean(), fc.boolean()), HTTP_SAMPLE);
      for (const [body, batch, asQuery] of samples) {
        const base = `${platform.url}/trpc/${batch ? `${procedure.path},${procedure.path}` : procedure.path}`;
        const isQuery = procedure.type === 'query' || asQuery;
        const url = isQuery
          ? `${base}?${batch ? 'batch=1&' : ''}input=${encodeURIComponent(body.slice(0, 4_000))}`
          : `${base}${batch ? '?batch=1' : ''}`;
        const res = await fetch(url, {
          method: isQuery ? 'GET' : 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          ...(isQuery ? {} : { body }),
        });
        if (res.status >= 500)
          failures.push(
            `${procedure.path} ${res.status} ${isQuery ? 'GET' : 'POST'} ${body.slice(0, 120)}: ${(await res.text()).slice(0, 200)}`,
          );
        else await res.arrayBuffer();
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});
