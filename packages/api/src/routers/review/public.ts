// Public review procedures: the framework, started cycles, their public record, "you said, we did".
import { z } from 'zod';
import {
  cycleStage,
  cycleContentAccess,
  localized,
  readFrameworkDocument,
  readReviewText,
} from '@musyawarah/core';
import type { ProposedEdit } from '@musyawarah/core/editions';
import {
  findContributionStatus,
  findPublishedCycleByEdition,
  listAssessmentStates,
  findFramework,
  findLatestFramework,
  listCyclePhases,
  listEditsCitingContribution,
  listResolutions,
  listReviewCycles,
} from '@musyawarah/db';
import { notFound } from '../../errors';
import { publicProcedure } from '../../trpc';
import { cycleIdInput, uuid, versionField } from './review.types';
import { iso, phaseDates, presentCycle } from './presenters';
import {
  contributionSummaries,
  mayReadContent,
  publicRecord,
  requireContentAccess,
  requireCycle,
} from './shared';

export const publicReviewProcedures = {
  /** The latest version of the Regional Review Framework, or null before the first one is saved. */
  framework: publicProcedure.query(async ({ ctx }) => {
    const latest = await findLatestFramework(ctx.db);
    return latest
      ? {
          version: latest.version,
          document: readFrameworkDocument(latest.document),
          createdAt: iso(latest.created_at) as string,
        }
      : null;
  }),

  /** One earlier (or the latest) version of the framework: cycles keep the version they were run under. */
  frameworkVersion: publicProcedure
    .input(z.object({ version: versionField }))
    .query(async ({ ctx, input }) => {
      const framework = await findFramework(ctx.db, input.version);
      if (!framework) throw notFound('review.frameworkNotFound');
      return {
        version: framework.version,
        document: readFrameworkDocument(framework.document),
        createdAt: iso(framework.created_at) as string,
      };
    }),

  /** Cycles that have started (drafts stay with the Secretariat), newest first. */
  cycles: publicProcedure.query(async ({ ctx }) => {
    const cycles = await listReviewCycles(ctx.db);
    const phases = await listCyclePhases(
      ctx.db,
      cycles.map((c) => c.id),
    );
    // A cycle closed before it started was never public.
    return cycles
      .map((c) => presentCycle(c, phases))
      .filter(
        (c) =>
          c.stage !== 'not_started' &&
          !(c.stage === 'closed' && c.phases.every((p) => p.actualStart === null)),
      );
  }),

  cycle: publicProcedure.input(cycleIdInput).query(async ({ ctx, input }) => {
    const cycle = await requireCycle(ctx.db, input.cycleId);
    const phases = await listCyclePhases(ctx.db, [cycle.id]);
    const presented = presentCycle(cycle, phases);
    const reached = cycleStage(phaseDates(phases));
    if (reached === 'not_started' && ctx.user?.role !== 'secretariat') throw notFound('review.cycleNotFound');
    // An adopted cycle's record once published; a closed cycle's record to whoever could read its content when it closed.
    const readable =
      (cycle.published_at !== null || cycle.closed_at !== null) &&
      mayReadContent(cycle, reached, ctx.user).ok;
    return { ...presented, record: readable ? await publicRecord(ctx.db, cycle) : null };
  }),

  /** "You said, we did": the changes an edition adopted, with the contributions, assessments and positions behind them. */
  youSaidWeDid: publicProcedure.input(z.object({ edition: versionField })).query(async ({ ctx, input }) => {
    const cycle = await findPublishedCycleByEdition(ctx.db, input.edition);
    if (!cycle) throw notFound('review.editionNotFound');
    await requireContentAccess(ctx.db, cycle, ctx.user);
    const record = await publicRecord(ctx.db, cycle);
    const adopted = record.filter((e) => e.resolution && e.resolution.kind !== 'rejected');
    const contributions = await contributionSummaries(
      ctx.db,
      adopted.flatMap((e) => e.motivations.filter((m) => m.kind === 'contribution').map((m) => m.targetId)),
    );
    const assessmentIds = adopted.flatMap((e) =>
      e.motivations.filter((m) => m.kind === 'assessment').map((m) => m.targetId),
    );
    const assessments = await listAssessmentStates(ctx.db, assessmentIds);
    return {
      edition: input.edition,
      baseEditionNumber: cycle.base_edition_number,
      cycle: {
        id: cycle.id,
        title: readReviewText(cycle.title),
        publishedAt: iso(cycle.published_at) as string,
      },
      changes: adopted.map((edit) => ({
        editId: edit.id,
        payload: edit.resolution?.finalPayload ?? edit.payload,
        diff: edit.resolution?.finalDiff ?? edit.diff,
        rationale: edit.rationale,
        resolution: edit.resolution,
        contributions: contributions.filter((c) =>
          edit.motivations.some((m) => m.kind === 'contribution' && m.targetId === c.id),
        ),
        assessmentIds: edit.motivations.filter((m) => m.kind === 'assessment').map((m) => m.targetId),
        assessments: assessments
          .filter((a) => edit.motivations.some((m) => m.kind === 'assessment' && m.targetId === a.id))
          .map((a) => ({ id: a.id, memberState: a.member_state_code })),
        boardSessionIds: edit.motivations.filter((m) => m.kind === 'board_session').map((m) => m.targetId),
        positions: edit.positions,
      })),
      rejected: record
        .filter((e) => e.resolution?.kind === 'rejected')
        .map((e) => ({ editId: e.id, payload: e.payload, answer: e.resolution?.answer ?? '' })),
    };
  }),

  /** What became of a contribution: the edits that cite it (once participants may see them) and, when published, their resolution. */
  outcomeOfContribution: publicProcedure
    .input(z.object({ contributionId: uuid }))
    .query(async ({ ctx, input }) => {
      const contribution = await findContributionStatus(ctx.db, input.contributionId);
      if (!contribution || contribution.status !== 'submitted') throw notFound('review.contributionNotFound');
      const citing = await listEditsCitingContribution(ctx.db, contribution.id);
      const phases = await listCyclePhases(ctx.db, [...new Set(citing.map((c) => c.cycle_id))]);
      // The same rule as the edit list: a members-only cycle's edits stay with its audience until the record is published.
      const visible = citing.filter(
        (c) =>
          cycleContentAccess(
            { audience: c.audience, published: c.published_at !== null },
            cycleStage(phaseDates(phases.filter((p) => p.cycle_id === c.cycle_id))),
            ctx.user,
          ).ok,
      );
      const resolutions = await listResolutions(
        ctx.db,
        visible.filter((c) => c.published_at).map((c) => c.edit_id),
      );
      return {
        contributionId: contribution.id,
        edits: visible.map((c) => {
          const resolution = resolutions.find((r) => r.edit_id === c.edit_id);
          const title = readReviewText(c.cycle_title);
          return {
            editId: c.edit_id,
            cycleId: c.cycle_id,
            /** The cycle's title per language, for the app to show in the reader's language. */
            cycleTitleText: title,
            /** The same as one line, in the page's language when it has one, else English (for screens that print it as is). */
            cycleTitle: localized(title, ctx.request.locale ? [ctx.request.locale] : []).text,
            stage: cycleStage(phaseDates(phases.filter((p) => p.cycle_id === c.cycle_id)), c.closed_at),
            payload: c.payload as ProposedEdit,
            rationale: c.rationale,
            resolution: resolution ? { kind: resolution.kind, answer: resolution.answer } : null,
            adoptedEditionNumber: c.published_at ? c.adopted_edition_number : null,
          };
        }),
      };
    }),
};
