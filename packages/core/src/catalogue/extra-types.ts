import type { ActionKind, ReadinessTier, Term } from './types';

/** One row of Table 2: the indicative years a term covers (the Roadmap says durations vary by AMS). */
export interface TimeframeTerm {
  term: Term;
  label: string;
  years: number[];
}

export interface Timeframe {
  years: number[];
  terms: TimeframeTerm[];
  /** The Roadmap's caveats on the timeframe, as written. */
  notes: string[];
}

/** One of the eight key priorities of the executive summary, linked to the action area it names. */
export interface Priority {
  rank: number;
  title: string;
  description: string;
  actionAreaId: string;
}

export type NormalisationCategory =
  | 'footnote-moved-out-of-table'
  | 'page-break-separator-dropped'
  | 'page-break-split-rejoined'
  | 'continuation-row-realigned'
  | 'continuation-outside-table'
  | 'duplicated-continuation-dropped'
  | 'misnumbered-sub-action-id'
  | 'unbulleted-list-split'
  | 'list-heading-kept-as-entry'
  | 'unnamed-item'
  | 'criterion-text-reduced-to-id';

/**
 * A deliberate departure from the source text made by the extractor. `removedText` and `insertedText` hold the exact
 * text taken out of (or put into) the catalogue so a reader, or the completeness test, can account for every word.
 */
export interface Normalisation {
  /** 1-based line number in packages/core/source/asean-responsible-ai-roadmap-2025-2030.txt */
  line: number;
  category: NormalisationCategory;
  actionAreaId: string;
  subActionId: string | null;
  change: string;
  reason: string;
  removedText?: string;
  insertedText?: string;
}

export interface ActionAreaFilters {
  kind?: ActionKind;
  pillar?: number;
  tier?: ReadinessTier;
  term?: Term;
}
