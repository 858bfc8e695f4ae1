// Open data (issue #17): each closed round's published results as one dataset — aggregates, the public contributions
// (named only where the author chose to be, exactly as the public record shows them), themes and responses — served
// as JSON and CSV at stable URLs by the host (apps/api/src/open-data.ts) and listed by `openData.list`.
import Papa from 'papaparse';
import {
  findRound,
  listContributionItems,
  listRoundContributions,
  listRoundsWithPublishedResults,
  listThemesOfContributions,
  type Executor,
} from '@musyawarah/db';
import { itemsOf, themesOf } from './routers/contributions/presenters';

/** The licence of every dataset; the participation terms must say contributions to a published round are shared so. */
export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/** The stable paths of a round's files (documented on the /open-data page and in the README). */
export const openDataPaths = (roundId: string) => ({
  json: `/files/open-data/rounds/${roundId}.json`,
  csv: `/files/open-data/rounds/${roundId}.csv`,
});

function countBy<T>(rows: T[], key: (row: T) => string | null | undefined) {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const k = key(row) ?? 'unknown';
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The rounds that have open data, with their file URLs. */
export async function listOpenDatasets(db: Executor, publicUrl: string, now = new Date()) {
  const rounds = await listRoundsWithPublishedResults(db, now);
  return rounds.map((r) => {
    const paths = openDataPaths(r.id);
    return {
      roundId: r.id,
      title: r.title,
      actionIds: r.action_ids,
      languages: r.languages,
      opensAt: r.opens_at.toISOString(),
      closesAt: r.closes_at.toISOString(),
      publishedAt: r.summary_published_at?.toISOString() ?? null,
      json: `${publicUrl}${paths.json}`,
      csv: `${publicUrl}${paths.csv}`,
      licence: OPEN_DATA_LICENCE,
    };
  });
}

/** A round's dataset; undefined unless the round is closed and its results are published. */
export async function buildOpenDataset(db: Executor, roundId: string, publicUrl: string, now = new Date()) {
  const round = await findRound(db, roundId);
  if (!round?.published_at || !round.summary_published_at || round.closes_at > now) return undefined;
  const rows = await listRoundContributions(db, round.id, { includeHidden: false });
  const ids = rows.map((r) => r.id);
  const [items, themes] = await Promise.all([
    listContributionItems(db, ids),
    listThemesOfContributions(db, ids),
  ]);
  const contributions = rows.map((r) => ({
    id: r.id,
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    name: r.named_publicly ? (r.participant_name ?? r.author_name) : null,
    organisation: r.named_publicly ? r.organisation_name : null,
    stakeholderGroup: r.stakeholder_group,
    memberState: r.member_state_code,
    writtenIn: r.written_in,
    answers: r.answers,
    items: itemsOf(items, r.id).map((i) => ({ type: i.type, text: i.text, actionId: i.actionId ?? null })),
    themes: themesOf(themes, r.id).map((t) => t.label),
    response: r.response_text ?? null,
  }));
  const themeCounts = countBy(
    contributions.flatMap((c) => c.themes.map((label) => ({ label }))),
    (t) => t.label,
  );
  const paths = openDataPaths(round.id);
  return {
    dataset: {
      roundId: round.id,
      title: round.title,
      url: `${publicUrl}${paths.json}`,
      csv: `${publicUrl}${paths.csv}`,
      licence: OPEN_DATA_LICENCE,
      generatedAt: now.toISOString(),
    },
    round: {
      title: round.title,
      description: round.description,
      actionIds: round.action_ids,
      languages: round.languages,
      opensAt: round.opens_at.toISOString(),
      closesAt: round.closes_at.toISOString(),
      resultsPublishedAt: round.summary_published_at.toISOString(),
      summary: round.summary,
    },
    aggregates: {
      contributions: contributions.length,
      byStakeholderGroup: countBy(contributions, (c) => c.stakeholderGroup),
      byMemberState: countBy(contributions, (c) => c.memberState),
      byLanguage: countBy(contributions, (c) => c.writtenIn),
      byFeedbackType: countBy(
        contributions.flatMap((c) => c.items),
        (i) => i.type,
      ),
      byDay: countBy(contributions, (c) => c.submittedAt?.slice(0, 10)),
      responded: contributions.filter((c) => c.response).length,
    },
    themes: Object.entries(themeCounts).map(([label, count]) => ({ label, contributions: count })),
    contributions,
  };
}

export type OpenDataset = NonNullable<Awaited<ReturnType<typeof buildOpenDataset>>>;

/** One row per feedback item (or one per contribution without items), with the licence on every row. */
export function openDatasetCsv(data: OpenDataset): string {
  const rows = data.contributions.flatMap((c) => {
    const base = {
      round_id: data.dataset.roundId,
      contribution_id: c.id,
      submitted_at: c.submittedAt ?? '',
      name: c.name ?? '',
      organisation: c.organisation ?? '',
      stakeholder_group: c.stakeholderGroup ?? '',
      member_state: c.memberState ?? '',
      written_in: c.writtenIn,
      themes: c.themes.join('; '),
      response: c.response ?? '',
      licence: data.dataset.licence.id,
    };
    return c.items.length
      ? c.items.map((i) => ({ ...base, item_type: i.type, item_text: i.text, action_id: i.actionId ?? '' }))
      : [{ ...base, item_type: '', item_text: '', action_id: '' }];
  });
  // escapeFormulae: a contribution starting with "=" must not become a formula in a spreadsheet.
  return Papa.unparse(rows, {
    escapeFormulae: true,
    columns: [
      'round_id',
      'contribution_id',
      'submitted_at',
      'name',
      'organisation',
      'stakeholder_group',
      'member_state',
      'written_in',
      'item_type',
      'item_text',
      'action_id',
      'themes',
      'response',
      'licence',
    ],
  });
}
