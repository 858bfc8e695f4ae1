import type { ActionArea, Catalogue, CriterionId, ReadinessTier, SubAction } from '../catalogue/types';

function sub(id: string, linkedCriteria: CriterionId[]): SubAction {
  return {
    id,
    title: `Sub-action ${id}`,
    targetAreas: [],
    milestones: { short: [`${id} short`], medium: [], long: [] },
    measures: [],
    caseStudies: [],
    linkedCriteria,
  };
}

function area(id: string, pillar: number, tier: ReadinessTier | null, subActions: SubAction[]): ActionArea {
  return {
    id,
    kind: tier === null ? 'cross-cutting' : 'targeted',
    pillar,
    tier,
    title: `Action area ${id}`,
    objectives: [],
    subActions,
  };
}

/**
 * A small catalogue with the real one's shape: targeted numbering runs across tiers within a pillar, cross-cutting
 * areas have no tier, and some sub-actions cite criteria (one cites two, two cite the same one).
 */
export const fixtureCatalogue: Catalogue = {
  actionAreas: [
    area('C1.1', 1, null, [sub('C1.1.1', ['Q31'])]),
    area('C3.1', 3, null, [sub('C3.1.1', [])]),
    area('A1.1', 1, 'advanced', [sub('A1.1.1', ['Q7'])]),
    area('P1.2', 1, 'promising', [sub('P1.2.1', ['Q2', 'Q7'])]),
    area('E1.3', 1, 'emerging', [sub('E1.3.1', ['Q1']), sub('E1.3.2', ['Q6'])]),
    area('A2.1', 2, 'advanced', [sub('A2.1.1', [])]),
    area('P2.2', 2, 'promising', [sub('P2.2.1', ['Q12'])]),
    area('P2.3', 2, 'promising', [sub('P2.3.1', [])]),
    area('E2.4', 2, 'emerging', [sub('E2.4.1', ['Q12'])]),
    area('E3.1', 3, 'emerging', [sub('E3.1.1', ['Q25'])]),
    area('P4.1', 4, 'promising', [sub('P4.1.1', ['Q31'])]),
  ],
};
