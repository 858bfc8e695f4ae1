import { clientAddressKey, consumeRateLimits } from '@musyawarah/auth';
import type { SubmissionLimit } from '@musyawarah/db';
import type { Context } from '../context';
import { ThrottledError } from '../errors';

const HOUR = 60 * 60 * 1000;

/**
 * How many participation writes one person, or one client address, may make (issue #11 item 14), counted by the
 * PostgreSQL-backed `consumeRateLimits` of @musyawarah/auth (atomic across processes). Chosen never to stop a real
 * participant, only scripts:
 * - a submission is one person's feedback to a round; 600 an hour is ten a minute for an hour, far beyond anyone typing
 *   (the load and crash tests run hundreds per account, which set the ceiling for now). A retry with the same
 *   idempotency key is answered with its receipt before anything is counted, so it is never refused;
 * - per client address 2,000 an hour leaves room for a town hall or a ministry behind one NAT; loopback addresses are
 *   not counted, because without TRUST_PROXY every participant behind a local reverse proxy shares that address;
 * - drafts are autosaved at most once a second while typing: 3,600 an hour;
 * - reports and event registration changes (register, cancel — a cancellation can send a mail to someone else).
 * The Secretariat's on-behalf entries are not counted: staff type in a whole event's feedback at once.
 */
export const CONTRIBUTION_LIMITS = {
  submissionsPerAuthor: { limit: 600, windowMs: HOUR },
  submissionsPerClient: { limit: 2_000, windowMs: HOUR },
  draftsPerAuthor: { limit: 3_600, windowMs: HOUR },
  reportsPerUser: { limit: 100, windowMs: HOUR },
  registrationChangesPerUser: { limit: 60, windowMs: HOUR },
} as const satisfies Record<string, { limit: number; windowMs: number }>;

export type ContributionLimits = {
  [K in keyof typeof CONTRIBUTION_LIMITS]: { limit: number; windowMs: number };
};
type LimitName = keyof ContributionLimits;

function limitsOf(ctx: Context): ContributionLimits {
  // Tests may lower them (ApiConfig.contributionLimits); production runs on the defaults.
  return { ...CONTRIBUTION_LIMITS, ...ctx.config.contributionLimits };
}

function isLoopback(address: string): boolean {
  const a = address.trim().toLowerCase();
  return a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.');
}

/** The limits one write of `kind` by this person (and, for `clientLimit`, from this client address) is counted against. */
export function contributionLimits(
  ctx: Context & { user: { id: string } },
  kind: LimitName,
  clientLimit?: LimitName,
): SubmissionLimit[] {
  const limits = limitsOf(ctx);
  const checks: SubmissionLimit[] = [{ key: `contribution:${kind}:user:${ctx.user.id}`, ...limits[kind] }];
  const address = ctx.request.ipAddress;
  if (clientLimit && address && !isLoopback(address)) {
    checks.push({
      key: `contribution:${clientLimit}:client:${clientAddressKey(address)}`,
      ...limits[clientLimit],
    });
  }
  return checks;
}

/** Counts one write of `kind` by this person (and, for `clientLimit`, from this client address); refuses with 429 over a limit. */
export async function throttleContribution(
  ctx: Context & { user: { id: string } },
  kind: LimitName,
  clientLimit?: LimitName,
) {
  const decision = await consumeRateLimits(ctx.db, contributionLimits(ctx, kind, clientLimit));
  if (!decision.allowed) throw new ThrottledError(decision.retryAfterSeconds);
}
