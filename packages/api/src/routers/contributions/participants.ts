// Procedures of participants: their draft, submitting (and the Secretariat's on-behalf entry), their contributions,
// reporting someone else's.
import {
  contributionDraftInput,
  facilitatedContributionInput,
  reportContributionInput,
  submitContributionInput,
  validateAnswers,
} from '@musyawarah/core';
import {
  findContribution,
  findDraftContribution,
  insertContributionReport,
  listContributionItems,
  listContributionsOfAuthor,
  replaceContributionItems,
  upsertContributionDraft,
  writeAudit,
} from '@musyawarah/db';
import { preloadedParticipation } from '../../context';
import { FieldError, notFound } from '../../errors';
import { auditContext, authedProcedure, secretariatProcedure } from '../../trpc';
import { throttleContribution } from '../contribution-limits';
import { boardIdsFor } from '../round-access';
import { contributionIdInput, roundIdInput } from './contributions.types';
import { presentContribution } from './presenters';
import { answerable, answerableQuestions, checkRoundOpen, openRoundOrThrow } from './shared';
import { submitContribution } from './submission';

export const participantProcedures = {
  myDraft: authedProcedure.input(roundIdInput).query(async ({ ctx, input }) => {
    const draft = await findDraftContribution(ctx.db, input.roundId, ctx.user.id);
    if (!draft) return null;
    return presentContribution(draft, await listContributionItems(ctx.db, [draft.id]));
  }),

  /** Saved as the participant types: lenient about completeness, strict about shapes, and only while the round is open. */
  saveDraft: authedProcedure.input(contributionDraftInput).mutation(async ({ ctx, input }) => {
    // The round and its questions, when the host read them with the session (context.ts, RequestPreload).
    const preloaded = preloadedParticipation(ctx, input.roundId, null);
    return ctx.db.transaction().execute(async (tx) => {
      // Counted in the transaction that saves the draft: one commit (one fsync) per autosave instead of two, and a
      // save that is refused or fails is not counted.
      await throttleContribution({ ...ctx, db: tx }, 'draftsPerAuthor');
      const round = preloaded
        ? checkRoundOpen(preloaded.round, ctx.user, await boardIdsFor(tx, preloaded.round, ctx.user))
        : await openRoundOrThrow(tx, input.roundId, ctx.user);
      const questions = preloaded
        ? preloaded.questions.map(answerable)
        : await answerableQuestions(tx, round.id);
      const fieldErrors = validateAnswers(questions, input.answers, 'draft');
      if (Object.keys(fieldErrors).length) throw new FieldError('BAD_REQUEST', fieldErrors);
      const saved = await upsertContributionDraft(tx, round.id, ctx.user.id, {
        answers: input.answers,
        stakeholderGroup: input.stakeholderGroup,
        memberState: input.memberState ?? null,
        organisationName: input.organisationName ?? null,
        writtenIn: input.writtenIn,
        namedPublicly: input.namedPublicly,
      });
      await replaceContributionItems(tx, saved.id, input.items);
      return { id: saved.id, savedAt: saved.updated_at };
    });
  }),

  submit: authedProcedure
    .input(submitContributionInput)
    .mutation(({ ctx, input }) => submitContribution(ctx, input, false)),

  /** Feedback gathered at an in-person event, entered by the secretariat, recorded as facilitated by them. */
  submitOnBehalf: secretariatProcedure
    .input(facilitatedContributionInput)
    .mutation(({ ctx, input }) => submitContribution(ctx, input, true)),

  mine: authedProcedure.query(async ({ ctx }) => {
    const rows = await listContributionsOfAuthor(ctx.db, ctx.user.id);
    return rows.map((r) => ({
      id: r.id,
      roundId: r.round_id,
      roundTitle: r.round_title,
      status: r.status,
      receiptReference: r.receipt_reference,
      submittedAt: r.submitted_at,
      updatedAt: r.updated_at,
      hidden: r.hidden_at !== null,
      hiddenReason: r.hidden_reason,
      response: r.response_text,
    }));
  }),

  mineDetail: authedProcedure.input(contributionIdInput).query(async ({ ctx, input }) => {
    const c = await findContribution(ctx.db, input.contributionId);
    if (!c || c.author_user_id !== ctx.user.id) throw notFound('contribution.notFound');
    return presentContribution(c, await listContributionItems(ctx.db, [c.id]));
  }),

  report: authedProcedure.input(reportContributionInput).mutation(async ({ ctx, input }) => {
    await throttleContribution(ctx, 'reportsPerUser');
    await ctx.db.transaction().execute(async (tx) => {
      const c = await findContribution(tx, input.contributionId);
      if (!c || c.status !== 'submitted' || c.hidden_at) throw notFound('contribution.notFound');
      await insertContributionReport(tx, {
        contributionId: c.id,
        reportedBy: ctx.user.id,
        reason: input.reason,
        note: input.note ?? null,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'contribution.report',
        entityType: 'contribution',
        entityId: c.id,
        after: { reason: input.reason },
      });
    });
    return { ok: true as const };
  }),
};
