import { findActionArea, findSubAction, isInCycleAudience, type NotificationEvent } from '@musyawarah/core';
import {
  findNotificationRecipients,
  listFollowers,
  type ConsultationRound,
  type Executor,
  type MailOutbox,
  type ReviewCycle,
} from '@musyawarah/db';
import { notify, type NotifyServices } from './notify';

/**
 * The producers: each is called inside the transaction of the change that causes it and decides who hears of it.
 * Rounds, once published, are public pages, so their followers may all be told; review cycles tell only followers in
 * the cycle's audience; feedback news goes to its author alone.
 */

function roundParams(round: ConsultationRound) {
  return { title: round.title };
}

/** "A round I follow opens / closes / publishes its summary", once per round and moment. */
export async function notifyRoundNews(
  services: NotifyServices,
  tx: Executor,
  round: ConsultationRound,
  event: Extract<NotificationEvent, 'round.opened' | 'round.closed' | 'round.summaryPublished'>,
  dedupKey: string,
  now: Date = new Date(),
): Promise<MailOutbox[]> {
  if (!round.published_at) return [];
  return notify(
    services,
    tx,
    await listFollowers(tx, 'round', [round.id]),
    {
      event,
      subjectType: 'round',
      subjectId: round.id,
      link: `/consultations/${round.id}`,
      params: roundParams(round),
      dedupKey,
    },
    now,
  );
}

/** The action areas a round is about (its ids may name sub-actions: C2.1.1 belongs to C2.1). */
export function actionAreasOf(actionIds: readonly string[]): string[] {
  const areas = new Set<string>();
  for (const id of actionIds) {
    const area = findActionArea(id)?.id ?? findSubAction(id)?.actionArea.id;
    if (area) areas.add(area);
  }
  return [...areas];
}

/** "A new round on an action I follow": when a round is first published, to followers of its action areas. */
export async function notifyNewRoundOnActions(
  services: NotifyServices,
  tx: Executor,
  round: ConsultationRound,
  now: Date = new Date(),
): Promise<MailOutbox[]> {
  const areas = actionAreasOf(round.action_ids);
  if (!round.published_at || areas.length === 0) return [];
  return notify(
    services,
    tx,
    await listFollowers(tx, 'action', areas),
    {
      event: 'action.newRound',
      subjectType: 'round',
      subjectId: round.id,
      link: `/consultations/${round.id}`,
      params: { ...roundParams(round), action: areas.join(', ') },
      dedupKey: `action.newRound:${round.id}`,
    },
    now,
  );
}

/** Feedback news (answered, hidden, shown again) to its author, if they still have an account. */
export async function notifyFeedbackAuthor(
  services: NotifyServices,
  tx: Executor,
  contribution: { id: string; author_user_id: string | null; receipt_reference: string | null },
  round: ConsultationRound,
  event: Extract<NotificationEvent, 'feedback.responded' | 'feedback.hidden' | 'feedback.restored'>,
  options: { dedupKey?: string; alreadyMailed?: boolean } = {},
): Promise<MailOutbox[]> {
  if (!contribution.author_user_id) return [];
  return notify(services, tx, await findNotificationRecipients(tx, [contribution.author_user_id]), {
    event,
    subjectType: 'contribution',
    subjectId: contribution.id,
    link: '/my-contributions',
    params: { ...roundParams(round), reference: contribution.receipt_reference ?? '' },
    dedupKey: options.dedupKey ?? null,
    alreadyMailed: options.alreadyMailed ?? false,
  });
}

/**
 * "Review cycle phases": followers of the cycle who are in its audience (a cycle for Member States tells no one
 * else, whatever they follow), once per cycle and phase.
 */
export async function notifyCyclePhase(
  services: NotifyServices,
  tx: Executor,
  cycle: ReviewCycle,
  phase: string,
  now: Date = new Date(),
): Promise<MailOutbox[]> {
  const followers = (await listFollowers(tx, 'review_cycle', [cycle.id])).filter((f) =>
    isInCycleAudience(cycle.audience, f.role as Parameters<typeof isInCycleAudience>[1]),
  );
  return notify(
    services,
    tx,
    followers,
    {
      event: 'review.phaseChanged',
      subjectType: 'review_cycle',
      subjectId: cycle.id,
      link: `/review/${cycle.id}`,
      params: { title: cycle.title, phase },
      dedupKey: `review.phase:${cycle.id}:${phase}:${now.toISOString()}`,
    },
    now,
  );
}
