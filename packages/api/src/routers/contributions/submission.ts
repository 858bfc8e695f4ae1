// The one path by which feedback is stored (a participant's own, or the Secretariat's on-behalf entry), and its replay.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { localized, validateSubmission, type SubmitContributionInput } from '@musyawarah/core';
import {
  auditRow,
  findContributionByIdempotencyKey,
  insertSubmission,
  isIdempotencyKeyConflict,
  loadSubmissionContext,
  type UserAccount,
} from '@musyawarah/db';
import { preloadedParticipation, type Context } from '../../context';
import { FieldError, ThrottledError } from '../../errors';
import { contributionReceiptMail } from '../../mail/templates';
import { auditContext } from '../../trpc';
import { contributionLimits } from '../contribution-limits';
import { boardIdsFor } from '../round-access';
import { newReceiptReference } from '../shared/consultation';
import { link } from '../shared/links';
import { answerable, checkRoundOpen } from './shared';

export type Submission = SubmitContributionInput & {
  participantName?: string | undefined;
  facilitationNote?: string | undefined;
};

/**
 * The one path by which feedback is stored. Idempotent: the client sends a key it generated for this submission, and
 * a retry with that key (after a timeout, a double click, a lost response) returns the first receipt instead of
 * storing the feedback twice. A key is scoped to (author or facilitator, round): the unique index on the three makes
 * that hold under concurrent retries too, and a key reused for another round stores that round's feedback.
 */
export async function submitContribution(
  ctx: Context & { user: UserAccount },
  input: Submission,
  facilitated: boolean,
) {
  const context =
    (facilitated ? null : preloadedParticipation(ctx, input.roundId, input.idempotencyKey)) ??
    (await loadSubmissionContext(ctx.db, {
      roundId: input.roundId,
      idempotencyKey: input.idempotencyKey,
      authorUserId: facilitated ? null : ctx.user.id,
      facilitatorUserId: facilitated ? ctx.user.id : null,
    }));
  if (context.existingId) return replayOf(ctx, input.roundId, input.idempotencyKey);
  const participant = facilitated ? null : ctx.user;
  const round = checkRoundOpen(
    context.round,
    participant,
    await boardIdsFor(ctx.db, context.round, participant),
  );
  const questions = context.questions.map(answerable);
  const fieldErrors = validateSubmission(questions, { answers: input.answers, items: input.items });
  if (Object.keys(fieldErrors).length) throw new FieldError('BAD_REQUEST', fieldErrors);
  const now = new Date();
  const contribution = {
    id: randomUUID(),
    round_id: round.id,
    author_user_id: facilitated ? null : ctx.user.id,
    facilitated_by: facilitated ? ctx.user.id : null,
    participant_name: facilitated ? (input.participantName ?? null) : null,
    answers: input.answers,
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
    // One statement stores everything and counts the submission against the participant's limits (staff entering an
    // event's feedback are not counted; a retry was answered above): one round trip and one commit, and a submission
    // that is refused or fails is not counted.
    const stored = await insertSubmission(ctx.db, {
      contribution,
      items: input.items,
      // A participant's own draft becomes the submission; on-behalf entries are always new rows.
      replacesDraftId: facilitated ? null : context.draftId,
      audit: auditRow(auditContext(ctx), {
        action: facilitated ? 'contribution.submit_on_behalf' : 'contribution.submit',
        entityType: 'contribution',
        entityId: contribution.id,
        after: { ...contribution, items: input.items, facilitationNote: input.facilitationNote },
      }),
      mail,
      limits: facilitated
        ? undefined
        : { now, counted: contributionLimits(ctx, 'submissionsPerAuthor', 'submissionsPerClient') },
    });
    if (!stored.stored) {
      // A retry racing its own first attempt over the limit: if that one has been stored meanwhile, its receipt is the
      // answer.
      const first = await findContributionByIdempotencyKey(ctx.db, {
        key: input.idempotencyKey,
        roundId: input.roundId,
        userId: ctx.user.id,
      });
      if (first) return replayOf(ctx, input.roundId, input.idempotencyKey);
      throw new ThrottledError(stored.retryAfterSeconds);
    }
    if (stored.mail) await ctx.mailer.deliver(ctx.db, [stored.mail]);
  } catch (error) {
    // A concurrent request with the same key stored first (its statement stored everything, this one nothing).
    if (isIdempotencyKeyConflict(error)) return replayOf(ctx, input.roundId, input.idempotencyKey);
    throw error;
  }
  return {
    id: contribution.id,
    receiptReference: contribution.receipt_reference,
    submittedAt: now,
    replayed: false,
  };
}

/**
 * The receipt of the submission stored earlier with this key: a retry (after a timeout, a double click, a lost
 * response) gets the first receipt instead of storing the feedback twice — even after the deadline, since the
 * feedback arrived in time.
 */
async function replayOf(ctx: Context & { user: UserAccount }, roundId: string, idempotencyKey: string) {
  // Scoped to this person and this round: the same key sent for another round is another submission.
  const existing = await findContributionByIdempotencyKey(ctx.db, {
    key: idempotencyKey,
    roundId,
    userId: ctx.user.id,
  });
  if (!existing) throw new TRPCError({ code: 'CONFLICT', message: 'errors.retry' });
  if (existing.author_user_id !== ctx.user.id && existing.facilitated_by !== ctx.user.id) {
    throw new FieldError('CONFLICT', { idempotencyKey: ['validation.idempotencyKeyReused'] });
  }
  return {
    id: existing.id,
    receiptReference: existing.receipt_reference!,
    submittedAt: existing.submitted_at!,
    replayed: true,
  };
}
