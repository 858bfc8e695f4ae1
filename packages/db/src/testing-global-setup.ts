import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, writeEmbeddedSnapshot } from './client';

/**
 * vitest globalSetup for the database suites: on PGlite, migrate one database once per run and let every
 * `openTestDatabase` start from a copy of it (its `initdb` and migrations took seconds per test file on a busy
 * machine). On PostgreSQL there is nothing to prepare: each file gets a schema of its own.
 */
export default async function setup(): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL) return () => undefined;
  const folder = mkdtempSync(join(tmpdir(), 'musyawarah-db-'));
  const snapshot = join(folder, 'migrated.tar');
  await writeEmbeddedSnapshot(snapshot, async (db) => {
    await migrateToLatest(db);
  });
  // Test workers start after this and inherit the environment.
  process.env.MUSYAWARAH_TEST_PGLITE_SNAPSHOT = snapshot;
  return () => rmSync(folder, { recursive: true, force: true });
}
