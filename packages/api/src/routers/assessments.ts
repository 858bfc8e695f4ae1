import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import Papa from 'papaparse';
import {
  ASSESSMENT_CRITERIA,
  assessmentIdInput,
  compareAssessments,
  compareAssessmentsInput,
  saveAssessmentInput,
  startAssessmentInput,
  submitAssessmentInput,
  unansweredCriteria,
  type AssessmentAnswers,
  type MemberStateCode,
} from '@musyawarah/core';
import {
  findAssessment,
  insertAssessment,
  listAssessmentsOfState,
  listSubmittedAssessments,
  submitAssessment,
  updateDraftAssessment,
  writeAudit,
  type ReadinessAssessment,
} from '@musyawarah/db';
import { FieldError, notFound } from '../errors';
import { auditContext, memberStateProcedure, router, secretariatProcedure } from '../trpc';
import { scoreWithRecommendations } from './catalogue';

function present(row: ReadinessAssessment) {
  const answers = row.answers as AssessmentAnswers;
  return {
    id: row.id,
    memberState: row.member_state_code,
    year: row.year,
    status: row.status,
    version: row.version,
    answers,
    evidence: row.evidence,
    // A submitted assessment shows the scores it was submitted with; a draft is scored live.
    result: (row.status === 'submitted' && row.result
      ? row.result
      : scoreWithRecommendations(answers)) as ReturnType<typeof scoreWithRecommendations>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
  };
}

/** A representative sees only their own state's assessments; anything else is answered as not found. */
async function ownAssessment(
  ctx: { db: Parameters<typeof findAssessment>[0]; memberState: MemberStateCode },
  id: string,
) {
  const row = await findAssessment(ctx.db, id);
  if (!row || row.member_state_code !== ctx.memberState) throw notFound('assessments.notFound');
  return row;
}

const conflict = () => new TRPCError({ code: 'CONFLICT', message: 'assessments.editConflict' });

export const assessmentsRouter = router({
  listOwn: memberStateProcedure.query(async ({ ctx }) => {
    const rows = await listAssessmentsOfState(ctx.db, ctx.memberState);
    return rows.map((r) => ({
      id: r.id,
      year: r.year,
      status: r.status,
      version: r.version,
      answered: Object.keys(r.answers).length,
      updatedAt: r.updated_at,
      submittedAt: r.submitted_at,
    }));
  }),

  getOwn: memberStateProcedure
    .input(assessmentIdInput)
    .query(async ({ ctx, input }) => present(await ownAssessment(ctx, input.id))),

  start: memberStateProcedure.input(startAssessmentInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const existing = await listAssessmentsOfState(tx, ctx.memberState);
      if (existing.some((a) => a.year === input.year))
        throw new FieldError('CONFLICT', { year: ['validation.assessmentYearTaken'] });
      const draft = existing.find((a) => a.status === 'draft');
      if (draft) throw new FieldError('CONFLICT', { year: ['validation.assessmentDraftOpen'] });
      const created = await insertAssessment(tx, {
        memberState: ctx.memberState,
        year: input.year,
        createdBy: ctx.user.id,
      });
      if (!created) throw new FieldError('CONFLICT', { year: ['validation.assessmentYearTaken'] });
      await writeAudit(tx, auditContext(ctx), {
        action: 'assessment.start',
        entityType: 'readiness_assessment',
        entityId: created.id,
        after: created,
      });
      return present(created);
    });
  }),

  saveDraft: memberStateProcedure.input(saveAssessmentInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await ownAssessment({ db: tx, memberState: ctx.memberState }, input.id);
      if (before.status !== 'draft')
        throw new TRPCError({ code: 'CONFLICT', message: 'assessments.alreadySubmitted' });
      const after = await updateDraftAssessment(tx, input.id, input.expectedVersion, {
        answers: input.answers,
        evidence: input.evidence,
        updatedBy: ctx.user.id,
      });
      if (!after) throw conflict();
      await writeAudit(tx, auditContext(ctx), {
        action: 'assessment.save_draft',
        entityType: 'readiness_assessment',
        entityId: after.id,
        before: { answers: before.answers, evidence: before.evidence, version: before.version },
        after: { answers: after.answers, evidence: after.evidence, version: after.version },
      });
      return present(after);
    });
  }),

  submit: memberStateProcedure.input(submitAssessmentInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const before = await ownAssessment({ db: tx, memberState: ctx.memberState }, input.id);
      if (before.status !== 'draft')
        throw new TRPCError({ code: 'CONFLICT', message: 'assessments.alreadySubmitted' });
      const answers = before.answers as AssessmentAnswers;
      const unanswered = unansweredCriteria(answers);
      // A submitted assessment is the state's record: every pillar must have a tier, so every criterion an answer.
      if (unanswered.length)
        throw new FieldError(
          'BAD_REQUEST',
          Object.fromEntries(unanswered.map((id) => [`answers.${id}`, ['validation.required']])),
        );
      const after = await submitAssessment(tx, input.id, input.expectedVersion, {
        result: scoreWithRecommendations(answers),
        submittedBy: ctx.user.id,
      });
      if (!after) throw conflict();
      await writeAudit(tx, auditContext(ctx), {
        action: 'assessment.submit',
        entityType: 'readiness_assessment',
        entityId: after.id,
        before: { status: 'draft' },
        after: { status: 'submitted', result: after.result },
      });
      return present(after);
    });
  }),

  compareOwn: memberStateProcedure.input(compareAssessmentsInput).query(async ({ ctx, input }) => {
    const from = await ownAssessment(ctx, input.fromId);
    const to = await ownAssessment(ctx, input.toId);
    return {
      from: { id: from.id, year: from.year },
      to: { id: to.id, year: to.year },
      ...compareAssessments(from.answers, to.answers),
    };
  }),

  /** The regional table: every state's submitted assessments with their pillar scores and tiers. */
  regional: secretariatProcedure
    .input(z.object({ year: z.number().int().min(2024).max(2100).optional() }).default({}))
    .query(async ({ ctx, input }) => {
      const rows = await listSubmittedAssessments(ctx.db, { year: input.year });
      return rows.map((r) => ({
        id: r.id,
        memberState: r.member_state_code,
        memberStateName: r.member_state_name,
        year: r.year,
        submittedAt: r.submitted_at,
        pillars: (r.result as ReturnType<typeof scoreWithRecommendations>).pillars,
      }));
    }),

  getSubmitted: secretariatProcedure.input(assessmentIdInput).query(async ({ ctx, input }) => {
    const row = await findAssessment(ctx.db, input.id);
    if (!row || row.status !== 'submitted') throw notFound('assessments.notFound');
    return present(row);
  }),

  exportRegional: secretariatProcedure
    .input(
      z.object({ format: z.enum(['csv', 'json']), year: z.number().int().min(2024).max(2100).optional() }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await listSubmittedAssessments(ctx.db, { year: input.year });
      const records = rows.map((r) => {
        const result = r.result as ReturnType<typeof scoreWithRecommendations>;
        return {
          memberState: r.member_state_code,
          memberStateName: r.member_state_name,
          year: r.year,
          submittedAt: r.submitted_at,
          pillars: result.pillars,
          answers: r.answers,
        };
      });
      const stamp = input.year ?? 'all-years';
      if (input.format === 'json') {
        return {
          filename: `readiness-regional-${stamp}.json`,
          contentType: 'application/json',
          body: JSON.stringify({ assessments: records }, null, 2),
        };
      }
      const csv = Papa.unparse(
        records.map((r) => ({
          member_state: r.memberState,
          member_state_name: r.memberStateName,
          year: r.year,
          submitted_at: r.submittedAt ? new Date(r.submittedAt).toISOString() : '',
          ...Object.fromEntries(
            r.pillars.flatMap((p): [string, string | number][] => [
              [`pillar_${p.pillar}_score`, p.score],
              [`pillar_${p.pillar}_tier`, p.tier ?? ''],
            ]),
          ),
          ...Object.fromEntries(ASSESSMENT_CRITERIA.map((c) => [c.id, r.answers[c.id] ?? ''])),
        })),
        { escapeFormulae: true },
      );
      return { filename: `readiness-regional-${stamp}.csv`, contentType: 'text/csv', body: csv };
    }),
});
