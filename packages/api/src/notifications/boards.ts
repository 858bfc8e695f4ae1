import {
  findNotificationRecipients,
  listBoardSeats,
  listFollowers,
  type AdvisoryBoard,
  type BoardSession,
  type Executor,
  type MailOutbox,
} from '@musyawarah/db';
import { notify, type NotifyServices } from './notify';

async function currentMembers(tx: Executor, boardId: string) {
  const seats = await listBoardSeats(tx, boardId, { includeEnded: false });
  return findNotificationRecipients(tx, [...new Set(seats.map((s) => s.user_id))]);
}

/**
 * "Board decisions": minutes published for the first time. Public minutes of a published board go to its followers
 * and its members; minutes for members only go to the members alone — a follower who holds no seat may not read them.
 */
export async function notifyMinutesPublished(
  services: NotifyServices,
  tx: Executor,
  board: AdvisoryBoard,
  session: BoardSession,
): Promise<MailOutbox[]> {
  const members = await currentMembers(tx, board.id);
  const isPublic = session.minutes_visibility === 'public' && board.published;
  const followers = isPublic ? await listFollowers(tx, 'board', [board.id]) : [];
  const memberIds = new Set(members.map((m) => m.id));
  const queued: MailOutbox[] = [];
  const params = {
    title: board.name as Record<string, string>,
    session: session.title as Record<string, string>,
  };
  // Members open the session in their own space; everyone else the public board page.
  queued.push(
    ...(await notify(services, tx, members, {
      event: 'board.decision',
      subjectType: 'board_session',
      subjectId: session.id,
      link: `/boards/mine/sessions/${session.id}`,
      params,
      dedupKey: `board.minutes:${session.id}`,
    })),
  );
  queued.push(
    ...(await notify(
      services,
      tx,
      followers.filter((f) => !memberIds.has(f.id)),
      {
        event: 'board.decision',
        subjectType: 'board_session',
        subjectId: session.id,
        link: `/boards/${board.id}`,
        params,
        dedupKey: `board.minutes:${session.id}`,
      },
    )),
  );
  return queued;
}

/** Session invitations are mailed by the invitation itself; the bell lists them too. */
export async function notifySessionInvited(
  services: NotifyServices,
  tx: Executor,
  board: AdvisoryBoard,
  session: BoardSession,
  userIds: readonly string[],
): Promise<void> {
  await notify(services, tx, await findNotificationRecipients(tx, userIds), {
    event: 'board.sessionInvitation',
    subjectType: 'board_session',
    subjectId: session.id,
    link: `/boards/mine/sessions/${session.id}`,
    params: { title: board.name, session: session.title },
    dedupKey: `board.invitation:${session.id}`,
    alreadyMailed: true,
  });
}
