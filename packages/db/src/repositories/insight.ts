// Theme analysis runs and suggestions (issue #17). Executor first; auditing is the caller's.
import { sql } from 'kysely';
import type { Executor } from '../client';

/**
 * The round's submitted, visible contributions with their free text: items and free-text answers, joined; `onlyIds`
 * narrows it to those contributions (the quotes of a suggestion, the members of a split).
 */
export async function listTextsForAnalysis(db: Executor, roundId: string, onlyIds?: string[]) {
  if (onlyIds && !onlyIds.length) return [];
  let contributionQuery = db
    .selectFrom('contribution')
    .select(['id', 'written_in', 'answers', 'named_publicly'])
    .where('round_id', '=', roundId)
    .where('status', '=', 'submitted')
    .where('hidden_at', 'is', null);
  if (onlyIds) contributionQuery = contributionQuery.where('id', 'in', onlyIds);
  const [contributions, items, questions] = await Promise.all([
    contributionQuery.orderBy('id').execute(),
    db
      .selectFrom('contribution_item')
      .innerJoin('contribution', 'contribution.id', 'contribution_item.contribution_id')
      .select(['contribution_item.contribution_id', 'contribution_item.text'])
      .where('contribution.round_id', '=', roundId)
      .$if(Boolean(onlyIds), (q) => q.where('contribution.id', 'in', onlyIds ?? []))
      .orderBy('contribution_item.position')
      .execute(),
    db
      .selectFrom('round_question')
      .select('id')
      .where('round_id', '=', roundId)
      .where('kind', '=', 'free_text')
      .execute(),
  ]);
  const itemTexts = new Map<string, string[]>();
  for (const item of items)
    itemTexts.set(item.contribution_id, [...(itemTexts.get(item.contribution_id) ?? []), item.text]);
  return contributions
    .map((c) => {
      const answers = c.answers ?? {};
      const free = questions.map((q) => answers[q.id]).filter((a): a is string => typeof a === 'string');
      return {
        id: c.id,
        language: c.written_in,
        namedPublicly: c.named_publicly,
        text: [...(itemTexts.get(c.id) ?? []), ...free].join('\n').trim(),
      };
    })
    .filter((c) => c.text.length > 0);
}

/** A queued run; undefined when the round already has one queued or running (`theme_analysis_run_one_active`). */
export async function insertAnalysisRun(db: Executor, roundId: string, requestedBy: string) {
  return db
    .insertInto('theme_analysis_run')
    .values({ round_id: roundId, requested_by: requestedBy })
    .onConflict((oc) => oc.column('round_id').where('status', 'in', ['queued', 'running']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findAnalysisRun(db: Executor, runId: string) {
  return db.selectFrom('theme_analysis_run').selectAll().where('id', '=', runId).executeTakeFirst();
}

export async function latestAnalysisRun(db: Executor, roundId: string) {
  return db
    .selectFrom('theme_analysis_run')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Moves a queued run to running; undefined when it was not queued (another worker took it). */
export async function claimAnalysisRun(db: Executor, runId: string) {
  return db
    .updateTable('theme_analysis_run')
    .set({ status: 'running', started_at: sql`now()`, progress: 0 })
    .where('id', '=', runId)
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

export async function setAnalysisProgress(db: Executor, runId: string, progress: number) {
  await db
    .updateTable('theme_analysis_run')
    .set({ progress: Math.max(0, Math.min(99, Math.round(progress))) })
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .execute();
}

export async function finishAnalysisRun(
  db: Executor,
  runId: string,
  outcome:
    { status: 'done'; contributionCount: number; languages: string[] } | { status: 'failed'; error: string },
) {
  await db
    .updateTable('theme_analysis_run')
    .set(
      outcome.status === 'done'
        ? {
            status: 'done',
            progress: 100,
            contribution_count: outcome.contributionCount,
            languages: outcome.languages,
            finished_at: sql`now()`,
          }
        : { status: 'failed', error: outcome.error.slice(0, 500), finished_at: sql`now()` },
    )
    .where('id', '=', runId)
    .execute();
}

export interface SuggestionValues {
  languages: string[];
  terms: string[];
  memberIds: string[];
  representativeIds: string[];
  cohesion: number;
  derivedFrom?: string[];
}

export async function insertSuggestions(
  db: Executor,
  run: { id: string; round_id: string },
  firstPosition: number,
  values: SuggestionValues[],
) {
  if (!values.length) return [];
  return db
    .insertInto('theme_suggestion')
    .values(
      values.map((v, i) => ({
        run_id: run.id,
        round_id: run.round_id,
        position: firstPosition + i,
        languages: v.languages,
        terms: v.terms,
        member_ids: v.memberIds,
        representative_ids: v.representativeIds,
        cohesion: v.cohesion,
        derived_from: v.derivedFrom ?? [],
      })),
    )
    .returningAll()
    .execute();
}

export async function listSuggestionsOfRun(db: Executor, runId: string) {
  return db
    .selectFrom('theme_suggestion')
    .selectAll()
    .where('run_id', '=', runId)
    .orderBy('position')
    .execute();
}

export async function nextSuggestionPosition(db: Executor, runId: string) {
  const row = await db
    .selectFrom('theme_suggestion')
    .select(sql<number>`coalesce(max(position), -1)::int + 1`.as('next'))
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
  return row.next;
}

/** The suggestions, locked against a concurrent decision (two people deciding the same one: the second waits, then sees it decided). */
export async function lockSuggestions(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('theme_suggestion')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function decideSuggestions(
  db: Executor,
  ids: string[],
  change: {
    status: 'accepted' | 'rejected' | 'merged' | 'split';
    decidedBy: string;
    themeId?: string;
    label?: string;
    derivedInto?: string[];
  },
) {
  if (!ids.length) return;
  await db
    .updateTable('theme_suggestion')
    .set({
      status: change.status,
      decided_by: change.decidedBy,
      decided_at: sql`now()`,
      ...(change.themeId ? { theme_id: change.themeId } : {}),
      ...(change.label ? { label: change.label } : {}),
      ...(change.derivedInto ? { derived_into: change.derivedInto } : {}),
    })
    .where('id', 'in', ids)
    .execute();
}

/** A label on an open suggestion (rename before accepting). */
export async function labelSuggestion(db: Executor, id: string, label: string) {
  await db.updateTable('theme_suggestion').set({ label }).where('id', '=', id).execute();
}

export async function findRoundThemeByLabel(db: Executor, roundId: string, label: string) {
  return db
    .selectFrom('round_theme')
    .select(['id', 'label'])
    .where('round_id', '=', roundId)
    .where('label', '=', label)
    .executeTakeFirst();
}

/**
 * Tags the contributions with the theme, keeping the tags they already have; only submitted contributions of the
 * theme's round are tagged. Returns how many tags are new.
 */
export async function tagContributionsWithTheme(
  db: Executor,
  roundId: string,
  themeId: string,
  contributionIds: string[],
) {
  if (!contributionIds.length) return 0;
  const rows = await db
    .insertInto('contribution_theme')
    .columns(['contribution_id', 'theme_id'])
    .expression((eb) =>
      eb
        .selectFrom('contribution')
        .select(['contribution.id as contribution_id', eb.val(themeId).as('theme_id')])
        .where('contribution.round_id', '=', roundId)
        .where('contribution.status', '=', 'submitted')
        .where('contribution.id', 'in', contributionIds),
    )
    .onConflict((oc) => oc.columns(['contribution_id', 'theme_id']).doNothing())
    .returning('contribution_id')
    .execute();
  return rows.length;
}

/**
 * Marks the round's queued or running runs created before `staleBefore` as failed: a run whose process died (a
 * restart mid-analysis) would otherwise hold `theme_analysis_run_one_active` and block every new analysis.
 */
export async function failStaleAnalysisRuns(db: Executor, roundId: string, staleBefore: Date) {
  await db
    .updateTable('theme_analysis_run')
    .set({ status: 'failed', error: 'stale', finished_at: sql`now()` })
    .where('round_id', '=', roundId)
    .where('status', 'in', ['queued', 'running'])
    .where('created_at', '<', staleBefore)
    .execute();
}
