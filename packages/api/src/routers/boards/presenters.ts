// Board rows → the shapes the apps receive.
import {
  boardDay,
  callIsOpen,
  localized,
  seatHeldOn,
  surveyIsOpen,
  type BoardStatus,
  type BoardTarget,
} from '@musyawarah/core';
import type { AdvisoryBoard, BoardCall, BoardLocalizedText, BoardSeat, BoardSession } from '@musyawarah/db';

export const today = () => boardDay(new Date());
export const asDate = (value: Date | string) => new Date(value);

/**
 * The board's targets and selection criteria, as the JSON columns hold them (the schema types them `unknown[]`; they
 * are only ever written from core's validated inputs).
 */
export const boardTargets = (board: AdvisoryBoard) => board.targets as BoardTarget[];
export const selectionCriteria = (board: AdvisoryBoard) =>
  board.selection_criteria as { key: string; label: BoardLocalizedText; weight: number }[];

export function presentBoard(board: AdvisoryBoard, extra: { activeSeats?: number } = {}) {
  return {
    id: board.id,
    name: board.name,
    scope: board.scope,
    memberState: board.member_state_code,
    mandate: board.mandate,
    status: board.status,
    actionIds: board.action_ids,
    lifeStartsOn: board.life_starts_on,
    lifeEndsOn: board.life_ends_on,
    seatCapacity: board.seat_capacity,
    published: board.published,
    activeSeats: extra.activeSeats ?? 0,
  };
}

export function presentAdminBoard(board: AdvisoryBoard, extra: { activeSeats?: number } = {}) {
  return {
    ...presentBoard(board, extra),
    targets: boardTargets(board),
    selectionCriteria: selectionCriteria(board),
    version: board.version,
    createdAt: board.created_at,
    updatedAt: board.updated_at,
  };
}

export function presentSeat(
  seat: BoardSeat & { holder_name?: string; holder_email?: string },
  day = today(),
) {
  return {
    id: seat.id,
    boardId: seat.board_id,
    userId: seat.user_id,
    name: seat.holder_name ?? null,
    email: seat.holder_email ?? null,
    role: seat.role,
    constituencies: seat.constituencies,
    memberState: seat.member_state_code,
    organisation: seat.organisation,
    gender: seat.gender,
    conflictOfInterest: seat.conflict_of_interest,
    listedPublicly: seat.listed_publicly,
    termStartsOn: seat.term_starts_on,
    termEndsOn: seat.term_ends_on,
    endedOn: seat.ended_on,
    endedAt: seat.ended_at,
    endReason: seat.end_reason,
    endNote: seat.end_note,
    nominationId: seat.nomination_id,
    /** Not ended: holds a place on the board and gives access to it. */
    active: seat.ended_at === null,
    /** Held today (within its term and not ended): counted by the monitor. */
    current: seatHeldOn(spanOf(seat), day),
    createdAt: seat.created_at,
  };
}

export const spanOf = (seat: BoardSeat) => ({
  termStartsOn: seat.term_starts_on,
  termEndsOn: seat.term_ends_on,
  endedOn: seat.ended_on,
});
export const targetSeatOf = (seat: BoardSeat) => ({
  role: seat.role,
  constituencies: seat.constituencies,
  memberState: seat.member_state_code,
  gender: seat.gender,
});

export function presentCall(call: BoardCall, status: BoardStatus, extra: { nominations?: number } = {}) {
  return {
    id: call.id,
    boardId: call.board_id,
    description: call.description,
    opensAt: call.opens_at,
    closesAt: call.closes_at,
    open: callIsOpen(
      { opensAt: asDate(call.opens_at), closesAt: asDate(call.closes_at) },
      status,
      new Date(),
    ),
    nominations: extra.nominations ?? 0,
  };
}

export function presentSession(session: BoardSession) {
  return {
    id: session.id,
    boardId: session.board_id,
    kind: session.kind,
    mode: session.mode,
    method: session.method,
    title: session.title,
    startsAt: session.starts_at,
    endsAt: session.ends_at,
    venue: session.venue,
    link: session.link,
    languages: session.languages,
    accommodations: session.accommodations,
    agenda: session.agenda,
    actionIds: session.action_ids,
    held: asDate(session.starts_at).getTime() <= Date.now(),
  };
}

/**
 * A session as anyone may see it on a public board page: no meeting link and no venue, which are for the invited
 * members (and the Secretariat) only.
 */
export function presentPublicSession(session: BoardSession) {
  const { link: _link, venue: _venue, ...rest } = presentSession(session);
  return rest;
}

/** Minutes once published; `audience` decides whether members-only minutes are included. */
export function publishedMinutes(session: BoardSession, audience: 'public' | 'members') {
  if (!session.minutes_published_at) return null;
  if (audience === 'public' && session.minutes_visibility !== 'public') return null;
  return {
    minutes: session.minutes,
    outcomes: session.outcomes,
    visibility: session.minutes_visibility,
    publishedAt: session.minutes_published_at,
  };
}

export function presentAdminSession(session: BoardSession) {
  return {
    ...presentSession(session),
    minutes: session.minutes,
    outcomes: session.outcomes,
    minutesVisibility: session.minutes_visibility,
    minutesPublishedAt: session.minutes_published_at,
    surveyClosedAt: session.survey_closed_at,
    surveyOpen: surveyIsOpen(surveyWindowOf(session), new Date()),
  };
}

export const surveyWindowOf = (session: BoardSession) => ({
  startsAt: asDate(session.starts_at),
  endsAt: asDate(session.ends_at),
  surveyClosedAt: session.survey_closed_at ? asDate(session.survey_closed_at) : null,
});

export function tallyBy(values: (string | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v ?? 'none'] = (out[v ?? 'none'] ?? 0) + 1;
  return out;
}

/** A board's name or a session's title in the reader's language (English when none is given). */
export function boardText(text: BoardLocalizedText, locale = 'en'): string {
  return localized(text, [locale]).text;
}
