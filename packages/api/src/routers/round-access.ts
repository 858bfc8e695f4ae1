import { TRPCError } from '@trpc/server';
import { isInAudience } from '@musyawarah/core';
import { listBoardIdsOfMember, type ConsultationRound, type Tx, type UserAccount } from '@musyawarah/db';
import type { Context } from '../context';

/** The boards a participant sits on, read only for a round whose audience is a board (C2.1 consultation sessions). */
export async function boardIdsFor(
  db: Tx | Context['db'],
  round: ConsultationRound | undefined,
  participant: UserAccount | null,
) {
  return round?.audience === 'board' && participant ? listBoardIdsOfMember(db, participant.id) : [];
}

/**
 * The round's audience rule, the one rule for everything a participant does in a round: feedback, drafts and event
 * registrations. Refuses with FORBIDDEN `round.notInvited`.
 */
export function checkAudience(
  round: ConsultationRound,
  participant: UserAccount,
  boardIds: readonly string[],
) {
  const audience = isInAudience(
    { audience: round.audience, invitedGroups: round.invited_groups, boardId: round.board_id },
    { stakeholderGroup: participant.stakeholder_group, boardIds },
  );
  if (!audience.ok) throw new TRPCError({ code: 'FORBIDDEN', message: audience.reason });
}
