// Helpers of the boards router's procedure files: lookups that refuse, constituency checks, seating, participation.
import { randomInt, randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import {
  boardTakesSeats,
  seatHeldAt,
  seatTermWithinBoardLife,
  type BoardInput,
  type BoardTargetInput,
  type SessionParticipationInput,
  type sessionInput,
} from '@musyawarah/core';
import {
  countActiveBoardSeats,
  findActiveBoardSeat,
  findBoard,
  findBoardSession,
  insertBoardSeat,
  listBoardAttendance,
  listBoardConstituencies,
  listSeatSpansOfBoards,
  listSessionInvitations,
  writeAudit,
  type AdvisoryBoard,
  type AdvisoryBoardValues,
  type BoardAgendaItem,
  type BoardSeatValues,
  type BoardSession,
  type BoardSessionValues,
  type Executor,
  type Tx,
} from '@musyawarah/db';
import type { Context } from '../../context';
import { FieldError, notFound } from '../../errors';
import { auditContext } from '../../trpc';
import { asDate } from './presenters';

export const conflict = (message: string) => new TRPCError({ code: 'CONFLICT', message });

/** Fisher–Yates with a cryptographic source: the order must not be guessable from anything. */
export function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Access and shared steps

export async function boardOrThrow(db: Executor, boardId: string) {
  const board = await findBoard(db, boardId);
  if (!board) throw notFound('board.notFound');
  return board;
}

export async function sessionOrThrow(db: Executor, sessionId: string) {
  const session = await findBoardSession(db, sessionId);
  if (!session) throw notFound('board.sessionNotFound');
  return session;
}

/** The caller's seat on the board; someone without one is told the board does not exist, as for any unknown id. */
export async function memberSeatOrThrow(db: Executor, boardId: string, userId: string) {
  const seat = await findActiveBoardSeat(db, boardId, userId);
  if (!seat) throw notFound('board.notFound');
  return seat;
}

export async function memberSessionOrThrow(db: Executor, sessionId: string, userId: string) {
  const session = await findBoardSession(db, sessionId);
  const seat = session ? await findActiveBoardSeat(db, session.board_id, userId) : undefined;
  if (!session || !seat) throw notFound('board.sessionNotFound');
  return { session, seat };
}

export async function assertConstituenciesExist(
  db: Executor,
  keys: Iterable<string>,
  field: (key: string) => string,
) {
  const known = new Set((await listBoardConstituencies(db)).map((c) => c.key));
  const errors: Record<string, string[]> = {};
  for (const key of keys) if (!known.has(key)) errors[field(key)] = ['board.validation.unknownConstituency'];
  if (Object.keys(errors).length) throw new FieldError('BAD_REQUEST', errors);
}

function targetConstituencyKeys(targets: readonly BoardTargetInput[]): [index: number, key: string][] {
  return targets.flatMap((t, index): [number, string][] =>
    t.kind === 'min_share'
      ? t.constituencies.map((c): [number, string] => [index, c])
      : t.kind === 'min_count'
        ? [[index, t.constituency]]
        : [],
  );
}

export async function assertTargetConstituencies(db: Executor, targets: readonly BoardTargetInput[]) {
  const known = new Set((await listBoardConstituencies(db)).map((c) => c.key));
  const errors: Record<string, string[]> = {};
  for (const [index, key] of targetConstituencyKeys(targets)) {
    if (!known.has(key)) errors[`targets.${index}`] = ['board.validation.unknownConstituency'];
  }
  if (Object.keys(errors).length) throw new FieldError('BAD_REQUEST', errors);
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string } | undefined;
  return e?.code === '23505' && (e.constraint === constraint || (e.message ?? '').includes(constraint));
}

/** A board's fields as the Secretariat's form gives them (absent state and end of life stored as null). */
export function boardValues(input: BoardInput): AdvisoryBoardValues {
  return {
    name: input.name,
    scope: input.scope,
    memberState: input.memberState ?? null,
    mandate: input.mandate,
    actionIds: input.actionIds,
    lifeStartsOn: input.lifeStartsOn,
    lifeEndsOn: input.lifeEndsOn ?? null,
    seatCapacity: input.seatCapacity,
    targets: input.targets,
    selectionCriteria: input.selectionCriteria,
    published: input.published,
  };
}

export interface NewSeat extends BoardSeatValues {
  userId: string;
  nominationId: string | null;
}

/**
 * Seats a person on a board whose row the caller has locked (`lockBoard`) in this transaction: the board takes seats,
 * the term lies within the board's life, a place is free and the person has no other active seat on it.
 */
export async function createSeat(
  tx: Tx,
  ctx: Context & { user: { id: string } },
  board: AdvisoryBoard,
  seat: NewSeat,
) {
  if (!boardTakesSeats(board.status)) throw conflict('board.dissolved');
  const term = seatTermWithinBoardLife({ startsOn: board.life_starts_on, endsOn: board.life_ends_on }, seat);
  if (!term.ok) throw new FieldError('BAD_REQUEST', { [term.field]: [term.reason] });
  if (await findActiveBoardSeat(tx, board.id, seat.userId)) throw conflict('board.alreadyHoldsSeat');
  if ((await countActiveBoardSeats(tx, board.id)) >= board.seat_capacity) throw conflict('board.full');
  const created = await insertBoardSeat(tx, { ...seat, boardId: board.id, createdBy: ctx.user.id }).catch(
    (error: unknown) => {
      if (isUniqueViolation(error, 'board_seat_one_active')) throw conflict('board.alreadyHoldsSeat');
      throw error;
    },
  );
  await writeAudit(tx, auditContext(ctx), {
    action: 'board.seat_create',
    entityType: 'board_seat',
    entityId: created.id,
    after: created,
  });
  return created;
}

/** The people holding a seat on the session's board when it started (`seatHeldAt`): who may be counted as invited. */
async function seatedAtSessions(db: Executor, sessions: BoardSession[]): Promise<Map<string, Set<string>>> {
  const boardIds = [...new Set(sessions.map((s) => s.board_id))];
  const seats = boardIds.length ? await listSeatSpansOfBoards(db, boardIds) : [];
  return new Map(
    sessions.map((s) => {
      const startsAt = asDate(s.starts_at);
      const held = seats.filter(
        (seat) =>
          seat.board_id === s.board_id &&
          seatHeldAt(
            {
              termEndsOn: seat.term_ends_on,
              endedOn: seat.ended_on,
              endedAt: seat.ended_at ? asDate(seat.ended_at) : null,
            },
            startsAt,
          ),
      );
      return [s.id, new Set(held.map((seat) => seat.user_id))];
    }),
  );
}

/** Sessions of a board with who was invited, who was still seated and what was recorded: the input of the participation rules. */
export async function participationInputs(
  db: Executor,
  sessions: BoardSession[],
): Promise<SessionParticipationInput[]> {
  const ids = sessions.map((s) => s.id);
  const [invitations, attendance, seated] = await Promise.all([
    listSessionInvitations(db, ids),
    listBoardAttendance(db, ids),
    seatedAtSessions(db, sessions),
  ]);
  return sessions.map((s) => ({
    sessionId: s.id,
    startsAt: asDate(s.starts_at),
    invitedUserIds: invitations.filter((i) => i.session_id === s.id).map((i) => i.user_id),
    seatedUserIds: [...(seated.get(s.id) ?? [])],
    attendance: Object.fromEntries(
      attendance.filter((a) => a.session_id === s.id).map((a) => [a.user_id, a.status]),
    ),
  }));
}

/** A session's fields from the Secretariat's form; agenda items get their ids here. */
export const sessionFields = (
  input: z.output<typeof sessionInput>,
  existing: BoardAgendaItem[] = [],
): BoardSessionValues => {
  // An item keeps its id (inputs refer to it) when editing; new, unknown or repeated ids get a fresh one.
  const known = new Set(existing.map((i) => i.id));
  const used = new Set<string>();
  const agenda: BoardAgendaItem[] = input.agenda.map((item) => {
    const keep = item.id && !used.has(item.id) && (known.has(item.id) || existing.length === 0);
    const id = keep ? item.id! : randomUUID();
    used.add(id);
    return { id, title: item.title, ...(item.actionId ? { actionId: item.actionId } : {}) };
  });
  return {
    kind: input.kind,
    mode: input.mode,
    method: input.method,
    title: input.title,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    venue: input.venue ?? null,
    link: input.link ?? null,
    languages: input.languages,
    accommodations: input.accommodations,
    agenda,
    actionIds: input.actionIds,
  };
};
