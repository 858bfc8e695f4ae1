import type { Catalogue } from '../catalogue/types';
import { applyEdits, type EditError, type ProposedEdit } from '../editions/edits';
import { diffEditions, type EditionDiff } from '../editions/diff';
import { adoptedPayloads, type EditWithResolution } from './rules';

export type EditPreview = { ok: true; diff: EditionDiff } | { ok: false; errors: EditError[] };

/** What one edit does to the base edition on its own, as the word-level diff readers comment on. */
export function previewEdit(base: Catalogue, edit: ProposedEdit): EditPreview {
  const applied = applyEdits(base, [edit]);
  return applied.ok
    ? { ok: true, diff: diffEditions(base, applied.catalogue) }
    : { ok: false, errors: applied.errors };
}

/**
 * For an edit accepted with changes: the final text against the base (what the new edition will say) and against the
 * proposal (what changed during finalisation), so readers see both what was adopted and how it moved from the proposal.
 */
export function previewFinal(
  base: Catalogue,
  proposal: ProposedEdit,
  final: ProposedEdit,
): { ok: true; diff: EditionDiff; fromProposal: EditionDiff | null } | { ok: false; errors: EditError[] } {
  const finalApplied = applyEdits(base, [final]);
  if (!finalApplied.ok) return { ok: false, errors: finalApplied.errors };
  const proposalApplied = applyEdits(base, [proposal]);
  return {
    ok: true,
    diff: diffEditions(base, finalApplied.catalogue),
    fromProposal: proposalApplied.ok ? diffEditions(proposalApplied.catalogue, finalApplied.catalogue) : null,
  };
}

/** The new edition's catalogue: the accepted (or finally worded) edits applied together to the base, in drafting order. */
export function draftEdition(
  base: Catalogue,
  edits: readonly EditWithResolution<ProposedEdit>[],
):
  | { ok: true; catalogue: Catalogue; applied: number }
  | { ok: false; errors: (EditError & { editId: string })[] } {
  const payloads = adoptedPayloads(edits);
  const ids = edits.filter((e) => e.resolution && e.resolution.kind !== 'rejected').map((e) => e.id);
  const result = applyEdits(base, payloads);
  if (!result.ok)
    return { ok: false, errors: result.errors.map((error) => ({ ...error, editId: ids[error.edit] ?? '' })) };
  return { ok: true, catalogue: result.catalogue, applied: payloads.length };
}
