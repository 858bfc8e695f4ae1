import path from 'node:path';
import { migrateToLatest, openDatabase } from '../client';
import { databaseEnv } from './env';

// Relative data folders are resolved from the repository root, wherever pnpm runs this script from.
const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const handle = await openDatabase({
  databaseUrl: databaseEnv.DATABASE_URL,
  pgliteDataDir: path.resolve(repoRoot, databaseEnv.PGLITE_DATA_DIR),
});
try {
  const { applied } = await migrateToLatest(handle.db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
  await handle.close();
}
