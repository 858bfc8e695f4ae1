import { getCatalogue } from '@musyawarah/core';
import type { Executor } from '../client';
import { writeAudit } from '../audit';

export const FIRST_EDITION_TITLE = 'ASEAN Responsible AI Roadmap (2025–2030)';

/** Reference data, not demo data: the catalogue in packages/core is the Roadmap's first edition. Idempotent. */
export async function seedFirstEdition(db: Executor): Promise<void> {
  // The edition and its audit row commit together; inside a caller's transaction, as part of it.
  if (!db.isTransaction) return db.transaction().execute((trx) => seedFirstEdition(trx));
  const inserted = await db
    .insertInto('roadmap_edition')
    .values({
      number: 1,
      title: FIRST_EDITION_TITLE,
      catalogue: JSON.stringify(getCatalogue()),
      // Current only when it is the first edition ever stored; `on conflict` leaves an existing edition 1 alone.
      status: 'current',
      adopted_at: null,
      notes: null,
    })
    .onConflict((oc) => oc.column('number').doNothing())
    .returning(['id', 'number', 'title'])
    .executeTakeFirst();
  if (inserted) {
    await writeAudit(
      db,
      { actorUserId: null },
      { action: 'edition.seed_first', entityType: 'roadmap_edition', entityId: inserted.id, after: inserted },
    );
  }
}
