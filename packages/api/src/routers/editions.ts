import { z } from 'zod';
import { diffEditions, type Catalogue, type EditionDiff } from '@musyawarah/core/editions';
import {
  findEditionRef,
  listEditions,
  loadEditionCatalogue,
  type EditionRef,
  type Executor,
} from '@musyawarah/db';
import type { Context } from '../context';
import type { CurrentEditionCache } from '../current-edition';
import { notFound } from '../errors';
import { publicProcedure, router } from '../trpc';

export const editionNumberField = z.number().int().min(1).max(1_000_000);

/**
 * An adopted edition never changes (a database trigger refuses it), so its parsed catalogue is kept in memory by row
 * id: reading the catalogue costs one small query for the edition's id, and the catalogue itself is loaded once per
 * process. Diffs between two editions are immutable too and kept the same way. Both caches are bounded (least recently
 * used goes first) so a crawler walking every pair of editions cannot grow the process without limit.
 */
class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }
}

const catalogues = new BoundedCache<Promise<Catalogue | undefined>>(16);
const diffs = new BoundedCache<EditionDiff>(32);

async function catalogueOf(db: Executor, ref: EditionRef): Promise<Catalogue> {
  let loading = catalogues.get(ref.id);
  if (!loading) {
    // The promise is cached, so concurrent first readers share one load; a failed load is not kept.
    loading = loadEditionCatalogue(db, ref.id);
    catalogues.set(ref.id, loading);
    loading.catch(() => catalogues.delete(ref.id));
  }
  const catalogue = await loading;
  if (!catalogue) throw notFound('edition.notFound');
  return catalogue;
}

async function refOf(
  db: Executor,
  number: number | undefined,
  cache?: CurrentEditionCache,
): Promise<EditionRef> {
  const ref =
    number === undefined && cache
      ? await cache.current(db)
      : await findEditionRef(db, number === undefined ? 'current' : { number });
  if (!ref) throw notFound('edition.notFound');
  return ref;
}

/**
 * The catalogue of an edition (the current one when no number is given) with its summary. Both are read from the
 * primary: the current-edition cache follows the primary's notifications, and a replica a moment behind could still
 * lack the edition it names. Either is read once per process and edition, so the replica would save nothing.
 */
export async function editionCatalogue(
  ctx: Pick<Context, 'db' | 'editionCache'>,
  number?: number,
): Promise<{ edition: EditionRef; catalogue: Catalogue }> {
  const edition = await refOf(ctx.db, number, ctx.editionCache);
  return { edition, catalogue: await catalogueOf(ctx.db, edition) };
}

async function diffBetween(db: Executor, from: EditionRef, to: EditionRef): Promise<EditionDiff> {
  const key = `${from.id}:${to.id}`;
  const cached = diffs.get(key);
  if (cached) return cached;
  const [before, after] = await Promise.all([catalogueOf(db, from), catalogueOf(db, to)]);
  const diff = diffEditions(before, after);
  diffs.set(key, diff);
  return diff;
}

export function presentEdition(edition: EditionRef) {
  return {
    number: edition.number,
    title: edition.title,
    status: edition.status,
    adoptedAt: edition.adoptedAt,
    notes: edition.notes,
    reviewCycleId: edition.reviewCycleId,
  };
}

export const editionsRouter = router({
  /** Every edition, newest first. */
  list: publicProcedure.query(async ({ ctx }) => (await listEditions(ctx.readDb)).map(presentEdition)),

  /**
   * One edition and which action areas it added, changed or retired compared with the edition before it (none for the
   * first): what the catalogue browser marks as "changed in edition N".
   */
  get: publicProcedure.input(z.object({ number: editionNumberField })).query(async ({ ctx, input }) => {
    const edition = await refOf(ctx.db, input.number);
    const previous =
      input.number > 1 ? await findEditionRef(ctx.db, { number: input.number - 1 }) : undefined;
    if (!previous) return { ...presentEdition(edition), previous: null, changes: null };
    const diff = await diffBetween(ctx.db, previous, edition);
    const areas = (status: 'added' | 'changed' | 'retired') =>
      diff.actionAreas.filter((area) => area.status === status).map((area) => area.id);
    // Sub-actions of changed areas only: those of an added or retired area are new or gone with it.
    const subs = (status: 'added' | 'changed' | 'retired') =>
      diff.actionAreas.flatMap((area) =>
        area.status === 'changed'
          ? area.subActions.filter((sub) => sub.status === status).map((sub) => sub.id)
          : [],
      );
    return {
      ...presentEdition(edition),
      previous: previous.number,
      changes: {
        added: areas('added'),
        changed: areas('changed'),
        retired: areas('retired'),
        subActions: { added: subs('added'), changed: subs('changed'), retired: subs('retired') },
        counts: diff.counts,
      },
    };
  }),

  /** What changed from edition `from` to edition `to`: areas and sub-actions added, retired or changed, word by word. */
  compare: publicProcedure
    .input(z.object({ from: editionNumberField, to: editionNumberField }))
    .query(async ({ ctx, input }) => {
      const [from, to] = await Promise.all([refOf(ctx.db, input.from), refOf(ctx.db, input.to)]);
      return {
        from: presentEdition(from),
        to: presentEdition(to),
        diff: await diffBetween(ctx.db, from, to),
      };
    }),
});
