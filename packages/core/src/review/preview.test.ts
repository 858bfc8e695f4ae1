import { describe, expect, it } from 'vitest';
import { getCatalogue } from '../catalogue';
import type { ProposedEdit } from '../editions/edits';
import { draftEdition, previewEdit, previewFinal } from './preview';

const catalogue = getCatalogue();

const proposal: ProposedEdit = {
  kind: 'changeActionAreaTitle',
  actionAreaId: 'C3.3',
  title: 'Continuously review the Roadmap',
};
const final: ProposedEdit = {
  kind: 'changeActionAreaTitle',
  actionAreaId: 'C3.3',
  title: 'Continuously review and renew the Roadmap',
};

describe('previewEdit', () => {
  it('shows what one edit changes in the base', () => {
    const preview = previewEdit(catalogue, proposal);
    expect(preview.ok && preview.diff.counts.actionAreas.changed).toBe(1);
  });
  it('reports an edit that cannot apply to the base', () => {
    const preview = previewEdit(catalogue, { kind: 'retireSubAction', subActionId: 'C3.3.9' });
    expect(preview.ok).toBe(false);
  });
});

describe('previewFinal', () => {
  it('diffs the final text against the base and against the proposal', () => {
    const preview = previewFinal(catalogue, proposal, final);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.diff.actionAreas[0]?.id).toBe('C3.3');
    expect(preview.fromProposal?.actionAreas).toHaveLength(1);
  });
});

describe('draftEdition', () => {
  it('applies accepted edits (the final wording where changed) and skips rejected ones', () => {
    const result = draftEdition(catalogue, [
      { id: 'a', payload: proposal, resolution: { kind: 'accepted_with_changes', finalPayload: final } },
      {
        id: 'b',
        payload: { kind: 'retireActionArea', actionAreaId: 'C1.1' },
        resolution: { kind: 'rejected' },
      },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.applied).toBe(1);
    expect(result.catalogue.actionAreas.find((a) => a.id === 'C3.3')?.title).toBe(
      final.kind === 'changeActionAreaTitle' ? final.title : '',
    );
    expect(result.catalogue.actionAreas.some((a) => a.id === 'C1.1')).toBe(true);
  });
  it('names the edit whose change cannot be applied', () => {
    const result = draftEdition(catalogue, [
      { id: 'ok', payload: proposal, resolution: { kind: 'accepted' } },
      {
        id: 'broken',
        payload: { kind: 'retireSubAction', subActionId: 'C3.3.9' },
        resolution: { kind: 'accepted' },
      },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.editId)).toEqual(['broken']);
  });
});
