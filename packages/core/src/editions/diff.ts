/**
 * Differences between two editions of the Roadmap catalogue.
 *
 * The diff itself is jsdiff's (the `diff` package) rather than a hand-written LCS: its Myers O(ND) algorithm is fast on
 * the mostly-similar texts editions produce, it is widely used and maintained, and it caps the work on two unrelated
 * texts (`maxEditLength`). We give it word tokens of our own (`diffArrays`) instead of calling `diffWords`, for two
 * reasons measured on the whole catalogue: `diffWords` with an `Intl.Segmenter` — needed for Thai, Lao, Khmer and
 * Burmese, written without spaces between words — is about ten times slower than a regular expression, so the segmenter
 * is used only for text in those scripts; and the common beginning and end of two texts are set aside before
 * tokenising, so a one-word change in a long case study costs a few tokens, not the whole paragraph.
 *
 * Only fields whose text differs are diffed (string equality first), and each field on its own, never the whole JSON,
 * so comparing two complete editions costs little more than the changed text.
 */
import { diffArrays } from 'diff';
import type { ActionArea, Catalogue, CriterionId, NamedText, SubAction, Term } from '../catalogue/types';
import { TERMS } from './edits';

export type TextPart = { type: 'equal' | 'insert' | 'delete'; value: string };
/** A word-level diff: concatenating the parts that are not `insert` gives the old text, not `delete` the new one. */
export type TextDiff = TextPart[];

/** Past this many token edits two texts are treated as unrelated: shown as the old text removed and the new one added. */
const MAX_EDIT_LENGTH = 1_000;

/** Scripts written without spaces between words, which need a dictionary-based segmenter to find words. */
const UNSPACED_SCRIPT = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u3040-\u30ff\u3400-\u9fff]/u;
/**
 * Words and single punctuation marks; whitespace is not a token. Punctuation is listed (ASCII, Latin-1 quotes, general
 * and CJK punctuation) rather than matched with Unicode properties, which is several times slower on the whole catalogue.
 */
const PUNCTUATION = '!-\\/:-@\\[-`{-~\u00a1\u00ab\u00b7\u00bb\u00bf\u2010-\u2027\u2030-\u205e\u3000-\u303f';
const TOKEN = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'g');
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Whitespace is left out of the tokens and put back from the texts afterwards: as a token of its own, a space would be
 * matched between two changed words and split one change into fragments.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  if (!UNSPACED_SCRIPT.test(text)) {
    for (const match of text.matchAll(TOKEN))
      tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
    return tokens;
  }
  for (const segment of segmenter.segment(text)) {
    if (!segment.segment.trim()) continue;
    tokens.push({ text: segment.segment, start: segment.index, end: segment.index + segment.segment.length });
  }
  return tokens;
}

const isSpace = (character: string | undefined) => character !== undefined && /\s/.test(character);

/** Length of the common beginning, cut back to just after a space so no word is split. */
function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let length = 0;
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  if (length === a.length && length === b.length) return length;
  while (length > 0 && !isSpace(a[length - 1])) length--;
  return length;
}

/** Length of the common end (not overlapping `prefix`), cut back to just before a space. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let length = 0;
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length))
    length++;
  while (length > 0 && !isSpace(a[a.length - length])) length--;
  return length;
}

function push(parts: TextDiff, type: TextPart['type'], value: string): void {
  if (!value) return;
  const last = parts[parts.length - 1];
  if (last?.type === type) last.value += value;
  else parts.push({ type, value });
}

/**
 * Between two unchanged words, shows every removed word first and every added word after, with the spaces between
 * changed words counted as changed: "~~a~~ ~~regional~~ __an__ __inclusive__" reads better than alternating fragments.
 * Whitespace that both sides end with goes back to the unchanged text that follows.
 */
function tidy(raw: TextDiff): TextDiff {
  const parts: TextDiff = [];
  let deleted = '';
  let inserted = '';
  const flush = (next: string) => {
    let shared = '';
    while (deleted && inserted && isSpace(deleted.at(-1)) && deleted.at(-1) === inserted.at(-1)) {
      shared = (deleted.at(-1) as string) + shared;
      deleted = deleted.slice(0, -1);
      inserted = inserted.slice(0, -1);
    }
    push(parts, 'delete', deleted);
    push(parts, 'insert', inserted);
    push(parts, 'equal', shared + next);
    deleted = '';
    inserted = '';
  };
  raw.forEach((part, at) => {
    if (part.type === 'delete') deleted += part.value;
    else if (part.type === 'insert') inserted += part.value;
    else if ((deleted || inserted) && !part.value.trim() && raw[at + 1] && raw[at + 1]?.type !== 'equal') {
      deleted += part.value;
      inserted += part.value;
    } else flush(part.value);
  });
  flush('');
  return parts;
}

/** Word-level diff of one field. Identical texts give one `equal` part (none when both are empty). */
export function diffText(before: string, after: string): TextDiff {
  if (before === after) return before ? [{ type: 'equal', value: before }] : [];
  if (!before) return [{ type: 'insert', value: after }];
  if (!after) return [{ type: 'delete', value: before }];
  const prefix = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, prefix);
  const oldMiddle = before.slice(prefix, before.length - suffix);
  const newMiddle = after.slice(prefix, after.length - suffix);
  const oldTokens = tokenize(oldMiddle);
  const newTokens = tokenize(newMiddle);
  const changes = diffArrays(
    oldTokens.map((token) => token.text),
    newTokens.map((token) => token.text),
    { maxEditLength: MAX_EDIT_LENGTH },
  );
  if (!changes)
    return [
      { type: 'delete', value: before },
      { type: 'insert', value: after },
    ];
  const raw: TextDiff = [];
  push(raw, 'equal', before.slice(0, prefix));
  // Walk both middles: each change covers a run of tokens; the text before a run (whitespace) and the run itself are
  // equal when both sides have the same text there, else deleted on one side and inserted on the other.
  let oldAt = 0;
  let newAt = 0;
  let oldToken = 0;
  let newToken = 0;
  const take = (side: 'old' | 'new', count: number): { gap: string; run: string } => {
    const [text, tokens, first, at] =
      side === 'old' ? [oldMiddle, oldTokens, oldToken, oldAt] : [newMiddle, newTokens, newToken, newAt];
    const start = (tokens[first] as Token).start;
    const end = (tokens[first + count - 1] as Token).end;
    if (side === 'old') [oldAt, oldToken] = [end, first + count];
    else [newAt, newToken] = [end, first + count];
    return { gap: text.slice(at, start), run: text.slice(start, end) };
  };
  const same = (
    type: 'gap' | 'run',
    old: { gap: string; run: string },
    fresh: { gap: string; run: string },
  ) => {
    if (old[type] === fresh[type]) push(raw, 'equal', old[type]);
    else {
      push(raw, 'delete', old[type]);
      push(raw, 'insert', fresh[type]);
    }
  };
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed) {
      const old = take('old', count);
      push(raw, 'delete', old.gap + old.run);
    } else if (change.added) {
      const fresh = take('new', count);
      push(raw, 'insert', fresh.gap + fresh.run);
    } else {
      const old = take('old', count);
      const fresh = take('new', count);
      same('gap', old, fresh);
      same('run', old, fresh);
    }
  }
  same('gap', { gap: oldMiddle.slice(oldAt), run: '' }, { gap: newMiddle.slice(newAt), run: '' });
  push(raw, 'equal', before.slice(before.length - suffix));
  return tidy(raw);
}

/** Share of the longer text that a diff leaves unchanged (0 … 1). */
function similarity(diff: TextDiff, before: string, after: string): number {
  const kept = diff.reduce((sum, part) => (part.type === 'equal' ? sum + part.value.trim().length : sum), 0);
  return kept / Math.max(before.trim().length, after.trim().length, 1);
}

/** Below this, a removed and an added entry at the same place are shown as one removed and one added, not as an edit. */
const SAME_ENTRY_SIMILARITY = 0.3;

export type EntryChange =
  | { status: 'added'; index: number; name: string; text: string }
  | { status: 'removed'; index: number; name: string; text: string }
  /** `index` in the earlier edition, `newIndex` in the later one; `name` is one equal part when it did not change. */
  | { status: 'changed'; index: number; newIndex: number; name: TextDiff; text: TextDiff };

type Entry = NamedText;

const asEntries = (texts: readonly string[]): Entry[] => texts.map((text) => ({ name: '', text }));
const sameEntry = (a: Entry, b: Entry) => a.name === b.name && a.text === b.text;

/**
 * Compares two lists entry by entry: entries that stayed are matched first (longest common subsequence over whole
 * entries, so an insertion does not make every later entry look changed); within each stretch that differs, a removed
 * entry is paired with an added one of the same name, else with the next added one if enough of its words survived;
 * what is left is added or removed.
 */
export function diffEntries(before: readonly Entry[], after: readonly Entry[]): EntryChange[] {
  if (before.length === after.length && before.every((entry, at) => sameEntry(entry, after[at] as Entry)))
    return [];
  const changes: EntryChange[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  let removed: { entry: Entry; index: number }[] = [];
  let added: { entry: Entry; index: number }[] = [];
  const flush = () => {
    const pending = [...added];
    for (const old of removed) {
      const byName = old.entry.name
        ? pending.findIndex((candidate) => candidate.entry.name === old.entry.name)
        : -1;
      let pairedAt = byName;
      let textDiff: TextDiff | null = null;
      if (pairedAt < 0 && pending.length) {
        const candidate = pending[0] as { entry: Entry; index: number };
        const candidateDiff = diffText(old.entry.text, candidate.entry.text);
        if (similarity(candidateDiff, old.entry.text, candidate.entry.text) >= SAME_ENTRY_SIMILARITY) {
          pairedAt = 0;
          textDiff = candidateDiff;
        }
      }
      if (pairedAt < 0) {
        changes.push({ status: 'removed', index: old.index, name: old.entry.name, text: old.entry.text });
        continue;
      }
      const [paired] = pending.splice(pairedAt, 1) as [{ entry: Entry; index: number }];
      changes.push({
        status: 'changed',
        index: old.index,
        newIndex: paired.index,
        name: diffText(old.entry.name, paired.entry.name),
        text: textDiff ?? diffText(old.entry.text, paired.entry.text),
      });
    }
    for (const fresh of pending)
      changes.push({ status: 'added', index: fresh.index, name: fresh.entry.name, text: fresh.entry.text });
    removed = [];
    added = [];
  };
  for (const part of diffArrays(before as Entry[], after as Entry[], { comparator: sameEntry })) {
    for (const entry of part.value) {
      if (part.removed) removed.push({ entry, index: oldIndex++ });
      else if (part.added) added.push({ entry, index: newIndex++ });
      else {
        flush();
        oldIndex++;
        newIndex++;
      }
    }
  }
  flush();
  return changes;
}

export interface MovedMilestone {
  text: string;
  from: Term;
  to: Term;
}

export type FieldChange =
  | { field: 'title'; diff: TextDiff }
  | { field: 'objectives' | 'targetAreas' | 'measures' | 'caseStudies'; entries: EntryChange[] }
  /** Per term, what was added, removed or changed there; a milestone that left one term for another is in `moved`. */
  | { field: 'milestones'; terms: { term: Term; entries: EntryChange[] }[]; moved: MovedMilestone[] }
  | { field: 'linkedCriteria'; added: CriterionId[]; removed: CriterionId[] };

export type FieldName = FieldChange['field'];

export type SubActionDiff =
  | { status: 'added' | 'retired'; id: string; title: string; subAction: SubAction }
  | { status: 'changed'; id: string; title: string; fields: FieldChange[] };

export type ActionAreaDiff =
  | { status: 'added' | 'retired'; id: string; title: string; actionArea: ActionArea }
  /** `fields` are the area's own (title, objectives); `subActions` only those added, retired or changed. */
  | { status: 'changed'; id: string; title: string; fields: FieldChange[]; subActions: SubActionDiff[] };

export interface EditionDiff {
  /** Only action areas with a difference: in the later edition's order, retired ones where they stood before. */
  actionAreas: ActionAreaDiff[];
  counts: {
    actionAreas: { added: number; retired: number; changed: number };
    subActions: { added: number; retired: number; changed: number };
  };
}

function diffTitle(before: string, after: string): FieldChange[] {
  return before === after ? [] : [{ field: 'title', diff: diffText(before, after) }];
}

function diffList(
  field: 'objectives' | 'targetAreas' | 'measures' | 'caseStudies',
  before: readonly Entry[],
  after: readonly Entry[],
): FieldChange[] {
  const entries = diffEntries(before, after);
  return entries.length ? [{ field, entries }] : [];
}

function diffMilestones(before: SubAction['milestones'], after: SubAction['milestones']): FieldChange[] {
  const perTerm = TERMS.map((term) => ({
    term,
    entries: diffEntries(asEntries(before[term]), asEntries(after[term])),
  }));
  // A text removed from one term and added unchanged to another was moved, not retired and rewritten.
  const moved: MovedMilestone[] = [];
  for (const from of perTerm) {
    for (const removal of from.entries.filter((entry) => entry.status === 'removed')) {
      for (const to of perTerm) {
        if (to.term === from.term) continue;
        const arrival = to.entries.findIndex(
          (entry) => entry.status === 'added' && entry.text === removal.text,
        );
        if (arrival < 0) continue;
        to.entries.splice(arrival, 1);
        from.entries.splice(from.entries.indexOf(removal), 1);
        moved.push({ text: removal.text, from: from.term, to: to.term });
        break;
      }
    }
  }
  const terms = perTerm.filter((term) => term.entries.length > 0);
  return terms.length || moved.length ? [{ field: 'milestones', terms, moved }] : [];
}

function diffCriteria(before: readonly CriterionId[], after: readonly CriterionId[]): FieldChange[] {
  const added = after.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.includes(id));
  return added.length || removed.length ? [{ field: 'linkedCriteria', added, removed }] : [];
}

export function diffSubAction(before: SubAction, after: SubAction): FieldChange[] {
  return [
    ...diffTitle(before.title, after.title),
    ...diffList('targetAreas', before.targetAreas, after.targetAreas),
    ...diffMilestones(before.milestones, after.milestones),
    ...diffList('measures', before.measures, after.measures),
    ...diffList('caseStudies', asEntries(before.caseStudies), asEntries(after.caseStudies)),
    ...diffCriteria(before.linkedCriteria, after.linkedCriteria),
  ];
}

/** Puts the items only in `before` back where they stood, among the items of `after` (for retired areas and sub-actions). */
function mergeOrder<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
): { id: string; before?: T; after?: T }[] {
  const inAfter = new Map(after.map((item) => [item.id, item]));
  const inBefore = new Map(before.map((item) => [item.id, item]));
  const merged: { id: string; before?: T; after?: T }[] = [];
  let beforeAt = 0;
  for (const item of after) {
    while (beforeAt < before.length && !inAfter.has((before[beforeAt] as T).id)) {
      const retired = before[beforeAt++] as T;
      merged.push({ id: retired.id, before: retired });
    }
    if (beforeAt < before.length && (before[beforeAt] as T).id === item.id) beforeAt++;
    const previous = inBefore.get(item.id);
    merged.push(previous ? { id: item.id, before: previous, after: item } : { id: item.id, after: item });
  }
  for (; beforeAt < before.length; beforeAt++) {
    const rest = before[beforeAt] as T;
    if (!inAfter.has(rest.id)) merged.push({ id: rest.id, before: rest });
  }
  return merged;
}

/** What changed from edition `a` (earlier) to edition `b` (later). Identical editions give no action areas. */
export function diffEditions(a: Catalogue, b: Catalogue): EditionDiff {
  const counts: EditionDiff['counts'] = {
    actionAreas: { added: 0, retired: 0, changed: 0 },
    subActions: { added: 0, retired: 0, changed: 0 },
  };
  const actionAreas: ActionAreaDiff[] = [];
  for (const { id, before, after } of mergeOrder(a.actionAreas, b.actionAreas)) {
    if (!before && after) {
      counts.actionAreas.added++;
      counts.subActions.added += after.subActions.length;
      actionAreas.push({ status: 'added', id, title: after.title, actionArea: after });
      continue;
    }
    if (before && !after) {
      counts.actionAreas.retired++;
      counts.subActions.retired += before.subActions.length;
      actionAreas.push({ status: 'retired', id, title: before.title, actionArea: before });
      continue;
    }
    if (!before || !after || before === after) continue;
    const fields = [
      ...diffTitle(before.title, after.title),
      ...diffList('objectives', before.objectives, after.objectives),
    ];
    const subActions: SubActionDiff[] = [];
    for (const sub of mergeOrder(before.subActions, after.subActions)) {
      if (!sub.before && sub.after) {
        counts.subActions.added++;
        subActions.push({ status: 'added', id: sub.id, title: sub.after.title, subAction: sub.after });
      } else if (sub.before && !sub.after) {
        counts.subActions.retired++;
        subActions.push({ status: 'retired', id: sub.id, title: sub.before.title, subAction: sub.before });
      } else if (sub.before && sub.after && sub.before !== sub.after) {
        const subFields = diffSubAction(sub.before, sub.after);
        if (!subFields.length) continue;
        counts.subActions.changed++;
        subActions.push({ status: 'changed', id: sub.id, title: sub.after.title, fields: subFields });
      }
    }
    if (!fields.length && !subActions.length) continue;
    counts.actionAreas.changed++;
    actionAreas.push({ status: 'changed', id, title: after.title, fields, subActions });
  }
  return { actionAreas, counts };
}

/** Ids of the action areas that differ (added or changed) in `b` compared with `a`: for "changed in edition N" badges. */
export function changedActionAreaIds(diff: EditionDiff): string[] {
  return diff.actionAreas.filter((area) => area.status !== 'retired').map((area) => area.id);
}
