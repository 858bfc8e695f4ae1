/**
 * Proposed edits to a Roadmap edition (Roadmap action C3.3).
 *
 * A draft edition is the edition it starts from (its base) plus a list of proposed edits. Every edit addresses what it
 * changes **in the base**: action areas and sub-actions by id, list entries by their position in the base list, never
 * in the result of another edit. Edits are therefore independent: each can be accepted or rejected on its own, and their
 * order only decides the order of entries added to the same list. Two edits that touch the same thing (the same entry,
 * the same title, anything inside an area that another edit retires) conflict, and `applyEdits` says so instead of
 * letting the later one win silently. A rationale and links to what motivated an edit belong to the review cycle that
 * holds it, not to the edit.
 *
 * Shapes (`kind` discriminates):
 *   changeActionAreaTitle { actionAreaId, title }
 *   changeSubActionTitle  { subActionId, title }
 *   changeEntry           { list, index, name?, text }   replaces one entry; a named entry keeps its name when `name` is absent
 *   addEntry              { list, name?, text, before? } inserts before the base entry at `before`, or appends
 *   removeEntry           { list, index }
 *   moveMilestone         { subActionId, from, index, to } from/to are terms ('short' | 'medium' | 'long'); appended in `to`
 *   setLinkedCriteria     { subActionId, criteria }       the readiness criteria (Q1…Q40) the sub-action says it can raise
 *   addSubAction          { actionAreaId, subAction }     a whole sub-action; its id continues the area's ("C2.1" → "C2.1.4")
 *   retireSubAction       { subActionId }
 *   addActionArea         { actionArea }                  id, title, objectives, subActions; kind, pillar and tier follow
 *                                                         from the id (see `actionAreaPlacement`)
 *   retireActionArea      { actionAreaId }
 *
 * `list` names one list of entries:
 *   { field: 'objectives', actionAreaId }                                  named entries { name, text }
 *   { field: 'targetAreas' | 'measures', subActionId }                     named entries { name, text }
 *   { field: 'caseStudies', subActionId }                                  paragraphs (no name)
 *   { field: 'milestones', subActionId, term: 'short' | 'medium' | 'long' } milestones (no name)
 * Named entries may have an empty name (the source has unnamed ones); `name` is refused on the unnamed lists.
 */
import { z } from 'zod';
// Subpath imports (`@musyawarah/core/editions`) must get translation keys too, not zod's English.
import '../schemas/messages';
import type {
  ActionArea,
  ActionKind,
  Catalogue,
  CriterionId,
  NamedText,
  ReadinessTier,
  SubAction,
  Term,
} from '../catalogue/types';
import { ASSESSMENT_CRITERION_IDS } from '../readiness/criteria';

export const TERMS = ['short', 'medium', 'long'] as const satisfies readonly Term[];

export const EDIT_TITLE_MAX = 300;
export const EDIT_NAME_MAX = 300;
export const EDIT_TEXT_MAX = 5_000;
const LIST_MAX = 100;

const ACTION_AREA_ID = /^[CAPE][1-4]\.\d{1,2}$/;
const SUB_ACTION_ID = /^[CAPE][1-4]\.\d{1,2}\.\d{1,2}$/;

/** Ids are matched the way the catalogue's own look-ups match them: trimmed, case-insensitive. */
const actionAreaIdField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(ACTION_AREA_ID, { error: 'edition.invalidActionAreaId' });
const subActionIdField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(SUB_ACTION_ID, { error: 'edition.invalidSubActionId' });
const termField = z.enum(TERMS, { error: 'edition.invalidTerm' });
const titleField = z.string().trim().min(1).max(EDIT_TITLE_MAX);
const nameField = z.string().trim().max(EDIT_NAME_MAX);
const textField = z.string().trim().min(1).max(EDIT_TEXT_MAX);
const indexField = z.number().int().min(0).max(10_000);
const criterionField = z.enum(ASSESSMENT_CRITERION_IDS, { error: 'edition.unknownCriterion' });
const namedTextField = z.object({ name: nameField.default(''), text: textField });

export const entryListSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('objectives'), actionAreaId: actionAreaIdField }),
  z.object({ field: z.enum(['targetAreas', 'measures']), subActionId: subActionIdField }),
  z.object({ field: z.literal('caseStudies'), subActionId: subActionIdField }),
  z.object({ field: z.literal('milestones'), subActionId: subActionIdField, term: termField }),
]);
export type EntryList = z.output<typeof entryListSchema>;
export type EntryListField = EntryList['field'];

/** Objectives, target areas and measures are `{ name, text }`; case studies and milestones are plain text. */
export function isNamedList(field: EntryListField): field is 'objectives' | 'targetAreas' | 'measures' {
  return field === 'objectives' || field === 'targetAreas' || field === 'measures';
}

const noNameOnUnnamedList = (edit: { list: EntryList; name?: string | undefined }) =>
  edit.name === undefined || isNamedList(edit.list.field);
const nameNotAllowed = { error: 'edition.nameNotAllowed', path: ['name'] };

const subActionInput = z.object({
  id: subActionIdField,
  title: titleField,
  targetAreas: z.array(namedTextField).max(LIST_MAX).default([]),
  milestones: z
    .object({
      short: z.array(textField).max(LIST_MAX).default([]),
      medium: z.array(textField).max(LIST_MAX).default([]),
      long: z.array(textField).max(LIST_MAX).default([]),
    })
    .default({ short: [], medium: [], long: [] }),
  measures: z.array(namedTextField).max(LIST_MAX).default([]),
  caseStudies: z.array(textField).max(LIST_MAX).default([]),
  linkedCriteria: z.array(criterionField).max(ASSESSMENT_CRITERION_IDS.length).default([]),
});

const actionAreaInput = z.object({
  id: actionAreaIdField,
  title: titleField,
  objectives: z.array(namedTextField).max(LIST_MAX).default([]),
  subActions: z.array(subActionInput).max(LIST_MAX).default([]),
});

export const proposedEditSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('changeActionAreaTitle'), actionAreaId: actionAreaIdField, title: titleField }),
  z.object({ kind: z.literal('changeSubActionTitle'), subActionId: subActionIdField, title: titleField }),
  z
    .object({
      kind: z.literal('changeEntry'),
      list: entryListSchema,
      index: indexField,
      name: nameField.optional(),
      text: textField,
    })
    .refine(noNameOnUnnamedList, nameNotAllowed),
  z
    .object({
      kind: z.literal('addEntry'),
      list: entryListSchema,
      name: nameField.optional(),
      text: textField,
      before: indexField.optional(),
    })
    .refine(noNameOnUnnamedList, nameNotAllowed),
  z.object({ kind: z.literal('removeEntry'), list: entryListSchema, index: indexField }),
  z
    .object({
      kind: z.literal('moveMilestone'),
      subActionId: subActionIdField,
      from: termField,
      index: indexField,
      to: termField,
    })
    .refine((edit) => edit.from !== edit.to, { error: 'edition.sameTerm', path: ['to'] }),
  z.object({
    kind: z.literal('setLinkedCriteria'),
    subActionId: subActionIdField,
    criteria: z
      .array(criterionField)
      .max(ASSESSMENT_CRITERION_IDS.length)
      .transform((ids) => [...new Set(ids)]),
  }),
  z.object({ kind: z.literal('addSubAction'), actionAreaId: actionAreaIdField, subAction: subActionInput }),
  z.object({ kind: z.literal('retireSubAction'), subActionId: subActionIdField }),
  z.object({ kind: z.literal('addActionArea'), actionArea: actionAreaInput }),
  z.object({ kind: z.literal('retireActionArea'), actionAreaId: actionAreaIdField }),
]);

export type ProposedEdit = z.output<typeof proposedEditSchema>;
export type ProposedEditInput = z.input<typeof proposedEditSchema>;
export type ProposedEditKind = ProposedEdit['kind'];
export const PROPOSED_EDIT_KINDS: ProposedEditKind[] = proposedEditSchema.options.map<ProposedEditKind>(
  (option) => option.shape.kind.value,
);

/** "C2.1.3" → "C2.1". */
export function actionAreaIdOf(subActionId: string): string {
  return subActionId.slice(0, subActionId.lastIndexOf('.'));
}

/**
 * Where an action area sits follows from its id, as in the Roadmap's tables: C = cross-cutting (no tier); A, P, E =
 * targeted actions for Advanced, Promising and Emerging states; the digit after the letter is the pillar.
 */
export function actionAreaPlacement(actionAreaId: string): {
  kind: ActionKind;
  pillar: number;
  tier: ReadinessTier | null;
} {
  const letter = actionAreaId.charAt(0);
  const pillar = Number(actionAreaId.charAt(1));
  const tier: ReadinessTier | null =
    letter === 'A' ? 'advanced' : letter === 'P' ? 'promising' : letter === 'E' ? 'emerging' : null;
  return { kind: tier === null ? 'cross-cutting' : 'targeted', pillar, tier };
}

/** The action area and (when the edit is inside one) the sub-action an edit is about: for grouping edits by action. */
export function editTarget(edit: ProposedEdit): { actionAreaId: string; subActionId: string | null } {
  switch (edit.kind) {
    case 'changeActionAreaTitle':
    case 'retireActionArea':
      return { actionAreaId: edit.actionAreaId, subActionId: null };
    case 'addActionArea':
      return { actionAreaId: edit.actionArea.id, subActionId: null };
    case 'addSubAction':
      return { actionAreaId: edit.actionAreaId, subActionId: edit.subAction.id };
    case 'changeSubActionTitle':
    case 'moveMilestone':
    case 'setLinkedCriteria':
    case 'retireSubAction':
      return { actionAreaId: actionAreaIdOf(edit.subActionId), subActionId: edit.subActionId };
    case 'changeEntry':
    case 'addEntry':
    case 'removeEntry':
      return 'actionAreaId' in edit.list
        ? { actionAreaId: edit.list.actionAreaId, subActionId: null }
        : { actionAreaId: actionAreaIdOf(edit.list.subActionId), subActionId: edit.list.subActionId };
  }
}

export const EDIT_ERROR_CODES = ['targetMissing', 'alreadyExists', 'outsideActionArea', 'conflict'] as const;
export type EditErrorCode = (typeof EDIT_ERROR_CODES)[number];

export const EDIT_ERROR_KEYS = {
  targetMissing: 'edition.targetMissing',
  alreadyExists: 'edition.alreadyExists',
  outsideActionArea: 'edition.subActionOutsideArea',
  conflict: 'edition.conflictingEdits',
} as const satisfies Record<EditErrorCode, `edition.${string}`>;

export interface EditError {
  /** Position of the refused edit in the list given to `applyEdits`. */
  edit: number;
  code: EditErrorCode;
  key: (typeof EDIT_ERROR_KEYS)[EditErrorCode];
  /** For a conflict: the earlier edit this one collides with. */
  conflictsWith?: number;
}

export type ApplyEditsResult = { ok: true; catalogue: Catalogue } | { ok: false; errors: EditError[] };

type Entry = NamedText | string;

interface ListPlan {
  changed: Map<number, Entry>;
  removed: Set<number>;
  /** Entries to insert before the base entry at the key. */
  insertedBefore: Map<number, Entry[]>;
  appended: Entry[];
}

const listKey = (owner: string, field: string, term?: Term) =>
  term ? `${owner}:${field}:${term}` : `${owner}:${field}`;

/** One plan per list that some edit touches; lists no edit touches are copied as they are. */
class Plans {
  private readonly lists = new Map<string, ListPlan>();
  readonly titles = new Map<string, string>();
  readonly linkedCriteria = new Map<string, CriterionId[]>();
  readonly retired = new Set<string>();
  readonly addedSubActions = new Map<string, SubAction[]>();
  readonly addedActionAreas: ActionArea[] = [];

  list(key: string): ListPlan {
    let plan = this.lists.get(key);
    if (!plan) {
      plan = { changed: new Map(), removed: new Set(), insertedBefore: new Map(), appended: [] };
      this.lists.set(key, plan);
    }
    return plan;
  }

  apply<T extends Entry>(key: string, base: readonly T[]): T[] {
    const plan = this.lists.get(key);
    if (!plan) return [...base];
    const result: T[] = [];
    base.forEach((entry, index) => {
      result.push(...((plan.insertedBefore.get(index) ?? []) as T[]));
      if (plan.removed.has(index)) return;
      result.push((plan.changed.get(index) as T | undefined) ?? entry);
    });
    result.push(...((plan.insertedBefore.get(base.length) ?? []) as T[]), ...(plan.appended as T[]));
    return result;
  }
}

/**
 * Locks make conflicts explicit: an edit takes an exclusive lock on what it replaces (an entry, a title, an area it
 * retires) and a shared lock on the area and sub-action it works inside. Two locks on one key conflict unless both are
 * shared, so two additions to one list coexist while a retirement collides with any edit inside what it retires.
 */
class Locks {
  private readonly held = new Map<string, { exclusive: number | null; shared: number[] }>();

  /**
   * Takes every lock, or none: returns the earlier edit holding a conflicting lock, so a refused edit holds nothing
   * that could make a later edit fail in its turn.
   */
  takeAll(keys: readonly (readonly [key: string, exclusive: boolean])[], edit: number): number | null {
    for (const [key, exclusive] of keys) {
      const lock = this.held.get(key);
      if (!lock) continue;
      if (lock.exclusive !== null) return lock.exclusive;
      if (exclusive && lock.shared.length) return lock.shared[0] as number;
    }
    for (const [key, exclusive] of keys) {
      const lock = this.held.get(key) ?? { exclusive: null, shared: [] };
      if (exclusive) lock.exclusive = edit;
      else lock.shared.push(edit);
      this.held.set(key, lock);
    }
    return null;
  }
}

interface BaseIndex {
  areas: Map<string, ActionArea>;
  subActions: Map<string, { subAction: SubAction; actionArea: ActionArea }>;
}

function indexBase(base: Catalogue): BaseIndex {
  const areas = new Map<string, ActionArea>();
  const subActions = new Map<string, { subAction: SubAction; actionArea: ActionArea }>();
  for (const actionArea of base.actionAreas) {
    areas.set(actionArea.id, actionArea);
    for (const subAction of actionArea.subActions) subActions.set(subAction.id, { subAction, actionArea });
  }
  return { areas, subActions };
}

type Failure = { code: Exclude<EditErrorCode, 'conflict'> } | { code: 'conflict'; with: number };

/**
 * Applies proposed edits to a base catalogue and returns the new catalogue, or — when any edit cannot apply — every
 * refused edit with the reason (nothing is half-applied). Pure: the base is not modified.
 */
export function applyEdits(base: Catalogue, edits: readonly ProposedEdit[]): ApplyEditsResult {
  const index = indexBase(base);
  const plans = new Plans();
  const locks = new Locks();
  const errors: EditError[] = [];

  edits.forEach((edit, position) => {
    const failure = planEdit(edit, position, index, plans, locks);
    if (!failure) return;
    errors.push({
      edit: position,
      code: failure.code,
      key: EDIT_ERROR_KEYS[failure.code],
      ...(failure.code === 'conflict' ? { conflictsWith: failure.with } : {}),
    });
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, catalogue: build(base, plans) };
}

function planEdit(
  edit: ProposedEdit,
  position: number,
  index: BaseIndex,
  plans: Plans,
  locks: Locks,
): Failure | null {
  // Every check and lock comes before the plan is touched, so a refused edit leaves nothing behind.
  const lock = (keys: [string, boolean][]): Failure | null => {
    const holder = locks.takeAll(keys, position);
    return holder === null ? null : { code: 'conflict', with: holder };
  };
  const areaKey = (id: string) => `area:${id}`;
  const subKey = (id: string) => `sub:${id}`;
  const insideSubAction = (subActionId: string): [string, boolean][] => [
    [areaKey(actionAreaIdOf(subActionId)), false],
    [subKey(subActionId), false],
  ];

  switch (edit.kind) {
    case 'changeActionAreaTitle': {
      if (!index.areas.has(edit.actionAreaId)) return { code: 'targetMissing' };
      const refused = lock([
        [areaKey(edit.actionAreaId), false],
        [`${areaKey(edit.actionAreaId)}:title`, true],
      ]);
      if (refused) return refused;
      plans.titles.set(areaKey(edit.actionAreaId), edit.title);
      return null;
    }
    case 'changeSubActionTitle': {
      if (!index.subActions.has(edit.subActionId)) return { code: 'targetMissing' };
      const refused = lock([
        ...insideSubAction(edit.subActionId),
        [`${subKey(edit.subActionId)}:title`, true],
      ]);
      if (refused) return refused;
      plans.titles.set(subKey(edit.subActionId), edit.title);
      return null;
    }
    case 'changeEntry':
    case 'removeEntry':
    case 'addEntry': {
      const resolved = resolveList(edit.list, index);
      if (!resolved) return { code: 'targetMissing' };
      const at = edit.kind === 'addEntry' ? edit.before : edit.index;
      const limit = edit.kind === 'addEntry' ? resolved.entries.length : resolved.entries.length - 1;
      if (at !== undefined && at > limit) return { code: 'targetMissing' };
      const keys: [string, boolean][] =
        'subActionId' in edit.list
          ? insideSubAction(edit.list.subActionId)
          : [[areaKey(edit.list.actionAreaId), false]];
      if (edit.kind !== 'addEntry') keys.push([`${resolved.key}:${edit.index}`, true]);
      const refused = lock(keys);
      if (refused) return refused;
      const plan = plans.list(resolved.key);
      if (edit.kind === 'removeEntry') {
        plan.removed.add(edit.index);
        return null;
      }
      const previous = edit.kind === 'changeEntry' ? resolved.entries[edit.index] : undefined;
      const entry: Entry = isNamedList(edit.list.field)
        ? { name: edit.name ?? (previous as NamedText | undefined)?.name ?? '', text: edit.text }
        : edit.text;
      if (edit.kind === 'changeEntry') plan.changed.set(edit.index, entry);
      else if (edit.before === undefined) plan.appended.push(entry);
      else plan.insertedBefore.set(edit.before, [...(plan.insertedBefore.get(edit.before) ?? []), entry]);
      return null;
    }
    case 'moveMilestone': {
      const found = index.subActions.get(edit.subActionId);
      if (!found) return { code: 'targetMissing' };
      if (edit.index >= found.subAction.milestones[edit.from].length) return { code: 'targetMissing' };
      const from = listKey(subKey(edit.subActionId), 'milestones', edit.from);
      const refused = lock([...insideSubAction(edit.subActionId), [`${from}:${edit.index}`, true]]);
      if (refused) return refused;
      plans.list(from).removed.add(edit.index);
      plans
        .list(listKey(subKey(edit.subActionId), 'milestones', edit.to))
        .appended.push(found.subAction.milestones[edit.from][edit.index] as string);
      return null;
    }
    case 'setLinkedCriteria': {
      if (!index.subActions.has(edit.subActionId)) return { code: 'targetMissing' };
      const refused = lock([
        ...insideSubAction(edit.subActionId),
        [`${subKey(edit.subActionId)}:linkedCriteria`, true],
      ]);
      if (refused) return refused;
      plans.linkedCriteria.set(edit.subActionId, edit.criteria);
      return null;
    }
    case 'addSubAction': {
      if (!index.areas.has(edit.actionAreaId)) return { code: 'targetMissing' };
      if (actionAreaIdOf(edit.subAction.id) !== edit.actionAreaId) return { code: 'outsideActionArea' };
      if (index.subActions.has(edit.subAction.id)) return { code: 'alreadyExists' };
      const refused = lock([
        [areaKey(edit.actionAreaId), false],
        [subKey(edit.subAction.id), true],
      ]);
      if (refused) return refused;
      plans.addedSubActions.set(edit.actionAreaId, [
        ...(plans.addedSubActions.get(edit.actionAreaId) ?? []),
        edit.subAction,
      ]);
      return null;
    }
    case 'retireSubAction': {
      if (!index.subActions.has(edit.subActionId)) return { code: 'targetMissing' };
      const refused = lock([
        [areaKey(actionAreaIdOf(edit.subActionId)), false],
        [subKey(edit.subActionId), true],
      ]);
      if (refused) return refused;
      plans.retired.add(subKey(edit.subActionId));
      return null;
    }
    case 'addActionArea': {
      const area = edit.actionArea;
      if (index.areas.has(area.id)) return { code: 'alreadyExists' };
      if (area.subActions.some((subAction) => actionAreaIdOf(subAction.id) !== area.id))
        return { code: 'outsideActionArea' };
      const duplicated = area.subActions.some(
        (subAction, at) => area.subActions.findIndex((other) => other.id === subAction.id) !== at,
      );
      if (duplicated) return { code: 'alreadyExists' };
      const refused = lock([[areaKey(area.id), true]]);
      if (refused) return refused;
      plans.addedActionAreas.push({ ...area, ...actionAreaPlacement(area.id) });
      return null;
    }
    case 'retireActionArea': {
      if (!index.areas.has(edit.actionAreaId)) return { code: 'targetMissing' };
      const refused = lock([[areaKey(edit.actionAreaId), true]]);
      if (refused) return refused;
      plans.retired.add(areaKey(edit.actionAreaId));
      return null;
    }
  }
}

function resolveList(list: EntryList, index: BaseIndex): { key: string; entries: readonly Entry[] } | null {
  if (list.field === 'objectives') {
    const area = index.areas.get(list.actionAreaId);
    return area ? { key: listKey(`area:${area.id}`, 'objectives'), entries: area.objectives } : null;
  }
  const found = index.subActions.get(list.subActionId);
  if (!found) return null;
  const owner = `sub:${list.subActionId}`;
  if (list.field === 'milestones')
    return { key: listKey(owner, 'milestones', list.term), entries: found.subAction.milestones[list.term] };
  return { key: listKey(owner, list.field), entries: found.subAction[list.field] };
}

function build(base: Catalogue, plans: Plans): Catalogue {
  const actionAreas: ActionArea[] = base.actionAreas
    .filter((area) => !plans.retired.has(`area:${area.id}`))
    .map((area) => {
      const areaOwner = `area:${area.id}`;
      const subActions = area.subActions
        .filter((subAction) => !plans.retired.has(`sub:${subAction.id}`))
        .map((subAction): SubAction => {
          const owner = `sub:${subAction.id}`;
          return {
            ...subAction,
            title: plans.titles.get(owner) ?? subAction.title,
            targetAreas: plans.apply(listKey(owner, 'targetAreas'), subAction.targetAreas),
            milestones: {
              short: plans.apply(listKey(owner, 'milestones', 'short'), subAction.milestones.short),
              medium: plans.apply(listKey(owner, 'milestones', 'medium'), subAction.milestones.medium),
              long: plans.apply(listKey(owner, 'milestones', 'long'), subAction.milestones.long),
            },
            measures: plans.apply(listKey(owner, 'measures'), subAction.measures),
            caseStudies: plans.apply(listKey(owner, 'caseStudies'), subAction.caseStudies),
            linkedCriteria: plans.linkedCriteria.get(subAction.id) ?? [...subAction.linkedCriteria],
          };
        });
      return {
        ...area,
        title: plans.titles.get(areaOwner) ?? area.title,
        objectives: plans.apply(listKey(areaOwner, 'objectives'), area.objectives),
        subActions: [...subActions, ...(plans.addedSubActions.get(area.id) ?? [])],
      };
    });
  // A new area goes after the last one of the same kind and pillar, so the catalogue keeps the Roadmap's reading order.
  for (const added of plans.addedActionAreas) {
    const samePillar = actionAreas.findLastIndex(
      (area) => area.kind === added.kind && area.pillar === added.pillar,
    );
    const sameKind = actionAreas.findLastIndex((area) => area.kind === added.kind);
    const after = samePillar >= 0 ? samePillar : sameKind >= 0 ? sameKind : actionAreas.length - 1;
    actionAreas.splice(after + 1, 0, added);
  }
  return { actionAreas };
}
