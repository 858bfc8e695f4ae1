import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  canTransitionRound,
  eventChangeProblem,
  localizedTextField,
  questionInput,
  roundInput,
  roundThemeInput,
  ROUND_ACTIONS,
} from '@musyawarah/core';
import {
  countContributionsByRound,
  countEventRegistrations,
  NO_CONTRIBUTIONS,
  findBoard,
  findRound,
  findSubmittedContributionOfRound,
  insertRound,
  insertRoundTheme,
  listRoundQuestions,
  listRoundThemes,
  listRounds,
  lockRoundForRegistrations,
  replaceRoundQuestions,
  transitionRound,
  updateRound,
  writeAudit,
  type ConsultationRound,
  type MailOutbox,
  type RoundQuestion,
  type RoundTransition,
  type Tx,
} from '@musyawarah/db';
import { FieldError, notFound } from '../errors';
import { auditContext, publicProcedure, router, secretariatProcedure } from '../trpc';
import { eventOf, fillFromWaitlist, tellRegistrantsOfEventChange, phaseOf } from './shared/consultation';
import { roundTransitionNotifications } from '../notifications/rounds';
import { roundParticipation } from './shared/work';

function presentQuestion(q: RoundQuestion) {
  return {
    id: q.id,
    position: q.position,
    kind: q.kind,
    prompt: q.prompt,
    help: q.help,
    required: q.required,
    options: q.options,
    likert: q.likert as {
      points: number;
      minLabel: Record<string, string>;
      maxLabel: Record<string, string>;
    } | null,
  };
}

/**
 * `contributionCount` follows the one definition in `countContributionsByRound`: on public screens the published
 * contributions (what the public record lists); for the Secretariat all received, with `hiddenCount` beside it.
 */
function presentRound(round: ConsultationRound, extra: { contributionCount?: number } = {}) {
  return {
    id: round.id,
    title: round.title,
    description: round.description,
    format: round.format,
    actionIds: round.action_ids,
    editionId: round.edition_id,
    audience: round.audience,
    invitedGroups: round.invited_groups,
    boardId: round.board_id,
    memberStates: round.member_states,
    languages: round.languages,
    opensAt: round.opens_at,
    closesAt: round.closes_at,
    event: round.event as Record<string, unknown> | null,
    phase: phaseOf(round),
    publishedAt: round.published_at,
    summary: round.summary_published_at ? (round.summary as Record<string, string> | null) : null,
    summaryPublishedAt: round.summary_published_at,
    version: round.version,
    contributionCount: extra.contributionCount ?? 0,
  };
}

/** A round for a board's members must name a board that exists (the form's own check cannot know the boards). */
async function checkBoardExists(db: Tx, round: { audience: string; boardId?: string | undefined }) {
  if (round.audience !== 'board' || !round.boardId) return;
  if (!(await findBoard(db, round.boardId)))
    throw new FieldError('BAD_REQUEST', { boardId: ['validation.unknownBoard'] });
}

const roundIdInput = z.object({ roundId: z.uuid({ error: 'validation.invalid' }) });

export const roundsRouter = router({
  /** Published rounds, newest first, with their phase now; filters are optional. */
  listPublic: publicProcedure
    .input(
      z
        .object({
          phase: z.enum(['upcoming', 'open', 'closed', 'summary_published']).optional(),
          actionId: z.string().trim().max(20).optional(),
          memberState: z.string().length(2).optional(),
          language: z.string().max(5).optional(),
          format: z.string().max(40).optional(),
        })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      const [rounds, counts] = await Promise.all([
        listRounds(ctx.readDb, { publishedOnly: true }),
        countContributionsByRound(ctx.readDb),
      ]);
      return rounds
        .map((r) => presentRound(r, { contributionCount: (counts.get(r.id) ?? NO_CONTRIBUTIONS).published }))
        .filter((r) => !input.phase || r.phase === input.phase)
        .filter(
          (r) =>
            !input.actionId ||
            r.actionIds.some((id) => id === input.actionId || id.startsWith(`${input.actionId}.`)),
        )
        .filter(
          (r) =>
            !input.memberState || r.memberStates.length === 0 || r.memberStates.includes(input.memberState),
        )
        .filter((r) => !input.language || r.languages.includes(input.language))
        .filter((r) => !input.format || r.format === input.format);
    }),

  get: publicProcedure.input(roundIdInput).query(async ({ ctx, input }) => {
    // The three reads at once (the busiest public page): questions and themes of an unpublished round are read and dropped.
    const [round, questions, themes, counts] = await Promise.all([
      findRound(ctx.readDb, input.roundId),
      listRoundQuestions(ctx.readDb, input.roundId),
      listRoundThemes(ctx.readDb, input.roundId),
      countContributionsByRound(ctx.readDb, [input.roundId]),
    ]);
    if (!round || !round.published_at) throw notFound('round.notFound');
    const count = (counts.get(round.id) ?? NO_CONTRIBUTIONS).published;
    return {
      ...presentRound(round, { contributionCount: count }),
      questions: questions.map(presentQuestion),
      themes,
    };
  }),

  adminList: secretariatProcedure.query(async ({ ctx }) => {
    const [rounds, counts] = await Promise.all([
      listRounds(ctx.db, { publishedOnly: false }),
      countContributionsByRound(ctx.db),
    ]);
    return rounds.map((r) => {
      const count = counts.get(r.id) ?? NO_CONTRIBUTIONS;
      return {
        ...presentRound(r, { contributionCount: count.received }),
        hiddenCount: count.hidden,
        targets: r.targets,
      };
    });
  }),

  adminGet: secretariatProcedure.input(roundIdInput).query(async ({ ctx, input }) => {
    const round = await findRound(ctx.db, input.roundId);
    if (!round) throw notFound('round.notFound');
    const [questions, themes, counts] = await Promise.all([
      listRoundQuestions(ctx.db, round.id),
      listRoundThemes(ctx.db, round.id),
      countContributionsByRound(ctx.db, [round.id]),
    ]);
    const count = counts.get(round.id) ?? NO_CONTRIBUTIONS;
    return {
      ...presentRound(round, { contributionCount: count.received }),
      hiddenCount: count.hidden,
      targets: round.targets,
      summaryDraft: round.summary as Record<string, string> | null,
      questions: questions.map(presentQuestion),
      themes,
    };
  }),

  create: secretariatProcedure.input(roundInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      await checkBoardExists(tx, input);
      const created = await insertRound(tx, input, ctx.user.id);
      await writeAudit(tx, auditContext(ctx), {
        action: 'round.create',
        entityType: 'consultation_round',
        entityId: created.id,
        after: created,
      });
      return presentRound(created);
    });
  }),

  update: secretariatProcedure
    .input(
      z.object({
        roundId: z.uuid({ error: 'validation.invalid' }),
        expectedVersion: z.number().int().min(1),
        round: roundInput,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const queued: MailOutbox[] = [];
      const updated = await ctx.db.transaction().execute(async (tx) => {
        const before = await findRound(tx, input.roundId);
        if (!before) throw notFound('round.notFound');
        if (phaseOf(before) === 'summary_published')
          throw new TRPCError({ code: 'CONFLICT', message: 'round.finished' });
        await checkBoardExists(tx, input.round);
        if (eventOf(before)) {
          // Registrations change under this lock only, so the counts hold until the update commits.
          await lockRoundForRegistrations(tx, before.id);
          const nextEvent = input.round.event ? { capacity: input.round.event.capacity ?? null } : null;
          const problem = eventChangeProblem(nextEvent, await countEventRegistrations(tx, before.id));
          if (problem) throw new FieldError('CONFLICT', { [problem.field]: [problem.message] });
        }
        const after = await updateRound(tx, input.roundId, input.expectedVersion, input.round);
        if (!after) throw new TRPCError({ code: 'CONFLICT', message: 'round.editConflict' });
        await writeAudit(tx, auditContext(ctx), {
          action: 'round.update',
          entityType: 'consultation_round',
          entityId: after.id,
          before,
          after,
        });
        // More places (or none limited any more): those waiting move up first, in order, each told by e-mail.
        const event = eventOf(after);
        if (event) {
          await lockRoundForRegistrations(tx, after.id);
          const earlier = eventOf(before);
          if (earlier) queued.push(...(await tellRegistrantsOfEventChange(ctx, tx, after, earlier, event)));
          queued.push(...(await fillFromWaitlist(ctx, tx, after, event)));
        }
        return presentRound(after);
      });
      await ctx.mailer.deliver(ctx.db, queued);
      return updated;
    }),

  /** Publish, unpublish, close early, reopen or publish the summary — each allowed only from the phases core permits. */
  transition: secretariatProcedure
    .input(
      z.object({
        roundId: z.uuid({ error: 'validation.invalid' }),
        action: z.enum(ROUND_ACTIONS),
        /** reopen: the new closing time. */
        closesAt: z.iso.datetime({ offset: true, error: 'validation.datetime' }).optional(),
        /** publish_summary: the "what we heard" text. */
        summary: localizedTextField(20_000).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const queued: MailOutbox[] = [];
      const presented = await ctx.db.transaction().execute(async (tx) => {
        const before = await findRound(tx, input.roundId);
        if (!before) throw notFound('round.notFound');
        const now = new Date();
        const phase = phaseOf(before, now);
        if (!canTransitionRound(phase, input.action))
          throw new TRPCError({ code: 'CONFLICT', message: 'round.transitionNotAllowed' });
        const changes: RoundTransition = {};
        switch (input.action) {
          case 'publish':
            changes.publishedAt = now;
            break;
          case 'unpublish':
            changes.publishedAt = null;
            break;
          case 'close_early':
            changes.closesAt = now;
            break;
          case 'reopen': {
            const closesAt = input.closesAt ? new Date(input.closesAt) : null;
            if (!closesAt || closesAt <= now)
              throw new FieldError('BAD_REQUEST', { closesAt: ['validation.closesInPast'] });
            changes.closesAt = closesAt;
            break;
          }
          case 'publish_summary':
            if (!input.summary) throw new FieldError('BAD_REQUEST', { summary: ['validation.required'] });
            changes.summary = input.summary;
            changes.summaryPublishedAt = now;
            break;
        }
        const after = await transitionRound(tx, before.id, changes, now);
        await writeAudit(tx, auditContext(ctx), {
          action: `round.${input.action}`,
          entityType: 'consultation_round',
          entityId: before.id,
          before,
          after,
        });
        queued.push(...(await roundTransitionNotifications(ctx, tx, input.action, after, now)));
        return presentRound(after);
      });
      await ctx.mailer.deliver(ctx.db, queued);
      return presented;
    }),

  /** Replaces the question list. Once feedback has been submitted the questions are fixed, so no answer loses its question. */
  saveQuestions: secretariatProcedure
    .input(
      z.object({
        roundId: z.uuid({ error: 'validation.invalid' }),
        questions: z.array(questionInput).max(50),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const round = await findRound(tx, input.roundId);
        if (!round) throw notFound('round.notFound');
        const submitted = await findSubmittedContributionOfRound(tx, round.id);
        if (submitted) throw new TRPCError({ code: 'CONFLICT', message: 'round.questionsLocked' });
        const before = await listRoundQuestions(tx, round.id);
        const after = await replaceRoundQuestions(tx, round.id, input.questions);
        await writeAudit(tx, auditContext(ctx), {
          action: 'round.save_questions',
          entityType: 'consultation_round',
          entityId: round.id,
          before,
          after,
        });
        return after.map(presentQuestion);
      });
    }),

  addTheme: secretariatProcedure.input(roundThemeInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      if (!(await findRound(tx, input.roundId))) throw notFound('round.notFound');
      const theme = await insertRoundTheme(tx, input.roundId, input.label);
      if (!theme) throw new FieldError('CONFLICT', { label: ['validation.themeExists'] });
      await writeAudit(tx, auditContext(ctx), {
        action: 'round.add_theme',
        entityType: 'consultation_round',
        entityId: input.roundId,
        after: theme,
      });
      return theme;
    });
  }),

  /** Who took part, by group, state and language, against the round's targets; gaps flagged while the round is open. */
  participation: secretariatProcedure.input(roundIdInput).query(async ({ ctx, input }) => {
    const round = await findRound(ctx.db, input.roundId);
    if (!round) throw notFound('round.notFound');
    return { phase: phaseOf(round), ...(await roundParticipation(ctx.db, round)) };
  }),
});
