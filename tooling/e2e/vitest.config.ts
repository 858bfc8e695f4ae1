import { mergeConfig } from 'vitest/config';
import { vitestConfig } from '@musyawarah/vitest-config';

// One test file at a time: each starts its own platform and Chromium, and the machines have two cores.
export default mergeConfig(vitestConfig({ include: ['src/**/*.e2e.test.ts'], testTimeout: 60_000 }), {
  test: { fileParallelism: false, setupFiles: ['./src/setup.ts'] },
});
