import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { exportDatabase } from '../backup';
import { openDatabase } from '../client';
import { databaseEnv } from './env';

// Usage: pnpm db:export <file.jsonl>   (or "-" for stdout). Reads DATABASE_URL / PGLITE_DATA_DIR like the API.
const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const target = process.argv[2];
if (!target) {
  console.error('Usage: pnpm db:export <file.jsonl | ->');
  process.exit(2);
}
const handle = await openDatabase({
  databaseUrl: databaseEnv.DATABASE_URL,
  pgliteDataDir: path.resolve(repoRoot, databaseEnv.PGLITE_DATA_DIR),
});
try {
  const out =
    target === '-'
      ? process.stdout
      : createWriteStream(path.resolve(process.env.INIT_CWD ?? process.cwd(), target));
  const result = await exportDatabase(handle.db, (line) => {
    if (!out.write(`${line}\n`)) return new Promise<void>((resolve) => out.once('drain', () => resolve()));
  });
  if (out !== process.stdout) {
    out.end();
    await finished(out);
  }
  console.error(
    `Exported ${result.rows} rows from ${result.tables} tables${target === '-' ? '' : ` to ${target}`}.`,
  );
} finally {
  await handle.close();
}
