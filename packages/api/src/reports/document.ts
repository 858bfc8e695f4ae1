// A report as a language-bound list of blocks: the PDF and the accessible HTML are drawn from the same blocks, so the
// two versions never say different things.

export interface BarRow {
  label: string;
  value: number;
  /** The representation target, drawn as a mark on the bar and printed beside the figure. */
  target?: number | null;
}

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; lang?: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'quote'; text: string; lang: string }
  | { kind: 'bars'; caption: string; summary: string; rows: BarRow[]; targetLabel?: string };

export interface ReportDocument {
  /** BCP 47 language of the document (quotes carry their own). */
  lang: string;
  title: string;
  /** A line under the title on the cover. */
  subtitle: string;
  blocks: ReportBlock[];
}
