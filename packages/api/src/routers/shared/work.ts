// Readings that a detail screen and a home page both show, computed once here so the two never disagree.
import {
  evaluateTargets,
  nonRespondents,
  representationGaps,
  rsvpIsOpen,
  seatHeldOn,
  surveyIsOpen,
  tallyParticipation,
  type CycleStage,
  type MemberStateCode,
} from '@musyawarah/core';
import {
  listActiveBoardSeatsOfUser,
  listAllActiveBoardSeats,
  listBoardSessionsOfBoards,
  listBoardSurveyParticipation,
  listPositions,
  listReviewAssessments,
  listReviewEdits,
  listRoundThemes,
  listSessionInvitations,
  readRoundTally,
  type AdvisoryBoard,
  type ConsultationRound,
  type Executor,
  type ReviewCycle,
} from '@musyawarah/db';
import {
  asDate,
  boardTargets,
  presentSeat,
  presentSession,
  spanOf,
  surveyWindowOf,
  targetSeatOf,
  today,
} from '../boards/presenters';

/** A round's participation against its representation targets: the round's Participation tab and the overview. */
export async function roundParticipation(db: Executor, round: ConsultationRound) {
  const [counts, themes] = await Promise.all([readRoundTally(db, round.id), listRoundThemes(db, round.id)]);
  const { cells: rows, byType, byThemeId, byDay } = counts;
  const tally = tallyParticipation(
    rows.map((r) => ({
      stakeholderGroup: r.stakeholder_group ?? 'other',
      memberState: r.member_state_code,
      writtenIn: r.written_in,
      count: r.count,
    })),
  );
  return {
    tally,
    targets: round.targets,
    gaps: representationGaps(tally, round.targets),
    byType: Object.fromEntries(byType.map((r) => [r.type, Number(r.count)])),
    byTheme: themes.map((t) => ({ id: t.id, label: t.label, count: Number(byThemeId.get(t.id) ?? 0) })),
    byDay,
  };
}

/** Unmet composition targets per board, from the seats held today: the boards list and the overview. */
export async function unmetTargetsByBoard(db: Executor, boards: readonly AdvisoryBoard[]) {
  const seats = boards.length ? await listAllActiveBoardSeats(db) : [];
  const day = today();
  return new Map(
    boards.map((b) => {
      const current = seats
        .filter((s) => s.board_id === b.id && seatHeldOn(spanOf(s), day))
        .map(targetSeatOf);
      return [b.id, evaluateTargets(boardTargets(b), current).filter((e) => !e.met).length];
    }),
  );
}

/** A member's boards with their upcoming sessions and open surveys: "My boards" and the participant's home. */
export async function memberBoardsOf(db: Executor, userId: string, now: Date) {
  const seats = await listActiveBoardSeatsOfUser(db, userId);
  if (seats.length === 0) return [];
  const sessions = await listBoardSessionsOfBoards(
    db,
    seats.map((s) => s.board_id),
  );
  const ids = sessions.map((s) => s.id);
  const [invitations, answered] = await Promise.all([
    listSessionInvitations(db, ids).then((rows) => rows.filter((r) => r.user_id === userId)),
    listBoardSurveyParticipation(db, userId, ids),
  ]);
  const invitationOf = new Map(invitations.map((i) => [i.session_id, i]));
  return seats.map((seat) => {
    const own = sessions.filter((s) => s.board_id === seat.board_id);
    return {
      board: {
        id: seat.board_id,
        name: seat.board_name,
        scope: seat.board_scope,
        memberState: seat.board_member_state,
        status: seat.board_status,
        mandate: seat.board_mandate,
      },
      seat: presentSeat(seat),
      upcomingSessions: own
        .filter((s) => asDate(s.ends_at).getTime() > now.getTime())
        .map((s) => {
          const invitation = invitationOf.get(s.id);
          return {
            ...presentSession(s),
            invited: Boolean(invitation),
            rsvp: invitation?.rsvp ?? null,
            rsvpOpen: Boolean(invitation) && rsvpIsOpen({ startsAt: asDate(s.starts_at) }, now),
          };
        }),
      surveysToAnswer: own
        .filter((s) => invitationOf.has(s.id) && !answered.has(s.id) && surveyIsOpen(surveyWindowOf(s), now))
        .map((s) => ({ sessionId: s.id, title: s.title, startsAt: s.starts_at })),
    };
  });
}

/**
 * The Member States a cycle still waits for in its current phase: in the assessment phase those without a submitted
 * assessment (as the assessment results list them); from the comment period on, those without a position on at least
 * one edit (the positions matrix's per-edit non-respondents, together). Other phases wait for no state.
 */
export async function statesStillToRespond(
  db: Executor,
  cycle: ReviewCycle,
  stage: CycleStage,
): Promise<{ kind: 'assessment' | 'positions'; states: MemberStateCode[] } | null> {
  if (stage === 'assessment') {
    const submitted = await listReviewAssessments(db, cycle.id, { submittedOnly: true });
    return { kind: 'assessment', states: nonRespondents(submitted.map((a) => a.member_state_code)) };
  }
  if (stage === 'comment_period') {
    const edits = await listReviewEdits(db, cycle.id);
    const positions = await listPositions(
      db,
      edits.map((e) => e.id),
    );
    const missing = new Set<MemberStateCode>();
    for (const edit of edits) {
      const own = positions.filter((p) => p.edit_id === edit.id).map((p) => p.member_state_code);
      for (const code of nonRespondents(own)) missing.add(code);
    }
    return { kind: 'positions', states: [...missing] };
  }
  return null;
}
