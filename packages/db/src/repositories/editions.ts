import { sql } from 'kysely';
import type { Catalogue, Edition, EditionSummary } from '@musyawarah/core/editions';
import type { Executor } from '../client';
import { toJsonColumn } from '../json-column';
import { writeAudit, type AuditContext } from '../audit';
import type { RoadmapEdition } from '../schema-editions';

// Repository functions of the editions domain (executor first).

const SUMMARY_COLUMNS = [
  'id',
  'number',
  'title',
  'status',
  'adopted_at',
  'notes',
  'review_cycle_id',
] as const;

type SummaryRow = Pick<RoadmapEdition, (typeof SUMMARY_COLUMNS)[number]>;

/** An edition's summary with its row id (which the API uses as a cache key: an edition's text never changes). */
export type EditionRef = EditionSummary & { id: string };

function toSummary(row: SummaryRow): EditionRef {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status,
    adoptedAt: row.adopted_at,
    notes: row.notes,
    reviewCycleId: row.review_cycle_id,
  };
}

/** Every edition, newest first, without the catalogues. */
export async function listEditions(db: Executor): Promise<EditionRef[]> {
  const rows = await db
    .selectFrom('roadmap_edition')
    .select(SUMMARY_COLUMNS)
    .orderBy('number', 'desc')
    .execute();
  return rows.map(toSummary);
}

/** The summary of one edition (by number) or of the current one: a small query, no catalogue. */
export async function findEditionRef(
  db: Executor,
  which: { number: number } | 'current',
): Promise<EditionRef | undefined> {
  let query = db.selectFrom('roadmap_edition').select(SUMMARY_COLUMNS);
  query =
    which === 'current' ? query.where('status', '=', 'current') : query.where('number', '=', which.number);
  const row = await query.executeTakeFirst();
  return row && toSummary(row);
}

export async function loadEditionCatalogue(db: Executor, id: string): Promise<Catalogue | undefined> {
  const row = await db
    .selectFrom('roadmap_edition')
    .select('catalogue')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.catalogue;
}

/** One edition with its catalogue, by number or the current one. */
export async function findEdition(
  db: Executor,
  which: { number: number } | 'current',
): Promise<(Edition & { id: string }) | undefined> {
  const ref = await findEditionRef(db, which);
  if (!ref) return undefined;
  const catalogue = await loadEditionCatalogue(db, ref.id);
  return catalogue && { ...ref, catalogue };
}

/**
 * Takes the adoption lock on the editions for the rest of the transaction and returns the number of the edition that is
 * current once it is held (null when there is none). Adoptions queue behind one another (the mode conflicts with itself
 * and with writes, not with reads). A caller that decides anything from the current edition — a review cycle checks that
 * the edition its edits were written against is still current — must take this lock BEFORE reading it: checked first
 * and locked later, two adoptions on the same base both pass the check and the second silently drops the first one's
 * changes. (A row lock on the current edition would not do: the second adopter would wake up to find no current row.)
 */
export async function lockEditionsForAdoption(trx: Executor): Promise<number | null> {
  await sql`lock table roadmap_edition in share row exclusive mode`.execute(trx);
  // A new statement, so under READ COMMITTED it sees whatever an adoption we waited for committed.
  const current = await trx
    .selectFrom('roadmap_edition')
    .select('number')
    .where('status', '=', 'current')
    .executeTakeFirst();
  return current?.number ?? null;
}

export interface AdoptEditionInput {
  catalogue: Catalogue;
  title: string;
  notes?: string | null;
  reviewCycleId?: string | null;
  adoptedBy?: string | null;
  adoptedAt?: Date;
}

/**
 * Makes `catalogue` the new current edition: the current one is superseded and the new one numbered after the highest.
 * Call it inside the caller's transaction (the review cycle's adoption), so that the edition and the cycle's record
 * commit together. Two adoptions run one after the other; the partial unique index refuses a second current edition
 * whatever happens.
 */
export async function adoptEdition(
  trx: Executor,
  input: AdoptEditionInput,
  audit: AuditContext,
): Promise<EditionRef> {
  await lockEditionsForAdoption(trx);
  const current = await trx
    .selectFrom('roadmap_edition')
    .select(SUMMARY_COLUMNS)
    .where('status', '=', 'current')
    .executeTakeFirst();
  if (current) {
    await trx
      .updateTable('roadmap_edition')
      .set({ status: 'superseded' })
      .where('id', '=', current.id)
      .execute();
    await writeAudit(trx, audit, {
      action: 'edition.supersede',
      entityType: 'roadmap_edition',
      entityId: current.id,
      before: { number: current.number, status: 'current' },
      after: { number: current.number, status: 'superseded' },
    });
  }
  const highest = await trx
    .selectFrom('roadmap_edition')
    .select((eb) => eb.fn.max('number').as('number'))
    .executeTakeFirst();
  const row = await trx
    .insertInto('roadmap_edition')
    .values({
      number: Number(highest?.number ?? 0) + 1,
      title: input.title,
      catalogue: toJsonColumn(input.catalogue),
      status: 'current',
      adopted_at: input.adoptedAt ?? new Date(),
      notes: input.notes ?? null,
      review_cycle_id: input.reviewCycleId ?? null,
      adopted_by: input.adoptedBy ?? null,
    })
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirstOrThrow();
  const adopted = toSummary(row);
  // The catalogue itself is not copied into the audit log: it is kept, unchangeable, in the edition row.
  await writeAudit(trx, audit, {
    action: 'edition.adopt',
    entityType: 'roadmap_edition',
    entityId: adopted.id,
    after: {
      ...adopted,
      actionAreas: input.catalogue.actionAreas.length,
      supersedes: current?.number ?? null,
    },
  });
  return adopted;
}
