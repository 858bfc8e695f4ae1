import { mergeConfig } from 'vitest/config';
import { vitestConfig } from '@musyawarah/vitest-config';

// One test file at a time: each starts its own platform and Chromium, and the machines have two cores.
export default mergeConfig(vitestConfig({ include: ['src/**/*.e2e.test.ts'], testTimeout: 60_000 }), {
  // Starting the platform and Chromium took over 60 s in a beforeAll on a busy two-core machine (before the database came
  // from a snapshot): the hook limit is a safety net, not a wait, so it is generous.
  test: {
    fileParallelism: false,
    setupFiles: ['./src/setup.ts'],
    // Migrates and seeds the demo database once; each file's platform starts from a copy of it.
    globalSetup: ['./src/global-setup.ts'],
    hookTimeout: 180_000,
    // expect.poll gives up after 1 s by default, a guess at how fast the page is: it waits as long as Playwright waits
    // for an element (the harness's page timeout, 10 s), so on a busy machine a poll takes longer instead of failing.
    expect: { poll: { timeout: 10_000 } },
  },
});
