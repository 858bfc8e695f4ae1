import { TRPCError } from '@trpc/server';
import { cycleStage, LANGUAGES } from '@musyawarah/core';
import { z } from 'zod';
import {
  findReportPublication,
  findReviewCycle,
  findRound,
  listCyclePhases,
  listReportFiles,
  publishReport,
  writeAudit,
  type Executor,
  type ReportSubject,
} from '@musyawarah/db';
import { notFound } from '../errors';
import { enqueueReportRendering } from '../reports/job';
import { auditContext, publicProcedure, router, secretariatProcedure } from '../trpc';
import type { Context } from '../context';
import { phaseDates } from './review/presenters';
import { mayReadContent } from './review/shared';

/**
 * Published reports (issue #17), as PDF and accessible HTML in every language, rendered by a job and served by the
 * host at `reportPaths`: "What we heard" for a closed round, "You said, we did" for an adopted review cycle.
 *
 * - `reports.publishRound` (secretariat; closed round): publishes the report, or renders it again; audited. Refused
 *   `round.notFound`, `round.reportNotClosed` (the round is a draft or still open).
 * - `reports.publishCycle` (secretariat; adopted cycle whose record is public): the same for a cycle. Refused
 *   `review.cycleNotFound`, `review.reportNotAdopted`.
 * - `reports.roundStatus` / `reports.cycleStatus` (secretariat): the publication and each language's rendering.
 * - `reports.forRound` / `reports.forCycle` (public): the languages whose files can be downloaded now, with their paths.
 */
const roundInput = z.object({ roundId: z.uuid({ error: 'validation.invalidType' }) });
const cycleInput = z.object({ cycleId: z.uuid({ error: 'validation.invalidType' }) });

const SEGMENT = { round: 'rounds', review_cycle: 'cycles' } as const;

/** The stable paths of a report's files (served by apps/api/src/reports.ts). */
export const reportPaths = (subject: ReportSubject, locale: string) => ({
  pdf: `/files/reports/${SEGMENT[subject.kind]}/${subject.id}/${locale}.pdf`,
  html: `/files/reports/${SEGMENT[subject.kind]}/${subject.id}/${locale}.html`,
});

async function publish(
  ctx: Context & { user: NonNullable<Context['user']> },
  tx: Executor,
  subject: ReportSubject,
  entityType: string,
) {
  const publication = await publishReport(tx, subject, ctx.user.id);
  await enqueueReportRendering(tx, subject, publication.version);
  await writeAudit(tx, auditContext(ctx), {
    action: 'report.publish',
    entityType,
    entityId: subject.id,
    after: { version: publication.version, languages: LANGUAGES.length },
  });
  return { version: publication.version, publishedAt: publication.published_at };
}

async function status(db: Executor, subject: ReportSubject) {
  const [publication, files] = await Promise.all([
    findReportPublication(db, subject),
    listReportFiles(db, subject),
  ]);
  if (!publication) return { publication: null, languages: [] };
  return {
    publication: { version: publication.version, publishedAt: publication.published_at },
    languages: LANGUAGES.map((locale) => {
      const file = files.find((f) => f.locale === locale);
      return {
        locale,
        ready: file?.version === publication.version,
        generatedAt: file?.generated_at ?? null,
        pdfBytes: file ? Number(file.pdf_bytes) : null,
        ...reportPaths(subject, locale),
      };
    }),
  };
}

async function downloads(db: Executor, subject: ReportSubject) {
  const [publication, files] = await Promise.all([
    findReportPublication(db, subject),
    listReportFiles(db, subject),
  ]);
  if (!publication) return { languages: [] };
  return { languages: files.map((f) => ({ locale: f.locale, ...reportPaths(subject, f.locale) })) };
}

export const reportsRouter = router({
  publishRound: secretariatProcedure.input(roundInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const round = await findRound(tx, input.roundId);
      if (!round) throw notFound('round.notFound');
      if (!round.published_at || round.closes_at > new Date())
        throw new TRPCError({ code: 'CONFLICT', message: 'round.reportNotClosed' });
      return publish(ctx, tx, { kind: 'round', id: round.id }, 'consultation_round');
    });
  }),

  publishCycle: secretariatProcedure.input(cycleInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const cycle = await findReviewCycle(tx, input.cycleId);
      if (!cycle) throw notFound('review.cycleNotFound');
      // The report is public: only a cycle that adopted its edition and whose record everyone may read has one.
      const reached = cycleStage(phaseDates(await listCyclePhases(tx, [cycle.id])));
      if (!cycle.published_at || !mayReadContent(cycle, reached, null).ok)
        throw new TRPCError({ code: 'CONFLICT', message: 'review.reportNotAdopted' });
      return publish(ctx, tx, { kind: 'review_cycle', id: cycle.id }, 'review_cycle');
    });
  }),

  roundStatus: secretariatProcedure
    .input(roundInput)
    .query(({ ctx, input }) => status(ctx.db, { kind: 'round', id: input.roundId })),

  cycleStatus: secretariatProcedure
    .input(cycleInput)
    .query(({ ctx, input }) => status(ctx.db, { kind: 'review_cycle', id: input.cycleId })),

  forRound: publicProcedure
    .input(roundInput)
    .query(({ ctx, input }) => downloads(ctx.readDb, { kind: 'round', id: input.roundId })),

  forCycle: publicProcedure
    .input(cycleInput)
    .query(({ ctx, input }) => downloads(ctx.readDb, { kind: 'review_cycle', id: input.cycleId })),
});
