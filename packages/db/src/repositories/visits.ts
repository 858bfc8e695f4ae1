import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../client';

/** Repeats from one visitor for one round within this window are not counted again. */
export const VISIT_WINDOW_SECONDS = 30 * 60;
/** Expired rows of other visitors removed by each recorded visit (skipping rows another visit holds). */
const PRUNE_BATCH = 50;

/**
 * Who a visit is from, as stored: a SHA-256 of the round and the client address, so the table never holds an address.
 * (An address is a small space; the hash keeps addresses out of the table and its backups, and the row is gone once
 * the window has passed — it is not meant to withstand someone who has the table and tries every address.)
 */
export function visitorHash(roundId: string, address: string | null): Buffer {
  return createHash('sha256')
    .update(`round-visit\0${roundId}\0${address ?? '?'}`)
    .digest();
}

/**
 * Counts one visit to a published round today (UTC), unless the same visitor (address) was counted for that round
 * within the window: decided in the database, in one statement, so every host behind a load balancer sees the same
 * visitors and two hosts reached at the same moment count once (the second insert waits for the first and finds it).
 * A repeat inside the window does not extend it. The same statement removes a bounded batch of expired rows of other
 * visitors, so the table holds about one window of visitors without a separate job. False for a draft, an unknown
 * round, or a repeat.
 */
export async function recordRoundVisitOnce(
  db: Executor,
  input: { roundId: string; address: string | null; windowSeconds?: number },
): Promise<boolean> {
  const hash = visitorHash(input.roundId, input.address);
  const window = sql`make_interval(secs => ${input.windowSeconds ?? VISIT_WINDOW_SECONDS})`;
  const result = await sql<{ visits: number }>`
    with fresh as (
      insert into round_visit (round_id, visitor_hash, counted_at)
      select id, ${hash}, now() from consultation_round where id = ${input.roundId} and published_at is not null
      on conflict (round_id, visitor_hash) do update set counted_at = excluded.counted_at
        where round_visit.counted_at <= excluded.counted_at - ${window}
      returning round_id
    ), counted as (
      insert into round_daily_stat (round_id, day, visits)
      select round_id, (now() at time zone 'UTC')::date, 1 from fresh
      on conflict (round_id, day) do update set visits = round_daily_stat.visits + 1
      returning visits
    ), pruned as (
      delete from round_visit where ctid in (
        select ctid from round_visit
         where counted_at <= now() - ${window}
           and not (round_id = ${input.roundId} and visitor_hash = ${hash})
         limit ${PRUNE_BATCH}
         for update skip locked
      )
    )
    select visits from counted
  `.execute(db);
  return result.rows.length > 0;
}
