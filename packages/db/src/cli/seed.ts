import path from 'node:path';
import { hash } from '@node-rs/argon2';
import { migrateToLatest, openDatabase } from '../client';
import { seedDemoData } from '../seed';
import { databaseEnv } from './env';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const handle = await openDatabase({
  databaseUrl: databaseEnv.DATABASE_URL,
  pgliteDataDir: path.resolve(repoRoot, databaseEnv.PGLITE_DATA_DIR),
});
try {
  await migrateToLatest(handle.db);
  // argon2id (Algorithm.Argon2id = 2) with the same OWASP parameters as packages/auth.
  const { created } = await seedDemoData(handle.db, {
    hashPassword: (password) =>
      hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
    nodeEnv: databaseEnv.NODE_ENV,
  });
  console.log(
    created.length ? `Created demo accounts: ${created.join(', ')}` : 'Demo accounts already exist.',
  );
} finally {
  await handle.close();
}
