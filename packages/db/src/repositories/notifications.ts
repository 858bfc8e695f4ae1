import { sql } from 'kysely';
import type { MemberStateCode } from '@musyawarah/core';
import type { Executor } from '../client';
import { toJsonColumn } from '../json-column';
import type { NotificationParams } from '../schema-notifications';

/** The people a notification can go to: active accounts only (a deleted or unconfirmed one is never written to). */
export interface NotificationRecipient {
  id: string;
  email: string;
  name: string;
  locale: string;
  role: string;
  member_state_code: string | null;
  stakeholder_group: string | null;
}

const RECIPIENT_COLUMNS = [
  'user_account.id',
  'user_account.email',
  'user_account.name',
  'user_account.locale',
  'user_account.role',
  'user_account.member_state_code',
  'user_account.stakeholder_group',
] as const;

export async function followSubject(db: Executor, userId: string, subjectType: string, subjectId: string) {
  await db
    .insertInto('follow')
    .values({ user_id: userId, subject_type: subjectType, subject_id: subjectId })
    .onConflict((oc) => oc.columns(['user_id', 'subject_type', 'subject_id']).doNothing())
    .execute();
}

export async function unfollowSubject(db: Executor, userId: string, subjectType: string, subjectId: string) {
  await db
    .deleteFrom('follow')
    .where('user_id', '=', userId)
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .execute();
}

export async function isFollowing(db: Executor, userId: string, subjectType: string, subjectId: string) {
  const row = await db
    .selectFrom('follow')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  return Boolean(row);
}

export async function listFollowsOf(db: Executor, userId: string) {
  return db
    .selectFrom('follow')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Active accounts following any of the subjects, each once. */
export async function listFollowers(
  db: Executor,
  subjectType: string,
  subjectIds: readonly string[],
): Promise<NotificationRecipient[]> {
  if (subjectIds.length === 0) return [];
  return db
    .selectFrom('follow')
    .innerJoin('user_account', 'user_account.id', 'follow.user_id')
    .select(RECIPIENT_COLUMNS)
    .distinct()
    .where('follow.subject_type', '=', subjectType)
    .where('follow.subject_id', 'in', [...subjectIds])
    .where('user_account.status', '=', 'active')
    .orderBy('user_account.id')
    .execute();
}

export async function findNotificationRecipients(
  db: Executor,
  userIds: readonly string[],
): Promise<NotificationRecipient[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('user_account')
    .select(RECIPIENT_COLUMNS)
    .where('id', 'in', [...userIds])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
}

/** Active member-state representatives of the given states. */
export async function listRepresentativesOf(
  db: Executor,
  memberStates: readonly MemberStateCode[],
): Promise<NotificationRecipient[]> {
  if (memberStates.length === 0) return [];
  return db
    .selectFrom('user_account')
    .select(RECIPIENT_COLUMNS)
    .where('role', '=', 'member_state')
    .where('member_state_code', 'in', [...memberStates])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
}

/** Each person's chosen deliveries (kind → delivery); kinds without a row take core's default. */
export async function readNotificationPreferences(
  db: Executor,
  userIds: readonly string[],
): Promise<Map<string, Map<string, string>>> {
  const result = new Map<string, Map<string, string>>();
  if (userIds.length === 0) return result;
  const rows = await db
    .selectFrom('notification_preference')
    .select(['user_id', 'kind', 'delivery'])
    .where('user_id', 'in', [...userIds])
    .execute();
  for (const row of rows) {
    let prefs = result.get(row.user_id);
    if (!prefs) result.set(row.user_id, (prefs = new Map<string, string>()));
    prefs.set(row.kind, row.delivery);
  }
  return result;
}

export async function setNotificationPreference(
  db: Executor,
  userId: string,
  kind: string,
  delivery: string,
) {
  await db
    .insertInto('notification_preference')
    .values({ user_id: userId, kind, delivery, updated_at: new Date() })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ delivery, updated_at: new Date() }))
    .execute();
}

export interface NewNotification {
  userId: string;
  kind: string;
  event: string;
  subjectType: string;
  subjectId: string;
  link: string;
  params: NotificationParams;
  dedupKey: string | null;
  delivery: string;
  createdAt?: Date;
}

/**
 * Inserts the notifications; one whose (person, dedup key) was already stored is skipped, and only the rows actually
 * inserted are returned, so a caller mails exactly those.
 */
export async function insertNotifications(db: Executor, rows: readonly NewNotification[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('notification')
    .values(
      rows.map((n) => ({
        user_id: n.userId,
        kind: n.kind,
        event: n.event,
        subject_type: n.subjectType,
        subject_id: n.subjectId,
        link: n.link,
        params: toJsonColumn(n.params),
        dedup_key: n.dedupKey,
        delivery: n.delivery,
        ...(n.createdAt ? { created_at: n.createdAt } : {}),
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedup_key']).where('dedup_key', 'is not', null).doNothing())
    .returningAll()
    .execute();
}

export async function listNotificationsOf(db: Executor, userId: string, options: { limit: number }) {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
}

export async function countUnreadNotifications(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the person's notifications read; another person's id changes nothing (and returns false). */
export async function markNotificationRead(db: Executor, userId: string, id: string, now: Date) {
  const result = await db
    .updateTable('notification')
    .set({ read_at: sql`coalesce(read_at, ${now})` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function markAllNotificationsRead(db: Executor, userId: string, now: Date) {
  await db
    .updateTable('notification')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

/** Notifications waiting for a digest, oldest first, locked so two schedulers cannot send the same one twice. */
export async function lockPendingDigestNotifications(db: Executor, now: Date) {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('digested_at', 'is', null)
    .where('delivery', 'in', ['daily', 'weekly'])
    .where('created_at', '<=', now)
    .orderBy('created_at')
    .orderBy('id')
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function readLastDigests(db: Executor, userIds: readonly string[]) {
  const result = new Map<string, Date>();
  if (userIds.length === 0) return result;
  const rows = await db
    .selectFrom('notification_digest')
    .selectAll()
    .where('user_id', 'in', [...userIds])
    .execute();
  for (const row of rows) result.set(`${row.user_id}:${row.period}`, new Date(row.sent_at));
  return result;
}

export async function recordDigestSent(
  db: Executor,
  userId: string,
  period: string,
  ids: readonly string[],
  now: Date,
) {
  if (ids.length > 0)
    await db
      .updateTable('notification')
      .set({ digested_at: now })
      .where('id', 'in', [...ids])
      .execute();
  await db
    .insertInto('notification_digest')
    .values({ user_id: userId, period, sent_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'period']).doUpdateSet({ sent_at: now }))
    .execute();
}

/** The one signing key for unsubscribe links: the stored one, or `candidate` if none was stored yet. */
export async function ensureNotificationSigningKey(db: Executor, candidate: Uint8Array): Promise<Uint8Array> {
  await db
    .insertInto('notification_signing_key')
    .values({ id: 1, secret: candidate })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db
    .selectFrom('notification_signing_key')
    .select('secret')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return new Uint8Array(row.secret);
}

/** Published rounds whose close falls in (from, to] and that still take feedback. */
export async function listRoundsClosingBetween(db: Executor, from: Date, to: Date) {
  return db
    .selectFrom('consultation_round')
    .selectAll()
    .where('published_at', 'is not', null)
    .where('summary_published_at', 'is', null)
    .where('closes_at', '>', from)
    .where('closes_at', '<=', to)
    .where('opens_at', '<=', from)
    .execute();
}

/** Active people holding a saved draft in the round. */
export async function listDraftHoldersOfRound(
  db: Executor,
  roundId: string,
): Promise<NotificationRecipient[]> {
  return db
    .selectFrom('contribution')
    .innerJoin('user_account', 'user_account.id', 'contribution.author_user_id')
    .select(RECIPIENT_COLUMNS)
    .distinct()
    .where('contribution.round_id', '=', roundId)
    .where('contribution.status', '=', 'draft')
    .where('user_account.status', '=', 'active')
    .orderBy('user_account.id')
    .execute();
}

/** Rounds whose opening or closing time passed in (from, to], for the scheduler's "opened" and "closed" news. */
export async function listRoundsOpenedOrClosedBetween(db: Executor, from: Date, to: Date) {
  return db
    .selectFrom('consultation_round')
    .selectAll()
    .where('published_at', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('opens_at', '>', from), eb('opens_at', '<=', to)]),
        eb.and([eb('closes_at', '>', from), eb('closes_at', '<=', to)]),
      ]),
    )
    .execute();
}

/** Everything about one person's notifications, for the data export; deletion removes them (cascade or explicitly). */
export async function deleteNotificationDataOf(db: Executor, userId: string) {
  await db.deleteFrom('notification').where('user_id', '=', userId).execute();
  await db.deleteFrom('follow').where('user_id', '=', userId).execute();
  await db.deleteFrom('notification_preference').where('user_id', '=', userId).execute();
  await db.deleteFrom('notification_digest').where('user_id', '=', userId).execute();
}

/** Active representatives of the states that recorded a position on an edit. */
export async function listRepresentativesWithPositionOn(
  db: Executor,
  editId: string,
): Promise<NotificationRecipient[]> {
  return db
    .selectFrom('review_position')
    .innerJoin('user_account', 'user_account.member_state_code', 'review_position.member_state_code')
    .select(RECIPIENT_COLUMNS)
    .distinct()
    .where('review_position.edit_id', '=', editId)
    .where('user_account.role', '=', 'member_state')
    .where('user_account.status', '=', 'active')
    .orderBy('user_account.id')
    .execute();
}

/** Edits of a cycle with the states that have not recorded a position on each (for comment-period reminders). */
export async function listEditsWithoutPositionOf(
  db: Executor,
  cycleId: string,
  memberState: MemberStateCode,
) {
  return db
    .selectFrom('review_edit')
    .select(['review_edit.id', 'review_edit.position'])
    .where('review_edit.cycle_id', '=', cycleId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('review_position')
            .select('review_position.id')
            .whereRef('review_position.edit_id', '=', 'review_edit.id')
            .where('review_position.member_state_code', '=', memberState),
        ),
      ),
    )
    .orderBy('review_edit.position')
    .execute();
}

/** Cycles whose comment period is under way (started, not ended), with its planned end. */
export async function listCyclesInCommentPeriod(db: Executor) {
  return db
    .selectFrom('review_cycle_phase')
    .innerJoin('review_cycle', 'review_cycle.id', 'review_cycle_phase.cycle_id')
    .selectAll('review_cycle')
    .select(['review_cycle_phase.planned_end as comment_period_planned_end'])
    .where('review_cycle_phase.phase', '=', 'comment_period')
    .where('review_cycle_phase.actual_start', 'is not', null)
    .where('review_cycle_phase.actual_end', 'is', null)
    .where('review_cycle.closed_at', 'is', null)
    .execute();
}
