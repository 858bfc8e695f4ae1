import {
  roundSubmissionInput,
  submitContributionInput,
  type AnswerValue,
} from '@musyawarah/core/consultation/schemas';
import {
  QUESTION_KINDS,
  type FEEDBACK_TYPES,
  type QuestionKind,
} from '@musyawarah/core/consultation/vocabulary';
import {
  LANGUAGES,
  MEMBER_STATE_CODES,
  STAKEHOLDER_GROUPS,
  type LanguageCode,
  type MemberStateCode,
  type StakeholderGroup,
} from '@musyawarah/core/domain';
import { checkedList, formSchema, optionOrBlank } from '@musyawarah/ui';
import { type Me } from '../../../trpc';
import { type Draft, type Question, type RoundDetail } from '../data';

export interface Item {
  type: (typeof FEEDBACK_TYPES)[number];
  text: string;
  actionId: string;
}

/**
 * An answer as its field holds it: text for free text; the chosen option's index (or scale point) as a radio's value,
 * '' for none; the ticked indexes as checkbox values; a ranking as the option indexes in order (undefined until the
 * participant orders them). `toAnswer` turns it into what the API stores.
 */
export type FieldAnswer = string | string[] | number[] | undefined;

/** The form's values: the submission's own keys, so every error (the form's or the API's) lands on its field. */
export interface Values {
  answers: Record<string, FieldAnswer>;
  items: Item[];
  stakeholderGroup: StakeholderGroup | '';
  memberState: MemberStateCode | '';
  organisationName: string;
  writtenIn: LanguageCode;
  namedPublicly: boolean;
}

/** One of the languages a contribution can be written in (the API stores only these), else undefined. */
export const languageOf = (code: string | null | undefined): LanguageCode | undefined =>
  LANGUAGES.find((language) => language === code);

const isIndexList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((x) => typeof x === 'number');

/** A stored answer as its field holds it; anything the question cannot show is left out, to be asked again. */
export function toFieldAnswer(question: Question, stored: unknown): FieldAnswer {
  switch (question.kind) {
    case 'free_text':
      return typeof stored === 'string' ? stored : '';
    case 'single_choice':
    case 'likert':
      return typeof stored === 'number' ? String(stored) : '';
    case 'multiple_choice':
      return isIndexList(stored) ? stored.map(String) : [];
    default:
      return isIndexList(stored) ? stored : undefined;
  }
}

/** A field's answer as the API takes it; not answered is undefined. */
export function toAnswer(question: Question, value: FieldAnswer): AnswerValue | undefined {
  if (value === undefined) return undefined;
  switch (question.kind) {
    case 'free_text':
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    case 'single_choice':
    case 'likert':
      return typeof value === 'string' && value !== '' ? Number(value) : undefined;
    default: {
      const indexes = checkedList<string | number>(value).map(Number);
      if (indexes.length === 0) return undefined;
      return question.kind === 'multiple_choice' ? indexes.sort((a, b) => a - b) : indexes;
    }
  }
}

export function initialValues(round: RoundDetail, draft: Draft | null, me: Me, language: string): Values {
  const stored = (draft?.answers ?? {}) as Record<string, unknown>;
  const answers: Record<string, FieldAnswer> = {};
  for (const q of round.questions) answers[q.id] = toFieldAnswer(q, stored[q.id]);
  const base = language.split('-')[0] ?? 'en';
  return {
    answers,
    items: (draft?.items ?? []).map((i) => ({
      type: i.type as Item['type'],
      text: i.text,
      actionId: i.actionId ?? '',
    })),
    stakeholderGroup: optionOrBlank(STAKEHOLDER_GROUPS, draft?.stakeholderGroup ?? me.stakeholderGroup),
    memberState: optionOrBlank(MEMBER_STATE_CODES, draft?.memberState ?? me.memberState),
    organisationName: draft?.organisationName ?? me.organisationName ?? '',
    writtenIn: languageOf(draft?.writtenIn) ?? languageOf(base) ?? 'en',
    namedPublicly: draft?.namedPublicly ?? false,
  };
}

/** The values as the API's input for this round (without the idempotency key, which the page adds). */
export function toInput(round: Pick<RoundDetail, 'id' | 'questions'>, v: Values) {
  const answers: Record<string, AnswerValue> = {};
  for (const q of round.questions) {
    const answer = toAnswer(q, v.answers[q.id]);
    if (answer !== undefined) answers[q.id] = answer;
  }
  return {
    roundId: round.id,
    answers,
    items: v.items.map((i) => ({ type: i.type, text: i.text, actionId: i.actionId || undefined })),
    stakeholderGroup: v.stakeholderGroup || undefined,
    memberState: v.memberState || undefined,
    organisationName: v.organisationName.trim() || undefined,
    writtenIn: v.writtenIn,
    namedPublicly: v.namedPublicly,
  };
}

/** Values whose participant has said which group they belong to: what a draft or a submission needs. */
export type WithGroup = Values & { stakeholderGroup: StakeholderGroup };

export const hasGroup = (v: Values): v is WithGroup => v.stakeholderGroup !== '';

/** A draft as `contributions.saveDraft` takes it. */
export const draftInput = (round: Pick<RoundDetail, 'id' | 'questions'>, v: WithGroup) => ({
  ...toInput(round, v),
  stakeholderGroup: v.stakeholderGroup,
});

/**
 * The form's schema: what `contributions.submit` checks, with this round's questions. A retry after an attempt whose
 * answer never arrived is checked as the API checks it before looking up the earlier receipt (its input schema only):
 * the API may already hold the feedback, and answers with that receipt rather than with the round's rules.
 */
export const respondSchema = (round: Pick<RoundDetail, 'id' | 'questions'>, retry: boolean) =>
  formSchema(
    (v: Values) => toInput(round, v),
    retry
      ? submitContributionInput.omit({ idempotencyKey: true })
      : roundSubmissionInput(
          round.questions.flatMap((q) => (isKind(q.kind) ? [{ ...q, kind: q.kind }] : [])),
        ),
  );

// The API sends kinds as strings; every one it stores is among these.
const isKind = (kind: string): kind is QuestionKind => (QUESTION_KINDS as readonly string[]).includes(kind);
