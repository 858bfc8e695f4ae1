import {
  COMMENT_PERIOD_REMINDER_LEAD_MS,
  MEMBER_STATE_CODES,
  reminderDue,
  type MemberStateCode,
} from '@musyawarah/core';
import {
  findNotificationRecipients,
  findReviewCycle,
  listCyclesInCommentPeriod,
  listEditsWithoutPositionOf,
  listRepresentativesOf,
  listRepresentativesWithPositionOn,
  type Db,
  type Executor,
  type MailOutbox,
  type ReviewCycle,
} from '@musyawarah/db';
import { notify, type NotifyServices } from './notify';

interface EditRef {
  id: string;
  cycle_id: string;
  position: number;
}

function editParams(cycle: ReviewCycle, edit: EditRef) {
  return { title: cycle.title as Record<string, string>, edit: `#${edit.position}` };
}

/**
 * A new comment on an edit: the representatives of the states that took a position on it hear of it (they are in
 * every cycle's audience and may read confidential comments), except the one who wrote it.
 */
export async function notifyEditCommented(
  services: NotifyServices,
  tx: Executor,
  edit: EditRef,
  authorUserId: string,
): Promise<MailOutbox[]> {
  const cycle = await findReviewCycle(tx, edit.cycle_id);
  if (!cycle) return [];
  const recipients = (await listRepresentativesWithPositionOn(tx, edit.id)).filter(
    (r) => r.id !== authorUserId,
  );
  return notify(services, tx, recipients, {
    event: 'edit.commented',
    subjectType: 'review_edit',
    subjectId: edit.id,
    link: `/review/${cycle.id}`,
    params: editParams(cycle, edit),
  });
}

/**
 * The Secretariat answered: a position is answered to its state's representatives, a comment to its author (who wrote
 * it and so may read the answer).
 */
export async function notifyEditAnswered(
  services: NotifyServices,
  tx: Executor,
  edit: EditRef,
  to: { memberState: MemberStateCode } | { userId: string | null },
): Promise<MailOutbox[]> {
  const cycle = await findReviewCycle(tx, edit.cycle_id);
  if (!cycle) return [];
  const recipients =
    'memberState' in to
      ? await listRepresentativesOf(tx, [to.memberState])
      : to.userId
        ? await findNotificationRecipients(tx, [to.userId])
        : [];
  return notify(services, tx, recipients, {
    event: 'edit.answered',
    subjectType: 'review_edit',
    subjectId: edit.id,
    link: `/review/${cycle.id}`,
    params: editParams(cycle, edit),
  });
}

/** The end of a planned day (`YYYY-MM-DD`), UTC: the comment period is open through its last day. */
function endOfDay(day: string): Date {
  return new Date(`${day}T23:59:59.999Z`);
}

/**
 * Deadline reminders for Member States: in a cycle's comment period, within the lead time of its planned end, the
 * representatives of each state that has not recorded a position on every edit get one reminder per cycle, state and
 * deadline. Idempotent (the dedup key), so the scheduler may call it as often as it likes.
 */
export async function runCommentPeriodReminders(
  services: NotifyServices & { db: Db },
  now: Date = new Date(),
): Promise<MailOutbox[]> {
  return services.db.transaction().execute(async (tx) => {
    const queued: MailOutbox[] = [];
    for (const cycle of await listCyclesInCommentPeriod(tx)) {
      const deadline = endOfDay(String(cycle.comment_period_planned_end));
      if (!reminderDue(deadline, COMMENT_PERIOD_REMINDER_LEAD_MS, now)) continue;
      for (const state of MEMBER_STATE_CODES) {
        const unanswered = await listEditsWithoutPositionOf(tx, cycle.id, state);
        if (unanswered.length === 0) continue;
        queued.push(
          ...(await notify(
            services,
            tx,
            await listRepresentativesOf(tx, [state]),
            {
              event: 'reminder.commentPeriodEnding',
              subjectType: 'review_cycle',
              subjectId: cycle.id,
              link: `/review/${cycle.id}`,
              params: {
                title: cycle.title,
                count: unanswered.length,
                deadline: deadline.toISOString(),
              },
              dedupKey: `reminder.comment:${cycle.id}:${state}:${deadline.toISOString()}`,
            },
            now,
          )),
        );
      }
    }
    return queued;
  });
}
