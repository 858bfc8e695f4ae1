import { z } from 'zod';
// Subpath imports must get translation keys too, not zod's English.
import '../schemas/messages';
import { MEMBER_STATE_CODES } from '../domain';
import { proposedEditSchema } from '../editions/edits';
import { optionalReviewTextField, readReviewText, reviewTextField } from './localized';
import { parseDay } from './rules';
import {
  CYCLE_AUDIENCES,
  CYCLE_PHASES,
  MOTIVATION_KINDS,
  POSITION_KINDS,
  RATING_MAX,
  RATING_MIN,
  RESOLUTION_KINDS,
} from './vocabulary';

const uuidField = z.uuid({ error: 'validation.invalid' });

const requiredText = (max: number) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' });

const optionalText = (max: number) =>
  z
    .string({ error: 'validation.invalidType' })
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .nullish()
    .transform((v) => (v ? v : undefined));

/** A calendar day, `YYYY-MM-DD` (planned dates and the publication date are days, not instants). */
export const dayField = z
  .string({ error: 'validation.date' })
  .refine((value) => parseDay(value) !== null, { error: 'validation.date' });

const keyField = z
  .string({ error: 'validation.required' })
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'validation.invalid' });

const versionField = z
  .number({ error: 'validation.invalidType' })
  .int({ error: 'validation.invalidType' })
  .min(1)
  .max(2_147_483_647);

/** A criterion or metric: its key, and its name and description per language (a plain string is English). */
const namedEntry = z.object({
  key: keyField,
  name: reviewTextField(200),
  description: reviewTextField(5_000),
});

function uniqueKeys(entries: unknown, path: string, ctx: z.RefinementCtx) {
  if (!Array.isArray(entries)) return;
  const seen = new Set<string>();
  entries.forEach((entry: { key?: unknown }, index) => {
    if (typeof entry?.key !== 'string') return;
    if (seen.has(entry.key))
      ctx.addIssue({ code: 'custom', path: [path, index, 'key'], message: 'validation.duplicateKey' });
    seen.add(entry.key);
  });
}

/**
 * The Regional Review Framework (C3.3.1): the criteria member states rate the Roadmap against, the evaluation metrics
 * the Secretariat reports on, and the template of a cycle's timeline (days per phase, in the fixed phase order).
 * Saved as a new version each time; cycles keep the version they were run under.
 */
export const frameworkDocumentSchema = z
  .object({
    title: requiredText(300),
    introduction: optionalText(20_000),
    criteria: z
      .array(namedEntry)
      .min(1, { error: 'validation.required' })
      .max(30, { error: 'validation.tooLong' }),
    metrics: z.array(namedEntry).max(30, { error: 'validation.tooLong' }).default([]),
    timeline: z
      .array(
        z.object({
          phase: z.enum(CYCLE_PHASES, { error: 'validation.invalidOption' }),
          durationDays: z
            .number({ error: 'validation.invalidType' })
            .int({ error: 'validation.invalidType' })
            .min(1)
            .max(730),
        }),
      )
      .length(CYCLE_PHASES.length, { error: 'validation.phasesOutOfOrder' }),
  })
  .superRefine((doc, ctx) => {
    uniqueKeys(doc.criteria, 'criteria', ctx);
    uniqueKeys(doc.metrics, 'metrics', ctx);
    if (
      Array.isArray(doc.timeline) &&
      doc.timeline.length === CYCLE_PHASES.length &&
      doc.timeline.some((t, i) => t?.phase !== CYCLE_PHASES[i])
    )
      ctx.addIssue({ code: 'custom', path: ['timeline'], message: 'validation.phasesOutOfOrder' });
  });
export type FrameworkDocument = z.output<typeof frameworkDocumentSchema>;
export type FrameworkDocumentValues = z.input<typeof frameworkDocumentSchema>;

/**
 * A stored framework version as `FrameworkDocument`: versions saved before criteria and metrics were per-language hold
 * plain strings, read as English. No validation: what was accepted when saved stays readable.
 */
export function readFrameworkDocument(stored: unknown): FrameworkDocument {
  const doc = (stored ?? {}) as Record<string, unknown>;
  const entries = (list: unknown) =>
    (Array.isArray(list) ? list : []).map(
      (entry: { key?: unknown; name?: unknown; description?: unknown }) => ({
        key: typeof entry?.key === 'string' || typeof entry?.key === 'number' ? String(entry.key) : '',
        name: readReviewText(entry?.name),
        description: readReviewText(entry?.description),
      }),
    );
  return {
    // Stored by `saveFrameworkInput`, so the other fields have their types; no validation, as said above.
    ...(doc as unknown as FrameworkDocument),
    criteria: entries(doc.criteria),
    metrics: entries(doc.metrics),
  };
}

export const saveFrameworkInput = z.object({
  document: frameworkDocumentSchema,
  /** The version the editor started from; null when there is none yet. A newer version saved meanwhile is a conflict. */
  expectedVersion: versionField.nullable(),
});

const plannedPhase = z
  .object({
    phase: z.enum(CYCLE_PHASES, { error: 'validation.invalidOption' }),
    plannedStart: dayField,
    plannedEnd: dayField,
  })
  .superRefine((p, ctx) => {
    if (
      typeof p.plannedStart === 'string' &&
      typeof p.plannedEnd === 'string' &&
      p.plannedEnd < p.plannedStart
    )
      ctx.addIssue({ code: 'custom', path: ['plannedEnd'], message: 'validation.phaseEndsBeforeStart' });
  });

/** A review cycle: its six phases with planned days, in order, each starting no earlier than the one before. */
export const cycleInput = z
  .object({
    /** Per language, English required (a plain string is English). */
    title: reviewTextField(300),
    /** Per language; absent when nothing is filled in, English required once anything is. */
    description: optionalReviewTextField(20_000),
    frameworkVersion: versionField,
    /** The edition under review; the current edition when left out. */
    baseEditionNumber: versionField.nullish().transform((v) => v ?? undefined),
    audience: z.enum(CYCLE_AUDIENCES, { error: 'validation.invalidOption' }),
    /** From this day confidential comments are public. */
    publicationDate: dayField,
    phases: z.array(plannedPhase).length(CYCLE_PHASES.length, { error: 'validation.phasesOutOfOrder' }),
  })
  .superRefine((cycle, ctx) => {
    if (!Array.isArray(cycle.phases)) return;
    cycle.phases.forEach((p, i) => {
      if (p?.phase !== CYCLE_PHASES[i])
        ctx.addIssue({
          code: 'custom',
          path: ['phases', i, 'phase'],
          message: 'validation.phasesOutOfOrder',
        });
      const before = cycle.phases[i - 1];
      if (
        i > 0 &&
        typeof before?.plannedStart === 'string' &&
        typeof p?.plannedStart === 'string' &&
        p.plannedStart < before.plannedStart
      )
        ctx.addIssue({
          code: 'custom',
          path: ['phases', i, 'plannedStart'],
          message: 'validation.phasesOutOfOrder',
        });
    });
  });
export type CycleInput = z.output<typeof cycleInput>;
export type CycleFormValues = z.input<typeof cycleInput>;

export const ratingInput = z.object({
  actionAreaId: z.string({ error: 'validation.required' }).trim().min(1).max(20),
  criterionKey: keyField,
  rating: z
    .number({ error: 'validation.invalidType' })
    .int({ error: 'validation.invalidType' })
    .min(RATING_MIN)
    .max(RATING_MAX),
  comment: optionalText(5_000),
});
export type RatingInput = z.output<typeof ratingInput>;

/** A state's ratings so far; the server checks areas and criteria against the cycle (`checkRatings`). */
export const assessmentInput = z.object({
  cycleId: uuidField,
  ratings: z.array(ratingInput).max(2_000, { error: 'validation.tooLong' }),
});
export type ReviewAssessmentInput = z.output<typeof assessmentInput>;

export const motivationInput = z.object({
  kind: z.enum(MOTIVATION_KINDS, { error: 'validation.invalidOption' }),
  /** A consultation contribution, a review assessment or a board session, according to `kind`. */
  targetId: uuidField,
  note: optionalText(1_000),
});
export type MotivationInput = z.output<typeof motivationInput>;

/** The payload is the editions domain's proposed edit (change a field, add/remove an item, move a milestone, …). */
export const editPayloadField = proposedEditSchema;

export const editFields = z.object({
  payload: editPayloadField,
  rationale: requiredText(10_000),
  motivations: z
    .array(motivationInput)
    .max(50, { error: 'validation.tooLong' })
    .default([])
    // The same source cited twice is one motivation.
    .transform((list) =>
      list.filter((m, i) => list.findIndex((o) => o.kind === m.kind && o.targetId === m.targetId) === i),
    ),
});

export const createEditInput = editFields.extend({ cycleId: uuidField });
export type CreateEditInput = z.output<typeof createEditInput>;

export const updateEditInput = editFields.extend({ editId: uuidField, expectedVersion: versionField });
export type UpdateEditInput = z.output<typeof updateEditInput>;

export const positionInput = z
  .object({
    editId: uuidField,
    /** Named explicitly so the server can refuse a representative speaking for another state. */
    memberState: z.enum(MEMBER_STATE_CODES, { error: 'validation.memberState' }),
    kind: z.enum(POSITION_KINDS, { error: 'validation.invalidOption' }),
    text: optionalText(10_000),
    counterProposal: optionalText(10_000),
  })
  .superRefine((p, ctx) => {
    // Support and abstention may stand alone; an objection or an amendment must say why.
    if ((p.kind === 'object' || p.kind === 'support_with_amendment') && !p.text)
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'validation.positionTextRequired' });
    if (p.kind === 'support_with_amendment' && !p.counterProposal)
      ctx.addIssue({
        code: 'custom',
        path: ['counterProposal'],
        message: 'validation.counterProposalRequired',
      });
  });
export type PositionInput = z.output<typeof positionInput>;

export const commentInput = z.object({
  editId: uuidField,
  parentId: uuidField.nullish().transform((v) => v ?? undefined),
  body: requiredText(10_000),
  confidential: z.boolean({ error: 'validation.invalidType' }).default(false),
  /** Made by the app once per comment; sending the comment again with it stores it once. */
  idempotencyKey: uuidField.optional(),
});
export type CommentInput = z.output<typeof commentInput>;

export const resolutionInput = z
  .object({
    editId: uuidField,
    expectedVersion: versionField,
    kind: z.enum(RESOLUTION_KINDS, { error: 'validation.invalidOption' }),
    /** Only with `accepted_with_changes`: the text that replaces the proposal in the new edition. */
    finalPayload: editPayloadField.nullish().transform((v) => v ?? undefined),
    answer: requiredText(10_000),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'accepted_with_changes' && r.finalPayload === undefined)
      ctx.addIssue({ code: 'custom', path: ['finalPayload'], message: 'validation.finalPayloadRequired' });
    if (r.kind !== 'accepted_with_changes' && r.finalPayload !== undefined)
      ctx.addIssue({ code: 'custom', path: ['finalPayload'], message: 'validation.finalPayloadNotAllowed' });
  });
export type ResolutionInput = z.output<typeof resolutionInput>;

export const answerInput = z.object({ id: uuidField, answer: requiredText(10_000) });
export type AnswerInput = z.output<typeof answerInput>;

/**
 * Closing a cycle without adopting. `superseded` records that another edition replaced the cycle's base (the server
 * names it); otherwise a reason is required. Either way the reason is shown on the public cycle record.
 */
export const closeCycleInput = z
  .object({
    cycleId: uuidField,
    expectedVersion: versionField,
    superseded: z.boolean({ error: 'validation.invalidType' }).default(false),
    reason: optionalText(2_000),
  })
  .superRefine((value, ctx) => {
    if (!value.superseded && !value.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.required' });
  });
