/**
 * The Roadmap's action catalogue. The JSON shape is a public contract: `pnpm cli catalogue export --format json`
 * prints exactly `{ actionAreas: ActionArea[] }`, and editions (review cycles) store whole catalogues of this shape.
 */
export type ActionKind = 'cross-cutting' | 'targeted';
export type ReadinessTier = 'advanced' | 'promising' | 'emerging';
export type Term = 'short' | 'medium' | 'long';
export type CriterionId = `Q${number}`;

export interface NamedText {
  name: string;
  text: string;
}

export interface SubAction {
  /** e.g. "C2.1.1", "A1.1.2" */
  id: string;
  title: string;
  targetAreas: NamedText[];
  milestones: Record<Term, string[]>;
  measures: NamedText[];
  /** International best-practice / case-study paragraphs, as written. */
  caseStudies: string[];
  /** Readiness criteria the sub-action says it can raise ("Achieving this milestone can increase AMS' score for ..."). */
  linkedCriteria: CriterionId[];
}

export interface ActionArea {
  /** e.g. "C2.1", "A1.1", "P1.3", "E1.4" */
  id: string;
  kind: ActionKind;
  /** Pillar number 1–4 (cross-cutting or targeted pillar, according to kind). */
  pillar: number;
  /** null for cross-cutting actions. */
  tier: ReadinessTier | null;
  title: string;
  objectives: NamedText[];
  subActions: SubAction[];
}

export interface Pillar {
  kind: ActionKind;
  number: number;
  name: string;
  description: string;
}

export interface Catalogue {
  actionAreas: ActionArea[];
}
