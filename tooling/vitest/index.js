import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Shared vitest preset (plain JS: vitest loads workspace-package configs without transpiling them).
 * Database suites are slow to start (PGlite initdb), so timeouts are generous.
 * VITEST_JSON_OUT lets the test command sum passed/failed over every suite.
 * setupFiles: core's global zod messages are installed by each program at start, not on import, so suites that parse
 * list `@musyawarah/core/testing/setup`.
 * globalSetup: the database suites list `@musyawarah/db/testing/global-setup` (one migrated PGlite snapshot per run).
 * sharedModules: the test files of a worker share one module graph instead of importing the package afresh per file.
 * packages/api has ~40 files, each of which spent seconds importing the API and its dependencies again; shared, its
 * PGlite suite took 163 s instead of 455 s at the same load (6 December). Files that replace modules (`vi.mock`)
 * cannot share a graph: list them in `isolatedFiles` and they run in a project of their own, isolated as before.
 * @param {{ environment?: 'node' | 'jsdom'; testTimeout?: number; include?: string[]; setupFiles?: string[]; globalSetup?: string[]; sharedModules?: { isolatedFiles: string[] } }} [overrides]
 */
export function vitestConfig(overrides = {}) {
  const include = overrides.include ?? ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'];
  const isolatedFiles = overrides.sharedModules?.isolatedFiles ?? [];
  // A project that `extends` the root config appends its `include` to the root's, so with projects the root has none.
  const projects = overrides.sharedModules
    ? [
        {
          extends: true,
          test: {
            name: 'shared',
            include,
            isolate: false,
            exclude: [...configDefaults.exclude, ...isolatedFiles],
          },
        },
        ...(isolatedFiles.length
          ? [{ extends: true, test: { name: 'isolated', include: isolatedFiles } }]
          : []),
      ]
    : undefined;
  return defineConfig({
    test: {
      ...(projects ? { projects } : { include }),
      environment: overrides.environment ?? 'node',
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
