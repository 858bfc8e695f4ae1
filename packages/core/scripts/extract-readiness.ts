/**
 * Extracts the readiness self-assessment (the Roadmap's Annex, Tables 1–4) from the vendored source text into
 * `src/readiness/data/criteria.json` and `src/readiness/data/assessment-pillars.json`.
 *
 * Run with `corepack pnpm --filter @musyawarah/core run extract:readiness`. The parse is anchored on the Annex's own
 * headings rather than line numbers, and it throws rather than guess when the text does not have the shape it expects,
 * so a changed source fails loudly. Every change made to the words as written is recorded in `normalisations` with
 * the source line it applies to.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SOURCE_PATH = 'packages/core/source/asean-responsible-ai-roadmap-2025-2030.txt';

export interface Normalisation {
  /** 1-based line in the source text. */
  line: number;
  criterion?: string;
  pillar?: number;
  kind:
    | 'markup-removed'
    | 'footnote-marker-removed'
    | 'whitespace'
    | 'row-continued-after-page-break'
    | 'description-cell-empty'
    | 'question-wording-differs';
  detail: string;
}

export interface ExtractedOption {
  label: string;
  points: number;
}

export interface ExtractedCriterion {
  id: string;
  number: number;
  pillar: number;
  /** As written in Annex Table 3 (the scoring table); Table 2 wording differences are recorded as normalisations. */
  question: string;
  /** Annex Table 2 "DESCRIPTION" cell, one string per paragraph. */
  description: string[];
  /** Set when the source cell is empty because the PDF table merged it with an earlier row's cell. */
  descriptionFrom: string | null;
  /** In the order written: the "Yes" option, the middle option, the "No" option. */
  options: ExtractedOption[];
  lines: { description: number; scoring: number };
}

export interface ExtractedTier {
  /** e.g. "21-30 points out of 30", as printed. */
  printedRange: string;
  description: string;
  line: number;
}

export interface ExtractedPillar {
  number: number;
  name: string;
  /** The short description in the "four pillars are" list. */
  description: string;
  /** Annex Table 1. */
  rationale: string;
  tiers: { advanced: ExtractedTier; promising: ExtractedTier; emerging: ExtractedTier };
  lines: { description: number; rationale: number };
}

export interface CriteriaFile {
  source: string;
  criteria: ExtractedCriterion[];
  normalisations: Normalisation[];
}

export interface PillarsFile {
  source: string;
  pillars: ExtractedPillar[];
  normalisations: Normalisation[];
}

// Footnote references are printed as runs of superscript digits (e.g. "²¹⁸").
const FOOTNOTE_MARKER = /[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+/g;

class Lines {
  readonly all: string[];
  constructor(text: string) {
    this.all = text.split(/\r?\n/);
  }
  /** 0-based index of the first line at or after `from` that satisfies `test`. */
  find(test: (line: string) => boolean, from = 0, what = 'line'): number {
    for (let i = from; i < this.all.length; i++) if (test(this.all[i]!)) return i;
    throw new Error(`extract-readiness: could not find ${what} after source line ${from + 1}`);
  }
  at(i: number): string {
    const line = this.all[i];
    if (line === undefined) throw new Error(`extract-readiness: no source line ${i + 1}`);
    return line;
  }
}

/** Cleans one cell's text, recording what was changed against `line`. */
function cleanCell(
  raw: string,
  record: (n: Omit<Normalisation, 'line'>) => void,
  subject: { criterion?: string; pillar?: number },
): string {
  let text = raw;
  const underlined = [...text.matchAll(/<u>(.*?)<\/u>/g)].map((m) => m[1]);
  if (underlined.length > 0) {
    text = text.replace(/<\/?u>/g, '');
    record({
      ...subject,
      kind: 'markup-removed',
      detail: `underline emphasis removed from: ${underlined.map((u) => `"${u}"`).join(', ')}`,
    });
  }
  const markers = text.match(FOOTNOTE_MARKER);
  if (markers) {
    text = text.replace(FOOTNOTE_MARKER, '');
    record({
      ...subject,
      kind: 'footnote-marker-removed',
      detail: `footnote marker(s) ${markers.join(', ')} removed`,
    });
  }
  if (/\s[,.?;:]/.test(text)) {
    record({ ...subject, kind: 'whitespace', detail: 'space before punctuation removed' });
  }
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ([,.?;:])/g, '$1')
    .trim();
}

/** Splits an HTML-ish cell into paragraphs: `<p>…</p> <p>…</p>` or plain text (one paragraph). */
function paragraphs(cell: string): string[] {
  const trimmed = cell.trim();
  if (trimmed === '') return [];
  if (!trimmed.startsWith('<p>')) return [trimmed];
  return [...trimmed.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]!.trim()).filter((p) => p !== '');
}

function stripP(cell: string): string {
  return cell.replace(/<\/?p>/g, '').trim();
}

const PILLAR_HEADING = /^ASSESSMENT PILLAR (\d) \u2013 /;

export function extractReadiness(sourceText: string): { criteria: CriteriaFile; pillars: PillarsFile } {
  const src = new Lines(sourceText);
  const criteriaNorms: Normalisation[] = [];
  const pillarNorms: Normalisation[] = [];
  const recorder = (into: Normalisation[], line0: number) => (n: Omit<Normalisation, 'line'>) =>
    into.push({ line: line0 + 1, ...n });

  // ---- Pillar names and short descriptions: the "four pillars are" list before Annex Table 1.
  const listStart = src.find((l) => l.startsWith('The four pillars are:'), 0, '"The four pillars are:"');
  const table1 = src.find((l) => l.startsWith('Annex Table 1.'), listStart, 'Annex Table 1');
  const pillarList = new Map<number, { name: string; description: string; line: number }>();
  for (let i = listStart; i < table1; i++) {
    const m = /^- \*\*Assessment Pillar (\d) \u2013 (.+?):\*\* (.+)$/.exec(src.at(i));
    if (m) pillarList.set(Number(m[1]), { name: m[2]!, description: m[3]!.trim(), line: i + 1 });
  }

  // ---- Annex Table 1: heading line followed by the rationale line.
  const table2 = src.find((l) => l.startsWith('Annex Table 2.'), table1, 'Annex Table 2');
  const rationales = new Map<number, { text: string; line: number }>();
  for (let i = table1; i < table2; i++) {
    const m = PILLAR_HEADING.exec(src.at(i));
    if (m) rationales.set(Number(m[1]), { text: src.at(i + 1).trim(), line: i + 2 });
  }

  // ---- Annex Table 2: criteria descriptions. Rows are "Qn. question<TAB>description"; from Q33 on both cells are
  // wrapped in <p>, and Q32's row is split by a page break (its continuation starts with "<p>" but not "<p>Q").
  const table3 = src.find((l) => l.startsWith('Annex Table 3.'), table2, 'Annex Table 3');
  interface Row {
    id: string;
    pillar: number;
    question: string;
    description: string[];
    line: number;
  }
  const descRows: Row[] = [];
  let pillar = 0;
  for (let i = table2 + 1; i < table3; i++) {
    const line = src.at(i);
    const heading = PILLAR_HEADING.exec(line);
    if (heading) {
      pillar = Number(heading[1]);
      continue;
    }
    const row = /^(?:<p>)?Q(\d+)\. /.exec(line);
    const [left = '', right = ''] = line.split('\t');
    if (row) {
      descRows.push({
        id: `Q${row[1]}`,
        pillar,
        question: stripP(left).replace(/^Q\d+\. /, ''),
        description: paragraphs(right),
        line: i + 1,
      });
    } else if (line.startsWith('<p>') && line.includes('\t')) {
      const previous = descRows.at(-1);
      if (!previous)
        throw new Error(`extract-readiness: continuation row before any criterion at line ${i + 1}`);
      previous.question = `${previous.question} ${stripP(left)}`;
      previous.description.push(...paragraphs(right));
      criteriaNorms.push({
        line: i + 1,
        criterion: previous.id,
        kind: 'row-continued-after-page-break',
        detail: `question and description continue from line ${previous.line}; joined`,
      });
    }
  }

  // ---- Annex Table 3: scoring options.
  const typology = src.find((l) => l.startsWith('READINESS TYPOLOGY'), table3, 'READINESS TYPOLOGY');
  const scoring = new Map<
    string,
    { pillar: number; question: string; options: ExtractedOption[]; line: number }
  >();
  pillar = 0;
  for (let i = table3 + 1; i < typology; i++) {
    const line = src.at(i);
    const heading = PILLAR_HEADING.exec(line);
    if (heading) {
      pillar = Number(heading[1]);
      continue;
    }
    const row = /^Q(\d+)\. (.+)\t(.+)$/.exec(line);
    if (!row) continue;
    const parts = row[3]!.split(/\s*=\s*(\d+(?:\.\d+)?) points?\s*/);
    // split with one capture group gives [label, points, label, points, label, points, ""].
    const options: ExtractedOption[] = [];
    for (let p = 0; p + 1 < parts.length; p += 2)
      options.push({ label: parts[p]!.trim(), points: Number(parts[p + 1]) });
    if (options.length !== 3 || parts.at(-1) !== '') {
      throw new Error(
        `extract-readiness: line ${i + 1}: expected three "label = n points" options, got "${row[3]}"`,
      );
    }
    if (/\S=|=\S/.test(row[3]!)) {
      criteriaNorms.push({
        line: i + 1,
        criterion: `Q${row[1]}`,
        kind: 'whitespace',
        detail: 'missing space around "=" in the scoring cell; labels trimmed',
      });
    }
    scoring.set(`Q${row[1]}`, { pillar, question: row[2]!, options, line: i + 1 });
  }

  // ---- Assemble criteria.
  const criteria: ExtractedCriterion[] = [];
  let lastDescribed: ExtractedCriterion | undefined;
  for (let n = 1; n <= 40; n++) {
    const id = `Q${n}`;
    const d = descRows.find((r) => r.id === id);
    const s = scoring.get(id);
    if (!d || !s) throw new Error(`extract-readiness: ${id} missing from Annex Table ${d ? 3 : 2}`);
    if (d.pillar !== s.pillar)
      throw new Error(
        `extract-readiness: ${id} is in pillar ${d.pillar} in Table 2 but ${s.pillar} in Table 3`,
      );
    const recScore = recorder(criteriaNorms, s.line - 1);
    const recDesc = recorder(criteriaNorms, d.line - 1);
    const question = cleanCell(s.question, recScore, { criterion: id });
    const table2Question = cleanCell(d.question, () => {}, { criterion: id });
    if (table2Question !== question) {
      criteriaNorms.push({
        line: d.line,
        criterion: id,
        kind: 'question-wording-differs',
        detail: `Annex Table 2 words the question "${table2Question}"; the Annex Table 3 wording (line ${s.line}) is used`,
      });
    }
    const options = s.options.map((o) => ({ ...o, label: cleanCell(o.label, recScore, { criterion: id }) }));
    let description = d.description.map((p) => cleanCell(p, recDesc, { criterion: id }));
    let descriptionFrom: string | null = null;
    if (description.length === 0) {
      if (!lastDescribed)
        throw new Error(`extract-readiness: ${id} has no description and no row above to share`);
      description = [...lastDescribed.description];
      descriptionFrom = lastDescribed.descriptionFrom ?? lastDescribed.id;
      criteriaNorms.push({
        line: d.line,
        criterion: id,
        kind: 'description-cell-empty',
        detail: `description cell is empty (merged with the cell above in the PDF table); ${descriptionFrom}'s description is used`,
      });
    }
    const criterion: ExtractedCriterion = {
      id,
      number: n,
      pillar: s.pillar,
      question,
      description,
      descriptionFrom,
      options,
      lines: { description: d.line, scoring: s.line },
    };
    criteria.push(criterion);
    if (descriptionFrom === null) lastDescribed = criterion;
  }

  // ---- Annex Table 4: tier descriptions, one column per pillar.
  const table4 = src.find((l) => l.startsWith('Annex Table 4.'), typology, 'Annex Table 4');
  const tierRows = new Map<string, { printedRange: string; cells: string[]; line: number }>();
  for (const tier of ['ADVANCED', 'PROMISING', 'EMERGING']) {
    const i = src.find((l) => l.startsWith(`${tier} (`), table4, `Annex Table 4 row ${tier}`);
    const [head = '', ...cells] = src.at(i).split('\t');
    const range = /^\w+ \((.+?)\)/.exec(head);
    if (!range || cells.length !== 4)
      throw new Error(`extract-readiness: line ${i + 1}: unexpected tier row shape`);
    tierRows.set(tier.toLowerCase(), {
      printedRange: range[1]!,
      cells: cells.map((c) => c.trim()),
      line: i + 1,
    });
  }
  const tierFor = (tier: string, p: number): ExtractedTier => {
    const row = tierRows.get(tier)!;
    return { printedRange: row.printedRange, description: row.cells[p - 1]!, line: row.line };
  };

  const pillars: ExtractedPillar[] = [1, 2, 3, 4].map((p) => {
    const listed = pillarList.get(p);
    const rationale = rationales.get(p);
    if (!listed || !rationale)
      throw new Error(`extract-readiness: assessment pillar ${p} not found in the Annex`);
    return {
      number: p,
      name: listed.name,
      description: listed.description,
      rationale: rationale.text,
      tiers: {
        advanced: tierFor('advanced', p),
        promising: tierFor('promising', p),
        emerging: tierFor('emerging', p),
      },
      lines: { description: listed.line, rationale: rationale.line },
    };
  });

  return {
    criteria: {
      source: SOURCE_PATH,
      criteria,
      normalisations: criteriaNorms.sort((a, b) => a.line - b.line),
    },
    pillars: { source: SOURCE_PATH, pillars, normalisations: pillarNorms },
  };
}

function main(): void {
  const coreDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const repoRoot = resolve(coreDir, '../..');
  const text = readFileSync(resolve(repoRoot, SOURCE_PATH), 'utf8');
  const { criteria, pillars } = extractReadiness(text);
  const outDir = resolve(coreDir, 'src/readiness/data');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(resolve(outDir, 'criteria.json'), `${JSON.stringify(criteria, null, 2)}\n`);
  writeFileSync(resolve(outDir, 'assessment-pillars.json'), `${JSON.stringify(pillars, null, 2)}\n`);
  console.error(
    `extract-readiness: ${criteria.criteria.length} criteria, ${pillars.pillars.length} pillars, ` +
      `${criteria.normalisations.length + pillars.normalisations.length} normalisations recorded`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
