// Rendering a published report, one job per language (issue #17), off the request path: a request only records the
// publication and enqueues; the runner renders and stores. One job per language, so a failure (a font problem in one
// script) is retried and shown for that language alone while the other twelve are served.
import { createHash } from 'node:crypto';
import { LANGUAGES, type LanguageCode } from '@musyawarah/core';
import {
  enqueueJob,
  findReportPublication,
  storeReportFile,
  withdrawReportFiles,
  type Executor,
  type ReportSubjectKind,
} from '@musyawarah/db';
import { z } from 'zod';
import type { JobHandler } from '../jobs/runner';
import { renderReportHtml } from './render-html';
import { renderReportPdfOffThread } from './render-off-thread';
import { cycleReportDocument, loadCycleReport } from './cycle-report';
import { loadRoundReport, roundReportDocument } from './round-report';

export const RENDER_REPORT_JOB = 'reports.render';

const REPORT_SUBJECT_KINDS = ['round', 'review_cycle'] as const satisfies readonly ReportSubjectKind[];

/** What a rendering job carries; read back through the schema, since the job table stores every kind's payload as JSON. */
const renderReportPayload = z.object({
  kind: z.enum(REPORT_SUBJECT_KINDS),
  subjectId: z.string(),
  locale: z.enum(LANGUAGES),
  version: z.number().int(),
});
type RenderReportPayload = z.infer<typeof renderReportPayload>;

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Enqueues the rendering of every language for `version`, in the caller's transaction (it commits with the publishing). */
export async function enqueueReportRendering(
  db: Executor,
  subject: { kind: ReportSubjectKind; id: string },
  version: number,
) {
  for (const locale of LANGUAGES) {
    const payload: RenderReportPayload = { kind: subject.kind, subjectId: subject.id, locale, version };
    await enqueueJob(db, {
      kind: RENDER_REPORT_JOB,
      payload: { ...payload },
      uniqueKey: `report:${subject.kind}:${subject.id}:${locale}:${version}`,
      maxAttempts: 3,
    });
  }
}

/**
 * After moderation hides a contribution, a published report may quote it: its files are withdrawn at once (404 until
 * rendered again, rather than serving the quote on) and every language is rendered anew, in the caller's transaction.
 */
export async function refreshPublishedReport(db: Executor, subject: { kind: ReportSubjectKind; id: string }) {
  const version = await withdrawReportFiles(db, subject);
  if (version !== undefined) await enqueueReportRendering(db, subject, version);
}

/** The report of one subject in one language, PDF and HTML; undefined when the subject no longer has a report. */
export async function renderReport(
  db: Executor,
  kind: ReportSubjectKind,
  subjectId: string,
  locale: LanguageCode,
  now: Date,
) {
  let document;
  if (kind === 'round') {
    const content = await loadRoundReport(db, subjectId, now);
    document = content && roundReportDocument(content, locale);
  } else {
    const content = await loadCycleReport(db, subjectId);
    document = content && cycleReportDocument(content, locale);
  }
  if (!document) return undefined;
  return { pdf: await renderReportPdfOffThread(document), html: renderReportHtml(document) };
}

/**
 * Renders and stores one language of a published report. Idempotent: a job of a version that a later publishing
 * replaced does nothing, and storing never overwrites a newer version.
 */
export function renderReportHandler(): JobHandler {
  return {
    async run(job, { db, now }) {
      // A payload of another shape is a programming error: parse throws, and the runner records the job as failed.
      const payload = renderReportPayload.parse(job.payload);
      const subject = { kind: payload.kind, id: payload.subjectId };
      const publication = await findReportPublication(db, subject);
      if (!publication || publication.version > payload.version) return;
      const rendered = await renderReport(db, payload.kind, payload.subjectId, payload.locale, now());
      if (!rendered) return;
      await storeReportFile(db, {
        subject,
        locale: payload.locale,
        version: payload.version,
        pdf: rendered.pdf,
        html: rendered.html,
        pdfSha256: sha256(rendered.pdf),
        htmlSha256: sha256(rendered.html),
      });
    },
  };
}
