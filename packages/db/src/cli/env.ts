import { z } from 'zod';

/** The two database settings the db scripts read; the API host validates its full environment separately. */
export const databaseEnv = z
  .object({
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' })
      .optional(),
    PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
    NODE_ENV: z.string().optional(),
  })
  .parse(process.env);
