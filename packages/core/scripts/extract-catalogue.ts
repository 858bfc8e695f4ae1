/**
 * Extracts the Roadmap's action catalogue, pillars, timeframe and priorities from the PDF-to-text conversion in
 * `source/` and writes them as committed JSON under `src/catalogue/data/`.
 *
 * The conversion breaks tables at page breaks, drops footnotes into the middle of tables, renders one continuation as
 * plain Markdown and loses bullet marks in some cells. Every departure from the source that this makes is written to
 * `normalisations.json` with its line number, so the completeness test can account for every word of every table.
 *
 * Usage: tsx scripts/extract-catalogue.ts [--source <file>] [--out <dir>]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  ActionArea,
  ActionKind,
  NamedText,
  Pillar,
  ReadinessTier,
  SubAction,
  Term,
} from '../src/catalogue/types';
import type { Normalisation, NormalisationCategory, Priority, Timeframe } from '../src/catalogue/extra-types';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SOURCE = resolve(packageRoot, 'source/asean-responsible-ai-roadmap-2025-2030.txt');
export const DEFAULT_OUT_DIR = resolve(packageRoot, 'src/catalogue/data');

const TABLE_HEADER = /^Action Area\tTarget Area\(s\)\t/;
const SEPARATOR_ROW = /^[-\t ]+$/;
const FOOTNOTE = /^[¹²³⁴⁵⁶⁷⁸⁹⁰]+ /;
/** A footnote whose URL the conversion wrapped onto its own line. */
const FOOTNOTE_URL_CONTINUATION = /^<https?:\/\//;
/** Headings that end an action area's table region. */
const REGION_END_HEADING =
  /^(CROSS-CUTTING PILLAR \d|TARGETED PILLAR \d|TARGETED ROADMAP|['‘](ADVANCED|PROMISING|EMERGING)['’] AI ECOSYSTEMS|CONCLUSION)/;
const TIER_HEADING = /^['‘](ADVANCED|PROMISING|EMERGING)['’] AI ECOSYSTEMS$/;
const TERM_LABEL = /^(Short|Medium|Long)-[Tt]erm:\s*(.*)$/s;
const MEASURES_LABEL = 'General measures of progress include:';
const CRITERIA_LABEL =
  /^Achieving this milestone can increase AMS' score for the following questions? in the benchmarking framework:/;
const SUB_ACTION_ID = /^([CAPE]\d\.\d+)(\.\d+)?\s+(.+)$/s;
const ABBREVIATIONS = new Set([
  'e.g.',
  'i.e.',
  'etc.',
  'U.S.',
  'U.K.',
  'vs.',
  'No.',
  'Dr.',
  'Mr.',
  'Ms.',
  'St.',
  'Inc.',
  'Ltd.',
]);

/**
 * The one continuation the conversion rendered as Markdown paragraphs instead of a table row (C1.1.1, lines 322–333).
 * Its column cannot be read from the layout, so it is stated here and checked against the text.
 */
const MARKDOWN_CONTINUATION: Record<number, { column: Column; startsWith: string }> = {
  322: { column: 'milestones', startsWith: 'participants and stakeholders' },
  324: { column: 'milestones', startsWith: 'Long-Term:' },
  326: { column: 'milestones', startsWith: '- Expand the reach' },
  327: { column: 'milestones', startsWith: '- Continuously enhance' },
  329: { column: 'measures', startsWith: '- **Employment Outcomes:**' },
  330: { column: 'measures', startsWith: '- **Industry Adoption of AI:**' },
  331: { column: 'measures', startsWith: '- **Industry Engagement:**' },
  332: { column: 'measures', startsWith: '- **Inclusivity and Diversity:**' },
  333: { column: 'measures', startsWith: '- **Regional Distribution' },
};

type Column = 'subAction' | 'targetAreas' | 'milestones' | 'measures' | 'caseStudies';
const COLUMNS: Column[] = ['subAction', 'targetAreas', 'milestones', 'measures', 'caseStudies'];
/** Continuation rows with four cells have lost the (empty) measures cell; the rest keep their order. */
const FOUR_CELL_COLUMNS: Column[] = ['subAction', 'targetAreas', 'milestones', 'caseStudies'];

interface SourcePart {
  line: number;
  text: string;
}

/** A paragraph, a bulleted list item, or an unbulleted run of text whose items the conversion ran together. */
interface Block {
  kind: 'paragraph' | 'item' | 'run';
  parts: SourcePart[];
}

const blockText = (block: Block): string => block.parts.map((part) => part.text).join(' ');
const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
const stripInline = (text: string): string => text.replace(/<\/?(i|u)>/g, '');
/** Prose outside the tables is Markdown; its *emphasis* marks are formatting, not text. */
const stripEmphasis = (text: string): string => text.replace(/\*([^*]+)\*/g, '$1');

class NormalisationLog {
  readonly entries: Normalisation[] = [];
  add(entry: {
    line: number;
    category: NormalisationCategory;
    actionAreaId: string;
    subActionId?: string | null;
    change: string;
    reason: string;
    removedText?: string;
    insertedText?: string;
  }): void {
    const normalisation: Normalisation = {
      line: entry.line,
      category: entry.category,
      actionAreaId: entry.actionAreaId,
      subActionId: entry.subActionId ?? null,
      change: entry.change,
      reason: entry.reason,
    };
    if (entry.removedText !== undefined) normalisation.removedText = entry.removedText;
    if (entry.insertedText !== undefined) normalisation.insertedText = entry.insertedText;
    this.entries.push(normalisation);
  }
}

/** Splits one table cell's HTML-ish markup into blocks, remembering the source line of every piece of text. */
export function parseCell(cell: string, line: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let inParagraph = false;
  const flush = () => {
    if (current && collapse(blockText(current)) !== '') blocks.push(current);
    current = null;
  };
  for (const token of stripInline(cell).split(/(<p>|<\/p>|<ul[^>]*>|<\/ul>|●|•)/)) {
    if (token === '<p>') {
      flush();
      inParagraph = true;
    } else if (token === '</p>') {
      flush();
      inParagraph = false;
    } else if (token.startsWith('<ul') || token === '</ul>') {
      flush();
      inParagraph = false;
    } else if (token === '●' || token === '•') {
      flush();
      current = { kind: 'item', parts: [] };
    } else {
      const text = collapse(token);
      if (text === '') continue;
      if (!current) current = { kind: inParagraph ? 'paragraph' : 'run', parts: [] };
      current.parts.push({ line, text });
    }
  }
  flush();
  return blocks;
}

/** Turns a Markdown continuation line ("- **Name:** text", "Long-Term:", plain text) into one block. */
function parseMarkdownLine(text: string, line: number): Block {
  const bullet = /^- /.test(text);
  const body = collapse(text.replace(/^- /, '').replace(/\*\*/g, ''));
  return { kind: bullet ? 'item' : 'run', parts: [{ line, text: body }] };
}

/** A footnote marker may follow the full stop ("…assessment processes.¹⁹⁵"). */
const endsSentence = (text: string): boolean => /[.?!:]["”’)]?[¹²³⁴⁵⁶⁷⁸⁹⁰]*$/.test(text);

/** Splits an unbulleted run of milestones into sentences; each sentence is one milestone in the bulleted cells. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.?!]["”’)]?\s+(?=[A-Z])/g;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[0].trimEnd().length;
    const lastWord = text.slice(start, end).split(/\s+/).pop() ?? '';
    if (ABBREVIATIONS.has(lastWord) || /^[A-Z]\.$/.test(lastWord)) continue;
    sentences.push(text.slice(start, end));
    start = match.index + match[0].length;
  }
  sentences.push(text.slice(start));
  return sentences.map(collapse).filter((sentence) => sentence !== '');
}

const NAME_PREFIX = /^([^.:?!]{1,200}?):\s/;
/** Names in the source run to 19 words ("Active Participation in Shaping the ASEAN Governance Guidelines …"). */
const MAX_NAME_WORDS = 24;
/** Inside an unbulleted run a new entry is only recognised by a short name, so that a colon mid-sentence is not one. */
const MAX_RUN_NAME_WORDS = 12;
const isName = (candidate: string, maxWords = MAX_NAME_WORDS): boolean =>
  /^[A-Z0-9(]/.test(candidate) && candidate.split(/\s+/).length <= maxWords && !/[.?!;]/.test(candidate);
/** A paragraph such as "Risk Mitigation Strategies:" that titles the entries after it. */
const isListHeading = (text: string): boolean =>
  /:$/.test(text) && isName(text.slice(0, -1), MAX_RUN_NAME_WORDS);

/** Splits an unbulleted run of "Name: text" items at each sentence that starts with a new name. */
export function splitNamedRun(text: string): string[] {
  const items: string[] = [];
  let start = 0;
  const boundary = /[.?!]["”’)]?\s+(?=[A-Z0-9(])/g;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const next = match.index + match[0].length;
    const prefix = NAME_PREFIX.exec(text.slice(next));
    if (!prefix?.[1] || !isName(prefix[1], MAX_RUN_NAME_WORDS)) continue;
    items.push(text.slice(start, next));
    start = next;
  }
  items.push(text.slice(start));
  return items.map(collapse).filter((item) => item !== '');
}

/** "Name: text" → { name, text }; text that does not open with a short name keeps an empty name. */
export function toNamedText(item: string): NamedText {
  const prefix = NAME_PREFIX.exec(item);
  if (prefix?.[1] && isName(prefix[1])) return { name: prefix[1], text: item.slice(prefix[0].length) };
  return { name: '', text: item };
}

interface RawSubAction {
  id: string;
  title: string;
  line: number;
  columns: Record<Exclude<Column, 'subAction'>, Block[]>;
}

interface RawActionArea {
  id: string;
  title: string;
  tier: ReadinessTier | null;
  headerLine: number;
  objectives: Block[];
  subActions: RawSubAction[];
}

function kindOf(id: string): ActionKind {
  return id.startsWith('C') ? 'cross-cutting' : 'targeted';
}

function tierOf(id: string): ReadinessTier | null {
  const tiers: Record<string, ReadinessTier> = { A: 'advanced', P: 'promising', E: 'emerging' };
  return tiers[id.charAt(0)] ?? null;
}

/** Appends a continuation's blocks to a column, rejoining text the page break cut mid-sentence. */
function appendContinuation(
  target: Block[],
  incoming: Block[],
  log: NormalisationLog,
  context: { actionAreaId: string; subActionId: string; column: Column },
): void {
  const [first, ...rest] = incoming;
  if (!first) return;
  const previous = target[target.length - 1];
  const firstText = blockText(first);
  const previousText = previous ? blockText(previous) : '';
  // An explicit bullet always opens a new entry; only unmarked text can be the tail of a cut sentence.
  const cutSentence =
    first.kind !== 'item' &&
    previous !== undefined &&
    !TERM_LABEL.test(previousText) &&
    (!endsSentence(previousText) || /^[a-z]/.test(firstText));
  if (previous && cutSentence) {
    previous.parts.push(...first.parts);
    log.add({
      line: first.parts[0]?.line ?? 0,
      category: 'page-break-split-rejoined',
      actionAreaId: context.actionAreaId,
      subActionId: context.subActionId,
      change: `Joined "${firstText.slice(0, 60)}…" to the preceding ${context.column} entry.`,
      reason:
        'A page break split this table cell mid-sentence; the continuation row carries the rest of the sentence.',
    });
  } else {
    target.push(first);
  }
  target.push(...rest);
}

function readRegions(lines: string[], log: NormalisationLog): RawActionArea[] {
  const areas: RawActionArea[] = [];
  let tier: ReadinessTier | null = null;
  let area: RawActionArea | null = null;
  let subAction: RawSubAction | null = null;
  let previousFootnote: number | null = null;

  lines.forEach((rawLine, index) => {
    const lineNumber = index + 1;
    const line = rawLine.replace(/\r$/, '');
    const tierHeading = TIER_HEADING.exec(line);
    if (tierHeading?.[1]) tier = tierHeading[1].toLowerCase() as ReadinessTier;
    if (/^CROSS-CUTTING PILLAR \d/.test(line)) tier = null;
    if (TABLE_HEADER.test(line)) {
      area = { id: '', title: '', tier, headerLine: lineNumber, objectives: [], subActions: [] };
      areas.push(area);
      subAction = null;
      return;
    }
    if (!area) return;
    const current: RawActionArea = area;
    if (REGION_END_HEADING.test(line)) {
      area = null;
      subAction = null;
      return;
    }
    if (line.trim() === '') return;

    if (
      FOOTNOTE.test(line) ||
      (FOOTNOTE_URL_CONTINUATION.test(line) && previousFootnote === lineNumber - 2)
    ) {
      previousFootnote = lineNumber;
      log.add({
        line: lineNumber,
        category: 'footnote-moved-out-of-table',
        actionAreaId: current.id,
        subActionId: subAction?.id ?? null,
        change: 'Footnote text left out of the table cells (its marker stays in the text it annotates).',
        reason: 'The PDF conversion placed the page footnotes between the rows of the table.',
        removedText: collapse(line),
      });
      return;
    }
    if (SEPARATOR_ROW.test(line)) {
      log.add({
        line: lineNumber,
        category: 'page-break-separator-dropped',
        actionAreaId: current.id,
        subActionId: subAction?.id ?? null,
        change: 'Dropped a Markdown table separator row.',
        reason:
          'The conversion emits a separator where a table resumes after a page break; it carries no text.',
      });
      return;
    }

    const markdown = MARKDOWN_CONTINUATION[lineNumber];
    if (!line.includes('\t')) {
      if (!markdown || !line.startsWith(markdown.startsWith) || !subAction) {
        throw new Error(
          `Line ${lineNumber}: unexpected text inside the table region of ${current.id}: ${line.slice(0, 80)}`,
        );
      }
      const column = markdown.column as Exclude<Column, 'subAction'>;
      log.add({
        line: lineNumber,
        category: 'continuation-outside-table',
        actionAreaId: current.id,
        subActionId: subAction.id,
        change: `Read this Markdown line as a continuation of the ${column} cell of ${subAction.id}.`,
        reason:
          'After a page break the conversion rendered the rest of this row as paragraphs and bullets, not a table row.',
      });
      appendContinuation(subAction.columns[column], [parseMarkdownLine(line, lineNumber)], log, {
        actionAreaId: current.id,
        subActionId: subAction.id,
        column,
      });
      return;
    }

    const cells = line.split('\t');
    const first = collapse(stripInline(cells[0] ?? '').replace(/<\/?p>/g, ''));
    if (first === 'Key Action Area') {
      const match = /^([CAPE]\d\.\d+)\s+(.+)$/s.exec(collapse(stripInline(cells[1] ?? '')));
      if (!match?.[1] || !match[2]) throw new Error(`Line ${lineNumber}: cannot read the action area id`);
      current.id = match[1];
      current.title = match[2];
      return;
    }
    if (first === 'Objective(s)') {
      current.objectives = parseCell(cells[1] ?? '', lineNumber);
      return;
    }
    if (first !== '') {
      const match = SUB_ACTION_ID.exec(first);
      if (!match?.[1] || !match[3])
        throw new Error(`Line ${lineNumber}: cannot read a sub-action id from "${first}"`);
      if (match[1] !== current.id)
        throw new Error(`Line ${lineNumber}: sub-action ${first} outside ${current.id}`);
      let id = `${match[1]}${match[2] ?? ''}`;
      if (!match[2]) {
        id = `${current.id}.${current.subActions.length + 1}`;
        log.add({
          line: lineNumber,
          category: 'misnumbered-sub-action-id',
          actionAreaId: current.id,
          subActionId: id,
          change: `Sub-action id "${match[1]}" corrected to "${id}".`,
          reason: `The source numbers this sub-action with its action area's id; it is sub-action ${current.subActions.length + 1} of ${current.id}.`,
          removedText: match[1],
          insertedText: id,
        });
      }
      const previous: RawSubAction | null = subAction;
      subAction = {
        id,
        title: match[3],
        line: lineNumber,
        columns: { targetAreas: [], milestones: [], measures: [], caseStudies: [] },
      };
      current.subActions.push(subAction);
      COLUMNS.forEach((column, cellIndex) => {
        if (column === 'subAction' || !subAction) return;
        let blocks = parseCell(cells[cellIndex] ?? '', lineNumber);
        const duplicated = previous ? lastRowDuplicate(previous.columns[column], blocks) : null;
        if (duplicated && previous) {
          log.add({
            line: lineNumber,
            category: 'duplicated-continuation-dropped',
            actionAreaId: current.id,
            subActionId: id,
            change: `Dropped the opening of the ${column} cell of ${id}, which repeats the end of ${previous.id}.`,
            reason: `The conversion copied the page-break continuation of ${previous.id} into the next row as well.`,
            removedText: duplicated,
          });
          blocks = blocks.slice(1);
        }
        subAction.columns[column].push(...blocks);
      });
      return;
    }

    // A continuation row: the rest of the current sub-action's cells after a page break.
    if (!subAction)
      throw new Error(`Line ${lineNumber}: continuation row before any sub-action in ${current.id}`);
    const open: RawSubAction = subAction;
    let columns = COLUMNS;
    if (cells.length === 4) {
      columns = FOUR_CELL_COLUMNS;
      log.add({
        line: lineNumber,
        category: 'continuation-row-realigned',
        actionAreaId: current.id,
        subActionId: open.id,
        change: 'Read the fourth cell as the case-study column.',
        reason:
          'This continuation row has four cells: the conversion dropped the empty measures cell, shifting the case studies left.',
      });
    } else if (cells.length !== 5) {
      throw new Error(`Line ${lineNumber}: continuation row with ${cells.length} cells`);
    }
    columns.forEach((column, cellIndex) => {
      const cell = cells[cellIndex] ?? '';
      if (column === 'subAction') {
        if (collapse(cell) !== '')
          throw new Error(`Line ${lineNumber}: continuation row with a sub-action cell`);
        return;
      }
      appendContinuation(open.columns[column], parseCell(cell, lineNumber), log, {
        actionAreaId: current.id,
        subActionId: open.id,
        column,
      });
    });
  });
  return areas;
}

/** If a new row's cell opens with text the previous row's continuation already ended with, returns that text. */
function lastRowDuplicate(previousColumn: Block[], incoming: Block[]): string | null {
  const last = previousColumn[previousColumn.length - 1];
  const first = incoming[0];
  if (!last || !first) return null;
  const firstText = blockText(first);
  return firstText.length > 40 && blockText(last).endsWith(firstText) ? firstText : null;
}

function toNamedList(
  blocks: Block[],
  log: NormalisationLog,
  context: { actionAreaId: string; subActionId: string | null; what: string },
): NamedText[] {
  const named: NamedText[] = [];
  for (const block of blocks) {
    const text = blockText(block);
    if (block.kind === 'paragraph' && isListHeading(text)) {
      named.push({ name: text.slice(0, -1), text: '' });
      log.add({
        line: block.parts[0]?.line ?? 0,
        category: 'list-heading-kept-as-entry',
        actionAreaId: context.actionAreaId,
        subActionId: context.subActionId,
        change: `Kept the heading "${text}" as an entry of the ${context.what} with a name and no text.`,
        reason:
          'The source groups the entries after it under this heading; the catalogue has no field for groups.',
      });
      continue;
    }
    const items = block.kind === 'run' ? splitNamedRun(text) : [text];
    if (items.length > 1) {
      log.add({
        line: block.parts[0]?.line ?? 0,
        category: 'unbulleted-list-split',
        actionAreaId: context.actionAreaId,
        subActionId: context.subActionId,
        change: `Split an unbulleted run into ${items.length} ${context.what}, one per "Name:" heading.`,
        reason:
          'The conversion lost the bullet marks of this list; each entry opens with a short name and a colon.',
      });
    }
    for (const item of items) {
      const entry = toNamedText(item);
      if (entry.name === '') {
        log.add({
          line: block.parts[0]?.line ?? 0,
          category: 'unnamed-item',
          actionAreaId: context.actionAreaId,
          subActionId: context.subActionId,
          change: `Kept an entry of the ${context.what} with an empty name: "${item.slice(0, 60)}…".`,
          reason: 'The source gives this entry no "Name:" heading.',
        });
      }
      named.push(entry);
    }
  }
  return named;
}

function toMilestones(
  blocks: Block[],
  log: NormalisationLog,
  context: { actionAreaId: string; subActionId: string },
) {
  const milestones: Record<Term, string[]> = { short: [], medium: [], long: [] };
  let term: Term | null = null;
  for (const block of blocks) {
    const text = blockText(block);
    const label = TERM_LABEL.exec(text);
    if (label?.[1] && block.kind !== 'item') {
      term = label[1].toLowerCase() as Term;
      const subtitle = collapse(label[2] ?? '');
      if (subtitle !== '') {
        milestones[term].push(subtitle);
        log.add({
          line: block.parts[0]?.line ?? 0,
          category: 'list-heading-kept-as-entry',
          actionAreaId: context.actionAreaId,
          subActionId: context.subActionId,
          change: `Kept the ${term}-term heading's subtitle "${subtitle}" as the term's first milestone.`,
          reason: "The source titles this term's milestones; the catalogue has no field for a term title.",
        });
      }
      continue;
    }
    // Milestone headings sometimes lack the colon ("Research and Innovation Centers for Responsible AI").
    if (term && block.kind === 'paragraph' && (isListHeading(text) || isName(text, MAX_RUN_NAME_WORDS))) {
      milestones[term].push(text);
      log.add({
        line: block.parts[0]?.line ?? 0,
        category: 'list-heading-kept-as-entry',
        actionAreaId: context.actionAreaId,
        subActionId: context.subActionId,
        change: `Kept the heading "${text}" as a ${term}-term milestone.`,
        reason:
          'The source groups the milestones after it under this heading; the catalogue has no field for groups.',
      });
      continue;
    }
    if (!term)
      throw new Error(`${context.subActionId}: milestone before any term label: ${text.slice(0, 80)}`);
    const items = block.kind === 'run' ? splitSentences(text) : [text];
    if (items.length > 1) {
      log.add({
        line: block.parts[0]?.line ?? 0,
        category: 'unbulleted-list-split',
        actionAreaId: context.actionAreaId,
        subActionId: context.subActionId,
        change: `Split an unbulleted run of ${term}-term milestones into ${items.length} milestones, one per sentence.`,
        reason:
          'The conversion lost the bullet marks of this list; in the bulleted cells each milestone is a sentence.',
      });
    }
    milestones[term].push(...items);
  }
  return milestones;
}

function toMeasures(
  blocks: Block[],
  log: NormalisationLog,
  context: { actionAreaId: string; subActionId: string },
): { measures: NamedText[]; linkedCriteria: `Q${number}`[] } {
  const measureBlocks: Block[] = [];
  const criteriaBlocks: Block[] = [];
  for (const block of blocks) {
    const text = blockText(block);
    if (text === MEASURES_LABEL) continue;
    if (CRITERIA_LABEL.test(text) || criteriaBlocks.length > 0) criteriaBlocks.push(block);
    else measureBlocks.push(block);
  }
  const criteriaText = criteriaBlocks.map(blockText).join(' ');
  const linkedCriteria = [
    ...new Set([...criteriaText.matchAll(/\bQ(\d{1,2})\.\s/g)].map((match) => Number(match[1]))),
  ]
    .sort((a, b) => a - b)
    .map((n) => `Q${n}` as const);
  const byLine = new Map<number, string[]>();
  for (const part of criteriaBlocks.flatMap((block) => block.parts)) {
    byLine.set(part.line, [...(byLine.get(part.line) ?? []), part.text]);
  }
  for (const [line, texts] of byLine) {
    log.add({
      line,
      category: 'criterion-text-reduced-to-id',
      actionAreaId: context.actionAreaId,
      subActionId: context.subActionId,
      change: `Recorded the readiness criteria this sub-action can raise as ids (${linkedCriteria.join(', ')}) instead of text.`,
      reason:
        'The criteria are quoted from the readiness self-assessment (Annex); the catalogue links them by id.',
      removedText: texts.join(' '),
    });
  }
  return {
    measures: toNamedList(measureBlocks, log, { ...context, what: 'measures of progress' }),
    linkedCriteria,
  };
}

function buildActionArea(raw: RawActionArea, log: NormalisationLog): ActionArea {
  const kind = kindOf(raw.id);
  const tier = tierOf(raw.id);
  if (tier !== raw.tier) throw new Error(`${raw.id} sits under the ${raw.tier ?? 'cross-cutting'} heading`);
  const subActions: SubAction[] = raw.subActions.map((sub) => {
    const context = { actionAreaId: raw.id, subActionId: sub.id };
    const { measures, linkedCriteria } = toMeasures(sub.columns.measures, log, context);
    return {
      id: sub.id,
      title: sub.title,
      targetAreas: toNamedList(sub.columns.targetAreas, log, { ...context, what: 'target areas' }),
      milestones: toMilestones(sub.columns.milestones, log, context),
      measures,
      caseStudies: sub.columns.caseStudies.map(blockText),
      linkedCriteria,
    };
  });
  return {
    id: raw.id,
    kind,
    pillar: Number(raw.id.charAt(1)),
    tier,
    title: raw.title,
    objectives: toNamedList(raw.objectives, log, {
      actionAreaId: raw.id,
      subActionId: null,
      what: 'objectives',
    }),
    subActions,
  };
}

/** Ids and short titles from the overview tables (Table 4 and Table 5), to check the detailed sections against. */
function readOverviewTitles(lines: string[]): Map<string, string> {
  const titles = new Map<string, string>();
  const table4 = lines.findIndex((line) =>
    line.startsWith('Table 4. Overview of Key Cross-Cutting Action Areas'),
  );
  const table5 = lines.findIndex((line) => line.startsWith('Table 5. Overview of Key Targeted Action Areas'));
  if (table4 < 0 || table5 < 0) throw new Error('Cannot find Tables 4 and 5');
  for (const line of [...lines.slice(table4, table4 + 6), ...lines.slice(table5, table5 + 8)]) {
    for (const match of stripInline(line).matchAll(/<p>([CAPE]\d\.\d+) ([^<]+)<\/p>/g)) {
      if (match[1] && match[2]) titles.set(match[1], collapse(match[2]));
    }
  }
  return titles;
}

function readPillars(lines: string[]): Pillar[] {
  const pillars: Pillar[] = [];
  const read = (kind: ActionKind, heading: string, label: string) => {
    const start = lines.findIndex((line) => line.startsWith(heading));
    for (const line of lines.slice(start, start + 12)) {
      const match = new RegExp(`^\\d\\. \\*\\*${label} (\\d): (.+?)\\*\\* – (.+)$`).exec(line);
      if (match?.[1] && match[2] && match[3]) {
        pillars.push({
          kind,
          number: Number(match[1]),
          name: match[2],
          description: collapse(stripEmphasis(match[3])),
        });
      }
    }
  };
  read('cross-cutting', 'Each action area focuses on four key pillars', 'Cross-Cutting Pillar');
  read('targeted', 'For each readiness tier, the steps and actions are structured', 'Targeted Pillar');
  if (pillars.length !== 8) throw new Error(`Expected 8 pillars, read ${pillars.length}`);
  return pillars;
}

function readTimeframe(lines: string[]): Timeframe {
  const header = lines.findIndex((line) => /^\t2025\t2026\t2027\t2028\t2029\t2030$/.test(line.trimEnd()));
  if (header < 0) throw new Error('Cannot find Table 2');
  const years = (lines[header] ?? '').trim().split('\t').map(Number);
  const terms = lines.slice(header + 1, header + 4).map((line) => {
    const [label = '', ...marks] = line.split('\t');
    const term = /^(Short|Medium|Long) Term$/.exec(label)?.[1]?.toLowerCase() as Term | undefined;
    if (!term) throw new Error(`Unexpected Table 2 row: ${line}`);
    return { term, label, years: years.filter((_, index) => marks[index]?.trim() === '◆') };
  });
  const notes = lines
    .slice(header + 4, header + 12)
    .filter((line) => /^(It is important to note that this timeframe|As such, this timeframe)/.test(line))
    .map(collapse);
  return { years, terms, notes };
}

function readPriorities(lines: string[], overviewTitles: Map<string, string>): Priority[] {
  const start = lines.findIndex((line) =>
    line.includes("eight of the Roadmap's action areas stand out as key priorities"),
  );
  const priorities: Priority[] = [];
  for (const line of lines.slice(start + 1, start + 12)) {
    const match = /^(\d)\. \*\*(.+?):\*\* (.+)$/.exec(line);
    if (!match?.[1] || !match[2] || !match[3]) continue;
    const title = match[2];
    const key = title.toLowerCase();
    const actionAreaId = [...overviewTitles].find(([, overview]) => overview.toLowerCase() === key)?.[0];
    if (!actionAreaId) throw new Error(`Priority "${title}" names no action area`);
    priorities.push({
      rank: Number(match[1]),
      title,
      description: collapse(stripEmphasis(match[3])),
      actionAreaId,
    });
  }
  if (priorities.length !== 8) throw new Error(`Expected 8 priorities, read ${priorities.length}`);
  return priorities;
}

export interface ExtractedCatalogue {
  catalogue: { actionAreas: ActionArea[] };
  pillars: Pillar[];
  timeframe: Timeframe;
  priorities: Priority[];
  normalisations: Normalisation[];
}

export function extractCatalogue(sourceText: string): ExtractedCatalogue {
  const lines = sourceText.split('\n');
  const log = new NormalisationLog();
  const actionAreas = readRegions(lines, log).map((raw) => buildActionArea(raw, log));
  const overviewTitles = readOverviewTitles(lines);
  const detailedIds = actionAreas.map((area) => area.id);
  const missing = [...overviewTitles.keys()].filter((id) => !detailedIds.includes(id));
  const extra = detailedIds.filter((id) => !overviewTitles.has(id));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `Tables 4/5 and the detailed sections disagree: missing ${missing.join()} extra ${extra.join()}`,
    );
  }
  const normalisations = [...log.entries].sort((a, b) => a.line - b.line);
  return {
    catalogue: { actionAreas },
    pillars: readPillars(lines),
    timeframe: readTimeframe(lines),
    priorities: readPriorities(lines, overviewTitles),
    normalisations,
  };
}

export function writeCatalogue(extracted: ExtractedCatalogue, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const write = (name: string, value: unknown) =>
    writeFileSync(resolve(outDir, name), `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  write('catalogue.json', extracted.catalogue);
  write('pillars.json', extracted.pillars);
  write('timeframe.json', extracted.timeframe);
  write('priorities.json', extracted.priorities);
  write('normalisations.json', extracted.normalisations);
}

function main(argv: string[]): void {
  const option = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const source = resolve(option('--source') ?? DEFAULT_SOURCE);
  const outDir = resolve(option('--out') ?? DEFAULT_OUT_DIR);
  const extracted = extractCatalogue(readFileSync(source, 'utf8'));
  writeCatalogue(extracted, outDir);
  const subActions = extracted.catalogue.actionAreas.flatMap((area) => area.subActions);
  console.log(
    `Wrote ${extracted.catalogue.actionAreas.length} action areas, ${subActions.length} sub-actions and ` +
      `${extracted.normalisations.length} normalisations to ${outDir}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
