import { TRPCError } from '@trpc/server';
import { LANGUAGES } from '@musyawarah/core';
import { z } from 'zod';
import { findReportPublication, findRound, listReportFiles, publishReport, writeAudit } from '@musyawarah/db';
import { notFound } from '../errors';
import { enqueueReportRendering } from '../reports/job';
import { auditContext, publicProcedure, router, secretariatProcedure } from '../trpc';

/**
 * Published reports (issue #17): "What we heard" for a closed round, as PDF and accessible HTML in every language,
 * rendered by a job and served by the host at `reportPaths`.
 *
 * - `reports.publishRound` (secretariat; closed round): publishes the report, or renders it again; audited. Refused
 *   `round.notFound`, `round.reportNotClosed` (the round is a draft or still open).
 * - `reports.roundStatus` (secretariat): the publication and each language's rendering.
 * - `reports.forRound` (public): the languages whose files can be downloaded now, with their paths.
 */
const roundInput = z.object({ roundId: z.uuid({ error: 'validation.invalidType' }) });

/** The stable paths of a round report's files (served by apps/api/src/reports.ts). */
export const reportPaths = (roundId: string, locale: string) => ({
  pdf: `/files/reports/rounds/${roundId}/${locale}.pdf`,
  html: `/files/reports/rounds/${roundId}/${locale}.html`,
});

export const reportsRouter = router({
  publishRound: secretariatProcedure.input(roundInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const round = await findRound(tx, input.roundId);
      if (!round) throw notFound('round.notFound');
      if (!round.published_at || round.closes_at > new Date())
        throw new TRPCError({ code: 'CONFLICT', message: 'round.reportNotClosed' });
      const subject = { kind: 'round' as const, id: round.id };
      const publication = await publishReport(tx, subject, ctx.user.id);
      await enqueueReportRendering(tx, subject, publication.version);
      await writeAudit(tx, auditContext(ctx), {
        action: 'report.publish',
        entityType: 'consultation_round',
        entityId: round.id,
        after: { version: publication.version, languages: LANGUAGES.length },
      });
      return { version: publication.version, publishedAt: publication.published_at };
    });
  }),

  roundStatus: secretariatProcedure.input(roundInput).query(async ({ ctx, input }) => {
    const subject = { kind: 'round' as const, id: input.roundId };
    const [publication, files] = await Promise.all([
      findReportPublication(ctx.db, subject),
      listReportFiles(ctx.db, subject),
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
          ...reportPaths(input.roundId, locale),
        };
      }),
    };
  }),

  forRound: publicProcedure.input(roundInput).query(async ({ ctx, input }) => {
    const subject = { kind: 'round' as const, id: input.roundId };
    const [publication, files] = await Promise.all([
      findReportPublication(ctx.readDb, subject),
      listReportFiles(ctx.readDb, subject),
    ]);
    if (!publication) return { languages: [] };
    return { languages: files.map((f) => ({ locale: f.locale, ...reportPaths(input.roundId, f.locale) })) };
  }),
});
