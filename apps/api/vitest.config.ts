import { vitestConfig } from '@musyawarah/vitest-config';

export default vitestConfig({
  setupFiles: ['@musyawarah/core/testing/setup'],
  globalSetup: ['@musyawarah/db/testing/global-setup'],
});
