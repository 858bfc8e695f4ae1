import { defineConfig } from 'vitest/config';

/** Shared vitest preset. Database suites are slow to start (PGlite initdb), so timeouts are generous. */
export function vitestConfig(overrides: { environment?: 'node' | 'jsdom'; testTimeout?: number } = {}) {
  return defineConfig({
    test: {
      environment: overrides.environment ?? 'node',
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
      testTimeout: overrides.testTimeout ?? 30_000,
      hookTimeout: 60_000,
      reporters: process.env.VITEST_JSON_OUT ? ['default', ['json', { outputFile: process.env.VITEST_JSON_OUT }]] : ['default'],
    },
  });
}
