// Secretariat procedures on a session's satisfaction and trust survey: results (aggregates withheld until closed and
// enough unsigned answers) and closing it early.
import { aggregateSurvey, surveyIsClosed, surveyIsOpen } from '@musyawarah/core';
import { closeBoardSurvey, listBoardSurveyResponses, lockBoardSession, writeAudit } from '@musyawarah/db';
import { auditContext, secretariatProcedure } from '../../trpc';
import { sessionIdInput } from './boards.types';
import { presentAdminSession, surveyWindowOf } from './presenters';
import { conflict, sessionOrThrow } from './shared';

export const secretariatSurveyProcedures = {
  /**
   * Aggregates of a session's survey. Signed answers are shown with the member's name; unsigned ones only inside the
   * aggregate, once the survey is closed and only from three of them (see `aggregateSurvey`).
   */
  surveyResults: secretariatProcedure.input(sessionIdInput).query(async ({ ctx, input }) => {
    const session = await sessionOrThrow(ctx.db, input.sessionId);
    const responses = await listBoardSurveyResponses(ctx.db, [session.id]);
    const now = new Date();
    const aggregate = aggregateSurvey(
      responses.map((r) => ({ satisfaction: r.satisfaction, trust: r.trust, signed: r.signed_by !== null })),
      { closed: surveyIsClosed(surveyWindowOf(session), now) },
    );
    return {
      sessionId: session.id,
      surveyOpen: surveyIsOpen(surveyWindowOf(session), now),
      surveyClosedAt: session.survey_closed_at,
      ...aggregate,
      signed: responses
        .filter((r) => r.signed_by !== null)
        .map((r) => ({
          userId: r.signed_by,
          name: r.signer_name,
          satisfaction: r.satisfaction,
          trust: r.trust,
          comment: r.comment,
        })),
      // Sorted text only, so no order of answering shows through; withheld with the aggregate.
      anonymousComments: aggregate.suppressed
        ? []
        : responses
            .filter((r) => r.signed_by === null && r.comment)
            .map((r) => r.comment!)
            .sort((a, b) => a.localeCompare(b)),
    };
  }),

  /** Ends a session's survey before its window does, so its results can be shown. */
  closeSurvey: secretariatProcedure.input(sessionIdInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await sessionOrThrow(tx, input.sessionId);
      await lockBoardSession(tx, before.id);
      const now = new Date();
      if (!surveyIsOpen(surveyWindowOf(before), now)) throw conflict('board.surveyClosed');
      const after = await closeBoardSurvey(tx, before.id, now);
      await writeAudit(tx, auditContext(ctx), {
        action: 'board.survey_close',
        entityType: 'board_session',
        entityId: after.id,
        before,
        after,
      });
      return presentAdminSession(after);
    });
  }),
};
