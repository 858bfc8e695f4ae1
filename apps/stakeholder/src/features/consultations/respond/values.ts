import type { FEEDBACK_TYPES } from '@musyawarah/core/consultation/vocabulary';
import {
  LANGUAGES,
  MEMBER_STATE_CODES,
  STAKEHOLDER_GROUPS,
  type LanguageCode,
  type MemberStateCode,
  type StakeholderGroup,
} from '@musyawarah/core/domain';
import { optionOrBlank } from '@musyawarah/ui';
import { type Me } from '../../../trpc';
import { type Draft, type RoundDetail } from '../data';
import { type AnswerValue } from '../QuestionField';

export interface Item {
  type: (typeof FEEDBACK_TYPES)[number];
  text: string;
  actionId: string;
}

export interface About {
  stakeholderGroup: StakeholderGroup | '';
  memberState: MemberStateCode | '';
  organisationName: string;
  writtenIn: LanguageCode;
  namedPublicly: boolean;
}

export interface Values {
  answers: Record<string, AnswerValue>;
  items: Item[];
  about: About;
}

/** One of the languages a contribution can be written in (the API stores only these), else undefined. */
export const languageOf = (code: string | null | undefined): LanguageCode | undefined =>
  LANGUAGES.find((language) => language === code);

export function initialValues(round: RoundDetail, draft: Draft | null, me: Me, language: string): Values {
  const known = new Set(round.questions.map((q) => q.id));
  const answers: Record<string, AnswerValue> = {};
  for (const [id, v] of Object.entries((draft?.answers ?? {}) as Record<string, unknown>)) {
    if (known.has(id) && (typeof v === 'string' || typeof v === 'number' || Array.isArray(v)))
      answers[id] = v as AnswerValue;
  }
  const base = language.split('-')[0] ?? 'en';
  return {
    answers,
    items: (draft?.items ?? []).map((i) => ({
      type: i.type as Item['type'],
      text: i.text,
      actionId: i.actionId ?? '',
    })),
    about: {
      stakeholderGroup: optionOrBlank(STAKEHOLDER_GROUPS, draft?.stakeholderGroup ?? me.stakeholderGroup),
      memberState: optionOrBlank(MEMBER_STATE_CODES, draft?.memberState ?? me.memberState),
      organisationName: draft?.organisationName ?? me.organisationName ?? '',
      writtenIn: languageOf(draft?.writtenIn) ?? languageOf(base) ?? 'en',
      namedPublicly: draft?.namedPublicly ?? false,
    },
  };
}

export function answered(value: AnswerValue): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Values whose participant has said which group they belong to: what a draft or a submission needs. */
export type WithGroup = Values & { about: About & { stakeholderGroup: StakeholderGroup } };

export const hasGroup = (v: Values): v is WithGroup => v.about.stakeholderGroup !== '';

export function payload(roundId: string, v: WithGroup) {
  const answers: Record<string, string | number | number[]> = {};
  for (const [id, value] of Object.entries(v.answers)) {
    if (answered(value)) answers[id] = typeof value === 'string' ? value.trim() : value!;
  }
  return {
    roundId,
    answers,
    items: v.items.map((i) => ({ type: i.type, text: i.text, actionId: i.actionId || undefined })),
    stakeholderGroup: v.about.stakeholderGroup,
    memberState: v.about.memberState || undefined,
    organisationName: v.about.organisationName.trim() || undefined,
    writtenIn: v.about.writtenIn,
    namedPublicly: v.about.namedPublicly,
  };
}

/** The checks the API makes too, so most mistakes are found without a round trip (the API stays the authority). */
export function validate(round: RoundDetail, v: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const q of round.questions) {
    const value = v.answers[q.id];
    if (!answered(value)) {
      if (q.required) errors[`answers.${q.id}`] = 'validation.required';
    } else if (q.kind === 'ranking' && Array.isArray(value) && value.length !== q.options.length) {
      errors[`answers.${q.id}`] = 'validation.rankingIncomplete';
    }
  }
  v.items.forEach((item, i) => {
    if (item.text.trim() === '') errors[`items.${i}.text`] = 'validation.required';
  });
  if (!v.about.stakeholderGroup) errors.stakeholderGroup = 'validation.required';
  if (!v.about.writtenIn) errors.writtenIn = 'validation.required';
  const any = round.questions.some((q) => answered(v.answers[q.id])) || v.items.length > 0;
  if (!any && Object.keys(errors).length === 0) errors.items = 'validation.emptyContribution';
  return errors;
}
