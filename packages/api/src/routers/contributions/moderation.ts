// The Secretariat's moderation of contributions: the queue, hiding and unhiding, responses and themes.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { contributionResponseInput, dismissReportsInput, localized, moderationInput } from '@musyawarah/core';
import {
  findContribution,
  findContributionResponse,
  findRound,
  findUserById,
  hideContribution,
  listContributionItems,
  listRoundContributions,
  listRoundThemeIds,
  listThemeIdsOfContribution,
  listThemesOfContributions,
  replaceContributionThemes,
  resolveContributionReports,
  dismissContributionReports,
  listReportsOfContributions,
  unhideContribution,
  listEditsCitingContribution,
  upsertContributionResponse,
  writeAudit,
  type MailOutbox,
} from '@musyawarah/db';
import { FieldError, notFound } from '../../errors';
import { contributionHiddenMail } from '../../mail/templates';
import { auditContext, secretariatProcedure } from '../../trpc';
import { notifyFeedbackAuthor } from '../../notifications/producers';
import { contributionIdInput, roundIdInput, uuid } from './contributions.types';
import { itemsOf, presentReport, themesOf } from './presenters';
import { refreshPublishedReport } from '../../reports/job';

export const moderationProcedures = {
  moderationQueue: secretariatProcedure.input(roundIdInput).query(async ({ ctx, input }) => {
    const rows = await listRoundContributions(ctx.db, input.roundId, { includeHidden: true });
    const ids = rows.map((r) => r.id);
    const [items, themes, reports] = await Promise.all([
      listContributionItems(ctx.db, ids),
      listThemesOfContributions(ctx.db, ids),
      listReportsOfContributions(ctx.db, ids),
    ]);
    return rows.map((r) => ({
      id: r.id,
      receiptReference: r.receipt_reference,
      authorName: r.participant_name ?? r.author_name,
      namedPublicly: r.named_publicly,
      facilitated: r.facilitated_by !== null,
      stakeholderGroup: r.stakeholder_group,
      memberState: r.member_state_code,
      organisationName: r.organisation_name,
      writtenIn: r.written_in,
      submittedAt: r.submitted_at,
      answers: r.answers,
      items: itemsOf(items, r.id),
      themes: themesOf(themes, r.id),
      hidden: r.hidden_at !== null,
      hiddenReason: r.hidden_reason,
      openReports: Number(r.open_reports),
      reports: reports.filter((report) => report.contribution_id === r.id).map(presentReport),
      /** Shown and not yet answered: the rule the Secretariat overview counts by (awaitsResponse, work.ts). */
      awaitingResponse: Boolean(r.awaits_response),
      response: r.response_text,
    }));
  }),

  /** Hidden, never deleted: the author is told why, the audit log keeps what was there. */
  hide: secretariatProcedure.input(moderationInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    await ctx.db.transaction().execute(async (tx) => {
      const before = await findContribution(tx, input.contributionId);
      if (!before || before.status !== 'submitted') throw notFound('contribution.notFound');
      if (before.hidden_at) throw new TRPCError({ code: 'CONFLICT', message: 'contribution.alreadyHidden' });
      const after = await hideContribution(tx, before.id, {
        reason: input.reason,
        note: input.note ?? null,
        hiddenBy: ctx.user.id,
      });
      await resolveContributionReports(tx, before.id);
      await refreshPublishedReport(tx, { kind: 'round', id: before.round_id });
      // A review cycle's "You said, we did" may quote it too, under an edit that cites it.
      const citing = await listEditsCitingContribution(tx, before.id);
      for (const cycleId of new Set(citing.map((c) => c.cycle_id)))
        await refreshPublishedReport(tx, { kind: 'review_cycle', id: cycleId });
      await writeAudit(tx, auditContext(ctx), {
        action: 'contribution.hide',
        entityType: 'contribution',
        entityId: before.id,
        before,
        after,
      });
      const author = before.author_user_id ? await findUserById(tx, before.author_user_id) : undefined;
      const round = await findRound(tx, before.round_id);
      if (author && author.status === 'active' && round) {
        queued.push(
          await ctx.mailer.queue(
            tx,
            contributionHiddenMail(author, {
              roundTitle: localized(round.title as { en: string }, [author.locale]).text,
              reference: before.receipt_reference ?? before.id,
              reason: input.reason,
            }),
          ),
        );
        // The moderation notice above is the mail (a statement of reasons the author always gets); the bell lists it.
        await notifyFeedbackAuthor(ctx, tx, before, round, 'feedback.hidden', { alreadyMailed: true });
      }
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return { ok: true as const };
  }),

  /** Shown again: the author, who was told it was hidden, is told it is back. */
  unhide: secretariatProcedure.input(contributionIdInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    await ctx.db.transaction().execute(async (tx) => {
      const before = await findContribution(tx, input.contributionId);
      if (!before || !before.hidden_at) throw notFound('contribution.notFound');
      const after = await unhideContribution(tx, before.id);
      await writeAudit(tx, auditContext(ctx), {
        action: 'contribution.unhide',
        entityType: 'contribution',
        entityId: before.id,
        before,
        after,
      });
      const round = await findRound(tx, before.round_id);
      if (round) queued.push(...(await notifyFeedbackAuthor(ctx, tx, before, round, 'feedback.restored')));
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return { ok: true as const };
  }),

  /** The reports were unfounded: they are resolved with the Secretariat's note and the contribution stays shown. */
  dismissReports: secretariatProcedure.input(dismissReportsInput).mutation(async ({ ctx, input }) => {
    await ctx.db.transaction().execute(async (tx) => {
      const c = await findContribution(tx, input.contributionId);
      if (!c || c.status !== 'submitted') throw notFound('contribution.notFound');
      const dismissed = await dismissContributionReports(tx, c.id, {
        note: input.note,
        dismissedBy: ctx.user.id,
      });
      if (dismissed.length === 0)
        throw new TRPCError({ code: 'CONFLICT', message: 'worksurface.moderation.noOpenReports' });
      await writeAudit(tx, auditContext(ctx), {
        action: 'contribution.dismiss_reports',
        entityType: 'contribution',
        entityId: c.id,
        before: null,
        after: { reports: dismissed.map((r) => r.id), note: input.note },
      });
    });
    return { ok: true as const };
  }),

  respond: secretariatProcedure.input(contributionResponseInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    await ctx.db.transaction().execute(async (tx) => {
      const c = await findContribution(tx, input.contributionId);
      if (!c || c.status !== 'submitted') throw notFound('contribution.notFound');
      const before = await findContributionResponse(tx, c.id);
      const after = await upsertContributionResponse(tx, c.id, {
        text: input.text,
        respondedBy: ctx.user.id,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'contribution.respond',
        entityType: 'contribution',
        entityId: c.id,
        before,
        after,
      });
      // The first answer is news; later corrections of its wording are not mailed again (the key makes it once).
      const round = await findRound(tx, c.round_id);
      if (round)
        queued.push(
          ...(await notifyFeedbackAuthor(ctx, tx, c, round, 'feedback.responded', {
            dedupKey: `feedback.responded:${c.id}`,
          })),
        );
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return { ok: true as const };
  }),

  setThemes: secretariatProcedure
    .input(z.object({ contributionId: uuid, themeIds: z.array(uuid).max(50) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (tx) => {
        const c = await findContribution(tx, input.contributionId);
        if (!c) throw notFound('contribution.notFound');
        const valid = input.themeIds.length ? await listRoundThemeIds(tx, c.round_id, input.themeIds) : [];
        if (valid.length !== new Set(input.themeIds).size)
          throw new FieldError('BAD_REQUEST', { themeIds: ['validation.unknownTheme'] });
        const before = await listThemeIdsOfContribution(tx, c.id);
        await replaceContributionThemes(
          tx,
          c.id,
          valid.map((t) => t.id),
        );
        await writeAudit(tx, auditContext(ctx), {
          action: 'contribution.set_themes',
          entityType: 'contribution',
          entityId: c.id,
          before: before.map((b) => b.theme_id),
          after: valid.map((v) => v.id),
        });
      });
      return { ok: true as const };
    }),
};
