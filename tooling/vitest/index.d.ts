import type { UserConfig } from 'vitest/config';
export function vitestConfig(overrides?: {
  environment?: 'node' | 'jsdom';
  testTimeout?: number;
  include?: string[];
  setupFiles?: string[];
  globalSetup?: string[];
  sharedModules?: { isolatedFiles: string[] };
}): UserConfig;
