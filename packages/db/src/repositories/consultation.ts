import { sql, type Expression, type ExpressionBuilder, type Insertable, type QueryCreator } from 'kysely';
import type { auditRow } from '../audit';
import type { Executor } from '../client';
import { toJsonColumn } from '../json-column';
import { preparedStatement } from '../prepared';
import type { ConsultationRound, ContributionTable, Database, MailOutbox, RoundQuestion } from '../schema';
import { outboxRow, type NewOutboxMail } from './mail';
import { sessionWithUserQuery, type SessionWithUserRow } from './sessions';
import { countRateLimitUses, rateLimitKey, rateLimitRefusal } from './rate-limits';
import { awaitsResponse, openReportsOfContribution } from './work';

export async function listRounds(db: Executor, filter: { publishedOnly: boolean }) {
  let query = db.selectFrom('consultation_round').selectAll();
  if (filter.publishedOnly) query = query.where('published_at', 'is not', null);
  return query.orderBy('opens_at', 'desc').execute();
}

export async function findRound(db: Executor, id: string) {
  return db.selectFrom('consultation_round').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRoundQuestions(db: Executor, roundId: string) {
  return db
    .selectFrom('round_question')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('position')
    .execute();
}

/**
 * THE contribution counts of rounds, one definition for every screen:
 * - `published`: submitted and not hidden by moderation — what the public record lists, so every public count
 *   (round cards, the round page) is this one;
 * - `hidden`: submitted and hidden by moderation;
 * - `received` (= published + hidden): everything submitted, what the Secretariat's list, overview, moderation tab and
 *   export count, with the hidden ones stated beside it.
 * Drafts are never counted. Without `roundIds`, every round.
 */
export async function countContributionsByRound(db: Executor, roundIds?: readonly string[]) {
  if (roundIds && roundIds.length === 0) return new Map<string, ContributionCounts>();
  let query = db
    .selectFrom('contribution')
    .select([
      'round_id',
      sql<number>`count(*) filter (where hidden_at is null)::int`.as('published'),
      sql<number>`count(*) filter (where hidden_at is not null)::int`.as('hidden'),
    ])
    .where('status', '=', 'submitted');
  if (roundIds) query = query.where('round_id', 'in', roundIds);
  const rows = await query.groupBy('round_id').execute();
  return new Map(
    rows.map((r) => {
      const published = Number(r.published);
      const hidden = Number(r.hidden);
      return [r.round_id, { published, hidden, received: published + hidden }];
    }),
  );
}

export interface ContributionCounts {
  published: number;
  hidden: number;
  received: number;
}

export const NO_CONTRIBUTIONS: ContributionCounts = { published: 0, hidden: 0, received: 0 };

export async function findDraftContribution(db: Executor, roundId: string, authorUserId: string) {
  return db
    .selectFrom('contribution')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('author_user_id', '=', authorUserId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

/**
 * The submission stored earlier with this key by this person (the author, or the facilitator of an on-behalf entry)
 * to this round. Keys are scoped to (person, round): the same key sent for another round is another submission.
 */
export async function findContributionByIdempotencyKey(
  db: Executor,
  scope: { key: string; roundId: string; userId: string },
) {
  return db
    .selectFrom('contribution')
    .selectAll()
    .where('round_id', '=', scope.roundId)
    .where(sql<boolean>`coalesce(author_user_id, facilitated_by) = ${scope.userId}`)
    .where('idempotency_key', '=', scope.key)
    .executeTakeFirst();
}

export async function findContribution(db: Executor, id: string) {
  return db.selectFrom('contribution').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listContributionItems(db: Executor, contributionIds: string[]) {
  if (contributionIds.length === 0) return [];
  return db
    .selectFrom('contribution_item')
    .selectAll()
    .where('contribution_id', 'in', contributionIds)
    .orderBy('contribution_id')
    .orderBy('position')
    .execute();
}

export async function replaceContributionItems(
  db: Executor,
  contributionId: string,
  items: { type: string; text: string; actionId?: string | undefined }[],
  options: { isNew?: boolean } = {},
) {
  if (!options.isNew)
    await db.deleteFrom('contribution_item').where('contribution_id', '=', contributionId).execute();
  if (items.length === 0) return;
  await db
    .insertInto('contribution_item')
    .values(
      items.map((item, position) => ({
        contribution_id: contributionId,
        position,
        type: item.type,
        text: item.text,
        action_id: item.actionId ?? null,
      })),
    )
    .execute();
}

/** Submitted contributions of a round with author names, responses and themes; hidden ones only when asked. */
export async function listRoundContributions(
  db: Executor,
  roundId: string,
  options: { includeHidden: boolean },
) {
  let query = db
    .selectFrom('contribution')
    .leftJoin('user_account', 'user_account.id', 'contribution.author_user_id')
    .leftJoin('contribution_response', 'contribution_response.contribution_id', 'contribution.id')
    .select([
      'contribution.id',
      'contribution.author_user_id',
      'contribution.receipt_reference',
      'contribution.answers',
      'contribution.stakeholder_group',
      'contribution.member_state_code',
      'contribution.organisation_name',
      'contribution.written_in',
      'contribution.named_publicly',
      'contribution.facilitated_by',
      'contribution.participant_name',
      'contribution.submitted_at',
      'contribution.hidden_at',
      'contribution.hidden_reason',
      'contribution.hidden_note',
      'user_account.name as author_name',
      'contribution_response.text as response_text',
      'contribution_response.updated_at as response_at',
      openReportsOfContribution.as('open_reports'),
      awaitsResponse.as('awaits_response'),
    ])
    .where('contribution.round_id', '=', roundId)
    .where('contribution.status', '=', 'submitted');
  if (!options.includeHidden) query = query.where('contribution.hidden_at', 'is', null);
  return query.orderBy('contribution.submitted_at', 'desc').execute();
}

export async function listThemesOfContributions(db: Executor, contributionIds: string[]) {
  if (contributionIds.length === 0) return [];
  return db
    .selectFrom('contribution_theme')
    .innerJoin('round_theme', 'round_theme.id', 'contribution_theme.theme_id')
    .select(['contribution_theme.contribution_id', 'round_theme.id', 'round_theme.label'])
    .where('contribution_theme.contribution_id', 'in', contributionIds)
    .execute();
}

export async function listRoundThemes(db: Executor, roundId: string) {
  return db
    .selectFrom('round_theme')
    .select(['id', 'label'])
    .where('round_id', '=', roundId)
    .orderBy('label')
    .execute();
}

export async function listContributionsOfAuthor(db: Executor, authorUserId: string) {
  return db
    .selectFrom('contribution')
    .innerJoin('consultation_round', 'consultation_round.id', 'contribution.round_id')
    .leftJoin('contribution_response', 'contribution_response.contribution_id', 'contribution.id')
    .select([
      'contribution.id',
      'contribution.round_id',
      'contribution.status',
      'contribution.receipt_reference',
      'contribution.submitted_at',
      'contribution.updated_at',
      'contribution.hidden_at',
      'contribution.hidden_reason',
      'consultation_round.title as round_title',
      'contribution_response.text as response_text',
    ])
    .where('contribution.author_user_id', '=', authorUserId)
    .orderBy('contribution.updated_at', 'desc')
    .execute();
}

/**
 * Who took part, for the stakeholder map: submitted, visible contributions counted per stakeholder group × Member
 * State × language. Counted in the database (one row per combination, a few hundred at most) — fetching one row per
 * contribution made the round dashboard take seconds and hundreds of MB at a million contributions (bench/).
 */
export async function listParticipation(db: Executor, roundId: string) {
  const rows = await db
    .selectFrom('contribution')
    .select(['stakeholder_group', 'member_state_code', 'written_in', sql<number>`count(*)::int`.as('count')])
    .where('round_id', '=', roundId)
    .where('status', '=', 'submitted')
    .where('hidden_at', 'is', null)
    .groupBy(['stakeholder_group', 'member_state_code', 'written_in'])
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export async function countItemsByType(db: Executor, roundId: string) {
  return db
    .selectFrom('contribution_item')
    .innerJoin('contribution', 'contribution.id', 'contribution_item.contribution_id')
    .select(['contribution_item.type', sql<number>`count(*)::int`.as('count')])
    .where('contribution.round_id', '=', roundId)
    .where('contribution.status', '=', 'submitted')
    .where('contribution.hidden_at', 'is', null)
    .groupBy('contribution_item.type')
    .execute();
}

export async function countThemes(db: Executor, roundId: string) {
  return db
    .selectFrom('round_theme')
    .leftJoin('contribution_theme', 'contribution_theme.theme_id', 'round_theme.id')
    .leftJoin('contribution', (join) =>
      join
        .onRef('contribution.id', '=', 'contribution_theme.contribution_id')
        .on('contribution.hidden_at', 'is', null),
    )
    .select(['round_theme.id', 'round_theme.label', sql<number>`count(contribution.id)::int`.as('count')])
    .where('round_theme.round_id', '=', roundId)
    .groupBy(['round_theme.id', 'round_theme.label'])
    .orderBy('round_theme.label')
    .execute();
}

/** Submissions per UTC day, for "participation over time". */
export async function countSubmissionsByDay(db: Executor, roundId: string) {
  const rows = await db
    .selectFrom('contribution')
    .select([
      sql<string>`to_char(submitted_at at time zone 'UTC', 'YYYY-MM-DD')`.as('day'),
      sql<number>`count(*)::int`.as('count'),
    ])
    .where('round_id', '=', roundId)
    .where('status', '=', 'submitted')
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows.map((r) => ({ day: r.day, count: Number(r.count) }));
}

const NO_USER = '00000000-0000-0000-0000-000000000000';

type SubmissionContextColumns = {
  round: Record<string, unknown> | null;
  questions: QuestionRow[] | null;
  existing_id: string | null;
  draft_id: string | null;
};

/**
 * The four things a submission reads, as columns of one row: the round, its questions, an earlier submission with the
 * same idempotency key (by its key owner) and the author's draft. Shared by the statement that reads them alone and the
 * one that reads them with the session, so both always read the same.
 */
function submissionContextColumns(
  eb: ExpressionBuilder<Database, never>,
  args: {
    roundId: string;
    idempotencyKey: string | null;
    keyOwner: Expression<string>;
    author: Expression<string>;
  },
) {
  return [
    eb
      .selectFrom('consultation_round')
      .select(sql<Record<string, unknown>>`to_jsonb(consultation_round)`.as('r'))
      .where('consultation_round.id', '=', args.roundId)
      .as('round'),
    eb
      .selectFrom('round_question')
      .select(
        sql<QuestionRow[]>`coalesce(jsonb_agg(to_jsonb(round_question) order by position), '[]'::jsonb)`.as(
          'q',
        ),
      )
      .where('round_question.round_id', '=', args.roundId)
      .as('questions'),
    eb
      .selectFrom('contribution as c')
      .select(['c.id'])
      .where('c.round_id', '=', args.roundId)
      .where(sql<boolean>`coalesce(c.author_user_id, c.facilitated_by) = ${args.keyOwner}`)
      // No key (a draft save) compares with null, which matches nothing.
      .where(sql<boolean>`c.idempotency_key = ${args.idempotencyKey}`)
      .as('existing_id'),
    eb
      .selectFrom('contribution as d')
      .select(['d.id'])
      .where('d.round_id', '=', args.roundId)
      .where(sql<boolean>`d.author_user_id = ${args.author}`)
      // A literal, not a parameter: the statement is prepared once and its generic plan cannot see a parameter's
      // value, so with `status = $n` it could not use the partial index of drafts (contribution_one_draft) and, on
      // a round one person filled, read the whole table instead (prepared-plans.test.ts).
      .where('d.status', '=', sql.lit('draft'))
      .limit(1)
      .as('draft_id'),
  ] as const;
}

/** loadSubmissionContext's one statement, compiled once (it runs on every submission). */
const submissionContextStatement = preparedStatement<
  { roundId: string; idempotencyKey: string; keyOwner: string; authorUserId: string },
  SubmissionContextColumns
>((db, param) =>
  db.selectNoFrom((eb) =>
    submissionContextColumns(eb, {
      roundId: param('roundId'),
      idempotencyKey: param('idempotencyKey'),
      keyOwner: sql<string>`${param('keyOwner')}`,
      author: sql<string>`${param('authorUserId')}`,
    }),
  ),
);

export type SubmissionContext = ReturnType<typeof submissionContextOf>;

function submissionContextOf(row: SubmissionContextColumns, authorUserId: string | null) {
  return {
    round: row.round ? reviveRound(row.round) : undefined,
    questions: row.questions ?? [],
    existingId: row.existing_id ?? null,
    draftId: authorUserId ? (row.draft_id ?? null) : null,
  };
}

/**
 * Everything the submission path reads, in one round trip: the round, its questions, an earlier submission with the
 * same idempotency key, and the participant's draft. Feedback submission is the platform's busiest write, and each
 * extra round trip under load cost more than the work itself (bench/).
 */
export async function loadSubmissionContext(
  db: Executor,
  args: {
    roundId: string;
    idempotencyKey: string;
    authorUserId: string | null;
    facilitatorUserId?: string | null;
  },
): Promise<SubmissionContext> {
  // The key's scope (migration 2026_12_04_0003): this round, and the author — or the facilitator of an on-behalf entry.
  const keyOwner = args.authorUserId ?? args.facilitatorUserId ?? NO_USER;
  const { rows } = await submissionContextStatement(db, {
    roundId: args.roundId,
    idempotencyKey: args.idempotencyKey,
    keyOwner,
    authorUserId: args.authorUserId ?? NO_USER,
  });
  return submissionContextOf(rows[0]!, args.authorUserId);
}

/**
 * A session with its user (as `findSessionWithUser` reads them) and, for that user as the author, a submission's
 * context (as `loadSubmissionContext` reads it) in ONE statement: a participant's own submission then costs the
 * database two round trips, not three, and a draft save (no key: `existingId` is then null) two fewer (bench/README.md).
 * The context is read before anyone has decided the session is valid; whoever uses it must have
 * (validateSessionToken), and it is only ever this user's own.
 */
const sessionWithSubmissionContextStatement = preparedStatement<
  { sessionId: string; roundId: string; idempotencyKey: string | null },
  SessionWithUserRow & SubmissionContextColumns
>((db, param) =>
  sessionWithUserQuery(db, param('sessionId')).select((eb) =>
    // Its subqueries name their own tables; the outer ones (`s`, `u`) only through the references given here.
    submissionContextColumns(eb as unknown as ExpressionBuilder<Database, never>, {
      roundId: param('roundId'),
      idempotencyKey: param('idempotencyKey'),
      keyOwner: eb.ref('u.id'),
      author: eb.ref('u.id'),
    }),
  ),
);

export async function findSessionWithSubmissionContext(
  db: Executor,
  sessionId: string,
  args: { roundId: string; idempotencyKey: string | null },
): Promise<{ session: SessionWithUserRow; context: SubmissionContext } | undefined> {
  const row = (await sessionWithSubmissionContextStatement(db, { sessionId, ...args })).rows[0];
  if (!row) return undefined;
  const { round, questions, existing_id, draft_id, ...session } = row;
  return {
    session,
    context: submissionContextOf({ round, questions, existing_id, draft_id }, session.id),
  };
}

type QuestionRow = Pick<RoundQuestion, 'id' | 'kind' | 'required' | 'options' | 'likert'>;

/** A round read as JSON has its timestamps as strings; the schedule rules compare Dates. */
function reviveRound(json: Record<string, unknown>): ConsultationRound {
  const round: Record<string, unknown> = { ...json };
  for (const key of Object.keys(round)) {
    if (key.endsWith('_at') && typeof round[key] === 'string') round[key] = new Date(round[key]);
  }
  // The row came from the database as JSON (a round read inside a statement); only its timestamps change type.
  return round as unknown as ConsultationRound;
}

/** The receipt mail's outbox row as far as `Mailer.deliver` reads it. */
export type SubmissionReceiptMail = Pick<
  MailOutbox,
  'id' | 'transport' | 'to_address' | 'subject' | 'text_body'
>;

/** A limit a submission is counted against (the uses of `consumeRateLimits` in @musyawarah/auth, by the same key). */
export interface SubmissionLimit {
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * Stores a submission, its items, its audit row and its receipt mail in ONE statement (data-modifying CTEs), which is
 * atomic without an explicit transaction: two round trips fewer than BEGIN … COMMIT and four fewer than one insert per
 * table. A second submission with the same idempotency key fails on the unique index and stores nothing; the caller
 * then returns the first one's receipt.
 *
 * `limits` are counted in the same statement (issue #16: counting them first, in a transaction around this one, held a
 * pooled connection for four more round trips per submission). Over any of them, `refuse_over_rate_limit` aborts the
 * statement: the use is not counted and nothing is stored, and the answer says when the window ends.
 */
export async function insertSubmission(
  db: Executor,
  args: {
    /** The contribution row; its answers are written through toJsonColumn. */
    contribution: Omit<Insertable<ContributionTable>, 'answers'> & {
      id: string;
      answers: Record<string, unknown>;
    };
    items: { type: string; text: string; actionId?: string | undefined }[];
    replacesDraftId: string | null;
    audit: ReturnType<typeof auditRow>;
    mail: NewOutboxMail | null;
    limits?: { now: Date; counted: SubmissionLimit[] } | undefined;
  },
): Promise<
  { stored: true; mail: SubmissionReceiptMail | null } | { stored: false; retryAfterSeconds: number }
> {
  const now = args.limits?.now;
  const values: SubmissionValues = {
    contribution: { ...args.contribution, answers: toJsonColumn(args.contribution.answers) },
    items: args.items.map((item, position) => ({
      contribution_id: args.contribution.id,
      position,
      type: item.type,
      text: item.text,
      action_id: item.actionId ?? null,
    })),
    draftId: args.replacesDraftId,
    audit: args.audit,
    // Only what delivery reads comes back: the bodies and timestamps of the whole row were parsed for nothing.
    mail: args.mail ? outboxRow(args.mail) : null,
    // In one order, so that two statements counting the same keys cannot each hold a row the other waits for.
    limits: (args.limits?.counted ?? [])
      .map((l) => ({
        key: rateLimitKey(l.key),
        now,
        windowEnd: new Date(now!.getTime() + l.windowMs),
        limit: l.limit,
      }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    limitsNow: now ?? null,
  };
  try {
    const mail = await runInsertSubmission(db, values);
    return { stored: true, mail: args.mail ? mail : null };
  } catch (error) {
    const refusal = rateLimitRefusal(error);
    if (refusal) return { stored: false, retryAfterSeconds: refusal.retryAfterSeconds };
    throw error;
  }
}

async function runInsertSubmission(db: Executor, values: SubmissionValues) {
  // A statement's shape: which rows and columns it writes. Submissions come in few shapes (a handful of items, with or
  // without a draft and a mail), each compiled once; an unusually long one is built as it comes.
  if (values.items.length > PREPARED_SUBMISSION_ITEMS) {
    const row = await buildInsertSubmission(db, values).execute();
    return (row[0] as SubmissionReceiptMail | undefined) ?? null;
  }
  const params: Record<string, unknown> = {};
  const shape = [
    values.items.length,
    values.draftId === null ? '' : 'd',
    paramsOf('c', values.contribution, params),
    paramsOf('a', values.audit, params),
    values.mail ? paramsOf('m', values.mail, params) : '',
    ...values.items.map((item, i) => paramsOf(`i${i}`, item, params)),
    ...values.limits.map((limit, i) => paramsOf(`l${i}`, limit, params)),
  ].join('|');
  if (values.draftId !== null) params['draftId'] = values.draftId;
  if (values.limitsNow !== null) params['limitsNow'] = values.limitsNow;
  let statement = insertSubmissionStatements.get(shape);
  if (!statement) {
    statement = preparedStatement<Record<string, unknown>, Record<string, unknown>>((cold, param) =>
      buildInsertSubmission(cold, {
        contribution: asParams('c', values.contribution, param),
        items: values.items.map((item, i) => asParams(`i${i}`, item, param)),
        draftId: values.draftId === null ? null : param('draftId'),
        audit: asParams('a', values.audit, param),
        mail: values.mail ? asParams('m', values.mail, param) : null,
        limits: values.limits.map((limit, i) => asParams(`l${i}`, limit, param)),
        limitsNow: values.limitsNow === null ? null : param('limitsNow'),
      }),
    );
    insertSubmissionStatements.set(shape, statement);
  }
  const { rows } = await statement(db, params);
  return (rows[0] as SubmissionReceiptMail | undefined) ?? null;
}

const PREPARED_SUBMISSION_ITEMS = 12;
const insertSubmissionStatements = new Map<
  string,
  ReturnType<typeof preparedStatement<Record<string, unknown>, Record<string, unknown>>>
>();

type SubmissionValues = {
  contribution: Record<string, unknown> & { id: unknown };
  items: Record<string, unknown>[];
  draftId: unknown;
  audit: Record<string, unknown>;
  mail: Record<string, unknown> | null;
  limits: { key: unknown; now: unknown; windowEnd: unknown; limit: unknown }[];
  limitsNow: unknown;
};

/** Adds `row`'s values to `params` under `prefix`, and returns its columns (part of the statement's shape). */
function paramsOf(prefix: string, row: Record<string, unknown>, params: Record<string, unknown>): string {
  let columns = prefix;
  for (const column in row) {
    const value = row[column];
    // Kysely leaves out a column whose value is undefined: it is not part of the shape.
    if (value === undefined) continue;
    params[`${prefix}.${column}`] = value;
    columns += `,${column}`;
  }
  return columns;
}

function asParams<T extends Record<string, unknown>>(
  prefix: string,
  row: T,
  param: (name: string) => unknown,
): T {
  const out: Record<string, unknown> = {};
  for (const column in row) if (row[column] !== undefined) out[column] = param(`${prefix}.${column}`);
  return out as T;
}

/**
 * The one statement of a submission (data-modifying CTEs). Built with either the values themselves or, once per shape,
 * with parameters standing for them (preparedStatement).
 */
function buildInsertSubmission(db: Executor, values: SubmissionValues) {
  // The rows are typed by their callers (insertSubmission's arguments, auditRow, outboxRow); here they are plain
  // records so that parameters can stand for their values.
  const contribution = values.contribution as unknown as Insertable<ContributionTable>;
  let query = db
    .with('c', (qb) => qb.insertInto('contribution').values(contribution).returning('id'))
    .with('a', (qb) =>
      qb
        .insertInto('audit_log')
        .values(values.audit as unknown as ReturnType<typeof auditRow>)
        .returning('id'),
    );
  if (values.items.length) {
    const items = values.items as unknown as Insertable<Database['contribution_item']>[];
    // Each `with` adds a CTE name to the builder's type; the optional ones are kept in one variable, and nothing below
    // selects from them, so the type without them stays true for what is read.
    query = query.with('i', (qb) =>
      qb.insertInto('contribution_item').values(items).returning('id'),
    ) as unknown as typeof query;
  }
  if (values.draftId !== null) {
    const draftId = values.draftId as string;
    query = query.with('d', (qb) =>
      qb.deleteFrom('contribution').where('id', '=', draftId).where('status', '=', 'draft').returning('id'),
    ) as unknown as typeof query;
  }
  const { limits } = values;
  if (limits.length) {
    // Counted here; `refused` raises (aborting everything above) when any count is over its limit, with the seconds
    // until the latest of those windows ends. The statement's final select reads it, which is what makes it run.
    query = query
      .with('l', (qb) => countRateLimitUses(qb as unknown as QueryCreator<Database>, limits))
      .with('refused', (qb) =>
        qb
          .selectFrom('l')
          .select(
            sql<number>`refuse_over_rate_limit(greatest(1, ceil(extract(epoch from max(l.locked_until) - ${values.limitsNow}::timestamptz)))::integer)`.as(
              'retry_after',
            ),
          )
          .where((eb) =>
            eb.or(
              limits.map((limit) =>
                eb.and([eb('l.key', '=', limit.key as string), eb('l.failures', '>', limit.limit as number)]),
              ),
            ),
          )
          .having(sql<boolean>`count(*) > 0`),
      ) as unknown as typeof query;
  }
  const refusedNone = sql<boolean>`not exists (select from refused)`;
  if (values.mail) {
    const mail = values.mail as unknown as ReturnType<typeof outboxRow>;
    return query
      .with('m', (qb) =>
        qb
          .insertInto('mail_outbox')
          .values(mail)
          .returning(['id', 'transport', 'to_address', 'subject', 'text_body']),
      )
      .selectFrom('m')
      .selectAll()
      .$if(limits.length > 0, (qb) => qb.where(refusedNone));
  }
  return query
    .selectFrom('c')
    .select('id')
    .$if(limits.length > 0, (qb) => qb.where(refusedNone));
}

/** Postgres' unique_violation on the idempotency key's scope: a concurrent request with the same key, person and round stored first. */
export function isIdempotencyKeyConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string } | null;
  return (
    !!e &&
    e.code === '23505' &&
    (e.constraint === 'contribution_idempotency_key_scope' || /idempotency_key/.test(e.message ?? ''))
  );
}

/**
 * The round dashboard's counts, from the write-time tally (migration 0007) rather than a GROUP BY over every
 * contribution. The deltas written since the last read are folded into round_tally first, then the totals are read
 * as round_tally plus any deltas still waiting, in a second statement. Folding and reading in one statement was wrong
 * on PostgreSQL: a reader whose DELETE waited for a concurrent fold found the deltas gone, and its snapshot, taken
 * before that fold committed, did not see them in round_tally either, so it returned figures without them (a report
 * rendering 13 languages at once printed "Contributions: 0"). Each fold commits its move atomically, so any snapshot
 * sees every delta exactly once: still waiting, or in round_tally.
 */
export async function readRoundTally(db: Executor, roundId: string) {
  await sql`
    with moved as (
      delete from round_tally_delta where round_id = ${roundId} returning dimension, key, delta
    ), summed as (
      select dimension, key, sum(delta) as delta from moved group by 1, 2
    )
    insert into round_tally (round_id, dimension, key, count)
    select ${roundId}, dimension, key, delta from summed order by dimension, key
    on conflict (round_id, dimension, key) do update set count = round_tally.count + excluded.count
  `.execute(db);
  const { rows } = await sql<{ dimension: string; key: string; count: string | number }>`
    select dimension, key, sum(count) as count from (
      select dimension, key, count from round_tally where round_id = ${roundId}
      union all
      select dimension, key, delta from round_tally_delta where round_id = ${roundId}
    ) totals
    group by 1, 2
    having sum(count) <> 0
    order by 1, 2
  `.execute(db);
  const cells: {
    stakeholder_group: string | null;
    member_state_code: string | null;
    written_in: string;
    count: number;
  }[] = [];
  const byType: { type: string; count: number }[] = [];
  const byThemeId = new Map<string, number>();
  const byDay: { day: string; count: number }[] = [];
  for (const row of rows) {
    const count = Number(row.count);
    if (row.dimension === 'cell') {
      const [group, state, language] = JSON.parse(row.key) as [string | null, string | null, string];
      cells.push({ stakeholder_group: group, member_state_code: state, written_in: language, count });
    } else if (row.dimension === 'type') byType.push({ type: row.key, count });
    else if (row.dimension === 'theme') byThemeId.set(row.key, count);
    else if (row.dimension === 'day') byDay.push({ day: row.key, count });
  }
  return { cells, byType, byThemeId, byDay };
}

// ---------------------------------------------------------------------------------------------------------------------
// Event registrations

/**
 * Locks the round's row for the rest of the transaction: every change to one event's registrations (register, cancel,
 * promote) takes this lock first, so places are counted and handed out one change at a time, on PostgreSQL as on PGlite.
 */
export async function lockRoundForRegistrations(tx: Executor, roundId: string) {
  await sql`select id from consultation_round where id = ${roundId} for update`.execute(tx);
}

export async function findEventRegistration(db: Executor, roundId: string, userId: string) {
  return db
    .selectFrom('event_registration')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function findEventRegistrationById(db: Executor, id: string) {
  return db.selectFrom('event_registration').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Places taken and people waiting for one event. */
export async function countEventRegistrations(db: Executor, roundId: string) {
  const row = await db
    .selectFrom('event_registration')
    .select([
      sql<number>`count(*) filter (where status = 'registered')::int`.as('registered'),
      sql<number>`count(*) filter (where status = 'waitlisted')::int`.as('waitlisted'),
    ])
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return { registered: Number(row.registered), waitlisted: Number(row.waitlisted) };
}

/**
 * Moves the first `places` waitlisted people (in the order they registered) onto the event. Call only while holding
 * `lockRoundForRegistrations`.
 */
export async function promoteFromWaitlist(tx: Executor, roundId: string, places: number, now = new Date()) {
  if (places <= 0) return [];
  const next = await tx
    .selectFrom('event_registration')
    .select('id')
    .where('round_id', '=', roundId)
    .where('status', '=', 'waitlisted')
    .orderBy('created_at')
    .orderBy('id')
    .limit(places)
    .execute();
  if (next.length === 0) return [];
  return tx
    .updateTable('event_registration')
    .set({ status: 'registered', promoted_at: now, updated_at: now })
    .where(
      'id',
      'in',
      next.map((n) => n.id),
    )
    .where('status', '=', 'waitlisted')
    .returningAll()
    .execute();
}

/** Everyone registered or waiting for one event (cancelled ones too, last), with who they are, for the Secretariat. */
export async function listEventRegistrations(db: Executor, roundId: string) {
  return db
    .selectFrom('event_registration')
    .innerJoin('user_account', 'user_account.id', 'event_registration.user_id')
    .leftJoin('organisation', 'organisation.id', 'user_account.organisation_id')
    .select([
      'event_registration.id',
      'event_registration.user_id',
      'event_registration.status',
      'event_registration.accommodations_needed',
      'event_registration.other_needs',
      'event_registration.created_at',
      'event_registration.updated_at',
      'event_registration.cancelled_at',
      'event_registration.promoted_at',
      'user_account.name',
      'user_account.email',
      'user_account.stakeholder_group',
      'user_account.member_state_code',
      'organisation.name as organisation_name',
    ])
    .where('event_registration.round_id', '=', roundId)
    .orderBy(sql`case event_registration.status when 'registered' then 0 when 'waitlisted' then 1 else 2 end`)
    .orderBy('event_registration.created_at')
    .orderBy('event_registration.id')
    .execute();
}

/** The signed-in person's registrations that still hold a place or a place in the queue, with their rounds. */
export async function listEventRegistrationsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('event_registration')
    .innerJoin('consultation_round', 'consultation_round.id', 'event_registration.round_id')
    .select([
      'event_registration.id',
      'event_registration.round_id',
      'event_registration.status',
      'event_registration.accommodations_needed',
      'event_registration.other_needs',
      'event_registration.created_at',
      'consultation_round.title as round_title',
      'consultation_round.event',
    ])
    .where('event_registration.user_id', '=', userId)
    .where('event_registration.status', '!=', 'cancelled')
    .where('consultation_round.published_at', 'is not', null)
    .orderBy('event_registration.created_at', 'desc')
    .execute();
}
