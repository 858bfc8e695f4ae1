import type { RoundAction } from '@musyawarah/core';
import {
  listDraftHoldersOfRound,
  listRoundsClosingBetween,
  listRoundsOpenedOrClosedBetween,
  type ConsultationRound,
  type Db,
  type Executor,
  type MailOutbox,
} from '@musyawarah/db';
import { ROUND_REMINDER_LEAD_MS } from '@musyawarah/core';
import { notify, type NotifyServices } from './notify';
import { notifyNewRoundOnActions, notifyRoundNews } from './producers';

/**
 * What a Secretariat transition of a round tells its followers, in the transition's transaction. The dedup keys name
 * the moment (the closing time), so the scheduler's pass over the same moment (`runRoundSchedule`) adds nothing, while
 * a round reopened and closed again is news again.
 */
export async function roundTransitionNotifications(
  services: NotifyServices,
  tx: Executor,
  action: RoundAction,
  round: ConsultationRound,
  now: Date,
): Promise<MailOutbox[]> {
  const closesAt = new Date(round.closes_at).toISOString();
  switch (action) {
    case 'publish': {
      const queued = await notifyNewRoundOnActions(services, tx, round, now);
      if (new Date(round.opens_at) <= now && new Date(round.closes_at) > now)
        queued.push(
          ...(await notifyRoundNews(
            services,
            tx,
            round,
            'round.opened',
            `round.opened:${round.id}:${closesAt}`,
            now,
          )),
        );
      return queued;
    }
    case 'reopen':
      return notifyRoundNews(
        services,
        tx,
        round,
        'round.opened',
        `round.opened:${round.id}:${closesAt}`,
        now,
      );
    case 'close_early':
      return notifyRoundNews(
        services,
        tx,
        round,
        'round.closed',
        `round.closed:${round.id}:${closesAt}`,
        now,
      );
    case 'publish_summary':
      return notifyRoundNews(services, tx, round, 'round.summaryPublished', `round.summary:${round.id}`, now);
    case 'unpublish':
      return [];
  }
}

/**
 * For the scheduler: rounds that opened or closed on their own clock in (since, now] tell their followers. Safe to
 * repeat over overlapping windows: each moment's notification is stored once per person.
 */
export async function runRoundSchedule(
  services: NotifyServices & { db: Db },
  since: Date,
  now: Date = new Date(),
): Promise<MailOutbox[]> {
  return services.db.transaction().execute(async (tx) => {
    const queued: MailOutbox[] = [];
    for (const round of await listRoundsOpenedOrClosedBetween(tx, since, now)) {
      const closesAt = new Date(round.closes_at);
      const key = closesAt.toISOString();
      if (new Date(round.opens_at) > since && new Date(round.opens_at) <= now && closesAt > now)
        queued.push(
          ...(await notifyRoundNews(
            services,
            tx,
            round,
            'round.opened',
            `round.opened:${round.id}:${key}`,
            now,
          )),
        );
      if (closesAt > since && closesAt <= now && !round.summary_published_at)
        queued.push(
          ...(await notifyRoundNews(
            services,
            tx,
            round,
            'round.closed',
            `round.closed:${round.id}:${key}`,
            now,
          )),
        );
    }
    return queued;
  });
}

/**
 * Deadline reminders for rounds: each person holding a saved draft in a round that closes within the lead time gets
 * one reminder per round and closing time (a reopened round with a new deadline may remind again). Idempotent.
 */
export async function runRoundReminders(
  services: NotifyServices & { db: Db },
  now: Date = new Date(),
): Promise<MailOutbox[]> {
  return services.db.transaction().execute(async (tx) => {
    const queued: MailOutbox[] = [];
    const rounds = await listRoundsClosingBetween(tx, now, new Date(now.getTime() + ROUND_REMINDER_LEAD_MS));
    for (const round of rounds) {
      const holders = await listDraftHoldersOfRound(tx, round.id);
      queued.push(
        ...(await notify(
          services,
          tx,
          holders,
          {
            event: 'reminder.roundClosing',
            subjectType: 'round',
            subjectId: round.id,
            link: `/consultations/${round.id}/respond`,
            params: {
              title: round.title,
              closesAt: new Date(round.closes_at).toISOString(),
            },
            dedupKey: `reminder.round:${round.id}:${new Date(round.closes_at).toISOString()}`,
          },
          now,
        )),
      );
    }
    return queued;
  });
}
