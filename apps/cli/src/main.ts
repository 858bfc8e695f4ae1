import path from 'node:path';
import { getCatalogue, installValidationMessages } from '@musyawarah/core';
import { runCli } from './cli';

/** The platform's database, from DATABASE_URL / PGLITE_DATA_DIR (relative to the repository root) like the API. */
async function openDatabase() {
  const [{ openDatabase: open }, { databaseEnv }] = await Promise.all([
    import('@musyawarah/db'),
    import('@musyawarah/db/cli/env'),
  ]);
  const repoRoot = path.resolve(import.meta.dirname, '../../..');
  return open({
    databaseUrl: databaseEnv.DATABASE_URL,
    pgliteDataDir: path.resolve(repoRoot, databaseEnv.PGLITE_DATA_DIR),
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// A reader that stops early (`… | head`) closes the pipe; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

installValidationMessages();
const result = await runCli(process.argv.slice(2), readStdin, { catalogue: getCatalogue(), openDatabase });
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
