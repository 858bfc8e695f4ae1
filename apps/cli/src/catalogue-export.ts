import Papa from 'papaparse';
import type { ActionArea, Catalogue, NamedText, SubAction, Term } from '@musyawarah/core';

const TERMS: readonly Term[] = ['short', 'medium', 'long'];

const namedText = ({ name, text }: NamedText): NamedText => ({ name, text });

function subActionJson(s: SubAction): SubAction {
  return {
    id: s.id,
    title: s.title,
    targetAreas: s.targetAreas.map(namedText),
    milestones: {
      short: [...s.milestones.short],
      medium: [...s.milestones.medium],
      long: [...s.milestones.long],
    },
    measures: s.measures.map(namedText),
    caseStudies: [...s.caseStudies],
    linkedCriteria: [...s.linkedCriteria],
  };
}

/**
 * The public JSON contract `{ actionAreas: ActionArea[] }`. Fields are copied one by one (not spread) so that anything
 * else the in-memory catalogue carries, such as extraction bookkeeping, never leaks into the contract.
 */
export function catalogueJson(catalogue: Catalogue): Catalogue {
  return {
    actionAreas: catalogue.actionAreas.map((a): ActionArea => ({
      id: a.id,
      kind: a.kind,
      pillar: a.pillar,
      tier: a.tier,
      title: a.title,
      objectives: a.objectives.map(namedText),
      subActions: a.subActions.map(subActionJson),
    })),
  };
}

export const CSV_COLUMNS = [
  'action_area_id',
  'kind',
  'pillar',
  'tier',
  'action_area_title',
  'sub_action_id',
  'sub_action_title',
  'term',
  'milestone',
] as const;

/** One row per milestone, terms in Roadmap order (short, medium, long). */
export function catalogueCsv(catalogue: Catalogue): string {
  const rows: (string | number)[][] = [];
  for (const area of catalogue.actionAreas) {
    for (const sub of area.subActions) {
      for (const term of TERMS) {
        for (const milestone of sub.milestones[term]) {
          rows.push([
            area.id,
            area.kind,
            area.pillar,
            area.tier ?? '',
            area.title,
            sub.id,
            sub.title,
            term,
            milestone,
          ]);
        }
      }
    }
  }
  // escapeFormulae: the CSV is meant for spreadsheets, where a cell starting with "=", "+", "-" or "@" would run.
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: true });
}
