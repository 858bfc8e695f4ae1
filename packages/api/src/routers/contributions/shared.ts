// Helpers of the contributions router's procedure files: the questions a submission answers, and the round that must
// be open to take it.
import { TRPCError } from '@trpc/server';
import { acceptsContributions, type AnswerableQuestion, type QuestionKind } from '@musyawarah/core';
import {
  findRound,
  listRoundQuestions,
  type ConsultationRound,
  type RoundQuestion,
  type Tx,
  type UserAccount,
} from '@musyawarah/db';
import type { Context } from '../../context';
import { notFound } from '../../errors';
import { boardIdsFor, checkAudience } from '../round-access';
import { scheduleOf } from '../shared/consultation';

export function answerable(
  q: Pick<RoundQuestion, 'id' | 'kind' | 'required' | 'options' | 'likert'>,
): AnswerableQuestion {
  return {
    id: q.id,
    kind: q.kind as QuestionKind,
    required: q.required,
    options: q.options,
    likert: q.likert as { points: number } | null,
  };
}

export async function answerableQuestions(
  tx: Tx | Context['db'],
  roundId: string,
): Promise<AnswerableQuestion[]> {
  const questions = await listRoundQuestions(tx, roundId);
  return questions.map(answerable);
}

/**
 * The round, if it takes contributions now from this participant. The secretariat's on-behalf entry passes no
 * participant: it records what people said at an event, whoever the round's online audience is.
 */
export async function openRoundOrThrow(tx: Tx, roundId: string, participant: UserAccount | null) {
  const round = await findRound(tx, roundId);
  return checkRoundOpen(round, participant, await boardIdsFor(tx, round, participant));
}

export function checkRoundOpen(
  round: ConsultationRound | undefined,
  participant: UserAccount | null,
  boardIds: readonly string[],
): ConsultationRound {
  if (!round || !round.published_at) throw notFound('round.notFound');
  const decision = acceptsContributions(scheduleOf(round), new Date());
  // Deadlines are the server's, in UTC: after closes_at nothing new is accepted, whatever the client's clock says.
  if (!decision.ok) throw new TRPCError({ code: 'FORBIDDEN', message: decision.reason });
  if (participant) checkAudience(round, participant, boardIds);
  return round;
}
