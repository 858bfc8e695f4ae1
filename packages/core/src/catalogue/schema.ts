import { z } from 'zod';
import type { ActionArea, Catalogue, CriterionId, NamedText, Pillar, SubAction } from './types';
import type { Normalisation, Priority, Timeframe } from './extra-types';

/*
 * The committed JSON is parsed, not cast: the files are generated, and a hand edit or a changed extractor that breaks
 * the public shape should fail loudly when the module loads rather than deep inside a caller.
 */

const kind = z.enum(['cross-cutting', 'targeted']);
const tier = z.enum(['advanced', 'promising', 'emerging']);
const term = z.enum(['short', 'medium', 'long']);
const criterionId = z.string().regex(/^Q\d+$/) as z.ZodType<CriterionId>;

const namedText: z.ZodType<NamedText> = z.object({ name: z.string(), text: z.string() });

const subAction: z.ZodType<SubAction> = z.object({
  id: z.string().regex(/^[CAPE]\d\.\d+\.\d+$/),
  title: z.string().min(1),
  targetAreas: z.array(namedText),
  milestones: z.object({
    short: z.array(z.string()),
    medium: z.array(z.string()),
    long: z.array(z.string()),
  }),
  measures: z.array(namedText),
  caseStudies: z.array(z.string()),
  linkedCriteria: z.array(criterionId),
});

const actionArea: z.ZodType<ActionArea> = z.object({
  id: z.string().regex(/^[CAPE]\d\.\d+$/),
  kind,
  pillar: z.number().int().min(1).max(4),
  tier: tier.nullable(),
  title: z.string().min(1),
  objectives: z.array(namedText),
  subActions: z.array(subAction),
});

export const catalogueSchema: z.ZodType<Catalogue> = z.object({ actionAreas: z.array(actionArea) });

export const pillarsSchema: z.ZodType<Pillar[]> = z.array(
  z.object({
    kind,
    number: z.number().int().min(1).max(4),
    name: z.string().min(1),
    description: z.string().min(1),
  }),
);

export const timeframeSchema: z.ZodType<Timeframe> = z.object({
  years: z.array(z.number().int()),
  terms: z.array(z.object({ term, label: z.string(), years: z.array(z.number().int()) })),
  notes: z.array(z.string()),
});

export const prioritiesSchema: z.ZodType<Priority[]> = z.array(
  z.object({ rank: z.number().int(), title: z.string(), description: z.string(), actionAreaId: z.string() }),
);

export const normalisationsSchema: z.ZodType<Normalisation[]> = z.array(
  z.object({
    line: z.number().int().positive(),
    category: z.enum([
      'footnote-moved-out-of-table',
      'page-break-separator-dropped',
      'page-break-split-rejoined',
      'continuation-row-realigned',
      'continuation-outside-table',
      'duplicated-continuation-dropped',
      'misnumbered-sub-action-id',
      'unbulleted-list-split',
      'list-heading-kept-as-entry',
      'unnamed-item',
      'criterion-text-reduced-to-id',
    ]),
    actionAreaId: z.string(),
    subActionId: z.string().nullable(),
    change: z.string(),
    reason: z.string(),
    removedText: z.string().optional(),
    insertedText: z.string().optional(),
  }),
);
