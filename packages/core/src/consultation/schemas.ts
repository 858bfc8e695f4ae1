import { z } from 'zod';
// Subpath imports (`@musyawarah/core/consultation/schemas`) must get translation keys too, not zod's English.
import '../schemas/messages';
import { LANGUAGES, MEMBER_STATE_CODES, STAKEHOLDER_GROUPS, type LanguageCode } from '../domain';
import {
  checkAnswer,
  FREE_TEXT_MAX,
  validateSubmission,
  resolveCatalogueActionId,
  type AnswerableQuestion,
  type AnswerMode,
} from './rules';
import {
  ACCOMMODATIONS,
  EVENT_MODES,
  FEEDBACK_TYPES,
  LIKERT_POINTS,
  MODERATION_REASONS,
  OPTION_QUESTION_KINDS,
  QUESTION_KINDS,
  REPRESENTATION_DIMENSIONS,
  ROUND_AUDIENCES,
  ROUND_FORMATS,
} from './vocabulary';
import { optionalDisplayNameField } from '../schemas/fields';

/** English is always there; any Member State language may be added. */
export type Localized = { en: string } & Partial<Record<Exclude<LanguageCode, 'en'>, string>>;

const memberStateField = z.enum(MEMBER_STATE_CODES, { error: 'validation.memberState' });
const languageField = z.enum(LANGUAGES, { error: 'validation.locale' });
const stakeholderGroupField = z.enum(STAKEHOLDER_GROUPS, { error: 'validation.stakeholderGroup' });
const uuidField = z.uuid({ error: 'validation.invalid' });

/** Lists of choices are sets: a repeated tick in a form should not count twice. */
const uniqueList = <T extends z.ZodType>(item: T) =>
  z.array(item).transform((values) => [...new Set(values)] as z.output<T>[]);

/** Forms send '' or null for a field left empty; both mean absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z
    .preprocess(
      (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
      schema.optional(),
    )
    .transform((v) => v ?? undefined);

const optionalText = (max: number) =>
  z
    .string({ error: 'validation.invalidType' })
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .nullish()
    .transform((v) => (v ? v : undefined));

/**
 * `{ en, ms?, km?, … }`. Blank translations are dropped rather than stored, so a reader whose language was left empty in
 * the form falls back to English (`localized`) instead of seeing nothing. Unknown language keys are refused.
 */
export const localizedTextField = (max: number) => {
  const translation = optionalText(max);
  const shape = Object.fromEntries(
    LANGUAGES.filter((code) => code !== 'en').map((code) => [code, translation]),
  ) as Record<Exclude<LanguageCode, 'en'>, typeof translation>;
  return z
    .strictObject({
      ...shape,
      en: z
        .string({ error: 'validation.englishRequired' })
        .trim()
        .min(1, { error: 'validation.englishRequired' })
        .max(max, { error: 'validation.tooLong' }),
    })
    .transform((value) => {
      const out: Record<string, string> = {};
      for (const [language, text] of Object.entries(value)) if (text) out[language] = text;
      return out as Localized;
    });
};

/** A catalogue action area or sub-action, stored as the catalogue spells it. */
export const catalogueActionIdField = z
  .string({ error: 'validation.required' })
  .trim()
  .transform((id, ctx) => {
    const canonical = resolveCatalogueActionId(id);
    if (canonical === null) {
      ctx.addIssue({ code: 'custom', message: 'validation.unknownAction' });
      return z.NEVER;
    }
    return canonical;
  });

/** Deadlines are instants: the offset is required, so "23:59" cannot silently mean the server's time zone. */
const instantField = z.iso
  .datetime({ offset: true, error: 'validation.datetime' })
  .transform((value) => new Date(value));

/**
 * Object refinements also run when a field already failed (zod 4 keeps collecting issues), so they must not assume the
 * fields were transformed: an unparsed date is no reason to add a second message.
 */
const notAfter = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date && a.getTime() <= b.getTime();

const isTimeZone = (name: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};

export const representationTarget = z
  .object({
    dimension: z.enum(REPRESENTATION_DIMENSIONS, { error: 'validation.invalidOption' }),
    value: z.string({ error: 'validation.required' }).trim(),
    minimum: z
      .number({ error: 'validation.invalidType' })
      .int({ error: 'validation.invalidType' })
      .min(1)
      .max(1_000_000),
  })
  .superRefine((target, ctx) => {
    const allowed: readonly string[] =
      target.dimension === 'stakeholder_group'
        ? STAKEHOLDER_GROUPS
        : target.dimension === 'member_state'
          ? MEMBER_STATE_CODES
          : LANGUAGES;
    if (!allowed.includes(target.value))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'validation.invalidOption' });
  });
export type RepresentationTarget = z.output<typeof representationTarget>;

const eventInput = z
  .object({
    mode: z.enum(EVENT_MODES, { error: 'validation.invalidOption' }),
    venue: optionalText(500),
    link: optional(z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'validation.url' })),
    capacity: optional(
      z
        .number({ error: 'validation.invalidType' })
        .int({ error: 'validation.invalidType' })
        .min(1)
        .max(1_000_000),
    ),
    startsAt: instantField,
    endsAt: instantField,
    timezone: z
      .string({ error: 'validation.required' })
      .trim()
      .min(1, { error: 'validation.required' })
      .refine(isTimeZone, { error: 'validation.timezone' }),
    accommodationsOffered: uniqueList(z.enum(ACCOMMODATIONS, { error: 'validation.invalidOption' })).default(
      [],
    ),
  })
  .superRefine((event, ctx) => {
    if (notAfter(event.endsAt, event.startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.endsBeforeStarts' });
    if (event.mode !== 'online' && !event.venue)
      ctx.addIssue({ code: 'custom', path: ['venue'], message: 'validation.venueRequired' });
    if (event.mode !== 'in_person' && !event.link)
      ctx.addIssue({ code: 'custom', path: ['link'], message: 'validation.linkRequired' });
  })
  // A form switched from hybrid to online keeps its old venue; storing it would show a room nobody should go to.
  .transform((event) => ({
    ...event,
    venue: event.mode === 'online' ? undefined : event.venue,
    link: event.mode === 'in_person' ? undefined : event.link,
  }));

export const roundInput = z
  .object({
    title: localizedTextField(300),
    description: localizedTextField(20_000),
    format: z.enum(ROUND_FORMATS, { error: 'validation.invalidOption' }),
    actionIds: uniqueList(catalogueActionIdField).pipe(z.array(z.string()).max(100)).default([]),
    editionId: optionalText(100),
    audience: z.enum(ROUND_AUDIENCES, { error: 'validation.invalidOption' }),
    invitedGroups: uniqueList(stakeholderGroupField).default([]),
    boardId: optional(uuidField),
    memberStates: uniqueList(memberStateField).default([]),
    languages: uniqueList(languageField).default(['en']),
    opensAt: instantField,
    closesAt: instantField,
    event: eventInput.nullish().transform((v) => v ?? undefined),
    targets: z.array(representationTarget).max(200).default([]),
  })
  .superRefine((round, ctx) => {
    if (notAfter(round.closesAt, round.opensAt))
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'validation.closesBeforeOpens' });
    if (round.audience === 'invited_groups' && round.invitedGroups.length === 0)
      ctx.addIssue({ code: 'custom', path: ['invitedGroups'], message: 'validation.invitedGroupsRequired' });
    if (round.audience === 'board' && !round.boardId)
      ctx.addIssue({ code: 'custom', path: ['boardId'], message: 'validation.boardRequired' });
    if (Array.isArray(round.languages) && !round.languages.includes('en'))
      ctx.addIssue({ code: 'custom', path: ['languages'], message: 'validation.englishRequired' });
    const seen = new Set<string>();
    if (!Array.isArray(round.targets)) return;
    round.targets.forEach((target, index) => {
      const key = `${target.dimension}:${target.value}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['targets', index, 'value'],
          message: 'validation.duplicateTarget',
        });
      seen.add(key);
    });
  })
  // Audience details that no longer apply (the form switched audience) are dropped, not stored as a hidden restriction.
  .transform((round) => ({
    ...round,
    invitedGroups: round.audience === 'invited_groups' ? round.invitedGroups : [],
    boardId: round.audience === 'board' ? round.boardId : undefined,
  }));
export type RoundInput = z.output<typeof roundInput>;
export type RoundFormValues = z.input<typeof roundInput>;

const isOptionKind = (kind: string) => (OPTION_QUESTION_KINDS as readonly string[]).includes(kind);

export const questionInput = z
  .object({
    kind: z.enum(QUESTION_KINDS, { error: 'validation.invalidOption' }),
    prompt: localizedTextField(2000),
    help: localizedTextField(2000)
      .nullish()
      .transform((v) => v ?? undefined),
    required: z.boolean({ error: 'validation.invalidType' }).default(false),
    options: z.array(localizedTextField(500)).default([]),
    likert: z
      .object({
        points: z.literal(LIKERT_POINTS, { error: 'validation.invalidOption' }),
        minLabel: localizedTextField(200),
        maxLabel: localizedTextField(200),
      })
      .nullish()
      .transform((v) => v ?? undefined),
  })
  .superRefine((question, ctx) => {
    if (isOptionKind(question.kind) && Array.isArray(question.options)) {
      if (question.options.length < 2)
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'validation.optionsRequired' });
      if (question.options.length > 20)
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'validation.tooLong' });
    }
    if (question.kind === 'likert' && !question.likert)
      ctx.addIssue({ code: 'custom', path: ['likert'], message: 'validation.likertRequired' });
  })
  // Options and scale left over from a kind the editor switched away from are dropped, like the event's venue.
  .transform((question) => ({
    ...question,
    options: isOptionKind(question.kind) ? question.options : [],
    likert: question.kind === 'likert' ? question.likert : undefined,
  }));
export type QuestionInput = z.output<typeof questionInput>;

export type AnswerValue = string | number | number[];

/**
 * The schema of one answer to `question`: free text (≤10,000 characters), an option index, option indexes, a scale
 * point 1..points, or a ranking (a permutation of option indexes; a draft may hold a partial one). Not answering parses
 * to `undefined`. The rule itself is `checkAnswer`; this wraps it for forms that validate one field at a time.
 */
export const answerValue = (question: Omit<AnswerableQuestion, 'id'>, mode: AnswerMode = 'submit') =>
  z.unknown().transform((value, ctx): AnswerValue | undefined => {
    for (const message of checkAnswer({ ...question, id: '' }, value, mode))
      ctx.addIssue({ code: 'custom', message });
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
    if (Array.isArray(value) && value.length === 0) return undefined;
    return value as AnswerValue;
  });

export const feedbackItemInput = z.object({
  type: z.enum(FEEDBACK_TYPES, { error: 'validation.invalidOption' }),
  text: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(FREE_TEXT_MAX, { error: 'validation.tooLong' }),
  actionId: optional(catalogueActionIdField),
});
export type FeedbackItemInput = z.output<typeof feedbackItemInput>;

/** While typing, an added item may still be blank; the draft drops it instead of refusing to save everything else. */
const draftFeedbackItem = z
  .object({ type: feedbackItemInput.shape.type, text: z.string({ error: 'validation.invalidType' }) })
  .loose()
  .transform((item) => (item.text.trim() === '' ? null : item))
  .pipe(feedbackItemInput.nullable());

const MAX_ANSWERS = 200;
const answersField = z
  .record(uuidField, z.unknown(), { error: 'validation.invalidType' })
  .refine((answers) => Object.keys(answers).length <= MAX_ANSWERS, { error: 'validation.tooLong' })
  .default({});

const contributionFields = {
  roundId: uuidField,
  answers: answersField,
  stakeholderGroup: stakeholderGroupField,
  memberState: optional(memberStateField),
  organisationName: optionalDisplayNameField(200),
  writtenIn: languageField,
  namedPublicly: z.boolean({ error: 'validation.invalidType' }).default(false),
};

/**
 * Saved as the participant types, so incomplete is fine (answers are checked against the round's questions by
 * `validateAnswers(…, 'draft')`), but nothing is stored that a submission could not hold. Blank items are dropped.
 */
export const contributionDraftInput = z.object({
  ...contributionFields,
  items: z
    .array(draftFeedbackItem)
    .max(20, { error: 'validation.tooLong' })
    .default([])
    .transform((items) => items.filter((item): item is FeedbackItemInput => item !== null)),
});
export type ContributionDraftInput = z.output<typeof contributionDraftInput>;

/** The idempotency key is minted with the draft and sent with every retry, so a double tap yields one receipt. */
export const submitContributionInput = z.object({
  ...contributionFields,
  items: z.array(feedbackItemInput).max(20, { error: 'validation.tooLong' }).default([]),
  idempotencyKey: uuidField,
});
export type SubmitContributionInput = z.output<typeof submitContributionInput>;

/**
 * A submission to a round with these questions, checked as `contributions.submit` checks it: the input schema, then
 * `validateSubmission` (required questions, options, scale points, complete rankings, text lengths, something said).
 * The answering form validates with it before sending; the idempotency key is the page's to add.
 */
export const roundSubmissionInput = (questions: readonly AnswerableQuestion[]) =>
  submitContributionInput.omit({ idempotencyKey: true }).superRefine(
    (input, ctx) => {
      for (const [path, messages] of Object.entries(validateSubmission(questions, input)))
        for (const message of messages) ctx.addIssue({ code: 'custom', path: path.split('.'), message });
    },
    // Also when a field failed (a missing group), so every problem shows at once; `validateSubmission` takes its
    // input as unchecked, so an unparsed value there is safe.
    { when: () => true },
  );

/**
 * The secretariat typing in what a participant said at an in-person event. The facilitator is the signed-in user,
 * recorded by the server; the participant may be named (with consent) or stay anonymous.
 */
export const facilitatedContributionInput = submitContributionInput.extend({
  participantName: optionalDisplayNameField(200),
  facilitationNote: optionalText(1000),
});
export type FacilitatedContributionInput = z.output<typeof facilitatedContributionInput>;

export const registrationInput = z.object({
  roundId: uuidField,
  accommodationsNeeded: uniqueList(z.enum(ACCOMMODATIONS, { error: 'validation.invalidOption' })).default([]),
  otherNeeds: optionalText(1000),
});
export type RegistrationInput = z.output<typeof registrationInput>;

export const moderationInput = z.object({
  contributionId: uuidField,
  reason: z.enum(MODERATION_REASONS, { error: 'validation.invalidOption' }),
  note: optionalText(1000),
});
export type ModerationInput = z.output<typeof moderationInput>;

/** A participant reporting a contribution gives the same reasons a moderator would hide it for. */
export const reportContributionInput = moderationInput;
export type ReportContributionInput = ModerationInput;

/** The Secretariat's public response to a contribution; the moderation card's form checks it with the same schema. */
export const contributionResponseInput = z.object({
  contributionId: uuidField,
  text: z.string().trim().min(1).max(10_000),
});
export type ContributionResponseInput = z.output<typeof contributionResponseInput>;

/** A theme the Secretariat adds to a round for tagging feedback; the label is unique within the round. */
export const roundThemeInput = z.object({
  roundId: uuidField,
  label: z.string().trim().min(1).max(100),
});
export type RoundThemeInput = z.output<typeof roundThemeInput>;

/** Reports found unfounded: dismissed with the Secretariat's note for the record; the contribution stays shown. */
export const dismissReportsInput = z.object({
  contributionId: uuidField,
  note: z.string().trim().min(1).max(2000),
});
export type DismissReportsInput = z.output<typeof dismissReportsInput>;
