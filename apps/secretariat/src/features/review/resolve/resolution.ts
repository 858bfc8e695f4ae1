import { ASSESSMENT_CRITERION_IDS } from '@musyawarah/core';
import type { ProposedEdit, ProposedEditInput } from '@musyawarah/core/editions/edits';
import { resolutionInput } from '@musyawarah/core/review/schemas';
import { z } from 'zod';

/** The resolution as the form holds it: a kind not yet chosen is '', refused with the API's own message. */
export const resolutionFormSchema = z.object({
  kind: z.string().pipe(resolutionInput.shape.kind),
  answer: resolutionInput.shape.answer,
  final: z.object({
    title: z.string(),
    name: z.string(),
    text: z.string(),
    criteria: z.array(z.enum(ASSESSMENT_CRITERION_IDS)),
  }),
});

export type ResolutionFormValues = z.input<typeof resolutionFormSchema>;

export type CheckedResolution = z.output<typeof resolutionFormSchema>;

/** Objectives, target areas and measures have a name before their text; milestones and case studies do not. */
export function isNamedList(payload: Record<string, unknown>): boolean {
  const field = (payload.list as { field?: string } | undefined)?.field;
  return field === 'objectives' || field === 'targetAreas' || field === 'measures';
}

/** The final wording of an edit accepted with changes: the proposal with its words (or criteria) replaced. */
export function finalPayload(proposal: ProposedEdit, final: CheckedResolution['final']): ProposedEditInput {
  switch (proposal.kind) {
    case 'changeActionAreaTitle':
    case 'changeSubActionTitle':
      return { ...proposal, title: final.title };
    case 'changeEntry':
    case 'addEntry':
      return { ...proposal, text: final.text, ...(isNamedList(proposal) ? { name: final.name } : {}) };
    case 'setLinkedCriteria':
      return { ...proposal, criteria: final.criteria };
    case 'addSubAction':
      return { ...proposal, subAction: { ...proposal.subAction, title: final.title } };
    case 'addActionArea':
      return { ...proposal, actionArea: { ...proposal.actionArea, title: final.title } };
    default:
      return proposal;
  }
}
