import type { Executor } from '../client';

/** Reference data, not demo data: the catalogue in packages/core is the Roadmap's first edition. Idempotent. */
export async function seedFirstEdition(_db: Executor): Promise<void> {}
