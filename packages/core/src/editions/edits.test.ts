import { describe, expect, it } from 'vitest';
import { getCatalogue } from '../catalogue';
import type { Catalogue } from '../catalogue/types';
import {
  actionAreaPlacement,
  applyEdits,
  editTarget,
  PROPOSED_EDIT_KINDS,
  proposedEditSchema,
  type ProposedEdit,
  type ProposedEditInput,
} from './edits';

const catalogue = getCatalogue();

const base: Catalogue = {
  actionAreas: [
    {
      id: 'C1.1',
      kind: 'cross-cutting',
      pillar: 1,
      tier: null,
      title: 'Advance AI skill development',
      objectives: [{ name: 'Skills gap', text: 'Bridge the skills gap.' }],
      subActions: [
        {
          id: 'C1.1.1',
          title: 'Skills programmes',
          targetAreas: [{ name: 'Framework', text: 'A regional framework.' }],
          milestones: {
            short: ['Assess needs.', 'Design programmes.'],
            medium: ['Roll out programmes.'],
            long: [],
          },
          measures: [
            { name: 'Participation', text: 'Count participants.' },
            { name: 'Certification', text: 'Count certificates.' },
          ],
          caseStudies: ['The EU funds AI skills.'],
          linkedCriteria: ['Q31'],
        },
        {
          id: 'C1.1.2',
          title: 'Scholarships',
          targetAreas: [],
          milestones: { short: [], medium: [], long: ['Fund scholarships.'] },
          measures: [],
          caseStudies: [],
          linkedCriteria: [],
        },
      ],
    },
    {
      id: 'A1.1',
      kind: 'targeted',
      pillar: 1,
      tier: 'advanced',
      title: 'Review AI governance frameworks',
      objectives: [],
      subActions: [],
    },
  ],
};

function edits(...inputs: ProposedEditInput[]): ProposedEdit[] {
  return inputs.map((input) => proposedEditSchema.parse(input));
}

function applied(...inputs: ProposedEditInput[]): Catalogue {
  const result = applyEdits(base, edits(...inputs));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.catalogue;
}

const subAction = (catalogue: Catalogue, id: string) =>
  catalogue.actionAreas.flatMap((area) => area.subActions).find((candidate) => candidate.id === id);

describe('proposedEditSchema', () => {
  it('accepts every kind and normalises ids to the catalogue spelling', () => {
    expect(PROPOSED_EDIT_KINDS).toHaveLength(11);
    const edit = proposedEditSchema.parse({ kind: 'retireSubAction', subActionId: ' c1.1.2 ' });
    expect(edit).toEqual({ kind: 'retireSubAction', subActionId: 'C1.1.2' });
  });

  it('refuses a name on an unnamed list, a move within one term, an unknown criterion and a blank text, with keys', () => {
    const issues = (input: unknown) => {
      const result = proposedEditSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
    };
    expect(
      issues({
        kind: 'addEntry',
        list: { field: 'caseStudies', subActionId: 'C1.1.1' },
        name: 'X',
        text: 'New case.',
      }),
    ).toEqual([['name', 'edition.nameNotAllowed']]);
    expect(
      issues({ kind: 'moveMilestone', subActionId: 'C1.1.1', from: 'short', index: 0, to: 'short' }),
    ).toEqual([['to', 'edition.sameTerm']]);
    expect(issues({ kind: 'setLinkedCriteria', subActionId: 'C1.1.1', criteria: ['Q41'] })).toEqual([
      ['criteria.0', 'edition.unknownCriterion'],
    ]);
    expect(
      issues({
        kind: 'changeEntry',
        list: { field: 'milestones', subActionId: 'C1.1.1', term: 'short' },
        index: 0,
        text: '  ',
      }),
    ).toEqual([['text', 'validation.required']]);
    expect(issues({ kind: 'changeSubActionTitle', subActionId: 'C1.1', title: 'x' })).toEqual([
      ['subActionId', 'edition.invalidSubActionId'],
    ]);
    expect(
      issues({
        kind: 'addEntry',
        list: { field: 'milestones', subActionId: 'C1.1.1', term: 'later' },
        text: 'x',
      }),
    ).toEqual([['list.term', 'edition.invalidTerm']]);
    expect(issues({ kind: 'rewriteEverything' })[0]?.[0]).toBe('kind');
  });

  it('fills the optional lists of a new sub-action and derives a new area placement from its id', () => {
    const [edit] = edits({
      kind: 'addSubAction',
      actionAreaId: 'C1.1',
      subAction: { id: 'C1.1.3', title: 'Mentoring' },
    });
    expect(edit).toMatchObject({
      subAction: { milestones: { short: [], medium: [], long: [] }, measures: [], linkedCriteria: [] },
    });
    expect(actionAreaPlacement('C3.3')).toEqual({ kind: 'cross-cutting', pillar: 3, tier: null });
    expect(actionAreaPlacement('E2.7')).toEqual({ kind: 'targeted', pillar: 2, tier: 'emerging' });
    expect(actionAreaPlacement('P4.3')).toEqual({ kind: 'targeted', pillar: 4, tier: 'promising' });
  });
});

describe('applyEdits', () => {
  it('returns an equal catalogue for no edits, without modifying the base', () => {
    const before = structuredClone(base);
    const result = applyEdits(base, []);
    expect(result).toEqual({ ok: true, catalogue: base });
    applied({ kind: 'retireActionArea', actionAreaId: 'C1.1' });
    expect(base).toEqual(before);
  });

  it('changes titles and entries, keeping a named entry name unless a new one is given', () => {
    const result = applied(
      { kind: 'changeActionAreaTitle', actionAreaId: 'C1.1', title: 'Advance AI skills' },
      { kind: 'changeSubActionTitle', subActionId: 'C1.1.1', title: 'Skills for all' },
      {
        kind: 'changeEntry',
        list: { field: 'measures', subActionId: 'C1.1.1' },
        index: 0,
        text: 'Count participants by gender.',
      },
      {
        kind: 'changeEntry',
        list: { field: 'objectives', actionAreaId: 'C1.1' },
        index: 0,
        name: 'Inclusion',
        text: 'Leave no one behind.',
      },
      {
        kind: 'changeEntry',
        list: { field: 'caseStudies', subActionId: 'C1.1.1' },
        index: 0,
        text: 'The EU funds skills.',
      },
    );
    const area = result.actionAreas[0];
    expect(area?.title).toBe('Advance AI skills');
    expect(area?.objectives).toEqual([{ name: 'Inclusion', text: 'Leave no one behind.' }]);
    const sub = subAction(result, 'C1.1.1');
    expect(sub?.title).toBe('Skills for all');
    expect(sub?.measures[0]).toEqual({ name: 'Participation', text: 'Count participants by gender.' });
    expect(sub?.caseStudies).toEqual(['The EU funds skills.']);
  });

  it('adds entries before a base position or at the end, and removes by base position independently of other edits', () => {
    const list = { field: 'milestones', subActionId: 'C1.1.1', term: 'short' } as const;
    const result = applied(
      { kind: 'removeEntry', list, index: 0 },
      { kind: 'addEntry', list, text: 'Evaluate.' },
      { kind: 'addEntry', list, text: 'Consult communities.', before: 1 },
      // Index 1 is still "Design programmes." in the base, whatever the edits above do.
      { kind: 'changeEntry', list, index: 1, text: 'Design inclusive programmes.' },
      {
        kind: 'addEntry',
        list: { field: 'measures', subActionId: 'C1.1.1' },
        name: 'Reach',
        text: 'Rural share.',
        before: 2,
      },
    );
    const sub = subAction(result, 'C1.1.1');
    expect(sub?.milestones.short).toEqual([
      'Consult communities.',
      'Design inclusive programmes.',
      'Evaluate.',
    ]);
    expect(sub?.measures.map((measure) => measure.name)).toEqual(['Participation', 'Certification', 'Reach']);
  });

  it('moves a milestone to another term, appended there', () => {
    const result = applied({
      kind: 'moveMilestone',
      subActionId: 'C1.1.1',
      from: 'short',
      index: 1,
      to: 'medium',
    });
    expect(subAction(result, 'C1.1.1')?.milestones).toEqual({
      short: ['Assess needs.'],
      medium: ['Roll out programmes.', 'Design programmes.'],
      long: [],
    });
  });

  it('sets linked criteria, adds and retires sub-actions and action areas', () => {
    const result = applied(
      { kind: 'setLinkedCriteria', subActionId: 'C1.1.1', criteria: ['Q31', 'Q2', 'Q2'] },
      { kind: 'retireSubAction', subActionId: 'C1.1.2' },
      {
        kind: 'addSubAction',
        actionAreaId: 'C1.1',
        subAction: { id: 'C1.1.3', title: 'Mentoring', milestones: { long: ['Mentor 1,000 women.'] } },
      },
      { kind: 'retireActionArea', actionAreaId: 'A1.1' },
      {
        kind: 'addActionArea',
        actionArea: {
          id: 'C1.6',
          title: 'Open AI curricula',
          subActions: [{ id: 'C1.6.1', title: 'Open courseware' }],
        },
      },
    );
    expect(result.actionAreas.map((area) => area.id)).toEqual(['C1.1', 'C1.6']);
    expect(result.actionAreas[1]).toMatchObject({
      kind: 'cross-cutting',
      pillar: 1,
      tier: null,
      objectives: [],
    });
    expect(result.actionAreas[0]?.subActions.map((sub) => sub.id)).toEqual(['C1.1.1', 'C1.1.3']);
    expect(subAction(result, 'C1.1.1')?.linkedCriteria).toEqual(['Q31', 'Q2']);
    expect(subAction(result, 'C1.1.3')?.milestones.long).toEqual(['Mentor 1,000 women.']);
  });

  it('places a new targeted area after the last of its pillar', () => {
    const result = applied({
      kind: 'addActionArea',
      actionArea: { id: 'E1.2', title: 'Name a national AI body' },
    });
    expect(result.actionAreas.map((area) => area.id)).toEqual(['C1.1', 'A1.1', 'E1.2']);
    const real = applyEdits(
      catalogue,
      edits({ kind: 'addActionArea', actionArea: { id: 'E1.6', title: 'Fund a national AI body' } }),
    );
    expect(real.ok && real.catalogue.actionAreas.map((area) => area.id).indexOf('E1.6')).toBe(
      catalogue.actionAreas.findIndex((area) => area.id === 'E1.5') + 1,
    );
  });

  it('refuses edits whose target is missing from the base, each with its own error', () => {
    const result = applyEdits(
      base,
      edits(
        { kind: 'changeActionAreaTitle', actionAreaId: 'C4.9', title: 'x' },
        { kind: 'changeEntry', list: { field: 'measures', subActionId: 'C1.1.1' }, index: 2, text: 'x' },
        { kind: 'addEntry', list: { field: 'measures', subActionId: 'C1.1.1' }, text: 'x', before: 3 },
        { kind: 'moveMilestone', subActionId: 'C1.1.2', from: 'short', index: 0, to: 'long' },
        { kind: 'addSubAction', actionAreaId: 'A1.1', subAction: { id: 'C1.1.5', title: 'x' } },
        { kind: 'addSubAction', actionAreaId: 'C1.1', subAction: { id: 'C1.1.2', title: 'x' } },
        { kind: 'addActionArea', actionArea: { id: 'A1.1', title: 'x' } },
        { kind: 'addEntry', list: { field: 'measures', subActionId: 'C1.1.1' }, text: 'fine', before: 2 },
      ),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => [error.edit, error.key])).toEqual([
      [0, 'edition.targetMissing'],
      [1, 'edition.targetMissing'],
      [2, 'edition.targetMissing'],
      [3, 'edition.targetMissing'],
      [4, 'edition.subActionOutsideArea'],
      [5, 'edition.alreadyExists'],
      [6, 'edition.alreadyExists'],
    ]);
  });

  it('refuses conflicting edits and names the earlier edit, while additions to one list coexist', () => {
    const measures = { field: 'measures', subActionId: 'C1.1.1' } as const;
    const result = applyEdits(
      base,
      edits(
        { kind: 'changeEntry', list: measures, index: 0, text: 'One.' },
        { kind: 'removeEntry', list: measures, index: 0 },
        { kind: 'addEntry', list: measures, text: 'Two.' },
        { kind: 'addEntry', list: measures, text: 'Three.' },
        { kind: 'retireSubAction', subActionId: 'C1.1.1' },
        { kind: 'changeSubActionTitle', subActionId: 'C1.1.2', title: 'Grants' },
        { kind: 'retireActionArea', actionAreaId: 'C1.1' },
        { kind: 'moveMilestone', subActionId: 'C1.1.1', from: 'short', index: 0, to: 'long' },
        {
          kind: 'changeEntry',
          list: { field: 'milestones', subActionId: 'C1.1.1', term: 'short' },
          index: 0,
          text: 'x',
        },
        { kind: 'changeActionAreaTitle', actionAreaId: 'A1.1', title: 'One' },
        { kind: 'changeActionAreaTitle', actionAreaId: 'A1.1', title: 'Two' },
      ),
    );
    expect(!result.ok && result.errors.map((error) => [error.edit, error.key, error.conflictsWith])).toEqual([
      [1, 'edition.conflictingEdits', 0],
      [4, 'edition.conflictingEdits', 0],
      [6, 'edition.conflictingEdits', 0],
      [8, 'edition.conflictingEdits', 7],
      [10, 'edition.conflictingEdits', 9],
    ]);
  });

  it('applies to the real catalogue and keeps every other action area as it was', () => {
    const result = applyEdits(
      catalogue,
      edits({ kind: 'changeSubActionTitle', subActionId: 'C3.3.1', title: 'A living Roadmap' }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const changed = result.catalogue.actionAreas.filter(
      (area, at) => JSON.stringify(area) !== JSON.stringify(catalogue.actionAreas[at]),
    );
    expect(changed.map((area) => area.id)).toEqual(['C3.3']);
  });

  it('names the action area and sub-action an edit is about', () => {
    const [entry, area, sub] = edits(
      { kind: 'removeEntry', list: { field: 'caseStudies', subActionId: 'C2.1.1' }, index: 0 },
      { kind: 'changeEntry', list: { field: 'objectives', actionAreaId: 'E1.4' }, index: 0, text: 'x' },
      { kind: 'addSubAction', actionAreaId: 'C2.1', subAction: { id: 'C2.1.9', title: 'x' } },
    );
    expect(editTarget(entry as ProposedEdit)).toEqual({ actionAreaId: 'C2.1', subActionId: 'C2.1.1' });
    expect(editTarget(area as ProposedEdit)).toEqual({ actionAreaId: 'E1.4', subActionId: null });
    expect(editTarget(sub as ProposedEdit)).toEqual({ actionAreaId: 'C2.1', subActionId: 'C2.1.9' });
  });
});
