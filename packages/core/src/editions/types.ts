import type { Catalogue } from '../catalogue/types';

/** An edition is either the one in force (exactly one at a time) or an earlier one it replaced. */
export const EDITION_STATUSES = ['current', 'superseded'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

/** What lists and pages show of an edition: everything but the catalogue itself. */
export interface EditionSummary {
  /** 1, 2, 3… in order of adoption; the catalogue extracted from the source text is edition 1. */
  number: number;
  title: string;
  status: EditionStatus;
  /** When it was adopted on this platform; null for the first edition, the Roadmap as published before the platform. */
  adoptedAt: Date | null;
  /** Published notes on what the edition changed and why; null when none were written. */
  notes: string | null;
  /** The review cycle that produced it; null for the first edition. */
  reviewCycleId: string | null;
}

/** A stored version of the whole Roadmap catalogue, in the catalogue's public JSON shape. */
export interface Edition extends EditionSummary {
  catalogue: Catalogue;
}
