import { sql } from 'kysely';
import type { Executor } from '../client';

/** Everything about a document except its bytes, which only the download route reads. */
const METADATA = [
  'round_document.id',
  'round_document.round_id',
  'round_document.title',
  'round_document.filename',
  'round_document.content_type',
  'round_document.language',
  'round_document.size_bytes',
  'round_document.download_count',
  'round_document.uploaded_by',
  'round_document.created_at',
] as const;

/** Today's date in UTC, as the `day` of round_daily_stat. */
const utcToday = sql<string>`(now() at time zone 'UTC')::date`;

export async function insertRoundDocument(
  db: Executor,
  values: {
    roundId: string;
    title: string;
    filename: string;
    contentType: string;
    language: string;
    content: Uint8Array;
    uploadedBy: string;
  },
) {
  return db
    .insertInto('round_document')
    .values({
      round_id: values.roundId,
      title: values.title,
      filename: values.filename,
      content_type: values.contentType,
      language: values.language,
      size_bytes: values.content.byteLength,
      content: values.content,
      uploaded_by: values.uploadedBy,
    })
    .returning(METADATA)
    .executeTakeFirstOrThrow();
}

export async function listRoundDocuments(db: Executor, roundId: string) {
  return db
    .selectFrom('round_document')
    .select(METADATA)
    .where('round_id', '=', roundId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function deleteRoundDocument(db: Executor, id: string) {
  return db.deleteFrom('round_document').where('id', '=', id).returning(METADATA).executeTakeFirst();
}

/**
 * A document of a published round, with its bytes, counted as one download: the document's total and today's (UTC)
 * round total go up in the same statement that reads it, so a count never exists without the download or vice versa.
 * Drafts (never published or unpublished again) give nothing.
 */
export async function takeRoundDocumentForDownload(db: Executor, id: string) {
  const result = await sql<{
    id: string;
    round_id: string;
    filename: string;
    content_type: string;
    size_bytes: number;
    content: Uint8Array;
  }>`
    with document as (
      update round_document
      set download_count = round_document.download_count + 1
      from consultation_round
      where round_document.id = ${id}
        and consultation_round.id = round_document.round_id
        and consultation_round.published_at is not null
      returning round_document.id, round_document.round_id, round_document.filename, round_document.content_type,
                round_document.size_bytes, round_document.content
    ), counted as (
      insert into round_daily_stat (round_id, day, downloads)
      select round_id, ${utcToday}, 1 from document
      on conflict (round_id, day) do update set downloads = round_daily_stat.downloads + 1
    )
    select * from document
  `.execute(db);
  return result.rows[0];
}

/** Visits and downloads per UTC day, oldest first. */
export async function listRoundDailyStats(db: Executor, roundId: string) {
  const rows = await db
    .selectFrom('round_daily_stat')
    .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'visits', 'downloads'])
    .where('round_id', '=', roundId)
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ day: r.day, visits: Number(r.visits), downloads: Number(r.downloads) }));
}
