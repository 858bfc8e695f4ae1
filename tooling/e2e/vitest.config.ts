import { mergeConfig } from 'vitest/config';
import { vitestConfig } from '@musyawarah/vitest-config';

// Two test files at a time. Each file starts its own platform (a copy of the demo snapshot on a free port) and its own
// Chromium, and names what it writes (screenshots, test-results/) after itself, so files share nothing but the
// read-only snapshot. One file alone leaves much of a two-core machine idle: the browser waits for the server, the
// server for the browser, and every audited page for 500 ms of network quiet (networkidle). vitest's default would be
// one worker on two cores (cores - 1), hence the explicit number; BROWSER_TEST_WORKERS=1 runs them one after another.
export default mergeConfig(vitestConfig({ include: ['src/**/*.e2e.test.ts'], testTimeout: 60_000 }), {
  // Starting the platform and Chromium took over 60 s in a beforeAll on a busy two-core machine (before the database came
  // from a snapshot): the hook limit is a safety net, not a wait, so it is generous.
  test: {
    fileParallelism: true,
    maxWorkers: Math.max(1, Number(process.env.BROWSER_TEST_WORKERS ?? 2) || 1),
    setupFiles: ['./src/setup.ts'],
    // Migrates and seeds the demo database once; each file's platform starts from a copy of it.
    globalSetup: ['./src/global-setup.ts'],
    hookTimeout: 180_000,
    // expect.poll gives up after 1 s by default, a guess at how fast the page is: it waits as long as Playwright waits
    // for an element (the harness's page timeout, 10 s), so on a busy machine a poll takes longer instead of failing.
    expect: { poll: { timeout: 10_000 } },
  },
});
