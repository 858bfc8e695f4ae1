import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type ReportSubjectKind = 'round' | 'review_cycle';

/** A report the Secretariat published (migration 2026_12_08_0100); `version` grows with each publishing. */
export interface ReportPublicationTable {
  subject_kind: ReportSubjectKind;
  subject_id: string;
  version: Generated<number>;
  published_by: string | null;
  published_at: Timestamp;
}

/** One language's rendering of a published report. */
export interface ReportFileTable {
  subject_kind: ReportSubjectKind;
  subject_id: string;
  locale: string;
  version: number;
  pdf: Buffer | Uint8Array;
  html: string;
  pdf_sha256: string;
  html_sha256: string;
  generated_at: Timestamp;
}

export interface ReportTables {
  report_publication: ReportPublicationTable;
  report_file: ReportFileTable;
}
