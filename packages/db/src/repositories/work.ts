// What needs someone's attention, counted with the same definitions the detail screens list by, so a figure on a home
// page and the list behind its link never disagree.
import { sql } from 'kysely';
import type { Executor } from '../client';
import { FAILED_MAIL_STATUSES } from './mail';

/**
 * Unresolved reports of a contribution (`contribution` in scope). The moderation queue shows this number per
 * contribution and filters "reported" on it being above 0; the Secretariat overview counts contributions where it is.
 */
export const openReportsOfContribution = sql<number>`(select count(*)::int from contribution_report r where r.contribution_id = contribution.id and r.resolved_at is null)`;

/** Submitted, shown, and not yet answered by the Secretariat: the moderation queue's "awaiting a response". */
export const awaitsResponse = sql<boolean>`(contribution.status = 'submitted' and contribution.hidden_at is null and not exists (select 1 from contribution_response cr where cr.contribution_id = contribution.id))`;

/** Per round: contributions with open reports and contributions awaiting a response. Rounds with neither are left out. */
export async function countModerationWork(db: Executor) {
  const rows = await db
    .selectFrom('contribution')
    .select([
      'contribution.round_id',
      sql<number>`count(*) filter (where ${openReportsOfContribution} > 0)::int`.as('reported'),
      sql<number>`count(*) filter (where ${awaitsResponse})::int`.as('unanswered'),
    ])
    .where('contribution.status', '=', 'submitted')
    .groupBy('contribution.round_id')
    .execute();
  return rows
    .map((r) => ({ roundId: r.round_id, reported: Number(r.reported), unanswered: Number(r.unanswered) }))
    .filter((r) => r.reported > 0 || r.unanswered > 0);
}

/** Failed mail as the Mail screen's filter lists it (FAILED_MAIL_STATUSES). */
export async function countFailedMail(db: Executor) {
  const row = await db
    .selectFrom('mail_outbox')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('status', 'in', FAILED_MAIL_STATUSES)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
