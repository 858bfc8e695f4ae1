import { defineConfig } from 'vitest/config';

/**
 * Shared vitest preset (plain JS: vitest loads workspace-package configs without transpiling them).
 * Database suites are slow to start (PGlite initdb), so timeouts are generous.
 * VITEST_JSON_OUT lets the test command sum passed/failed over every suite.
 * @param {{ environment?: 'node' | 'jsdom'; testTimeout?: number; include?: string[] }} [overrides]
 */
export function vitestConfig(overrides = {}) {
  return defineConfig({
    test: {
      environment: overrides.environment ?? 'node',
      include: overrides.include ?? ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
      testTimeout: overrides.testTimeout ?? 30_000,
      hookTimeout: 60_000,
      reporters: process.env.VITEST_JSON_OUT
        ? ['default', ['json', { outputFile: process.env.VITEST_JSON_OUT }]]
        : ['default'],
    },
  });
}
