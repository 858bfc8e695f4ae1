import { vitestConfig } from '@musyawarah/vitest-config';

export default vitestConfig({
  setupFiles: ['@musyawarah/core/testing/setup'],
  globalSetup: ['./src/testing-global-setup.ts'],
});
