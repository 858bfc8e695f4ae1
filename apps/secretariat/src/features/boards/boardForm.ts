import { MEMBER_STATE_CODES, type MemberStateCode } from '@musyawarah/core';
import { boardInput } from '@musyawarah/core/boards/schemas';
import type { BoardTarget } from '@musyawarah/core/boards/targets';
import { BOARD_SCOPES, type BoardScope, type TargetKind } from '@musyawarah/core/boards/vocabulary';
import { checkedList, formSchema, optionOrBlank } from '@musyawarah/ui';

/** One row of the targets editor: every kind's inputs exist, the chosen kind decides which are sent. */
export interface TargetRow {
  kind: TargetKind | '';
  constituencies: string[];
  constituency: string;
  minPercent: string;
  minCount: string;
  maxSeats: string;
  maxPercent: string;
}

export interface CriterionRow {
  /** Empty for a new criterion: the key is made from its label when the form is sent. */
  key: string;
  label: Record<string, string>;
  weight: string;
}

/** What the board editor holds: strings as inputs give them, turned into `boardInput`'s shape before validation. */
export interface BoardFormValues {
  name: Record<string, string>;
  scope: BoardScope | '';
  memberState: MemberStateCode | '';
  mandate: Record<string, string>;
  actionIds: string[];
  lifeStartsOn: string;
  lifeEndsOn: string;
  seatCapacity: string;
  published: boolean;
  targets: TargetRow[];
  selectionCriteria: CriterionRow[];
}

/** '' stays undefined (the schema says "required"), anything else becomes a number (the schema checks the range). */
const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

/** A stable identifier for a new criterion from its English label ("Lived experience" → "lived_experience"). */
export function criterionKey(label: string, index: number): string {
  const slug = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 36);
  if (slug.length < 2) return `criterion_${index + 1}`;
  return /^[a-z]/.test(slug) ? slug : `c_${slug}`;
}

export function toTarget(row: TargetRow) {
  switch (row.kind) {
    case 'min_share':
      return {
        kind: row.kind,
        constituencies: checkedList(row.constituencies),
        minPercent: num(row.minPercent),
      };
    case 'min_count':
      return { kind: row.kind, constituency: row.constituency, minCount: num(row.minCount) };
    case 'max_per_member_state':
      return { kind: row.kind, maxSeats: num(row.maxSeats) };
    case 'max_gender_share':
      return { kind: row.kind, maxPercent: num(row.maxPercent) };
    default:
      return { kind: row.kind || undefined };
  }
}

export function toBoardInput(values: BoardFormValues) {
  return {
    name: values.name,
    scope: values.scope || undefined,
    memberState: values.scope === 'member_state' ? values.memberState || undefined : undefined,
    mandate: values.mandate,
    actionIds: values.actionIds,
    lifeStartsOn: values.lifeStartsOn,
    lifeEndsOn: values.lifeEndsOn || undefined,
    seatCapacity: num(values.seatCapacity),
    published: values.published,
    targets: values.targets.map(toTarget),
    selectionCriteria: values.selectionCriteria.map((c, index) => ({
      key: c.key || criterionKey(c.label.en ?? '', index),
      label: c.label,
      weight: num(c.weight),
    })),
  };
}

/** The form's schema: core's `boardInput`, after the inputs' strings are turned into its types. */
export const boardFormSchema = formSchema(toBoardInput, boardInput);

export function emptyTarget(kind: TargetKind | '' = 'min_share'): TargetRow {
  return {
    kind,
    constituencies: [],
    constituency: '',
    minPercent: '',
    minCount: '',
    maxSeats: '',
    maxPercent: '',
  };
}

export function emptyBoard(): BoardFormValues {
  return {
    name: { en: '' },
    scope: 'regional',
    memberState: '',
    mandate: { en: '' },
    actionIds: ['C2.1'],
    lifeStartsOn: new Date().toISOString().slice(0, 10),
    lifeEndsOn: '',
    seatCapacity: '',
    published: true,
    targets: [],
    selectionCriteria: [],
  };
}

export function targetToRow(target: BoardTarget): TargetRow {
  const row = emptyTarget(target.kind);
  switch (target.kind) {
    case 'min_share':
      return { ...row, constituencies: [...target.constituencies], minPercent: String(target.minPercent) };
    case 'min_count':
      return { ...row, constituency: target.constituency, minCount: String(target.minCount) };
    case 'max_per_member_state':
      return { ...row, maxSeats: String(target.maxSeats) };
    case 'max_gender_share':
      return { ...row, maxPercent: String(target.maxPercent) };
  }
}

export interface StoredBoard {
  name: unknown;
  scope: string;
  memberState: string | null;
  mandate: unknown;
  actionIds: readonly string[];
  lifeStartsOn: string;
  lifeEndsOn: string | null;
  seatCapacity: number;
  published: boolean;
  targets: readonly BoardTarget[];
  selectionCriteria: readonly { key: string; label: unknown; weight: number }[];
}

const text = (value: unknown): Record<string, string> =>
  value && typeof value === 'object'
    ? { ...(value as Record<string, string>) }
    : { en: typeof value === 'string' ? value : '' };

export function boardToForm(board: StoredBoard): BoardFormValues {
  return {
    name: text(board.name),
    scope: optionOrBlank(BOARD_SCOPES, board.scope),
    memberState: optionOrBlank(MEMBER_STATE_CODES, board.memberState),
    mandate: text(board.mandate),
    actionIds: [...board.actionIds],
    lifeStartsOn: board.lifeStartsOn.slice(0, 10),
    lifeEndsOn: board.lifeEndsOn ? board.lifeEndsOn.slice(0, 10) : '',
    seatCapacity: String(board.seatCapacity),
    published: board.published,
    targets: board.targets.map(targetToRow),
    selectionCriteria: board.selectionCriteria.map((c) => ({
      key: c.key,
      label: text(c.label),
      weight: String(c.weight),
    })),
  };
}
