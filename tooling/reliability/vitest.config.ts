import { mergeConfig } from 'vitest/config';
import { vitestConfig } from '@musyawarah/vitest-config';

// Each file starts its own PostgreSQL server and API processes: run them one after another, with room for slow machines.
export default mergeConfig(
  vitestConfig({ testTimeout: 240_000, setupFiles: ['@musyawarah/core/testing/setup'] }),
  { test: { fileParallelism: false } },
);
