// Types for postgres.mjs, for TypeScript callers (tooling/reliability, bench).
export interface ThrowawayPostgres {
  url: string;
  port: number;
  dataDir: string;
  version: string;
  stop(): Promise<void>;
}
export function findPostgresBin(): string | undefined;
export function freePort(): Promise<number>;
export function startThrowawayPostgres(options?: {
  fsync?: boolean;
  log?: (line: string) => void;
  settings?: Record<string, string | number>;
}): Promise<ThrowawayPostgres>;
