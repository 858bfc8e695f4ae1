import type { Pool, PoolClient, QueryResult } from 'pg';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { preparedStatementName } from './prepared';

/**
 * A `pg` pool as Kysely's PostgreSQL dialect wants it, in which the statements `preparedStatement` marks are sent as
 * named prepared statements: PostgreSQL parses and plans each of them once per connection instead of at every call.
 * On the busiest write (a submission: session, throttle, context, insert) parsing and planning the same few statements
 * again was a fifth of PostgreSQL's CPU per request (bench/README.md). Every other statement goes as before.
 *
 * A prepared statement outlives a schema change on its connection; if the change alters what it returns (a rolling
 * deploy adding a column to a table a `select *` reads), PostgreSQL refuses it ("cached plan must not change result
 * type"). That connection is then dropped when released, and a statement outside a transaction is sent once more,
 * unnamed, so the request is still answered; inside a transaction the error stands (the transaction is already
 * aborted) and the request fails as any other aborted transaction would.
 */
export function namedStatementPool(pool: Pool, options: { enabled: boolean }): PostgresPool {
  if (!options.enabled) return pool;
  const wrappers = new WeakMap<PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = namedStatementClient(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

const STALE_PLAN = '0A000';

function namedStatementClient(client: PoolClient): PostgresPoolClient {
  let stale = false;
  const query = async (sql: string, values: readonly unknown[]): Promise<QueryResult> => {
    const name = preparedStatementName(sql);
    if (!name) return client.query(sql, values as unknown[]);
    try {
      return await client.query({ name, text: sql, values: values as unknown[] });
    } catch (error) {
      if ((error as { code?: string }).code !== STALE_PLAN) throw error;
      stale = true;
      if (client.getTransactionStatus() !== 'I') throw error;
      return client.query(sql, values as unknown[]);
    }
  };
  return {
    // Kysely calls `query(sql, parameters)` for statements and `query(cursor)` only to stream, which we do not.
    query: ((sqlOrCursor: unknown, values?: readonly unknown[]) =>
      typeof sqlOrCursor === 'string'
        ? query(sqlOrCursor, values ?? [])
        : client.query(sqlOrCursor as never)) as unknown as PostgresPoolClient['query'],
    release() {
      // A connection holding a statement PostgreSQL now refuses is closed rather than handed to the next request.
      if (stale) {
        stale = false;
        client.release(new Error('a prepared statement went stale after a schema change'));
      } else {
        client.release();
      }
    },
  };
}
