import { defineConfig } from 'vitest/config';

/**
 * Shared vitest preset (plain JS: vitest loads workspace-package configs without transpiling them).
 * Database suites are slow to start (PGlite initdb), so timeouts are generous.
 * VITEST_JSON_OUT lets the test command sum passed/failed over every suite.
 * setupFiles: core's global zod messages are installed by each program at start, not on import, so suites that parse
 * list `@musyawarah/core/testing/setup`.
 * globalSetup: the database suites list `@musyawarah/db/testing/global-setup` (one migrated PGlite snapshot per run).
 * @param {{ environment?: 'node' | 'jsdom'; testTimeout?: number; include?: string[]; setupFiles?: string[]; globalSetup?: string[] }} [overrides]
 */
export function vitestConfig(overrides = {}) {
  return defineConfig({
    test: {
      environment: overrides.environment ?? 'node',
      include: overrides.include ?? ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
      testTimeout: overrides.testTimeout ?? 30_000,
      setupFiles: overrides.setupFiles ?? [],
      globalSetup: overrides.globalSetup ?? [],
      hookTimeout: 60_000,
      reporters: process.env.VITEST_JSON_OUT
        ? ['default', ['json', { outputFile: process.env.VITEST_JSON_OUT }]]
        : ['default'],
    },
  });
}
