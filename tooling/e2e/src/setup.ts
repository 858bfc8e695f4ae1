import { afterEach, beforeEach } from 'vitest';
import { testFinished, testStarted } from './harness';

// Registered for every test file through vitest.config.ts, so flow tests get screenshots and page clean-up for free.
beforeEach(({ task }) => {
  const names: string[] = [task.name];
  for (let suite = task.suite; suite; suite = suite.suite) if (suite.name) names.unshift(suite.name);
  const file =
    task.file?.name
      .split('/')
      .pop()
      ?.replace(/\.e2e\.test\.ts$/, '') ?? 'test';
  testStarted([file, ...names].join('-'));
});

afterEach(async ({ task }) => {
  await testFinished(task.result?.state === 'fail');
});
