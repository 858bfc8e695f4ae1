import type { Localized } from '@musyawarah/core';
import type { Executor } from '../client';
import { toJsonColumn } from '../json-column';
import type { BoardAgendaItem, BoardSession } from '../schema-boards';

// Secretariat writes of sessions moved out of the boards router (executor first, same statements as before). JSON
// columns (title, agenda) are written through toJsonColumn.

/** What the Secretariat sets on a session; agenda items already carry their ids. */
export interface BoardSessionValues {
  kind: BoardSession['kind'];
  mode: BoardSession['mode'];
  method: BoardSession['method'];
  title: Localized;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  link: string | null;
  languages: string[];
  accommodations: string[];
  agenda: BoardAgendaItem[];
  actionIds: string[];
}

const sessionColumns = (values: BoardSessionValues) => ({
  kind: values.kind,
  mode: values.mode,
  method: values.method,
  title: toJsonColumn(values.title),
  starts_at: values.startsAt,
  ends_at: values.endsAt,
  venue: values.venue,
  link: values.link,
  languages: values.languages,
  accommodations: values.accommodations,
  agenda: toJsonColumn(values.agenda),
  action_ids: values.actionIds,
  updated_at: new Date(),
});

export async function insertBoardSession(
  db: Executor,
  boardId: string,
  values: BoardSessionValues,
  createdBy: string,
) {
  return db
    .insertInto('board_session')
    .values({ board_id: boardId, ...sessionColumns(values), created_by: createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Rewrites the session; `surveyClosedAt` also records its survey as closed (from then on it stays closed). */
export async function updateBoardSession(
  db: Executor,
  sessionId: string,
  values: BoardSessionValues,
  surveyClosedAt: Date | null,
) {
  return db
    .updateTable('board_session')
    .set({ ...sessionColumns(values), ...(surveyClosedAt ? { survey_closed_at: surveyClosedAt } : {}) })
    .where('id', '=', sessionId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function saveBoardSessionMinutes(
  db: Executor,
  sessionId: string,
  values: {
    minutes: string;
    outcomes: string | null;
    visibility: BoardSession['minutes_visibility'];
    publishedAt: Date | null;
    now: Date;
  },
) {
  return db
    .updateTable('board_session')
    .set({
      minutes: values.minutes,
      outcomes: values.outcomes,
      minutes_visibility: values.visibility,
      minutes_published_at: values.publishedAt,
      updated_at: values.now,
    })
    .where('id', '=', sessionId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
