import { describe, expect, it } from 'vitest';
import { getCatalogue } from '../catalogue';
import type { ProposedEdit } from '../editions/edits';
import { adoptionReadiness } from './adoption';
import type { EditWithResolution } from './rules';

const catalogue = getCatalogue();

const retitle: ProposedEdit = {
  kind: 'changeActionAreaTitle',
  actionAreaId: 'C3.3',
  title: 'Continuously review the Roadmap',
};
const reword: ProposedEdit = {
  kind: 'changeEntry',
  list: { field: 'targetAreas', subActionId: 'C3.3.1' },
  index: 0,
  text: 'Reworded target area.',
};
const remove: ProposedEdit = {
  kind: 'removeEntry',
  list: { field: 'targetAreas', subActionId: 'C3.3.1' },
  index: 0,
};
const retire: ProposedEdit = { kind: 'retireActionArea', actionAreaId: 'C3.3' };

const accepted = (id: string, payload: ProposedEdit): EditWithResolution<ProposedEdit> => ({
  id,
  payload,
  resolution: { kind: 'accepted' },
});
const readiness = (edits: EditWithResolution<ProposedEdit>[], current: number | null = 1) =>
  adoptionReadiness({ base: catalogue, baseEditionNumber: 1, currentEditionNumber: current, edits });

describe('adoptionReadiness', () => {
  it('is ready with the new catalogue when every edit is resolved, one is accepted, the base is current and they apply together', () => {
    const ready = readiness([
      accepted('a', retitle),
      { id: 'b', payload: reword, resolution: { kind: 'rejected' } },
    ]);
    expect(ready.ok).toBe(true);
    if (!ready.ok) return;
    expect(ready.applied).toBe(1);
    expect(ready.catalogue.actionAreas.find((a) => a.id === 'C3.3')?.title).toBe(
      'Continuously review the Roadmap',
    );
  });

  it('names the unresolved edits', () => {
    expect(
      readiness([accepted('a', retitle), { id: 'b', payload: reword, resolution: null }]).problems,
    ).toEqual([{ reason: 'review.unresolvedEdits', edits: ['b'] }]);
  });

  it('has nothing to adopt when every edit was rejected or there are none', () => {
    expect(readiness([]).problems).toEqual([{ reason: 'review.nothingToAdopt', edits: [] }]);
    expect(readiness([{ id: 'a', payload: retitle, resolution: { kind: 'rejected' } }]).problems).toEqual([
      { reason: 'review.nothingToAdopt', edits: [] },
    ]);
  });

  it('refuses when another edition became current since the cycle started', () => {
    expect(readiness([accepted('a', retitle)], 2).problems).toEqual([
      { reason: 'review.baseNotCurrent', edits: [], currentEditionNumber: 2 },
    ]);
  });

  it('names accepted edits that collide: one rewords a target area, another removes it', () => {
    const result = readiness([accepted('a', reword), accepted('b', remove), accepted('c', retitle)]);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        reason: 'review.editsCollide',
        edits: ['a', 'b'],
        collisions: [{ editId: 'b', key: 'edition.conflictingEdits', conflictsWith: 'a' }],
      },
    ]);
  });

  it('uses the final wording of an edit accepted with changes, and finds collisions among accepted edits while others are unresolved', () => {
    const result = readiness([
      { id: 'a', payload: retitle, resolution: { kind: 'accepted_with_changes', finalPayload: retire } },
      accepted('b', reword),
      { id: 'c', payload: remove, resolution: null },
    ]);
    expect(result.problems.map((p) => p.reason)).toEqual(['review.unresolvedEdits', 'review.editsCollide']);
    expect(result.problems[1]).toMatchObject({
      edits: ['a', 'b'],
      collisions: [{ editId: 'b', conflictsWith: 'a' }],
    });
  });
});
