// The secretariat's decisions on suggestions: accept (tags the contributions), rename, reject, merge, split.
// Every decision locks the suggestions it touches, refuses one already decided, and is audited in its transaction.
import { TRPCError } from '@trpc/server';
import {
  INSIGHT_MESSAGE_KEYS,
  splitSuggestion,
  suggestThemesForLanguageFixed,
  themeDecisionAllowed,
  themeDecisionInput,
  type ThemeDecisionInput,
} from '@musyawarah/core/insight';
import {
  decideSuggestions,
  findAnalysisRun,
  findRoundThemeByLabel,
  insertRoundTheme,
  insertSuggestions,
  labelSuggestion,
  listTextsForAnalysis,
  lockSuggestions,
  nextSuggestionPosition,
  tagContributionsWithTheme,
  writeAudit,
  type Executor,
  type ThemeSuggestion,
} from '@musyawarah/db';
import { FieldError, notFound } from '../../errors';
import { auditContext, secretariatProcedure } from '../../trpc';

async function lockOpen(tx: Executor, ids: string[]) {
  const rows = await lockSuggestions(tx, ids);
  if (rows.length !== new Set(ids).size) throw notFound('insight.errors.suggestionNotFound');
  for (const row of rows) {
    const allowed = themeDecisionAllowed(row.status);
    if (!allowed.ok) throw new TRPCError({ code: 'CONFLICT', message: allowed.reason });
  }
  return rows;
}

/** Terms of merged suggestions: each one's strongest first, in turn, without repeats. */
function interleave(lists: string[][], limit: number) {
  const out: string[] = [];
  for (let i = 0; out.length < limit && lists.some((l) => i < l.length); i++)
    for (const l of lists) {
      const t = l[i];
      if (t && !out.includes(t) && out.length < limit) out.push(t);
    }
  return out;
}

async function decide(tx: Executor, input: ThemeDecisionInput, actorId: string) {
  if (input.decision === 'merge') {
    const rows = await lockOpen(tx, input.suggestionIds);
    if (new Set(rows.map((r) => r.run_id)).size !== 1)
      throw new FieldError('BAD_REQUEST', { suggestionIds: [INSIGHT_MESSAGE_KEYS.notSameRun] });
    const first = rows[0] as ThemeSuggestion;
    const run = await findAnalysisRun(tx, first.run_id);
    if (!run) throw notFound('insight.errors.suggestionNotFound');
    const ordered = input.suggestionIds.map((id) => rows.find((r) => r.id === id) as ThemeSuggestion);
    const [merged] = await insertSuggestions(tx, run, await nextSuggestionPosition(tx, run.id), [
      {
        languages: [...new Set(ordered.flatMap((r) => r.languages))],
        terms: interleave(
          ordered.map((r) => r.terms),
          8,
        ),
        memberIds: [...new Set(ordered.flatMap((r) => r.member_ids))],
        representativeIds: interleave(
          ordered.map((r) => r.representative_ids),
          3,
        ),
        cohesion: Math.min(...ordered.map((r) => r.cohesion)),
        derivedFrom: ordered.map((r) => r.id),
      },
    ]);
    if (!merged) throw new Error('merge inserted nothing');
    if (input.label) await labelSuggestion(tx, merged.id, input.label);
    await decideSuggestions(tx, input.suggestionIds, {
      status: 'merged',
      decidedBy: actorId,
      derivedInto: [merged.id],
    });
    return {
      entityId: merged.id,
      before: ordered.map((r) => r.id),
      after: { merged: merged.id, label: input.label },
    };
  }

  const [row] = await lockOpen(tx, [input.suggestionId]);
  if (!row) throw notFound('insight.errors.suggestionNotFound');
  switch (input.decision) {
    case 'rename':
      await labelSuggestion(tx, row.id, input.label);
      return { entityId: row.id, before: { label: row.label }, after: { label: input.label } };
    case 'reject':
      await decideSuggestions(tx, [row.id], { status: 'rejected', decidedBy: actorId });
      return { entityId: row.id, before: { status: row.status }, after: { status: 'rejected' } };
    case 'accept': {
      // An existing theme of the round with this label is reused: accepting "Data privacy" twice tags into one theme.
      const theme =
        (await findRoundThemeByLabel(tx, row.round_id, input.label)) ??
        (await insertRoundTheme(tx, row.round_id, input.label)) ??
        (await findRoundThemeByLabel(tx, row.round_id, input.label));
      if (!theme) throw new FieldError('CONFLICT', { label: [INSIGHT_MESSAGE_KEYS.themeExists] });
      const tagged = await tagContributionsWithTheme(tx, row.round_id, theme.id, row.member_ids);
      await decideSuggestions(tx, [row.id], {
        status: 'accepted',
        decidedBy: actorId,
        themeId: theme.id,
        label: input.label,
      });
      return {
        entityId: row.id,
        before: { status: row.status, label: row.label },
        after: {
          status: 'accepted',
          themeId: theme.id,
          label: input.label,
          tagged,
          contributionIds: row.member_ids,
        },
      };
    }
    case 'split': {
      const texts = await listTextsForAnalysis(tx, row.round_id, row.member_ids);
      // A merged suggestion splits back into its languages; a one-language one into its two strongest ideas.
      const drafts =
        row.languages.length > 1
          ? row.languages
              .map((language) =>
                suggestThemesForLanguageFixed(
                  language,
                  texts.filter((t) => t.language === language),
                ),
              )
              .filter((d) => d !== undefined)
          : splitSuggestion(row.languages[0] ?? 'en', texts);
      if (drafts.length < 2)
        throw new TRPCError({ code: 'BAD_REQUEST', message: INSIGHT_MESSAGE_KEYS.cannotSplit });
      const run = await findAnalysisRun(tx, row.run_id);
      if (!run) throw notFound('insight.errors.suggestionNotFound');
      const created = await insertSuggestions(
        tx,
        run,
        await nextSuggestionPosition(tx, run.id),
        drafts.map((d) => ({
          languages: [d.language],
          terms: d.terms,
          memberIds: d.memberIds,
          representativeIds: d.representativeIds,
          cohesion: d.cohesion,
          derivedFrom: [row.id],
        })),
      );
      await decideSuggestions(tx, [row.id], {
        status: 'split',
        decidedBy: actorId,
        derivedInto: created.map((c) => c.id),
      });
      return { entityId: row.id, before: { status: row.status }, after: { split: created.map((c) => c.id) } };
    }
  }
}

export const decisionProcedures = {
  /** One decision on suggestions of the round's latest analysis; audited as insight.<decision>. */
  decide: secretariatProcedure.input(themeDecisionInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (tx) => {
      const result = await decide(tx, input, ctx.user.id);
      await writeAudit(tx, auditContext(ctx), {
        action: `insight.${input.decision}`,
        entityType: 'theme_suggestion',
        entityId: result.entityId,
        before: result.before,
        after: result.after,
      });
      return { suggestionId: result.entityId };
    });
  }),
};
