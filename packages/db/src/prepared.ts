import { createHash } from 'node:crypto';
import type { CompiledQuery } from 'kysely';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Compilable,
  type QueryResult,
} from 'kysely';
import type { Database } from './schema';
import type { Executor } from './client';

/**
 * A statement of fixed shape, built and compiled by Kysely ONCE, then executed with each call's values. Building and
 * compiling a statement costs Kysely ~0.05–0.1 ms of CPU every time (the operation-node tree, frozen, then walked into
 * SQL): on the busiest write (a submission: session, rate limit, context) that was ~13 % of the API's CPU (bench/). The
 * statement stays typed Kysely code in its repository; only its compiling is kept.
 *
 * `build` receives a `param(name)` standing for a value given at execution: it must be used where Kysely makes a
 * parameter of it (a compared value, an inserted value, `${…}` inside `sql`), never as an identifier, a `limit` that
 * could change the statement, or anything Kysely inspects. Everything else in the statement is fixed for good.
 *
 * Compiled without a connection, by PostgreSQL's compiler: both PostgreSQL and the embedded PGlite run the same SQL,
 * and our databases run without Kysely plugins; one that has any gets the statement built through it instead.
 *
 * The SQL starts with a comment naming it (`preparedStatementName`): on PostgreSQL the pool sends it as a named
 * prepared statement, parsed and planned once per connection (`namedStatementPool`). Keep this for the small, fixed
 * set of statements every request runs; each one is kept by every connection of every host for its lifetime.
 */
export function preparedStatement<Params extends Record<string, unknown>, Row>(
  build: (db: Kysely<Database>, param: <K extends keyof Params>(name: K) => Params[K]) => Compilable<Row>,
): (db: Executor, params: Params) => Promise<QueryResult<Row>> {
  let compiled: {
    sql: string;
    slots: ({ name: string } | { value: unknown })[];
    query: CompiledQuery<Row>;
  } | null = null;
  return async (db, params) => {
    // A database with a plugin (a test counting statements, say) gets the statement built through it, values and all,
    // so the plugin sees and may transform it as it would any other.
    if (db.getExecutor().plugins.length > 0) {
      return db.executeQuery(build(db as Kysely<Database>, (name) => params[name]));
    }
    compiled ??= compile(build);
    const { slots } = compiled;
    const parameters = new Array<unknown>(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      parameters[i] = 'name' in slot ? params[slot.name] : slot.value;
    }
    const query: CompiledQuery<Row> = {
      sql: compiled.sql,
      parameters,
      query: compiled.query.query,
      queryId: compiled.query.queryId,
    };
    return db.executeQuery(query);
  };
}

const MARK = '\u0000musyawarah-param:';

function compile<Params extends Record<string, unknown>, Row>(
  build: (db: Kysely<Database>, param: <K extends keyof Params>(name: K) => Params[K]) => Compilable<Row>,
) {
  const names = new Set<string>();
  const param = <K extends keyof Params>(name: K): Params[K] => {
    names.add(String(name));
    return `${MARK}${String(name)}` as Params[K];
  };
  const query = build(coldBuilder(), param).compile();
  const used = new Set<string>();
  const slots = query.parameters.map((value) => {
    if (typeof value === 'string' && value.startsWith(MARK)) {
      const name = value.slice(MARK.length);
      used.add(name);
      return { name };
    }
    return { value };
  });
  // A value Kysely did not turn into a parameter (an identifier, part of the SQL text) would silently be the marker.
  for (const name of names) {
    if (!used.has(name) || query.sql.includes(MARK)) {
      throw new Error(`preparedStatement: "${name}" did not become a parameter of ${query.sql}`);
    }
  }
  const sql = `/* prepared s_${createHash('sha256').update(query.sql).digest('hex').slice(0, 16)} */ ${query.sql}`;
  return { sql, slots, query: { ...query, sql } };
}

const NAMED = /^\/\* prepared (s_[0-9a-f]{16}) \*\/ /;

/** The name `preparedStatement` gave this SQL, or null for any other statement. */
export function preparedStatementName(sql: string): string | null {
  if (!sql.startsWith('/* prepared s_')) return null;
  return NAMED.exec(sql)?.[1] ?? null;
}

let cold: Kysely<Database> | null = null;

/** A Kysely that only builds and compiles PostgreSQL (Kysely's documented "cold" setup); it never connects. */
function coldBuilder(): Kysely<Database> {
  cold ??= new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return cold;
}
