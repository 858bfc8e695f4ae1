import { z } from 'zod';
// Subpath imports must get translation keys too, not zod's English.
import '../schemas/messages';
import { MEMBER_STATE_CODES, LANGUAGES } from '../domain';
import { emailField, optionalDisplayNameField } from '../schemas/fields';
import { catalogueActionIdField, localizedTextField } from '../consultation/schemas';
import { ACCOMMODATIONS } from '../consultation/vocabulary';
import {
  ATTENDANCE_STATUSES,
  BOARD_SCOPES,
  BOARD_STATUSES,
  GENDERS,
  MINUTES_VISIBILITIES,
  RSVP_RESPONSES,
  SCORE_MAX,
  SEAT_END_REASONS,
  SEAT_ROLES,
  SESSION_KINDS,
  SESSION_METHODS,
  SESSION_MODES,
} from './vocabulary';

const uuidField = z.uuid({ error: 'validation.invalid' });
const memberStateField = z.enum(MEMBER_STATE_CODES, { error: 'validation.memberState' });

/** Lists of choices are sets: a repeated tick should not count twice. */
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

const requiredText = (max: number) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' });

/** A calendar date, `YYYY-MM-DD` (board lives and seat terms are days, not instants). */
export const calendarDateField = z.iso.date({
  error: (issue) =>
    issue.input === undefined || issue.input === null ? 'validation.required' : 'board.validation.date',
});

/** Instants carry their offset, so "09:00" cannot silently mean the server's time zone. */
const instantField = z.iso
  .datetime({ offset: true, error: 'validation.datetime' })
  .transform((value) => new Date(value));

/** Refinements also run when a field failed; compare only values that parsed. */
const isBefore = (a: unknown, b: unknown) =>
  (a instanceof Date && b instanceof Date && a.getTime() < b.getTime()) ||
  (typeof a === 'string' && typeof b === 'string' && a < b);

/** Stable identifiers of constituencies and selection criteria: lower-case words joined by `_`. */
export const slugField = (message: string) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: message });

export const constituencyKeyField = slugField('board.validation.constituencyKey');
const constituencyList = uniqueList(constituencyKeyField).pipe(
  z.array(z.string()).max(30, { error: 'validation.tooLong' }),
);
const percentField = z
  .number({ error: 'validation.invalidType' })
  .int({ error: 'board.validation.percent' })
  .min(1, { error: 'board.validation.percent' })
  .max(100, { error: 'board.validation.percent' });
const seatCountField = z
  .number({ error: 'validation.invalidType' })
  .int({ error: 'validation.invalidType' })
  .min(1)
  .max(500);

// ---------------------------------------------------------------------------------------------------------------------
// Targets and criteria

export const boardTargetInput = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('min_share'),
      constituencies: constituencyList.pipe(
        z.array(z.string()).min(1, { error: 'board.validation.constituencyRequired' }),
      ),
      minPercent: percentField,
    }),
    z.object({ kind: z.literal('min_count'), constituency: constituencyKeyField, minCount: seatCountField }),
    z.object({ kind: z.literal('max_per_member_state'), maxSeats: seatCountField }),
    z.object({ kind: z.literal('max_gender_share'), maxPercent: percentField }),
  ],
  { error: 'validation.invalidOption' },
);
export type BoardTargetInput = z.output<typeof boardTargetInput>;

/** Two targets of the same kind about the same thing would contradict or repeat each other. */
function targetIdentity(target: BoardTargetInput): string {
  switch (target.kind) {
    case 'min_share':
      return `min_share:${[...target.constituencies].sort().join(',')}`;
    case 'min_count':
      return `min_count:${target.constituency}`;
    default:
      return target.kind;
  }
}

export const boardTargetsField = z
  .array(boardTargetInput)
  .max(30, { error: 'validation.tooLong' })
  .superRefine((targets, ctx) => {
    const seen = new Set<string>();
    targets.forEach((target, index) => {
      if (!target || typeof target !== 'object' || !('kind' in target)) return;
      const identity = targetIdentity(target);
      if (seen.has(identity))
        ctx.addIssue({ code: 'custom', path: [index, 'kind'], message: 'board.validation.duplicateTarget' });
      seen.add(identity);
    });
  });

export const selectionCriterionInput = z.object({
  key: slugField('board.validation.criterionKey'),
  label: localizedTextField(300),
  weight: z
    .number({ error: 'validation.invalidType' })
    .int({ error: 'validation.invalidType' })
    .min(1)
    .max(10)
    .default(1),
});
export type SelectionCriterionInput = z.output<typeof selectionCriterionInput>;

const criteriaField = z
  .array(selectionCriterionInput)
  .max(20, { error: 'validation.tooLong' })
  .superRefine((criteria, ctx) => {
    const seen = new Set<string>();
    criteria.forEach((c, index) => {
      if (typeof c?.key !== 'string') return;
      if (seen.has(c.key))
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: 'board.validation.duplicateCriterion',
        });
      seen.add(c.key);
    });
  });

// ---------------------------------------------------------------------------------------------------------------------
// Boards

export const boardInput = z
  .object({
    name: localizedTextField(200),
    scope: z.enum(BOARD_SCOPES, { error: 'validation.invalidOption' }),
    memberState: optional(memberStateField),
    mandate: localizedTextField(20_000),
    actionIds: uniqueList(catalogueActionIdField).pipe(z.array(z.string()).max(100)).default([]),
    lifeStartsOn: calendarDateField,
    lifeEndsOn: optional(calendarDateField),
    seatCapacity: seatCountField,
    targets: boardTargetsField.default([]),
    selectionCriteria: criteriaField.default([]),
    published: z.boolean({ error: 'validation.invalidType' }).default(false),
  })
  .superRefine((board, ctx) => {
    if (board.scope === 'member_state' && !board.memberState)
      ctx.addIssue({
        code: 'custom',
        path: ['memberState'],
        message: 'board.validation.memberStateRequired',
      });
    if (board.lifeEndsOn && isBefore(board.lifeEndsOn, board.lifeStartsOn))
      ctx.addIssue({ code: 'custom', path: ['lifeEndsOn'], message: 'board.validation.lifeEndsBeforeStart' });
  })
  // A regional board keeps no state left over from a form that switched scope.
  .transform((board) => ({
    ...board,
    memberState: board.scope === 'member_state' ? board.memberState : undefined,
  }));
export type BoardInput = z.output<typeof boardInput>;
export type BoardFormValues = z.input<typeof boardInput>;

export const boardStatusField = z.enum(BOARD_STATUSES, { error: 'validation.invalidOption' });

export const constituencyInput = z.object({
  key: constituencyKeyField,
  label: localizedTextField(200),
  marginalised: z.boolean({ error: 'validation.invalidType' }).default(false),
});
export type ConstituencyInput = z.output<typeof constituencyInput>;

// ---------------------------------------------------------------------------------------------------------------------
// Seats

/** What a seat says about its holder; the holder can later correct the self-declared parts (gender, listing, declaration). */
const seatFields = {
  role: z.enum(SEAT_ROLES, { error: 'validation.invalidOption' }).default('member'),
  termStartsOn: calendarDateField,
  termEndsOn: calendarDateField,
  constituencies: constituencyList.pipe(
    z.array(z.string()).min(1, { error: 'board.validation.constituencyRequired' }),
  ),
  memberState: optional(memberStateField),
  organisation: optionalDisplayNameField(200),
  gender: optional(z.enum(GENDERS, { error: 'validation.invalidOption' })),
  conflictOfInterest: optionalText(5000),
  listedPublicly: z.boolean({ error: 'validation.invalidType' }).default(false),
};

const termInOrder = (seat: { termStartsOn: unknown; termEndsOn: unknown }, ctx: z.RefinementCtx) => {
  if (isBefore(seat.termEndsOn, seat.termStartsOn))
    ctx.addIssue({ code: 'custom', path: ['termEndsOn'], message: 'board.validation.termEndsBeforeStart' });
};

/** The secretariat seats someone directly (an appointment rather than an application): the person needs an account. */
export const seatInput = z
  .object({ boardId: uuidField, email: emailField, ...seatFields })
  .superRefine(termInOrder);
export type SeatInput = z.output<typeof seatInput>;

export const seatUpdateInput = z.object({ seatId: uuidField, ...seatFields }).superRefine(termInOrder);
export type SeatUpdateInput = z.output<typeof seatUpdateInput>;

export const endSeatInput = z.object({
  seatId: uuidField,
  reason: z.enum(SEAT_END_REASONS, { error: 'validation.invalidOption' }),
  /** The first day the seat is no longer held; today when left empty. Never in the future. */
  endedOn: optional(calendarDateField),
  note: optionalText(2000),
});
export type EndSeatInput = z.output<typeof endSeatInput>;

/** The parts of a seat its holder declares themself. */
export const mySeatInput = z.object({
  seatId: uuidField,
  gender: optional(z.enum(GENDERS, { error: 'validation.invalidOption' })),
  listedPublicly: z.boolean({ error: 'validation.invalidType' }),
  conflictOfInterest: optionalText(5000),
});
export type MySeatInput = z.output<typeof mySeatInput>;

// ---------------------------------------------------------------------------------------------------------------------
// Calls and nominations

export const callInput = z
  .object({
    boardId: uuidField,
    description: localizedTextField(10_000),
    opensAt: instantField,
    closesAt: instantField,
  })
  .superRefine((call, ctx) => {
    if (
      call.closesAt instanceof Date &&
      call.opensAt instanceof Date &&
      !isBefore(call.opensAt, call.closesAt)
    )
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'board.validation.closesBeforeOpens' });
  });
export type CallInput = z.output<typeof callInput>;

/**
 * An application (`self: true`) or a nomination of someone else. A nominee is named by e-mail: accepting the nomination
 * seats the account with that address, so the nominee must have (or create) an account before the Secretariat accepts.
 */
export const nominationInput = z
  .object({
    callId: uuidField,
    self: z.boolean({ error: 'validation.invalidType' }),
    nomineeName: optionalDisplayNameField(200),
    nomineeEmail: optional(emailField),
    constituencies: constituencyList.pipe(
      z.array(z.string()).min(1, { error: 'board.validation.constituencyRequired' }),
    ),
    memberState: optional(memberStateField),
    organisation: optionalDisplayNameField(200),
    gender: optional(z.enum(GENDERS, { error: 'validation.invalidOption' })),
    motivation: requiredText(5000),
  })
  .superRefine((n, ctx) => {
    if (n.self === false && !n.nomineeName)
      ctx.addIssue({ code: 'custom', path: ['nomineeName'], message: 'board.validation.nomineeRequired' });
    if (n.self === false && !n.nomineeEmail)
      ctx.addIssue({ code: 'custom', path: ['nomineeEmail'], message: 'board.validation.nomineeRequired' });
  })
  // Gender is self-declared: nobody declares it for someone else.
  .transform((n) =>
    n.self ? { ...n, nomineeName: undefined, nomineeEmail: undefined } : { ...n, gender: undefined },
  );
export type NominationInput = z.output<typeof nominationInput>;
export type NominationFormValues = z.input<typeof nominationInput>;

export const scoreNominationInput = z.object({
  nominationId: uuidField,
  scores: z
    .record(
      slugField('board.validation.criterionKey'),
      z
        .number({ error: 'validation.invalidType' })
        .int({ error: 'validation.invalidType' })
        .min(0)
        .max(SCORE_MAX),
      { error: 'validation.invalidType' },
    )
    .refine((scores) => Object.keys(scores).length <= 20, { error: 'validation.tooLong' }),
  note: optionalText(5000),
});
export type ScoreNominationInput = z.output<typeof scoreNominationInput>;

export const acceptNominationInput = z
  .object({
    nominationId: uuidField,
    role: seatFields.role,
    termStartsOn: calendarDateField,
    termEndsOn: calendarDateField,
    note: optionalText(2000),
  })
  .superRefine(termInOrder);
export type AcceptNominationInput = z.output<typeof acceptNominationInput>;

/** The reason is shown to the applicant, so it is required. */
export const declineNominationInput = z.object({
  nominationId: uuidField,
  reason: z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.invalidType',
    })
    .trim()
    .min(1, { error: 'board.validation.reasonRequired' })
    .max(5000, { error: 'validation.tooLong' }),
});
export type DeclineNominationInput = z.output<typeof declineNominationInput>;

// ---------------------------------------------------------------------------------------------------------------------
// Sessions

export const agendaItemInput = z.object({
  /** Kept when editing so inputs already given stay tied to their item; new items get one from the server. */
  id: optional(uuidField),
  title: requiredText(500),
  actionId: optional(catalogueActionIdField),
});

export const sessionInput = z
  .object({
    boardId: uuidField,
    kind: z.enum(SESSION_KINDS, { error: 'validation.invalidOption' }),
    mode: z.enum(SESSION_MODES, { error: 'validation.invalidOption' }),
    method: z.enum(SESSION_METHODS, { error: 'validation.invalidOption' }),
    title: localizedTextField(300),
    startsAt: instantField,
    endsAt: instantField,
    venue: optionalText(500),
    link: optional(z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'validation.url' })),
    languages: uniqueList(z.enum(LANGUAGES, { error: 'validation.locale' }))
      .refine((l) => l.length > 0, { error: 'validation.required' })
      .default(['en']),
    accommodations: uniqueList(z.enum(ACCOMMODATIONS, { error: 'validation.invalidOption' })).default([]),
    agenda: z.array(agendaItemInput).max(50, { error: 'validation.tooLong' }).default([]),
    actionIds: uniqueList(catalogueActionIdField).pipe(z.array(z.string()).max(100)).default([]),
  })
  .superRefine((s, ctx) => {
    if (s.endsAt instanceof Date && s.startsAt instanceof Date && !isBefore(s.startsAt, s.endsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'board.validation.endsBeforeStarts' });
    if (s.mode !== 'online' && !s.venue)
      ctx.addIssue({ code: 'custom', path: ['venue'], message: 'board.validation.venueRequired' });
    if (s.mode !== 'in_person' && !s.link)
      ctx.addIssue({ code: 'custom', path: ['link'], message: 'board.validation.linkRequired' });
  })
  // A form switched from hybrid to online keeps its old venue; storing it would send people to a room.
  .transform((s) => ({
    ...s,
    venue: s.mode === 'online' ? undefined : s.venue,
    link: s.mode === 'in_person' ? undefined : s.link,
  }));
export type SessionInput = z.output<typeof sessionInput>;
export type SessionFormValues = z.input<typeof sessionInput>;

export const minutesInput = z.object({
  sessionId: uuidField,
  minutes: requiredText(50_000),
  outcomes: optionalText(20_000),
  visibility: z.enum(MINUTES_VISIBILITIES, { error: 'validation.invalidOption' }),
  /** false saves a draft only the secretariat sees. */
  publish: z.boolean({ error: 'validation.invalidType' }),
});
export type MinutesInput = z.output<typeof minutesInput>;

export const inviteInput = z.object({
  sessionId: uuidField,
  /** Seat holders to invite; empty means every current member of the board. */
  userIds: uniqueList(uuidField).pipe(z.array(z.string()).max(500)).default([]),
});

/** Withdraws one member's invitation to a session: they are no longer expected, nor counted as invited. */
export const withdrawInvitationInput = z.object({
  sessionId: uuidField,
  userId: uuidField,
});
export type WithdrawInvitationInput = z.output<typeof withdrawInvitationInput>;

export const rsvpInput = z.object({
  sessionId: uuidField,
  response: z.enum(RSVP_RESPONSES, { error: 'validation.invalidOption' }),
  accommodationsNeeded: uniqueList(z.enum(ACCOMMODATIONS, { error: 'validation.invalidOption' })).default([]),
  otherNeeds: optionalText(1000),
});
export type RsvpInput = z.output<typeof rsvpInput>;

export const attendanceInput = z.object({
  sessionId: uuidField,
  records: z
    .array(
      z.object({
        userId: uuidField,
        status: z.enum(ATTENDANCE_STATUSES, { error: 'validation.invalidOption' }),
      }),
    )
    .min(1)
    .max(500, { error: 'validation.tooLong' }),
});
export type AttendanceInput = z.output<typeof attendanceInput>;

export const sessionContributionInput = z.object({
  sessionId: uuidField,
  agendaItemId: optional(uuidField),
  actionId: optional(catalogueActionIdField),
  text: requiredText(10_000),
  /** Made by the app once per point; sending the point again with it stores it once. */
  idempotencyKey: optional(uuidField),
});
export type SessionContributionInput = z.output<typeof sessionContributionInput>;

const surveyScore = z
  .number({ error: 'validation.required' })
  .int({ error: 'validation.invalidOption' })
  .min(1, { error: 'validation.invalidOption' })
  .max(5, { error: 'validation.invalidOption' });

/** `signed: false` (the default) stores the answer without any link to the member. */
export const surveyAnswerInput = z.object({
  sessionId: uuidField,
  satisfaction: surveyScore,
  trust: surveyScore,
  comment: optionalText(5000),
  signed: z.boolean({ error: 'validation.invalidType' }).default(false),
});
export type SurveyAnswerInput = z.output<typeof surveyAnswerInput>;

// ---------------------------------------------------------------------------------------------------------------------
// Training

export const trainingInput = z.object({
  boardId: uuidField,
  userId: uuidField,
  course: requiredText(300),
  takenOn: calendarDateField,
  completed: z.boolean({ error: 'validation.invalidType' }).default(false),
});
export type TrainingInput = z.output<typeof trainingInput>;

export const trainingUpdateInput = z.object({
  trainingId: uuidField,
  course: requiredText(300),
  takenOn: calendarDateField,
  completed: z.boolean({ error: 'validation.invalidType' }),
});
export type TrainingUpdateInput = z.output<typeof trainingUpdateInput>;
