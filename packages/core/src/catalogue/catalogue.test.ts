import { describe, expect, it } from 'vitest';
import { ASSESSMENT_CRITERIA, isAssessmentCriterionId } from '../readiness';
import {
  getCatalogue,
  findActionArea,
  findSubAction,
  listSubActionsCitingCriterion,
  getNormalisations,
  getPillars,
  getPriorities,
  getTimeframe,
} from './index';

const catalogue = getCatalogue();
const normalisations = getNormalisations();
const pillars = getPillars();
const priorities = getPriorities();
const timeframe = getTimeframe();

/** Tables 1a and 1b of the Roadmap, in their order. */
const EXPECTED_IDS =
  'C1.1 C1.2 C1.3 C1.4 C1.5 C2.1 C2.2 C2.3 C3.1 C3.2 C3.3 C4.1 C4.2 C4.3 C4.4 ' +
  'A1.1 A1.2 P1.3 E1.4 E1.5 A2.1 A2.2 A2.3 A2.4 P2.5 P2.6 E2.7 A3.1 A3.2 P3.3 P3.4 P3.5 E3.6 E3.7 A4.1 A4.2 P4.3 E4.4';

const subActions = catalogue.actionAreas.flatMap((area) =>
  area.subActions.map((subAction) => ({ area, subAction })),
);

describe('action areas', () => {
  it('are exactly the ids of Tables 1a and 1b, in order', () => {
    expect(catalogue.actionAreas.map((area) => area.id)).toEqual(EXPECTED_IDS.split(' '));
  });

  it('derive kind, pillar and tier from their id', () => {
    const tiers = { A: 'advanced', P: 'promising', E: 'emerging' } as const;
    for (const area of catalogue.actionAreas) {
      const letter = area.id.charAt(0);
      expect(area.kind).toBe(letter === 'C' ? 'cross-cutting' : 'targeted');
      expect(area.pillar).toBe(Number(area.id.charAt(1)));
      expect(area.tier).toBe(letter === 'C' ? null : tiers[letter as keyof typeof tiers]);
    }
  });

  it('each have a title, named objectives and at least one sub-action', () => {
    for (const area of catalogue.actionAreas) {
      expect(area.title.length, area.id).toBeGreaterThan(10);
      expect(area.title).not.toMatch(/<\/?[a-z]+>/);
      expect(area.objectives.length, area.id).toBeGreaterThan(0);
      for (const objective of area.objectives) expect(objective.name && objective.text, area.id).toBeTruthy();
      expect(area.subActions.length, area.id).toBeGreaterThan(0);
    }
  });
});

describe('sub-actions', () => {
  it('are numbered 1, 2, 3 … under their action area', () => {
    for (const area of catalogue.actionAreas) {
      expect(area.subActions.map((subAction) => subAction.id)).toEqual(
        area.subActions.map((_, index) => `${area.id}.${index + 1}`),
      );
    }
  });

  it('each have a title, target areas, milestones, measures and a case study', () => {
    for (const { subAction } of subActions) {
      const { short, medium, long } = subAction.milestones;
      expect(subAction.title.length, subAction.id).toBeGreaterThan(5);
      expect(subAction.targetAreas.length, subAction.id).toBeGreaterThan(0);
      expect(short.length + medium.length + long.length, subAction.id).toBeGreaterThan(0);
      expect(subAction.measures.length, subAction.id).toBeGreaterThan(0);
      expect(subAction.caseStudies.length, subAction.id).toBeGreaterThan(0);
    }
  });

  it('carry no cell markup, bullets or term labels in their text', () => {
    for (const { subAction } of subActions) {
      const texts = [
        ...subAction.targetAreas.flatMap((entry) => [entry.name, entry.text]),
        ...Object.values(subAction.milestones).flat(),
        ...subAction.measures.flatMap((entry) => [entry.name, entry.text]),
        ...subAction.caseStudies,
      ];
      for (const text of texts) {
        expect(text, subAction.id).not.toMatch(/<\/?(p|ul|i|u)\b|[●•]|\*\*|\t|^(Short|Medium|Long)-[Tt]erm:/);
        expect(text, subAction.id).toBe(text.trim());
      }
    }
  });

  it('link only valid readiness criteria Q1–Q40, sorted and without repeats', () => {
    for (const { subAction } of subActions) {
      for (const id of subAction.linkedCriteria)
        expect(isAssessmentCriterionId(id), `${subAction.id} ${id}`).toBe(true);
      const numbers = subAction.linkedCriteria.map((id) => Number(id.slice(1)));
      expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b));
    }
  });

  it('link criteria wherever the source quotes them, and every quoted criterion is linked', () => {
    const quoted = normalisations.filter((entry) => entry.category === 'criterion-text-reduced-to-id');
    for (const entry of quoted) {
      const subAction = findSubAction(entry.subActionId ?? '')?.subAction;
      const ids = [...(entry.removedText ?? '').matchAll(/\bQ(\d+)\.\s/g)].map((match) => `Q${match[1]}`);
      for (const id of ids) expect(subAction?.linkedCriteria, `line ${entry.line}`).toContain(id);
    }
    const withCriteria = subActions.filter(({ subAction }) => subAction.linkedCriteria.length > 0);
    expect(new Set(quoted.map((entry) => entry.subActionId))).toEqual(
      new Set(withCriteria.map(({ subAction }) => subAction.id)),
    );
  });
  it('quote each criterion with the question the Annex gives it', () => {
    const opening = (text: string) =>
      text
        .toLowerCase()
        .replace(/[^a-z\s]/g, ' ')
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 6)
        .join(' ');
    const quotes = normalisations
      .filter((entry) => entry.category === 'criterion-text-reduced-to-id')
      .flatMap((entry) => [...(entry.removedText ?? '').matchAll(/\bQ(\d+)\.\s+([^?]+)/g)]);
    expect(quotes.length).toBeGreaterThan(40);
    for (const [, number, question] of quotes) {
      const annex = ASSESSMENT_CRITERIA.find((criterion) => criterion.id === `Q${number}`);
      expect(opening(question ?? ''), `Q${number}`).toBe(opening(annex?.question ?? ''));
    }
  });
});

describe('the mis-written sub-action id', () => {
  it('is corrected to C1.4.1 and recorded with its source line', () => {
    const corrections = normalisations.filter((entry) => entry.category === 'misnumbered-sub-action-id');
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({
      actionAreaId: 'C1.4',
      removedText: 'C1.4',
      insertedText: 'C1.4.1',
    });
    expect(findSubAction('C1.4.1')?.subAction.title).toMatch(/^Advancing AI Research and Innovation/);
  });
});

describe('page-break artefacts', () => {
  it('joins the Markdown continuation of C1.1.1 back into its milestones and measures', () => {
    const subAction = findSubAction('C1.1.1')?.subAction;
    expect(subAction?.milestones.medium.at(-1)).toMatch(
      /Collect feedback from participants and stakeholders/,
    );
    expect(subAction?.milestones.long[0]).toMatch(/^Expand the reach and scope/);
    expect(subAction?.measures.map((measure) => measure.name)).toContain('Employment Outcomes');
  });

  it('keeps the text A2.4.6 repeats from A2.4.5 once, in A2.4.5', () => {
    const repeated = 'AI-related opportunities, ensuring that all segments of the population';
    const inA245 = Object.values(findSubAction('A2.4.5')?.subAction.milestones ?? {}).flat();
    const inA246 = Object.values(findSubAction('A2.4.6')?.subAction.milestones ?? {}).flat();
    expect(inA245.filter((milestone) => milestone.includes(repeated))).toHaveLength(1);
    expect(inA246.filter((milestone) => milestone.includes(repeated))).toHaveLength(0);
    expect(normalisations.some((entry) => entry.category === 'duplicated-continuation-dropped')).toBe(true);
  });

  it('records each normalisation with a source line, a change and a reason', () => {
    for (const entry of normalisations) {
      expect(entry.line).toBeGreaterThan(0);
      expect(entry.change.length).toBeGreaterThan(10);
      expect(entry.reason.length).toBeGreaterThan(10);
    }
  });
});

describe('pillars, timeframe and priorities', () => {
  it('has four cross-cutting and four targeted pillars, numbered 1–4, each with a description', () => {
    for (const kind of ['cross-cutting', 'targeted'] as const) {
      expect(pillars.filter((pillar) => pillar.kind === kind).map((pillar) => pillar.number)).toEqual([
        1, 2, 3, 4,
      ]);
    }
    for (const pillar of pillars) expect(pillar.description.length).toBeGreaterThan(40);
    expect(pillars.find((pillar) => pillar.kind === 'cross-cutting' && pillar.number === 2)?.name).toBe(
      'Fairness & Inclusion',
    );
  });

  it('places every action area under a pillar that exists', () => {
    for (const area of catalogue.actionAreas) {
      expect(pillars.some((pillar) => pillar.kind === area.kind && pillar.number === area.pillar)).toBe(true);
    }
  });

  it('spans 2025–2030 with overlapping short, medium and long terms', () => {
    expect(timeframe.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(timeframe.terms.map((term) => term.term)).toEqual(['short', 'medium', 'long']);
    const [short, medium, long] = timeframe.terms;
    expect(short?.years[0]).toBe(2025);
    expect(long?.years.at(-1)).toBe(2030);
    expect(medium && short && medium.years[0]).toBeLessThanOrEqual(short?.years.at(-1) ?? 0);
    expect(timeframe.notes.join(' ')).toMatch(/not meant to be seen as an obligation/);
  });

  it('has the eight executive-summary priorities, each naming a cross-cutting action area', () => {
    expect(priorities.map((priority) => priority.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const priority of priorities) {
      const area = findActionArea(priority.actionAreaId);
      expect(area?.title.toLowerCase(), priority.title).toBe(priority.title.toLowerCase());
      expect(priority.description).not.toMatch(/\*/);
    }
  });
});

describe('lookup helpers', () => {
  it('find action areas and sub-actions by id, ignoring case and surrounding space', () => {
    expect(findActionArea(' c2.1 ')?.title).toMatch(/Inclusive Community Engagement/);
    expect(findActionArea('C9.9')).toBeUndefined();
    const found = findSubAction('e1.4.1');
    expect(found?.actionArea.id).toBe('E1.4');
    expect(found?.actionArea.subActions).toContain(found?.subAction);
    expect(findSubAction('E1.4')).toBeUndefined();
  });

  it('list the sub-actions citing a criterion, each with its action area', () => {
    const citing = listSubActionsCitingCriterion('Q27');
    expect(citing.length).toBeGreaterThan(0);
    for (const { subAction, actionArea } of citing) {
      expect(subAction.linkedCriteria).toContain('Q27');
      expect(actionArea.subActions).toContain(subAction);
    }
    const expected = subActions.filter(({ subAction }) => subAction.linkedCriteria.includes('Q27')).length;
    expect(citing).toHaveLength(expected);
    expect(listSubActionsCitingCriterion('Q99')).toEqual([]);
  });
});
