import type { ActionArea, Catalogue, SubAction } from '@musyawarah/core/catalogue/types';
import type { ProposedEdit, ProposedEditKind } from '@musyawarah/core/editions/edits';
import type { MotivationKind } from '@musyawarah/core/review/vocabulary';

/** Lists an entry edit can address, with where they hang (action area or sub-action). */
export const ENTRY_FIELDS = ['objectives', 'targetAreas', 'measures', 'caseStudies', 'milestones'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];
export const TERMS = ['short', 'medium', 'long'] as const;

/** The kinds in the order the editor offers them, most common first. */
export const EDIT_KINDS: ProposedEditKind[] = [
  'changeEntry',
  'addEntry',
  'removeEntry',
  'moveMilestone',
  'changeActionAreaTitle',
  'changeSubActionTitle',
  'setLinkedCriteria',
  'addSubAction',
  'retireSubAction',
  'addActionArea',
  'retireActionArea',
];

/** What each kind asks for, so the form shows only those fields. */
export function needs(kind: string) {
  const entry = kind === 'changeEntry' || kind === 'addEntry' || kind === 'removeEntry';
  return {
    actionArea: kind !== 'addActionArea',
    subAction: ['changeSubActionTitle', 'moveMilestone', 'setLinkedCriteria', 'retireSubAction'].includes(
      kind,
    ),
    entryList: entry,
    entryIndex: kind === 'changeEntry' || kind === 'removeEntry',
    before: kind === 'addEntry',
    text: kind === 'changeEntry' || kind === 'addEntry',
    title: kind === 'changeActionAreaTitle' || kind === 'changeSubActionTitle',
    move: kind === 'moveMilestone',
    criteria: kind === 'setLinkedCriteria',
    newSubAction: kind === 'addSubAction',
    newActionArea: kind === 'addActionArea',
  };
}

/** Everything the edit form holds, as strings from its inputs. */
export interface EditFormValues {
  kind: string;
  actionAreaId: string;
  subActionId: string;
  field: string;
  term: string;
  index: string;
  before: string;
  from: string;
  to: string;
  criteria: string[];
  newId: string;
  payload: { title: string; name: string; text: string };
  rationale: string;
  motivations: { kind: MotivationKind | ''; targetId: string; label: string }[];
}

export function emptyEditForm(): EditFormValues {
  return {
    kind: 'changeEntry',
    actionAreaId: '',
    subActionId: '',
    field: 'objectives',
    term: 'short',
    index: '',
    before: '',
    from: 'short',
    to: 'medium',
    criteria: [],
    newId: '',
    payload: { title: '', name: '', text: '' },
    rationale: '',
    motivations: [],
  };
}

const int = (v: string) => (v.trim() === '' || !/^\d+$/.test(v.trim()) ? undefined : Number(v));

/** The entry list an entry edit addresses. Objectives hang on the action area, the others on a sub-action. */
function listOf(v: EditFormValues) {
  if (v.field === 'objectives') return { field: 'objectives', actionAreaId: v.actionAreaId };
  if (v.field === 'milestones') return { field: 'milestones', subActionId: v.subActionId, term: v.term };
  return { field: v.field, subActionId: v.subActionId };
}

const isNamed = (field: string) => field === 'objectives' || field === 'targetAreas' || field === 'measures';

/** The proposed edit (editions' shape) the form describes; validated by the shared schema afterwards. */
export function toPayload(v: EditFormValues): Record<string, unknown> {
  const name = isNamed(v.field) ? v.payload.name : undefined;
  switch (v.kind) {
    case 'changeActionAreaTitle':
      return { kind: v.kind, actionAreaId: v.actionAreaId, title: v.payload.title };
    case 'changeSubActionTitle':
      return { kind: v.kind, subActionId: v.subActionId, title: v.payload.title };
    case 'changeEntry':
      return { kind: v.kind, list: listOf(v), index: int(v.index), name, text: v.payload.text };
    case 'addEntry':
      return { kind: v.kind, list: listOf(v), name, text: v.payload.text, before: int(v.before) };
    case 'removeEntry':
      return { kind: v.kind, list: listOf(v), index: int(v.index) };
    case 'moveMilestone':
      return { kind: v.kind, subActionId: v.subActionId, from: v.from, index: int(v.index), to: v.to };
    case 'setLinkedCriteria':
      return { kind: v.kind, subActionId: v.subActionId, criteria: v.criteria };
    case 'addSubAction':
      return {
        kind: v.kind,
        actionAreaId: v.actionAreaId,
        subAction: { id: v.newId, title: v.payload.title },
      };
    case 'retireSubAction':
      return { kind: v.kind, subActionId: v.subActionId };
    case 'addActionArea':
      return { kind: v.kind, actionArea: { id: v.newId, title: v.payload.title } };
    case 'retireActionArea':
      return { kind: v.kind, actionAreaId: v.actionAreaId };
    default:
      return { kind: v.kind };
  }
}

/** The form an existing edit opens in. */
export function fromPayload(payload: ProposedEdit, base: EditFormValues = emptyEditForm()): EditFormValues {
  const v: EditFormValues = { ...base, kind: payload.kind, payload: { ...base.payload } };
  const p = payload as Record<string, unknown> & { kind: string };
  const list = p.list as
    { field: string; actionAreaId?: string; subActionId?: string; term?: string } | undefined;
  if (typeof p.actionAreaId === 'string') v.actionAreaId = p.actionAreaId;
  if (typeof p.subActionId === 'string') {
    v.subActionId = p.subActionId;
    v.actionAreaId = p.subActionId.slice(0, p.subActionId.lastIndexOf('.'));
  }
  if (list) {
    v.field = list.field;
    if (list.actionAreaId) v.actionAreaId = list.actionAreaId;
    if (list.subActionId) {
      v.subActionId = list.subActionId;
      v.actionAreaId = list.subActionId.slice(0, list.subActionId.lastIndexOf('.'));
    }
    if (list.term) v.term = list.term;
  }
  if (typeof p.index === 'number') v.index = String(p.index);
  if (typeof p.before === 'number') v.before = String(p.before);
  if (typeof p.from === 'string') v.from = p.from;
  if (typeof p.to === 'string') v.to = p.to;
  if (Array.isArray(p.criteria)) v.criteria = [...(p.criteria as string[])];
  if (typeof p.title === 'string') v.payload.title = p.title;
  if (typeof p.name === 'string') v.payload.name = p.name;
  if (typeof p.text === 'string') v.payload.text = p.text;
  const sub = p.subAction as { id?: string; title?: string } | undefined;
  const area = p.actionArea as { id?: string; title?: string } | undefined;
  if (sub) {
    v.newId = sub.id ?? '';
    v.payload.title = sub.title ?? '';
  }
  if (area) {
    v.newId = area.id ?? '';
    v.payload.title = area.title ?? '';
  }
  return v;
}

export function findArea(catalogue: Catalogue | undefined, id: string): ActionArea | undefined {
  return catalogue?.actionAreas.find((a) => a.id === id);
}

export function findSubAction(catalogue: Catalogue | undefined, id: string): SubAction | undefined {
  return findArea(catalogue, id.slice(0, id.lastIndexOf('.')))?.subActions.find((s) => s.id === id);
}

/** The entries of one list in the base edition, as display text ("Name: text" for named entries). */
export function entriesOf(
  catalogue: Catalogue | undefined,
  v: Pick<EditFormValues, 'field' | 'actionAreaId' | 'subActionId' | 'term'>,
): string[] {
  if (v.field === 'objectives') return (findArea(catalogue, v.actionAreaId)?.objectives ?? []).map(namedText);
  const sub = findSubAction(catalogue, v.subActionId);
  if (!sub) return [];
  if (v.field === 'milestones') return sub.milestones[v.term as 'short' | 'medium' | 'long'] ?? [];
  if (v.field === 'caseStudies') return sub.caseStudies;
  if (v.field === 'targetAreas') return sub.targetAreas.map(namedText);
  if (v.field === 'measures') return sub.measures.map(namedText);
  return [];
}

export function namedText(entry: { name: string; text: string }): string {
  return entry.name ? `${entry.name}: ${entry.text}` : entry.text;
}

/** "C2.1.1 — Target areas, entry 2" style location of an edit, for lists and the matrix. */
export function editLocation(payload: Record<string, unknown>): {
  actionAreaId: string;
  subActionId: string | null;
} {
  const list = payload.list as { actionAreaId?: string; subActionId?: string } | undefined;
  const subActionId =
    (typeof payload.subActionId === 'string' && payload.subActionId) ||
    list?.subActionId ||
    (payload.subAction as { id?: string } | undefined)?.id ||
    null;
  const actionAreaId =
    (typeof payload.actionAreaId === 'string' && payload.actionAreaId) ||
    list?.actionAreaId ||
    (payload.actionArea as { id?: string } | undefined)?.id ||
    (subActionId ? subActionId.slice(0, subActionId.lastIndexOf('.')) : '');
  return { actionAreaId, subActionId };
}

const PAYLOAD_PATHS: [RegExp, string][] = [
  [/^payload\.(list\.)?actionAreaId$/, 'actionAreaId'],
  [/^payload\.(list\.)?subActionId$/, 'subActionId'],
  [/^payload\.list\.field$/, 'field'],
  [/^payload\.list\.term$/, 'term'],
  [/^payload\.list$/, 'field'],
  [/^payload\.(index|before|from|to|criteria)(\.\d+)?$/, '$1'],
  [/^payload\.(subAction|actionArea)\.id$/, 'newId'],
  [/^payload\.(subAction|actionArea)\.title$/, 'payload.title'],
  [/^payload\.kind$/, 'kind'],
];

/** Where an error on a payload path shows in the form (the form's fields are flat; the payload nests a list). */
export function formPath(path: string): string {
  for (const [pattern, replacement] of PAYLOAD_PATHS)
    if (pattern.test(path)) return path.replace(pattern, replacement);
  return path;
}

/** Moves a tRPC error's field errors onto the form's paths, so they show next to the fields. */
export function remapFieldErrors(error: unknown): unknown {
  const data = (error as { data?: { fieldErrors?: Record<string, string[]> } } | null)?.data;
  if (data?.fieldErrors) {
    data.fieldErrors = Object.fromEntries(
      Object.entries(data.fieldErrors).map(([path, keys]) => [formPath(path), keys]),
    );
  }
  return error;
}
