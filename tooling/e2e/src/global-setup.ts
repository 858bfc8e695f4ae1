import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { preparePlatformDatabase } from '@musyawarah/api-host';
import { writeEmbeddedSnapshot } from '@musyawarah/db';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated database with the demo data, for `startPlatform` to copy (see harness.ts). */
    platformSnapshot: string;
  }
}

/**
 * Once per run: the database every platform starts with. A fresh one took 5–10 s per test file on a busy machine
 * (initdb, migrations, demo data hashed with argon2id); a copy of this snapshot loads in about one.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const folder = mkdtempSync(join(tmpdir(), 'musyawarah-e2e-'));
  const snapshot = join(folder, 'platform.tar');
  await writeEmbeddedSnapshot(snapshot, async (db) => {
    await preparePlatformDatabase(db, { seedDemo: true });
  });
  project.provide('platformSnapshot', snapshot);
  return () => rmSync(folder, { recursive: true, force: true });
}
