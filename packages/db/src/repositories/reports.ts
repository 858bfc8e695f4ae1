// Published reports and their rendered files (issue #17). Executor first; auditing is the caller's.
import { sql } from 'kysely';
import type { Executor } from '../client';
import type { ReportSubjectKind } from '../schema-reports';

export interface ReportSubject {
  kind: ReportSubjectKind;
  id: string;
}

/** Publishes the report, or publishes it again with the next version; returns the version the files must reach. */
export async function publishReport(db: Executor, subject: ReportSubject, publishedBy: string) {
  return db
    .insertInto('report_publication')
    .values({ subject_kind: subject.kind, subject_id: subject.id, published_by: publishedBy })
    .onConflict((oc) =>
      oc.columns(['subject_kind', 'subject_id']).doUpdateSet({
        version: sql`report_publication.version + 1`,
        published_by: publishedBy,
        published_at: sql`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findReportPublication(db: Executor, subject: ReportSubject) {
  return db
    .selectFrom('report_publication')
    .selectAll()
    .where('subject_kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .executeTakeFirst();
}

/**
 * Stores one language's files for `version`, replacing an older version's; a file of a newer version is kept (a late
 * job of an earlier publishing must not overwrite it). Returns whether it was stored.
 */
export async function storeReportFile(
  db: Executor,
  file: {
    subject: ReportSubject;
    locale: string;
    version: number;
    pdf: Buffer;
    html: string;
    pdfSha256: string;
    htmlSha256: string;
  },
) {
  const row = await db
    .insertInto('report_file')
    .values({
      subject_kind: file.subject.kind,
      subject_id: file.subject.id,
      locale: file.locale,
      version: file.version,
      pdf: file.pdf,
      html: file.html,
      pdf_sha256: file.pdfSha256,
      html_sha256: file.htmlSha256,
    })
    .onConflict((oc) =>
      oc
        .columns(['subject_kind', 'subject_id', 'locale'])
        .doUpdateSet((eb) => ({
          version: eb.ref('excluded.version'),
          pdf: eb.ref('excluded.pdf'),
          html: eb.ref('excluded.html'),
          pdf_sha256: eb.ref('excluded.pdf_sha256'),
          html_sha256: eb.ref('excluded.html_sha256'),
          generated_at: sql`now()`,
        }))
        .where('report_file.version', '<=', file.version),
    )
    .returning('locale')
    .executeTakeFirst();
  return Boolean(row);
}

/** The languages rendered so far, with their version and time (no bytes): the Secretariat's status. */
export async function listReportFiles(db: Executor, subject: ReportSubject) {
  return db
    .selectFrom('report_file')
    .select([
      'locale',
      'version',
      'generated_at',
      'pdf_sha256',
      sql<number>`octet_length(pdf)`.as('pdf_bytes'),
    ])
    .where('subject_kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .orderBy('locale')
    .execute();
}

/** One language's file of a published report, PDF or HTML; undefined when not published or not rendered yet. */
export async function findReportFile(
  db: Executor,
  subject: ReportSubject,
  locale: string,
  format: 'pdf' | 'html',
) {
  const query = db
    .selectFrom('report_file')
    .innerJoin('report_publication', (join) =>
      join
        .onRef('report_publication.subject_kind', '=', 'report_file.subject_kind')
        .onRef('report_publication.subject_id', '=', 'report_file.subject_id'),
    )
    .select(['report_file.generated_at', 'report_file.version'])
    .where('report_file.subject_kind', '=', subject.kind)
    .where('report_file.subject_id', '=', subject.id)
    .where('report_file.locale', '=', locale);
  if (format === 'pdf') {
    const row = await query
      .select(['report_file.pdf as body', 'report_file.pdf_sha256 as sha256'])
      .executeTakeFirst();
    return row && { ...row, body: Buffer.from(row.body) };
  }
  const row = await query
    .select(['report_file.html as body', 'report_file.html_sha256 as sha256'])
    .executeTakeFirst();
  return row && { ...row, body: Buffer.from(row.body, 'utf8') };
}

/** The round's edition number, for the report's cover. */
export async function findRoundEditionNumber(db: Executor, editionId: string | null) {
  if (!editionId) return null;
  const row = await db
    .selectFrom('roadmap_edition')
    .select('number')
    .where('id', '=', editionId)
    .executeTakeFirst();
  return row?.number ?? null;
}

/** The themes accepted from analysis suggestions, with the contributions the analysis chose to represent them. */
export async function listAcceptedThemeRepresentatives(db: Executor, roundId: string) {
  return db
    .selectFrom('theme_suggestion')
    .select(['theme_id', 'representative_ids'])
    .where('round_id', '=', roundId)
    .where('status', '=', 'accepted')
    .where('theme_id', 'is not', null)
    .orderBy('position')
    .execute();
}

/**
 * Withdraws a published report's files and moves it to the next version, keeping who published it; returns the new
 * version, or undefined when the subject has no published report.
 */
export async function withdrawReportFiles(db: Executor, subject: ReportSubject) {
  const publication = await db
    .updateTable('report_publication')
    .set({ version: sql`version + 1` })
    .where('subject_kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .returning('version')
    .executeTakeFirst();
  if (!publication) return undefined;
  await db
    .deleteFrom('report_file')
    .where('subject_kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .execute();
  return publication.version;
}
