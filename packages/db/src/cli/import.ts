import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { BackupRefusedError, importDatabase } from '../backup';
import { migrateToLatest, openDatabase } from '../client';
import { databaseEnv } from './env';

// Usage: pnpm db:import <file.jsonl>. Migrates the target first, then restores into it in one transaction.
const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const source = process.argv[2];
if (!source) {
  console.error('Usage: pnpm db:import <file.jsonl>');
  process.exit(2);
}
const handle = await openDatabase({
  databaseUrl: databaseEnv.DATABASE_URL,
  pgliteDataDir: path.resolve(repoRoot, databaseEnv.PGLITE_DATA_DIR),
});
try {
  await migrateToLatest(handle.db);
  const lines = createInterface({
    input: createReadStream(path.resolve(process.env.INIT_CWD ?? process.cwd(), source)),
    crlfDelay: Infinity,
  });
  const { rows } = await importDatabase(handle.db, lines);
  console.error(`Restored ${rows} rows from ${source}.`);
} catch (error) {
  if (error instanceof BackupRefusedError) {
    console.error(`Refused: ${error.message}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await handle.close();
}
