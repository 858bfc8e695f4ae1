import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import Papa from 'papaparse';
import { z } from 'zod';
import {
  acceptsContributions,
  contributionDraftInput,
  facilitatedContributionInput,
  localized,
  moderationInput,
  reportContributionInput,
  submitContributionInput,
  validateAnswers,
  validateSubmission,
  type AnswerableQuestion,
  type QuestionKind,
  type SubmitContributionInput,
} from '@musyawarah/core';
import {
  findContribution,
  findContributionByIdempotencyKey,
  findDraftContribution,
  findRound,
  findUserById,
  listContributionItems,
  listContributionsOfAuthor,
  listRoundContributions,
  listRoundQuestions,
  listThemesOfContributions,
  replaceContributionItems,
  writeAudit,
  auditRow,
  insertSubmission,
  isIdempotencyKeyConflict,
  loadSubmissionContext,
  type ConsultationRound,
  type Contribution,
  type MailOutbox,
  type Tx,
  type UserAccount,
} from '@musyawarah/db';
import type { Context } from '../context';
import { FieldError, notFound } from '../errors';
import { contributionHiddenMail, contributionReceiptMail } from '../mail/templates';
import { auditContext, authedProcedure, publicProcedure, router, secretariatProcedure } from '../trpc';
import { link } from './auth';
import { throttleContribution } from './contribution-limits';
import { eventProcedures } from './events';
import { boardIdsFor, checkAudience } from './round-access';
import { newReceiptReference, scheduleOf } from './rounds';

async function answerableQuestions(tx: Tx | Context['db'], roundId: string): Promise<AnswerableQuestion[]> {
  const questions = await listRoundQuestions(tx, roundId);
  return questions.map((q) => ({ id: q.id, kind: q.kind as QuestionKind, required: q.required, options: q.options, likert: q.likert as { points: number } | null }));
}

/**
 * The round, if it takes contributions now from this participant. The secretariat's on-behalf entry passes no
 * participant: it records what people said at an event, whoever the round's online audience is.
 */
async function openRoundOrThrow(tx: Tx, roundId: string, participant: UserAccount | null) {
  const round = await findRound(tx, roundId);
  return checkRoundOpen(round, participant, await boardIdsFor(tx, round, participant));
}

function checkRoundOpen(round: ConsultationRound | undefined, participant: UserAccount | null, boardIds: readonly string[]): ConsultationRound {
  if (!round || !round.published_at) throw notFound('round.notFound');
  const decision = acceptsContributions(scheduleOf(round), new Date());
  // Deadlines are the server's, in UTC: after closes_at nothing new is accepted, whatever the client's clock says.
  if (!decision.ok) throw new TRPCError({ code: 'FORBIDDEN', message: decision.reason });
  if (participant) checkAudience(round, participant, boardIds);
  return round;
}

function presentContribution(c: Contribution, items: { type: string; text: string; action_id: string | null }[]) {
  return {
    id: c.id,
    roundId: c.round_id,
    status: c.status,
    receiptReference: c.receipt_reference,
    answers: c.answers,
    items: items.map((i) => ({ type: i.type, text: i.text, actionId: i.action_id ?? undefined })),
    stakeholderGroup: c.stakeholder_group,
    memberState: c.member_state_code,
    organisationName: c.organisation_name,
    writtenIn: c.written_in,
    namedPublicly: c.named_publicly,
    submittedAt: c.submitted_at,
    updatedAt: c.updated_at,
  };
}

type Submission = SubmitContributionInput & { participantName?: string | undefined; facilitationNote?: string | undefined };

/**
 * The one path by which feedback is stored. Idempotent: the client sends a key it generated for this submission, and
 * a retry with that key (after a timeout, a double click, a lost response) returns the first receipt instead of
 * storing the feedback twice. A key is scoped to (author or facilitator, round): the unique index on the three makes
 * that hold under concurrent retries too, and a key reused for another round stores that round's feedback.
 */
async function submitContribution(ctx: Context & { user: UserAccount }, input: Submission, facilitated: boolean) {
  const context = await loadSubmissionContext(ctx.db, {
    roundId: input.roundId,
    idempotencyKey: input.idempotencyKey,
    authorUserId: facilitated ? null : ctx.user.id,
    facilitatorUserId: facilitated ? ctx.user.id : null,
  });
  if (context.existingId) return replayOf(ctx, input.roundId, input.idempotencyKey);
  const participant = facilitated ? null : ctx.user;
  const round = checkRoundOpen(context.round, participant, await boardIdsFor(ctx.db, context.round, participant));
  const questions: AnswerableQuestion[] = context.questions.map((q) => ({
    id: q.id,
    kind: q.kind as QuestionKind,
    required: q.required,
    options: q.options,
    likert: q.likert as { points: number } | null,
  }));
  const fieldErrors = validateSubmission(questions, { answers: input.answers, items: input.items });
  if (Object.keys(fieldErrors).length) throw new FieldError('BAD_REQUEST', fieldErrors);
  // Counted only for new feedback (a retry was answered above); staff entering an event's feedback are not counted.
  if (!facilitated) {
    try {
      await throttleContribution(ctx, 'submissionsPerAuthor', 'submissionsPerClient');
    } catch (error) {
      // A retry racing its own first attempt: if that one has been stored meanwhile, its receipt is the answer.
      const stored = await findContributionByIdempotencyKey(ctx.db, { key: input.idempotencyKey, roundId: input.roundId, userId: ctx.user.id });
      if (stored) return replayOf(ctx, input.roundId, input.idempotencyKey);
      throw error;
    }
  }

  const now = new Date();
  const contribution = {
    id: randomUUID(),
    round_id: round.id,
    author_user_id: facilitated ? null : ctx.user.id,
    facilitated_by: facilitated ? ctx.user.id : null,
    participant_name: facilitated ? (input.participantName ?? null) : null,
    answers: JSON.stringify(input.answers),
    stakeholder_group: input.stakeholderGroup,
    member_state_code: input.memberState ?? null,
    organisation_name: input.organisationName ?? null,
    written_in: input.writtenIn,
    named_publicly: input.namedPublicly,
    status: 'submitted' as const,
    idempotency_key: input.idempotencyKey,
    receipt_reference: newReceiptReference(now),
    submitted_at: now,
    updated_at: now,
  };
  const mail = facilitated
    ? null
    : ctx.mailer.outboxValues(
        contributionReceiptMail(ctx.user, {
          roundTitle: localized(round.title as { en: string }, [ctx.user.locale]).text,
          reference: contribution.receipt_reference,
          submittedAt: now,
          link: link(ctx, '/my-contributions'),
        }),
      );
  try {
    // A participant's own draft becomes the submission; on-behalf entries are always new rows.
    const stored = await insertSubmission(ctx.db, {
      contribution,
      items: input.items,
      replacesDraftId: facilitated ? null : context.draftId,
      audit: auditRow(auditContext(ctx), {
        action: facilitated ? 'contribution.submit_on_behalf' : 'contribution.submit',
        entityType: 'contribution',
        entityId: contribution.id,
        after: { ...contribution, answers: input.answers, items: input.items, facilitationNote: input.facilitationNote },
      }),
      mail,
    });
    if (stored.mail) await ctx.mailer.deliver(ctx.db, [stored.mail]);
  } catch (error) {
    // A concurrent request with the same key stored first (its statement stored everything, this one nothing).
    if (isIdempotencyKeyConflict(error)) return replayOf(ctx, input.roundId, input.idempotencyKey);
    throw error;
  }
  return { id: contribution.id, receiptReference: contribution.receipt_reference, submittedAt: now, replayed: false };
}

/**
 * The receipt of the submission stored earlier with this key: a retry (after a timeout, a double click, a lost
 * response) gets the first receipt instead of storing the feedback twice — even after the deadline, since the
 * feedback arrived in time.
 */
async function replayOf(ctx: Context & { user: UserAccount }, roundId: string, idempotencyKey: string) {
  // Scoped to this person and this round: the same key sent for another round is another submission.
  const existing = await findContributionByIdempotencyKey(ctx.db, { key: idempotencyKey, roundId, userId: ctx.user.id });
  if (!existing) throw new TRPCError({ code: 'CONFLICT', message: 'errors.retry' });
  if (existing.author_user_id !== ctx.user.id && existing.facilitated_by !== ctx.user.id) {
    throw new FieldError('CONFLICT', { idempotencyKey: ['validation.idempotencyKeyReused'] });
  }
  return { id: existing.id, receiptReference: existing.receipt_reference!, submittedAt: existing.submitted_at!, replayed: true };
}

const contributionIdInput = z.object({ contributionId: z.uuid({ error: 'validation.invalid' }) });

export const contributionsRouter = router({
  myDraft: authedProcedure.input(z.object({ roundId: z.uuid({ error: 'validation.invalid' }) })).query(async ({ ctx, input }) => {
    const draft = await findDraftContribution(ctx.db, input.roundId, ctx.user.id);
    if (!draft) return null;
    return presentContribution(draft, await listContributionItems(ctx.db, [draft.id]));
  }),

  /** Saved as the participant types: lenient about completeness, strict about shapes, and only while the round is open. */
  saveDraft: authedProcedure.input(contributionDraftInput).mutation(async ({ ctx, input }) => {
    await throttleContribution(ctx, 'draftsPerAuthor');
    return ctx.db.transaction().execute(async (tx) => {
      const round = await openRoundOrThrow(tx, input.roundId, ctx.user);
      const fieldErrors = validateAnswers(await answerableQuestions(tx, round.id), input.answers, 'draft');
      if (Object.keys(fieldErrors).length) throw new FieldError('BAD_REQUEST', fieldErrors);
      const values = {
        answers: JSON.stringify(input.answers),
        stakeholder_group: input.stakeholderGroup,
        member_state_code: input.memberState ?? null,
        organisation_name: input.organisationName ?? null,
        written_in: input.writtenIn,
        named_publicly: input.namedPublicly,
        updated_at: new Date(),
      };
      const saved = await tx
        .insertInto('contribution')
        .values({ ...values, round_id: round.id, author_user_id: ctx.user.id, status: 'draft' })
        .onConflict((oc) => oc.columns(['round_id', 'author_user_id']).where('status', '=', 'draft').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      await replaceContributionItems(tx, saved.id, input.items);
      return { id: saved.id, savedAt: saved.updated_at };
    });
  }),

  submit: authedProcedure.input(submitContributionInput).mutation(({ ctx, input }) => submitContribution(ctx, input, false)),

  /** Feedback gathered at an in-person event, entered by the secretariat, recorded as facilitated by them. */
  submitOnBehalf: secretariatProcedure.input(facilitatedContributionInput).mutation(({ ctx, input }) => submitContribution(ctx, input, true)),

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

  /** The public record of a round: visible submissions, named only where the author chose to be. */
  listPublic: publicProcedure.input(z.object({ roundId: z.uuid({ error: 'validation.invalid' }) })).query(async ({ ctx, input }) => {
    const round = await findRound(ctx.db, input.roundId);
    if (!round || !round.published_at) throw notFound('round.notFound');
    const rows = await listRoundContributions(ctx.db, round.id, { includeHidden: false });
    const ids = rows.map((r) => r.id);
    const [items, themes] = await Promise.all([listContributionItems(ctx.db, ids), listThemesOfContributions(ctx.db, ids)]);
    return rows.map((r) => ({
      id: r.id,
      authorName: r.named_publicly ? (r.participant_name ?? r.author_name) : null,
      organisationName: r.named_publicly ? r.organisation_name : null,
      stakeholderGroup: r.stakeholder_group,
      memberState: r.member_state_code,
      writtenIn: r.written_in,
      submittedAt: r.submitted_at,
      answers: r.answers,
      items: items.filter((i) => i.contribution_id === r.id).map((i) => ({ type: i.type, text: i.text, actionId: i.action_id })),
      themes: themes.filter((t) => t.contribution_id === r.id).map((t) => ({ id: t.id, label: t.label })),
      response: r.response_text,
    }));
  }),

  report: authedProcedure.input(reportContributionInput).mutation(async ({ ctx, input }) => {
    await throttleContribution(ctx, 'reportsPerUser');
    await ctx.db.transaction().execute(async (tx) => {
      const c = await findContribution(tx, input.contributionId);
      if (!c || c.status !== 'submitted' || c.hidden_at) throw notFound('contribution.notFound');
      await tx
        .insertInto('contribution_report')
        .values({ contribution_id: c.id, reported_by: ctx.user.id, reason: input.reason, note: input.note ?? null })
        .onConflict((oc) => oc.constraint('contribution_report_once').doNothing())
        .execute();
      await writeAudit(tx, auditContext(ctx), { action: 'contribution.report', entityType: 'contribution', entityId: c.id, after: { reason: input.reason } });
    });
    return { ok: true as const };
  }),

  moderationQueue: secretariatProcedure.input(z.object({ roundId: z.uuid({ error: 'validation.invalid' }) })).query(async ({ ctx, input }) => {
    const rows = await listRoundContributions(ctx.db, input.roundId, { includeHidden: true });
    const ids = rows.map((r) => r.id);
    const [items, themes] = await Promise.all([listContributionItems(ctx.db, ids), listThemesOfContributions(ctx.db, ids)]);
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
      items: items.filter((i) => i.contribution_id === r.id).map((i) => ({ type: i.type, text: i.text, actionId: i.action_id })),
      themes: themes.filter((t) => t.contribution_id === r.id).map((t) => ({ id: t.id, label: t.label })),
      hidden: r.hidden_at !== null,
      hiddenReason: r.hidden_reason,
      openReports: Number(r.open_reports),
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
      const after = await tx
        .updateTable('contribution')
        .set({ hidden_at: new Date(), hidden_reason: input.reason, hidden_note: input.note ?? null, hidden_by: ctx.user.id, updated_at: new Date() })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await tx.updateTable('contribution_report').set({ resolved_at: new Date() }).where('contribution_id', '=', before.id).where('resolved_at', 'is', null).execute();
      await writeAudit(tx, auditContext(ctx), { action: 'contribution.hide', entityType: 'contribution', entityId: before.id, before, after });
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
      }
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return { ok: true as const };
  }),

  unhide: secretariatProcedure.input(contributionIdInput).mutation(async ({ ctx, input }) => {
    await ctx.db.transaction().execute(async (tx) => {
      const before = await findContribution(tx, input.contributionId);
      if (!before || !before.hidden_at) throw notFound('contribution.notFound');
      const after = await tx
        .updateTable('contribution')
        .set({ hidden_at: null, hidden_reason: null, hidden_note: null, hidden_by: null, updated_at: new Date() })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(tx, auditContext(ctx), { action: 'contribution.unhide', entityType: 'contribution', entityId: before.id, before, after });
    });
    return { ok: true as const };
  }),

  respond: secretariatProcedure
    .input(z.object({ contributionId: z.uuid({ error: 'validation.invalid' }), text: z.string().trim().min(1).max(10_000) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (tx) => {
        const c = await findContribution(tx, input.contributionId);
        if (!c || c.status !== 'submitted') throw notFound('contribution.notFound');
        const before = await tx.selectFrom('contribution_response').selectAll().where('contribution_id', '=', c.id).executeTakeFirst();
        const after = await tx
          .insertInto('contribution_response')
          .values({ contribution_id: c.id, text: input.text, responded_by: ctx.user.id, updated_at: new Date() })
          .onConflict((oc) => oc.column('contribution_id').doUpdateSet({ text: input.text, responded_by: ctx.user.id, updated_at: sql`now()` }))
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(tx, auditContext(ctx), { action: 'contribution.respond', entityType: 'contribution', entityId: c.id, before, after });
      });
      return { ok: true as const };
    }),

  setThemes: secretariatProcedure
    .input(z.object({ contributionId: z.uuid({ error: 'validation.invalid' }), themeIds: z.array(z.uuid({ error: 'validation.invalid' })).max(50) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (tx) => {
        const c = await findContribution(tx, input.contributionId);
        if (!c) throw notFound('contribution.notFound');
        const valid = input.themeIds.length
          ? await tx.selectFrom('round_theme').select('id').where('round_id', '=', c.round_id).where('id', 'in', input.themeIds).execute()
          : [];
        if (valid.length !== new Set(input.themeIds).size) throw new FieldError('BAD_REQUEST', { themeIds: ['validation.unknownTheme'] });
        const before = await tx.selectFrom('contribution_theme').select('theme_id').where('contribution_id', '=', c.id).execute();
        await tx.deleteFrom('contribution_theme').where('contribution_id', '=', c.id).execute();
        if (valid.length) await tx.insertInto('contribution_theme').values(valid.map((t) => ({ contribution_id: c.id, theme_id: t.id }))).execute();
        await writeAudit(tx, auditContext(ctx), { action: 'contribution.set_themes', entityType: 'contribution', entityId: c.id, before: before.map((b) => b.theme_id), after: valid.map((v) => v.id) });
      });
      return { ok: true as const };
    }),

  /**
   * The round's contributions for analysis. Names and organisations appear only where the author chose to be named
   * publicly; everyone else is identified by receipt reference alone. Hidden contributions are included and marked.
   */
  export: secretariatProcedure
    .input(z.object({ roundId: z.uuid({ error: 'validation.invalid' }), format: z.enum(['csv', 'json']) }))
    .query(async ({ ctx, input }) => {
      const round = await findRound(ctx.db, input.roundId);
      if (!round) throw notFound('round.notFound');
      const rows = await listRoundContributions(ctx.db, round.id, { includeHidden: true });
      const ids = rows.map((r) => r.id);
      const [items, themes] = await Promise.all([listContributionItems(ctx.db, ids), listThemesOfContributions(ctx.db, ids)]);
      const records = rows.map((r) => ({
        receiptReference: r.receipt_reference,
        submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
        name: r.named_publicly ? (r.participant_name ?? r.author_name) : null,
        organisation: r.named_publicly ? r.organisation_name : null,
        stakeholderGroup: r.stakeholder_group,
        memberState: r.member_state_code,
        writtenIn: r.written_in,
        facilitated: r.facilitated_by !== null,
        hidden: r.hidden_at !== null,
        hiddenReason: r.hidden_reason,
        themes: themes.filter((t) => t.contribution_id === r.id).map((t) => t.label),
        answers: r.answers,
        items: items.filter((i) => i.contribution_id === r.id).map((i) => ({ type: i.type, text: i.text, actionId: i.action_id })),
        response: r.response_text,
      }));
      const stamp = round.id.slice(0, 8);
      if (input.format === 'json') {
        return { filename: `contributions-${stamp}.json`, contentType: 'application/json', body: JSON.stringify({ roundId: round.id, contributions: records }, null, 2) };
      }
      // One row per feedback item (or one row for answers only), the shape spreadsheets and qualitative tools expect.
      const flat = records.flatMap((r) => {
        const base = {
          receipt_reference: r.receiptReference,
          submitted_at: r.submittedAt,
          name: r.name ?? '',
          organisation: r.organisation ?? '',
          stakeholder_group: r.stakeholderGroup,
          member_state: r.memberState ?? '',
          written_in: r.writtenIn,
          facilitated: r.facilitated,
          hidden: r.hidden,
          themes: r.themes.join('; '),
          answers: JSON.stringify(r.answers),
          response: r.response ?? '',
        };
        return r.items.length
          ? r.items.map((i) => ({ ...base, item_type: i.type, item_text: i.text, action_id: i.actionId ?? '' }))
          : [{ ...base, item_type: '', item_text: '', action_id: '' }];
      });
      return { filename: `contributions-${stamp}.csv`, contentType: 'text/csv', body: Papa.unparse(flat, { escapeFormulae: true }) };
    }),

  ...eventProcedures,
});
