// A signed-in participant's home: rounds open to them, their unsent drafts, answers to their feedback, board sessions.
import { isInAudience } from '@musyawarah/core';
import { listBoardIdsOfMember, listContributionsOfAuthor, listRounds } from '@musyawarah/db';
import { participantProcedure } from '../../trpc';
import { phaseOf } from '../shared/consultation';
import { memberBoardsOf } from '../shared/work';

export const participantHome = participantProcedure.query(async ({ ctx }) => {
  const now = new Date();
  const [rounds, contributions, boardIds, boards] = await Promise.all([
    listRounds(ctx.db, { publishedOnly: true }),
    listContributionsOfAuthor(ctx.db, ctx.user.id),
    listBoardIdsOfMember(ctx.db, ctx.user.id),
    memberBoardsOf(ctx.db, ctx.user.id, now),
  ]);
  const roundById = new Map(rounds.map((r) => [r.id, r]));
  const started = new Set(contributions.map((c) => c.round_id));
  // The audience rule every write in a round checks (checkAudience): a round the participant may not answer is not offered.
  const inAudience = (r: (typeof rounds)[number]) =>
    isInAudience(
      { audience: r.audience, invitedGroups: r.invited_groups, boardId: r.board_id },
      { stakeholderGroup: ctx.user.stakeholder_group, boardIds },
    ).ok;

  const openRounds = rounds
    .filter((r) => phaseOf(r, now) === 'open' && inAudience(r) && !started.has(r.id))
    .sort((a, b) => new Date(a.closes_at).getTime() - new Date(b.closes_at).getTime())
    .map((r) => ({ id: r.id, title: r.title, closesAt: new Date(r.closes_at).toISOString() }));

  const drafts = contributions
    .filter((c) => c.status === 'draft')
    .flatMap((c) => {
      const round = roundById.get(c.round_id);
      if (!round || phaseOf(round, now) !== 'open') return [];
      return [{ roundId: round.id, title: round.title, closesAt: new Date(round.closes_at).toISOString() }];
    })
    .sort((a, b) => a.closesAt.localeCompare(b.closesAt));

  const responses = contributions
    .filter((c) => c.status === 'submitted' && c.response_text !== null)
    .map((c) => ({
      contributionId: c.id,
      roundTitle: c.round_title,
      reference: c.receipt_reference,
    }));

  const sessions = boards.flatMap((b) => [
    ...b.upcomingSessions
      .filter((s) => s.invited && s.rsvpOpen && s.rsvp === null)
      .map((s) => ({
        kind: 'rsvp' as const,
        boardId: b.board.id,
        boardName: b.board.name,
        sessionId: s.id,
        title: s.title,
        startsAt: s.startsAt,
      })),
    ...b.surveysToAnswer.map((s) => ({
      kind: 'survey' as const,
      boardId: b.board.id,
      boardName: b.board.name,
      sessionId: s.sessionId,
      title: s.title,
      startsAt: new Date(s.startsAt).toISOString(),
    })),
  ]);

  return { openRounds, drafts, responses, sessions };
});
