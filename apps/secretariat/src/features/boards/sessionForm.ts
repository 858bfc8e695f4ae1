import { LANGUAGES, type LanguageCode } from '@musyawarah/core';
import { sessionInput, type SessionInput } from '@musyawarah/core/boards/schemas';
import {
  SESSION_KINDS,
  SESSION_METHODS,
  SESSION_MODES,
  type SessionKind,
  type SessionMethod,
  type SessionMode,
} from '@musyawarah/core/boards/vocabulary';
import { ACCOMMODATIONS, type Accommodation } from '@musyawarah/core/consultation/vocabulary';
import { checkedList, formSchema, isoToLocal, localToIso, optionOrBlank, optionsIn } from '@musyawarah/ui';
import type { Inputs } from '../../trpc';

/** What the session editor holds; times are the user's wall time (datetime-local), sent with the user's offset. */
export interface SessionFormValues {
  boardId: string;
  kind: SessionKind | '';
  mode: SessionMode | '';
  method: SessionMethod | '';
  title: Record<string, string>;
  startsAt: string;
  endsAt: string;
  venue: string;
  link: string;
  languages: LanguageCode[];
  accommodations: Accommodation[];
  agenda: { id: string; title: string; actionId: string }[];
  actionIds: string[];
}

export function toSessionInput(values: SessionFormValues) {
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
    languages: checkedList(values.languages),
    accommodations: checkedList(values.accommodations),
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

export const sessionFormSchema = formSchema(toSessionInput, sessionInput);

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
    kind: optionOrBlank(SESSION_KINDS, session.kind),
    mode: optionOrBlank(SESSION_MODES, session.mode),
    method: optionOrBlank(SESSION_METHODS, session.method),
    title,
    startsAt: isoToLocal(session.startsAt),
    endsAt: isoToLocal(session.endsAt),
    venue: session.venue ?? '',
    link: session.link ?? '',
    languages: optionsIn(LANGUAGES, session.languages),
    accommodations: optionsIn(ACCOMMODATIONS, session.accommodations),
    agenda: session.agenda.map((a) => ({ id: a.id, title: a.title, actionId: a.actionId ?? '' })),
    actionIds: [...session.actionIds],
  };
}
