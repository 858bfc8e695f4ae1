import { vitestConfig } from '@musyawarah/vitest-config';

export default vitestConfig({
  setupFiles: ['@musyawarah/core/testing/setup'],
  globalSetup: ['@musyawarah/db/testing/global-setup'],
  // auth-trust replaces @musyawarah/auth with vi.mock to count argon2 calls.
  sharedModules: { isolatedFiles: ['src/auth-trust.test.ts'] },
});
