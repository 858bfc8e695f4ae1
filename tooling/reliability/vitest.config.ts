import { vitestConfig } from '@musyawarah/vitest-config';

// Each file starts its own PostgreSQL server and API processes: run them one after another, with room for slow machines.
const config = vitestConfig({ testTimeout: 240_000, setupFiles: ['@musyawarah/core/testing/setup'] });
export default { ...config, test: { ...config.test, fileParallelism: false } };
