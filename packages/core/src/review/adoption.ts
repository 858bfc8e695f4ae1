import type { Catalogue } from '../catalogue/types';
import type { ProposedEdit } from '../editions/edits';
import { draftEdition } from './preview';
import type { EditWithResolution } from './rules';

/**
 * One reason adoption would fail, with the edits it is about (in drafting order). The reason is a translation key.
 *   unresolvedEdits  edits without a resolution
 *   nothingToAdopt   no edit accepted (or none at all): the new edition would equal the old one
 *   baseNotCurrent   another edition was adopted since the cycle started: its edits would drop that edition's changes
 *   editsCollide     accepted edits that cannot apply together (a dry run of the adoption); each collision names the
 *                    edit refused, why (`edition.*` key) and the earlier edit it collides with
 */
export type AdoptionProblem =
  | { reason: 'review.unresolvedEdits'; edits: string[] }
  | { reason: 'review.nothingToAdopt'; edits: string[] }
  | { reason: 'review.baseNotCurrent'; edits: string[]; currentEditionNumber: number | null }
  | {
      reason: 'review.editsCollide';
      edits: string[];
      collisions: { editId: string; key: string; conflictsWith: string | null }[];
    };

export type AdoptionReadiness =
  | { ok: true; problems: []; catalogue: Catalogue; applied: number }
  | { ok: false; problems: AdoptionProblem[] };

/**
 * Everything that would make adopting the cycle fail, found without adopting: the same function decides whether the
 * cycle may move into its adoption phase, whether `adopt` goes ahead, and what the adoption screen shows. When ready,
 * the new edition's catalogue comes with it (the dry run is the adoption's own drafting).
 */
export function adoptionReadiness(input: {
  base: Catalogue;
  baseEditionNumber: number;
  currentEditionNumber: number | null;
  edits: readonly EditWithResolution<ProposedEdit>[];
}): AdoptionReadiness {
  const problems: AdoptionProblem[] = [];
  const unresolved = input.edits.filter((e) => e.resolution === null).map((e) => e.id);
  if (unresolved.length) problems.push({ reason: 'review.unresolvedEdits', edits: unresolved });
  const accepted = input.edits.filter((e) => e.resolution && e.resolution.kind !== 'rejected');
  if (accepted.length === 0 && unresolved.length === 0)
    problems.push({ reason: 'review.nothingToAdopt', edits: [] });
  if (input.currentEditionNumber !== input.baseEditionNumber)
    problems.push({
      reason: 'review.baseNotCurrent',
      edits: [],
      currentEditionNumber: input.currentEditionNumber,
    });
  // The dry run covers the edits already accepted, so collisions show while others are still being resolved.
  const draft = draftEdition(input.base, input.edits);
  if (!draft.ok) {
    const indexOf = accepted.map((e) => e.id);
    const collisions = draft.errors.map((error) => ({
      editId: error.editId,
      key: error.key,
      conflictsWith: error.conflictsWith === undefined ? null : (indexOf[error.conflictsWith] ?? null),
    }));
    const involved = new Set(
      collisions.flatMap((c) => (c.conflictsWith ? [c.editId, c.conflictsWith] : [c.editId])),
    );
    problems.push({
      reason: 'review.editsCollide',
      edits: input.edits.map((e) => e.id).filter((id) => involved.has(id)),
      collisions,
    });
  }
  if (problems.length || !draft.ok) return { ok: false, problems };
  return { ok: true, problems: [], catalogue: draft.catalogue, applied: draft.applied };
}
