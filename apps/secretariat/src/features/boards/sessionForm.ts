import { isoToLocal, localToIso } from '@musyawarah/ui';
import { sessionInput, type SessionInput } from '@musyawarah/core/boards/schemas';
import { z } from 'zod';
import type { Inputs } from '../../trpc';

/** What the session editor holds; times are the user's wall time (datetime-local), sent with the user's offset. */
export interface SessionFormValues {
  boardId: string;
  kind: string;
  mode: string;
  method: string;
  title: Record<string, string>;
  startsAt: string;
  endsAt: string;
  venue: string;
  link: string;
  languages: string[];
  accommodations: string[];
  agenda: { id: string; title: string; actionId: string }[];
  actionIds: string[];
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? (v as string[]) : typeof v === 'string' && v ? [v] : [];

export function toSessionInput(values: SessionFormValues): unknown {
  return {
    boardId: values.boardId,
    kind: values.kind || undefined,
    mode: values.mode || undefined,
    method: values.method || undefined,
    title: values.title,
    startsAt: localToIso(values.startsAt),
    endsAt: localToIso(values.endsAt),
    venue: values.venue,
    link: values.link,
    languages: list(values.languages),
    accommodations: list(values.accommodations),
    agenda: values.agenda.map((item) => ({
      id: item.id || undefined,
      title: item.title,
      actionId: item.actionId || undefined,
    })),
    actionIds: values.actionIds,
  };
}

/**
 * The request for a session the form has checked: the checked values, with the times as typed and the user's offset
 * (the parsed Dates would be sent as UTC, which is right but less legible).
 */
export function sessionRequest(
  checked: SessionInput,
  typed: SessionFormValues,
): Inputs['boards']['createSession'] {
  return {
    ...checked,
    startsAt: localToIso(typed.startsAt) ?? checked.startsAt.toISOString(),
    endsAt: localToIso(typed.endsAt) ?? checked.endsAt.toISOString(),
  };
}

export const sessionFormSchema = z.preprocess(
  (values) => toSessionInput(values as SessionFormValues),
  sessionInput,
) as unknown as z.ZodType<SessionInput, SessionFormValues>;

export function emptySession(boardId: string, first: boolean): SessionFormValues {
  return {
    boardId,
    kind: first ? 'inaugural' : 'consultation',
    mode: 'online',
    method: 'focus_group',
    title: { en: '' },
    startsAt: '',
    endsAt: '',
    venue: '',
    link: '',
    languages: ['en'],
    accommodations: [],
    agenda: [],
    actionIds: [],
  };
}

export interface StoredSession {
  boardId: string;
  kind: string;
  mode: string;
  method: string;
  title: unknown;
  startsAt: string | Date;
  endsAt: string | Date;
  venue: string | null;
  link: string | null;
  languages: readonly string[];
  accommodations: readonly string[];
  agenda: readonly { id: string; title: string; actionId?: string | null }[];
  actionIds: readonly string[];
}

export function sessionToForm(session: StoredSession): SessionFormValues {
  const title =
    session.title && typeof session.title === 'object'
      ? { ...(session.title as Record<string, string>) }
      : { en: '' };
  return {
    boardId: session.boardId,
    kind: session.kind,
    mode: session.mode,
    method: session.method,
    title,
    startsAt: isoToLocal(session.startsAt),
    endsAt: isoToLocal(session.endsAt),
    venue: session.venue ?? '',
    link: session.link ?? '',
    languages: [...session.languages],
    accommodations: [...session.accommodations],
    agenda: session.agenda.map((a) => ({ id: a.id, title: a.title, actionId: a.actionId ?? '' })),
    actionIds: [...session.actionIds],
  };
}
